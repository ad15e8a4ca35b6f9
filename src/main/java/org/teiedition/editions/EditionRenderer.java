package org.teiedition.editions;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import org.apache.fop.apps.MimeConstants;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.streams.Steps;
import org.apache.fop.apps.FOPException;
import org.teiedition.Trace;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;

/**
 * Runs an edition's stylesheet over an already parsed document and returns the finished bytes (written to disk
 * atomically by the caller). Thread-safe: compiled stylesheets and the FOP factory are shared, transformers are not.
 */
public final class EditionRenderer {
    /** The stylesheet parameter for which witness a diplomatic view shows. */
    public static final QName WITNESS = new QName("witness");
    /**
     * xs:boolean, HTML editions only: the page is part of a corpus build and links to its neighbours through the
     * OUT/&lt;document&gt;/nav.js the corpus step writes (html-common.xsl, h:corpus-sequence).
     */
    public static final QName CORPUS = new QName("corpus");
    /**
     * xs:string, set for every edition stylesheet (one that does not declare it ignores it): the edition's registered
     * name, so that one stylesheet can render several editions (html/page.xsl: reading and diplomatic).
     */
    public static final QName EDITION = new QName("edition");
    /**
     * {@code map(xs:string, xs:string)*}, HTML editions only: the editions built for this document, in registry
     * order, each {@code map{'name', 'label', 'file', 'apparatus'}} (apparatus: "true" | "false"); the page shell links to every one and takes its own label
     * from it. Also summary.xsl's list of a document's editions.
     */
    public static final QName EDITIONS = new QName("editions");
    /** xs:boolean, HTML editions only: {@link Edition#apparatus()}. */
    public static final QName SHOW_APPARATUS = new QName("show-apparatus");

    /** The value of {@link #EDITIONS} for these editions. */
    public static XdmValue editionsParameter(List<Edition> editions) {
        return XdmValue.makeSequence(editions.stream().map(e -> XdmMap.makeMap(Map.of(
                "name", e.name(), "label", e.label(), "file", e.fileName(), "apparatus", String.valueOf(e.apparatus())))).toList());
    }

    /** A page rendered on its own links to the editions the registry makes for its document. */
    private static List<Edition> registeredFor(SourceDocument doc) {
        return Editions.ALL.stream().filter(e -> e.appliesTo(doc.node())).toList();
    }

    /** The print stylesheet's page of each footnote marker (see {@link #renderPdf}). */
    static final QName MARKER_PAGES = new QName("https://teiedition.org/ns/print", "marker-pages");
    /** The print stylesheet's switch for the trial layout: the letter without its back matter. */
    static final QName TRIAL = new QName("https://teiedition.org/ns/print", "trial");

    private final Xslt xslt;
    private volatile PdfRenderer pdf;
    private final java.util.concurrent.atomic.AtomicInteger modelsMade = new java.util.concurrent.atomic.AtomicInteger();

    public EditionRenderer(Xslt xslt) {
        this.xslt = xslt;
    }

    public Xslt xslt() {
        return xslt;
    }

    public byte[] render(SourceDocument doc, Edition edition, String witness) throws SaxonApiException, FOPException {
        return render(doc, edition, witness, false, w -> { });
    }

    /** As {@link #render(SourceDocument, Edition, String)}; FOP's warnings for the PDF go to {@code fopWarnings}. */
    public byte[] render(SourceDocument doc, Edition edition, String witness, Consumer<String> fopWarnings)
            throws SaxonApiException, FOPException {
        return render(doc, edition, witness, false, fopWarnings);
    }

    /** As {@link #render(SourceDocument, Edition, String)}; {@code corpus}: see {@link #CORPUS}. */
    public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus)
            throws SaxonApiException, FOPException {
        return render(doc, edition, witness, corpus, w -> { });
    }

    /**
     * As {@link #render(SourceDocument, Edition, String, boolean)}; {@code built}: the editions built for this
     * document, which an HTML page links to ({@link #EDITIONS}).
     */
    public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built)
            throws SaxonApiException, FOPException {
        return render(doc, edition, witness, corpus, built, w -> { });
    }

    private byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, Consumer<String> fopWarnings)
            throws SaxonApiException, FOPException {
        return render(doc, edition, witness, corpus, null, fopWarnings);
    }

    private byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
            Consumer<String> fopWarnings) throws SaxonApiException, FOPException {
        Trace.at("render " + edition.name() + " " + doc.name());
        if (edition.kind() == OutputKind.PDF) {
            byte[] pdf = renderPdf(doc, edition, witness, fopWarnings);
            Trace.at("rendered " + edition.name() + " " + doc.name());
            return pdf;
        }
        XdmNode input = input(doc, edition, witness);
        Map<QName, XdmValue> params = new java.util.HashMap<>();
        if (edition.kind() == OutputKind.HTML) {
            if (corpus) params.put(CORPUS, new XdmAtomicValue(true));
            params.put(EDITIONS, editionsParameter(built != null ? built : registeredFor(doc)));
            params.put(SHOW_APPARATUS, new XdmAtomicValue(edition.apparatus()));
        }
        if (edition.view() == View.WITNESSES) params.put(WITNESS_VIEWS, witnessViews(doc, input));
        Xslt30Transformer t = transformer(edition, input, witness, params);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        t.applyTemplates(input, t.newSerializer(out));
        Trace.at("rendered " + edition.name() + " " + doc.name());
        return out.toByteArray();
    }

    /**
     * The PDF. FOP has one footnote area per page, filled in the order of the markers, so the apparatus and
     * the commentary would interleave. We lay the letter out first (a trial without the back matter, which starts
     * on a new page and cannot move the letter's pages, written to FOP's intermediate format and dropped) to learn
     * the page of every marker, then let the stylesheet put each page's entries into one footnote on the page's
     * first marker: apparatus, rule, commentary. Grouping can move text, so that layout, written as PDF, is kept
     * only if FOP's id tracker shows every entry still on its marker's page; after {@value #LAYOUT_ROUNDS} tries we
     * keep one footnote per marker, which is always on the marker's page. The rounds share the document's fonts,
     * parsed once ({@link PdfRenderer.DocumentFonts}). Everything is deterministic, so are the bytes.
     */
    private byte[] renderPdf(SourceDocument doc, Edition edition, String witness, Consumer<String> warnings)
            throws SaxonApiException, FOPException {
        Date date = creationDate(doc);
        // the view first: the PDF, whose chain is the longest, asks for it before it waits for its own stylesheet
        XdmNode input = input(doc, edition, witness);
        Map<String, Integer> tried = Map.of();
        PdfRenderer.DocumentFonts fonts = new PdfRenderer.DocumentFonts();
        for (int round = 0; round <= LAYOUT_ROUNDS; round++) {
            java.util.List<String> layoutWarnings = new java.util.ArrayList<>();
            boolean trial = round == 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            // the trial's file is never read: only where things landed
            FootnotePages laid = layOut(edition, input, witness, tried, trial,
                    trial ? MimeConstants.MIME_FOP_IF : MimeConstants.MIME_PDF,
                    trial ? java.io.OutputStream.nullOutputStream() : out, date, layoutWarnings::add, fonts);
            Trace.at("laid out " + doc.name() + " for the PDF, round " + round);
            if (!trial && laid.entriesOnMarkerPages()) {
                layoutWarnings.forEach(warnings);
                return PdfDeterminism.apply(out.toByteArray());
            }
            tried = laid.markerPages();
            if (tried.isEmpty()) break;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        layOut(edition, input, witness, Map.of(), false, MimeConstants.MIME_PDF, out, date, warnings, fonts);
        return PdfDeterminism.apply(out.toByteArray());
    }

    /** Rounds of grouped layout tried before falling back to one footnote per marker. */
    static final int LAYOUT_ROUNDS = 3;

    /** One run of the print stylesheet into FOP: writes {@code mime} to {@code out}, returns the footnotes' pages. */
    private FootnotePages layOut(Edition edition, XdmNode input, String witness, Map<String, Integer> markerPages,
            boolean trial, String mime, java.io.OutputStream out, Date date, Consumer<String> warnings,
            PdfRenderer.DocumentFonts fonts) throws SaxonApiException, FOPException {
        Map<QName, XdmValue> params = new java.util.HashMap<>();
        if (!markerPages.isEmpty()) params.put(MARKER_PAGES, XdmMap.makeMap(markerPages));
        if (trial) params.put(TRIAL, new XdmAtomicValue(true));
        Xslt30Transformer t = transformer(edition, input, witness, params);
        PdfRenderer.Layout layout = pdf().layOut(mime, out, date, warnings, FootnotePages.IDS, fonts,
                fop -> t.applyTemplates(input, new SAXDestination(fop)));
        return new FootnotePages(layout.pages());
    }

    /** A transformer of the edition's stylesheet for its {@code input}, a model view (the witness went into it). */
    private Xslt30Transformer transformer(Edition edition, XdmNode input, String witness, Map<QName, XdmValue> extra)
            throws SaxonApiException {
        Xslt30Transformer t = xslt.get(edition.stylesheet()).load30();
        Map<QName, XdmValue> params = new java.util.HashMap<>(extra);
        params.put(EDITION, new XdmAtomicValue(edition.name()));
        t.setStylesheetParameters(params);
        t.setGlobalContextItem(input);
        return t;
    }

    /** What the edition's stylesheet is applied to: the model view it renders. */
    private XdmNode input(SourceDocument doc, Edition edition, String witness) throws SaxonApiException {
        return switch (edition.view()) {
            case WITNESSES -> model(doc, View.READING, null);
            default -> model(doc, edition.view(), witness);
        };
    }

    /** For {@link View#WITNESSES}: each witness the reading view declares, with its diplomatic view. */
    private XdmMap witnessViews(SourceDocument doc, XdmNode reading) throws SaxonApiException {
        Map<XdmAtomicValue, XdmValue> views = new java.util.LinkedHashMap<>();
        for (XdmNode id : reading.select(Steps.child(MODEL_NS, "edition").then(Steps.child(MODEL_NS, "meta"))
                .then(Steps.child(MODEL_NS, "witness")).then(Steps.attribute("id"))).toList()) {
            views.put(new XdmAtomicValue(id.getStringValue()), model(doc, View.DIPLOMATIC, id.getStringValue()));
        }
        return new XdmMap(views);
    }

    private static final String MODEL_NS = "https://teiedition.org/ns/model";
    /** The witnesses' views, for {@link View#WITNESSES}. */
    static final QName WITNESS_VIEWS = new QName("witness-views");

    /** The shared model's stylesheet, run on its own: it writes the model view its parameters ask for. */
    public static final String MODEL = "xslt/common/model.xsl";
    /** model.xsl's parameter: reading | diplomatic. */
    static final QName VIEW = new QName("view");

    /**
     * The model {@code view} of the document (for the diplomatic view, of {@code witness}, by default the copy-text),
     * made once per document and shared by every edition that renders it, also across threads.
     */
    public XdmNode model(SourceDocument doc, View view, String witness) throws SaxonApiException {
        String w = view == View.DIPLOMATIC && witness != null ? witness.trim() : "";
        try {
            return doc.view("model " + view.parameter + " " + w, key -> {
                Trace.at("model " + view.parameter + " " + doc.name());
                modelsMade.incrementAndGet();
                // The model's only messages stop it (an unknown witness): their text becomes the edition's error,
                // reported once by the caller, instead of Saxon's report on stderr.
                StringBuilder stop = new StringBuilder();
                try {
                    Xslt30Transformer t = xslt.get(MODEL).load30();
                    Map<QName, XdmValue> params = new java.util.HashMap<>();
                    params.put(VIEW, new XdmAtomicValue(view.parameter));
                    if (!w.isEmpty()) params.put(WITNESS, new XdmAtomicValue(w));
                    t.setStylesheetParameters(params);
                    t.setGlobalContextItem(doc.node());
                    t.setMessageHandler(m -> stop.append(m.getStringValue().trim()));
                    t.setErrorReporter(error -> { });
                    // the raw result: the model's own document node, not a copy of it
                    XdmNode model = (XdmNode) t.applyTemplates(doc.node()).itemAt(0);
                    Trace.at("modelled " + view.parameter + " " + doc.name());
                    return model;
                } catch (SaxonApiException e) {
                    throw new ModelFailure(stop.length() > 0 ? new SaxonApiException(stop.toString(), e) : e);
                }
            });
        } catch (ModelFailure e) {
            throw e.getCause();
        }
    }

    /** How many model views this renderer has made: one per document and view, however many editions render it. */
    public int modelsMade() {
        return modelsMade.get();
    }

    /** Carries a failed model (say, an unknown witness) out of {@link SourceDocument#view}. */
    private static final class ModelFailure extends RuntimeException {
        ModelFailure(SaxonApiException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SaxonApiException getCause() {
            return (SaxonApiException) super.getCause();
        }
    }

    /**
     * Sets up FOP now (its configuration) instead of at the first PDF. Laying out a small document here as well, to
     * load the fonts and FOP's classes early, was measured: it cost 0.4 s of CPU and gained no time on 2 cores.
     */
    public void preparePdf() {
        pdf();
    }

    private PdfRenderer pdf() {
        PdfRenderer p = pdf;
        if (p == null) {
            synchronized (this) {
                if (pdf == null) pdf = new PdfRenderer();
                p = pdf;
            }
        }
        return p;
    }

    /** The PDF's creation date is the edition's publication date, so that two builds give the same bytes. */
    static Date creationDate(SourceDocument doc) {
        try {
            XdmItem when = doc.node().select(net.sf.saxon.s9api.streams.Steps.descendant("publicationStmt"))
                    .flatMap(net.sf.saxon.s9api.streams.Steps.descendant("date"))
                    .flatMap(net.sf.saxon.s9api.streams.Steps.attribute("when"))
                    .findFirst().orElse(null);
            if (when != null) {
                String s = when.getStringValue().trim();
                // xs:date, xs:dateTime, xs:gYearMonth or xs:gYear: take the first day of what is given
                String day = s.length() >= 10 ? s.substring(0, 10) : s.length() == 7 ? s + "-01" : s + "-01-01";
                LocalDate d = LocalDate.parse(day);
                return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
        } catch (RuntimeException ignored) {
            // an unparsable date falls back to the fixed epoch below; validation reports the date itself
        }
        return Date.from(LocalDate.of(2000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
