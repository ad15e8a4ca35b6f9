package org.teiedition.editions;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where FOP put the footnote markers and their entries, read from FOP's intermediate format (IF), which records
 * every FO id on the page it landed on ({@code <page index="0">...<id name="ar1"/>}).
 * The print stylesheet gives a marker the model's id ({@code ar1} apparatus, {@code nr1} commentary) and the
 * footnote text its entry's id ({@code a1}, {@code n1}): the model's own naming (m:app-ref/@id, @target).
 */
final class FootnotePages {
    private static final Pattern IF_ITEMS = Pattern.compile("<page index=\"(\\d+)\"|<id name=\"([^\"<>&]+)\"/>");
    private static final Pattern MARKER = Pattern.compile("([an])r(\\d+)");

    /** First page (1-based) of every id in the IF document. */
    private final Map<String, Integer> pages;

    private FootnotePages(Map<String, Integer> pages) {
        this.pages = pages;
    }

    /**
     * Reads FOP's own output (trusted, and not namespace-well-formed when the structure tree is written, so it
     * is scanned rather than parsed): page elements and the ids that follow them.
     */
    static FootnotePages parse(byte[] intermediateFormat) {
        Map<String, Integer> found = new HashMap<>();
        Matcher m = IF_ITEMS.matcher(new String(intermediateFormat, StandardCharsets.UTF_8));
        int page = 0;
        while (m.find()) {
            if (m.group(1) != null) page = Integer.parseInt(m.group(1)) + 1;
            else found.putIfAbsent(m.group(2), page);
        }
        return new FootnotePages(found);
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
