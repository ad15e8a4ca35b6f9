package org.teiedition.editions;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where one layout put the footnote markers and their texts, as the print stylesheet declared them to the driver
 * ({@code p:unit} on the first block of each page-sequence, {@code p:footnote} on each marker: see
 * {@code xslt/fo/print.xsl}), read from FOP's id tracker ({@link PdfRenderer#layOut}).
 */
final class FootnotePages {
    /** A page-sequence of the layout: its name and the FO id of its first block. */
    record Unit(String name, String id) {
    }

    /** A footnote marker (its FO id) in {@code unit}, whose footnote text has the FO id {@code text}. */
    record Marker(String unit, String id, String text) {
    }

    private final List<Unit> units;
    private final List<Marker> markers;
    /** First page (1-based, in the whole document) of every id above. */
    private final Map<String, Integer> pages;

    FootnotePages(List<Unit> units, List<Marker> markers, Map<String, Integer> pages) {
        this.units = List.copyOf(units);
        this.markers = List.copyOf(markers);
        this.pages = Map.copyOf(pages);
    }

    List<Marker> markers() {
        return markers;
    }

    /**
     * Where each marker of {@code units} landed, as "unit/page" with the page counted from the unit's first page:
     * a unit starts a page-sequence, so its pages do not depend on the units before it.
     */
    Map<String, String> places(Set<String> units) {
        Map<String, Integer> start = new LinkedHashMap<>();
        for (Unit u : this.units) {
            Integer page = pages.get(u.id());
            if (page != null) start.put(u.name(), page);
        }
        Map<String, String> places = new LinkedHashMap<>();
        for (Marker m : markers) {
            Integer page = pages.get(m.id());
            Integer first = start.get(m.unit());
            if (units.contains(m.unit()) && page != null && first != null) {
                places.put(m.id(), m.unit() + "/" + (page - first + 1));
            }
        }
        return places;
    }

    /**
     * Per unit, how many of its markers are out of place in a layout made with {@code places} (the stylesheet's
     * {@code p:marker-pages}): a grouped marker not on the page that holds most of its group (the earliest such
     * page), or whose footnote text is missing or comes before it. A unit is settled when none is: each group is on
     * one page, which carries its footnote. A text may come after its marker's page: FOP continues a page's
     * footnotes on the next when they do not fit at its foot, grouped or not. Only the markers that left their
     * group count, not the whole group: the count says how far a unit is from settling, and the driver retries a
     * unit while it falls.
     */
    Map<String, Integer> misplaced(Map<String, String> places) {
        Map<String, Map<Integer, Integer>> groups = new HashMap<>();
        for (Marker m : markers) {
            String group = places.get(m.id());
            Integer page = pages.get(m.id());
            if (group != null && page != null) groups.computeIfAbsent(group, g -> new TreeMap<>()).merge(page, 1, Integer::sum);
        }
        Map<String, Integer> home = new HashMap<>();
        groups.forEach((group, count) -> home.put(group, count.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<Integer, Integer>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey()));
        Map<String, Integer> bad = new TreeMap<>();
        for (Marker m : markers) {
            Integer page = pages.get(m.id());
            Integer text = pages.get(m.text());
            String group = places.get(m.id());
            boolean ok = page != null && text != null && text >= page && (group == null || home.get(group).equals(page));
            if (!ok) bad.merge(m.unit(), 1, Integer::sum);
        }
        return bad;
    }

    /** The page (1-based, in the whole document) a unit starts on; 0 if it was not laid out. */
    int firstPage(String unit) {
        for (Unit u : units) if (u.name().equals(unit)) return pages.getOrDefault(u.id(), 0);
        return 0;
    }

    /** Every unit the layout declared. */
    Set<String> units() {
        Set<String> names = new TreeSet<>();
        for (Unit u : units) names.add(u.name());
        return names;
    }
}
