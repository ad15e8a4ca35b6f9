package org.teiedition.editions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Per unit, how many of its markers' footnote texts do not start on the marker's page (or are missing). */
    Map<String, Integer> misplaced() {
        Map<String, Integer> bad = new java.util.TreeMap<>();
        for (Marker m : markers) {
            Integer page = pages.get(m.id());
            if (page == null || !page.equals(pages.get(m.text()))) bad.merge(m.unit(), 1, Integer::sum);
        }
        return bad;
    }

    /** Every unit the layout declared. */
    Set<String> units() {
        Set<String> names = new TreeSet<>();
        for (Unit u : units) names.add(u.name());
        return names;
    }
}
