package org.teiedition.editions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where FOP put the footnote markers and their entries: the first page of each, from the layout's id tracker
 * ({@link PdfRenderer#layOut}). The print stylesheet gives a marker the model's id ({@code ar1} apparatus,
 * {@code nr1} commentary) and the footnote text its entry's id ({@code a1}, {@code n1}): the model's own naming
 * (m:app-ref/@id, @target).
 */
final class FootnotePages {
    private static final Pattern MARKER = Pattern.compile("([an])r(\\d+)");
    /** The ids a layout is asked to watch: markers and entries. */
    static final java.util.function.Predicate<String> IDS = Pattern.compile("[an]r?\\d+").asMatchPredicate();

    /** First page (1-based) of every watched id. */
    private final Map<String, Integer> pages;

    FootnotePages(Map<String, Integer> pages) {
        this.pages = Map.copyOf(pages);
    }

    /** The page of every footnote marker, in a stable order (the stylesheet's {@code p:marker-pages}). */
    Map<String, Integer> markerPages() {
        Map<String, Integer> m = new LinkedHashMap<>();
        pages.entrySet().stream().filter(e -> MARKER.matcher(e.getKey()).matches())
                .sorted(Map.Entry.comparingByKey()).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** Whether every marker's footnote text starts on the marker's page (and none is missing). */
    boolean entriesOnMarkerPages() {
        for (Map.Entry<String, Integer> e : markerPages().entrySet()) {
            Matcher m = MARKER.matcher(e.getKey());
            if (!m.matches()) continue;
            Integer entry = pages.get(m.group(1) + m.group(2));
            if (!e.getValue().equals(entry)) return false;
        }
        return true;
    }
}
