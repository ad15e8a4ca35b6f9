package org.teiedition.editions;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.streams.Steps;
import org.apache.fop.apps.FOPException;
import org.teiedition.Trace;

/**
 * The print edition's layout protocol: how the print stylesheet and FOP together make one PDF of a model view.
 * <p>
 * FOP has one footnote area per page, filled in the order of the markers, so the apparatus and the commentary
 * would interleave. The stylesheet can instead put each page's entries into one footnote on the page's first
 * marker (apparatus, rule, commentary) once it knows where the markers land. So: a first layout with one footnote
 * per marker gives each marker's page; then the grouped layout is kept if each group's markers share a page and
 * no footnote text comes before its marker ({@link FootnotePages#misplaced}; a page's footnotes that do not fit at
 * its foot continue on the next, as FOP sets them, grouped or not). Grouping can move text, so a unit (a
 * page-sequence: see print.xsl) where it did not is laid out again from where its markers went. A unit that has
 * not settled after {@value #ROUNDS} grouped layouts, or whose count of markers astray stops falling, keeps one
 * footnote per marker, which is always on the marker's page, and the user is told: where a page's end depends on
 * whose entries its footnote carries (with a marker's entry the marker no longer fits, without it it does), no
 * grouping is right, and a text with dozens of entries a page has such a marker at the end of most pages. A unit
 * starts on a new page, so its layout depends on its own content only: settling one unit never unsettles another.
 * The first layout is a complete PDF, kept until the end: when every unit gives up it is the PDF (a dense
 * apparatus gives up everywhere, and would otherwise be laid out once more exactly as at first). The stylesheet
 * says whether a view groups its footnotes at all ({@code p:groups-footnotes}: not for commentary notes alone);
 * if not, one layout is the PDF.
 * <p>
 * Memory: FOP keeps a page-sequence's pages until it ends, and the stylesheet makes one page-sequence per
 * division, so a layout holds one division's pages at a time. The rounds share the document's fonts, parsed once
 * ({@link PdfRenderer.DocumentFonts}). Everything is deterministic, so are the bytes.
 */
final class PrintLayout {
    /** The print stylesheet's place of each footnote marker, "unit/page" (see print.xsl). */
    static final QName MARKER_PAGES = new QName(PdfRenderer.PRINT_NS, "marker-pages");
    /** The print stylesheet's answer whether a view's footnotes are grouped by page (and so need more layouts). */
    static final QName GROUPS_FOOTNOTES = new QName(PdfRenderer.PRINT_NS, "groups-footnotes");
    /** The print stylesheet's languages to hyphenate: those of the view FOP has patterns for. */
    static final QName HYPHENATION = new QName(PdfRenderer.PRINT_NS, "hyphenation-languages");
    /** Grouped layouts tried before a unit falls back to one footnote per marker. */
    static final int ROUNDS = 2;

    /** A transformer of the print stylesheet for the view, with these stylesheet parameters. */
    @FunctionalInterface
    interface Stylesheet {
        Xslt30Transformer load(Map<QName, XdmValue> params) throws SaxonApiException;
    }

    private final PdfRenderer fop;
    private final Stylesheet stylesheet;
    private final XdmNode view;
    private final PdfRenderer.DocumentFonts fonts = new PdfRenderer.DocumentFonts();
    private final Date date;
    private final String name;
    private final XdmValue hyphenation;

    PrintLayout(PdfRenderer fop, Stylesheet stylesheet, XdmNode view, String name) {
        this.fop = fop;
        this.stylesheet = stylesheet;
        this.view = view;
        this.name = name;
        this.date = creationDate(view);
        this.hyphenation = hyphenationLanguages(view);
    }

    /**
     * The languages of the view (its {@code @lang} values, and English, the stylesheet's default) that FOP can hyphenate:
     * those with patterns on the classpath ({@code hyph/ll.hyp} or {@code hyph/ll_CC.hyp}, from net.sf.offo:fop-hyph).
     * The stylesheet hyphenates only these, so a language without patterns is set unhyphenated rather than warned of.
     */
    static XdmValue hyphenationLanguages(XdmNode view) {
        Set<String> langs = new TreeSet<>(Set.of("en"));
        view.select(Steps.descendant().then(Steps.attribute("lang"))).forEach(a -> langs.add(a.getStringValue()));
        List<XdmAtomicValue> patterns = new ArrayList<>();
        for (String lang : langs) {
            String[] tag = lang.split("-");
            boolean found = tag.length <= 2 && (hasPatterns(tag[0] + (tag.length == 2 ? "_" + tag[1] : ""))
                    || hasPatterns(tag[0]));
            if (found) patterns.add(new XdmAtomicValue(lang));
        }
        return new XdmValue(patterns);
    }

    private static boolean hasPatterns(String key) {
        return key.matches("[A-Za-z_]+") && PrintLayout.class.getClassLoader().getResource("hyph/" + key + ".hyp") != null;
    }

    /**
     * The PDF; the warnings of the layout that became it (FOP's, the stylesheet's) go to {@code warnings}, each page
     * of every layout to {@code progress} as FOP lays it out.
     */
    byte[] render(PrintWarnings warnings, Consumer<LayoutProgress> progress) throws SaxonApiException, FOPException {
        boolean groups = stylesheet.load(Map.of()).callFunction(GROUPS_FOOTNOTES, new XdmValue[] {view})
                .itemAt(0).getStringValue().equals("true");
        // the layout with one footnote per marker, and what it warned of
        List<Consumer<PrintWarnings>> firstWarnings = new ArrayList<>();
        ByteArrayOutputStream firstPdf = new ByteArrayOutputStream(64 * 1024);
        FootnotePages first = layOut(Map.of(), 0, firstPdf, firstWarnings, progress);
        Map<String, String> places = groups ? first.places(first.units()) : Map.of();
        // nothing to group: a grouped layout would be this one again
        if (places.isEmpty()) return finish(firstPdf, firstWarnings, first, Map.of(), warnings);
        Map<String, Integer> before = Map.of();
        // the units set one footnote per marker, and why
        Map<String, String> ungrouped = new TreeMap<>();
        // whether a layout may have put a footnote off its marker's page: not once every unit left to check gave up
        boolean check = true;
        for (int round = 1; ; round++) {
            List<Consumer<PrintWarnings>> roundWarnings = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            FootnotePages laid = layOut(places, round, out, roundWarnings, progress);
            Map<String, Integer> misplaced = check ? laid.misplaced(places) : Map.of();
            Trace.at("laid out " + name + " for the PDF, round " + (round + 1) + ", markers out of place by unit: " + misplaced);
            if (misplaced.isEmpty()) return finish(out, roundWarnings, laid, ungrouped, warnings);
            // The settled units keep their places; the others try where their markers went now, unless this was the
            // last round or no fewer footnotes went astray than before: then one footnote per marker, always right.
            Map<String, String> next = new LinkedHashMap<>(places);
            Set<String> retry = new TreeSet<>();
            for (Map.Entry<String, Integer> unit : misplaced.entrySet()) {
                int astray = unit.getValue();
                Integer earlier = before.get(unit.getKey());
                if (round < ROUNDS && (earlier == null || astray < earlier)) {
                    retry.add(unit.getKey());
                } else {
                    ungrouped.put(unit.getKey(), round < ROUNDS
                            ? astray + " markers off their group's page after " + round + " grouped layouts, no fewer than the "
                                    + earlier + " of the layout before"
                            : astray + " markers still off their group's page after " + round + " grouped layouts");
                }
            }
            for (FootnotePages.Marker m : laid.markers()) if (misplaced.containsKey(m.unit())) next.remove(m.id());
            next.putAll(laid.places(retry));
            // no unit grouped: the next layout would be the first one again
            if (next.isEmpty()) return finish(firstPdf, firstWarnings, first, ungrouped, warnings);
            check = !retry.isEmpty();
            places = next;
            before = misplaced;
        }
    }

    /** The PDF of the layout kept, with what it warned of and the units that keep one footnote per marker. */
    private static byte[] finish(ByteArrayOutputStream pdf, List<Consumer<PrintWarnings>> laidWarnings, FootnotePages laid,
            Map<String, String> ungrouped, PrintWarnings warnings) {
        laidWarnings.forEach(w -> w.accept(warnings));
        int units = laid.units().size();
        ungrouped.forEach((unit, why) -> warnings.ungrouped(unit, units, laid.firstPage(unit), why));
        return PdfDeterminism.apply(PdfFinish.apply(pdf.toByteArray()));
    }

    /** One run of the stylesheet into FOP; what it warns of is kept in {@code warnings}, to be said if it is kept. */
    private FootnotePages layOut(Map<String, String> places, int round, OutputStream out,
            List<Consumer<PrintWarnings>> warnings, Consumer<LayoutProgress> progress) throws SaxonApiException, FOPException {
        Map<QName, XdmValue> params = new HashMap<>();
        params.put(HYPHENATION, hyphenation);
        if (!places.isEmpty()) params.put(MARKER_PAGES, XdmMap.makeMap(places));
        Xslt30Transformer t = stylesheet.load(params);
        // both come on this thread, while the stylesheet writes into FOP
        t.setMessageHandler(m -> warnings.add(w -> w.replaced(m.getStringValue())));
        FootnotePages laid = fop.layOut(out, date, event -> warnings.add(w -> w.fop(event)),
                fonts, (unit, units, pages) -> progress.accept(new LayoutProgress(round, unit, units, pages)),
                handler -> t.applyTemplates(view, new SAXDestination(handler)));
        if (round == 0) Trace.at("laid out " + name + " for the PDF, one footnote per marker");
        return laid;
    }

    /**
     * The PDF's creation date is the model's publication date ({@code m:edition/@published}, an xs:date), so that
     * two builds give the same bytes; without one, a fixed day.
     */
    static Date creationDate(XdmNode view) {
        String published = view.select(Steps.child(MODEL_NS, "edition").then(Steps.attribute("published")))
                .findFirst().map(XdmNode::getStringValue).orElse("2000-01-01");
        return Date.from(LocalDate.parse(published).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static final String MODEL_NS = "https://teiedition.org/ns/model";
}
