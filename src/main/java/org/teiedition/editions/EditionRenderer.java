package org.teiedition.editions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.streams.Steps;
import org.apache.fop.apps.FOPException;
import org.teiedition.Diagnostic;
import org.teiedition.Trace;
import org.teiedition.facsimile.Facsimile;
import org.teiedition.transform.StylesheetWarnings;
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
    /**
     * xs:string, every edition: the document's name, its folder in OUT (its pages' URLs, its TEI source; the IIIF
     * manifest's ids and the PDF's address, see functions.xsl te:published-url).
     */
    public static final QName DOCUMENT = new QName("document");
    /** xs:string, every edition, when the build has one: the absolute URL OUT is published at, ending in "/". */
    public static final QName BASE_URL = new QName("base-url");

    /** xs:string, every edition: its file in the document's folder ({@link Edition#fileName()}; the PDF's address). */
    public static final QName FILE = new QName("file");

    /** The name of a document's TEI source, published in its folder beside its editions. */
    public static String sourceFileName(String document) {
        return document + ".xml";
    }

    /** The value of {@link #EDITIONS} for these editions. */
    public static XdmValue editionsParameter(List<Edition> editions) {
        return XdmValue.makeSequence(editions.stream().map(e -> XdmMap.makeMap(Map.of(
                "name", e.name(), "label", e.label(), "file", e.fileName(), "apparatus", String.valueOf(e.apparatus())))).toList());
    }

    /** A page rendered on its own links to the editions the registry makes for its document. */
    private static List<Edition> registeredFor(SourceDocument doc) {
        return Editions.ALL.stream().filter(e -> e.appliesTo(doc.node())).toList();
    }


    private final Xslt xslt;
    private volatile PdfRenderer pdf;
    private final AtomicInteger modelsMade = new AtomicInteger();

    public EditionRenderer(Xslt xslt) {
        this.xslt = xslt;
    }

    public Xslt xslt() {
        return xslt;
    }

    public byte[] render(SourceDocument doc, Edition edition, String witness) throws SaxonApiException, FOPException {
        return render(doc, edition, witness, false, null, w -> { });
    }

    /** As {@link #render(SourceDocument, Edition, String)}; {@code corpus}: see {@link #CORPUS}. */
    public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus)
            throws SaxonApiException, FOPException {
        return render(doc, edition, witness, corpus, null, w -> { });
    }

    /**
     * As {@link #render(SourceDocument, Edition, String, boolean)}; {@code built}: the editions built for this
     * document, which an HTML page links to ({@link #EDITIONS}); what the renderer could not set as asked (for the
     * PDF: FOP's warnings, a character no font has...) goes to {@code warnings}, located in the document's source.
     */
    public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
            Consumer<Diagnostic> warnings) throws SaxonApiException, FOPException {
        return render(doc, edition, witness, corpus, built, null, warnings);
    }

    /** As above; {@code baseUrl}: see {@link #BASE_URL} (null: none, the pages' links stay relative). */
    public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
            String baseUrl, Consumer<Diagnostic> warnings) throws SaxonApiException, FOPException {
        return render(doc, edition, witness, corpus, built, baseUrl, warnings, p -> { });
    }

    /** As above; {@code progress} hears each page of the PDF's layouts as it is laid out. */
    public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
            String baseUrl, Consumer<Diagnostic> warnings, Consumer<LayoutProgress> progress)
            throws SaxonApiException, FOPException {
        Trace.at("render " + edition.name() + " " + doc.name());
        Map<QName, XdmValue> params = new HashMap<>();
        params.put(DOCUMENT, new XdmAtomicValue(doc.name()));
        params.put(FILE, new XdmAtomicValue(edition.fileName()));
        if (baseUrl != null) params.put(BASE_URL, new XdmAtomicValue(baseUrl));
        if (edition.kind() == OutputKind.PDF) {
            byte[] pdf = renderPdf(doc, edition, witness, params, warnings, progress);
            Trace.at("rendered " + edition.name() + " " + doc.name());
            return pdf;
        }
        XdmNode input = input(doc, edition, witness, warnings);
        if (edition.kind() == OutputKind.HTML) {
            if (corpus) params.put(CORPUS, new XdmAtomicValue(true));
            params.put(EDITIONS, editionsParameter(built != null ? built : registeredFor(doc)));
            params.put(SHOW_APPARATUS, new XdmAtomicValue(edition.apparatus()));
        }
        if (edition.view() == View.WITNESSES) params.put(WITNESS_VIEWS, witnessViews(doc, input, warnings));
        if (edition.facsimile()) params.put(FACSIMILE_IMAGES, facsimile(doc, input).parameter());
        Xslt30Transformer t = transformer(edition, input, witness, params);
        StylesheetWarnings.attach(t, doc.path().toString(), edition.name(), warnings);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        t.applyTemplates(input, t.newSerializer(out));
        Trace.at("rendered " + edition.name() + " " + doc.name());
        return out.toByteArray();
    }

    /** The stylesheet of {@link #citationFiles}: the page shell's citation formats, whatever the edition's stylesheet. */
    static final String CITE_FILES = "xslt/html/cite-files.xsl";

    /** The extensions of the citation files {@link #citationFiles} writes, in order. */
    public static final List<String> CITATION_FORMATS = List.of("bib", "ris", "csl.json");

    /**
     * The citation downloads every HTML page of the document links to (html/cite.xsl, h:cite-files): BibTeX, RIS and
     * CSL-JSON, by file name ({@code <document>.bib} ...), citing the first built HTML edition that renders the reading
     * view; none when no such edition was built.
     */
    public Map<String, byte[]> citationFiles(SourceDocument doc, List<Edition> built, String baseUrl) throws SaxonApiException {
        Edition page = built.stream().filter(e -> e.kind() == OutputKind.HTML && e.view() == View.READING).findFirst().orElse(null);
        if (page == null) return Map.of();
        XdmNode input = model(doc, View.READING, null);
        Map<QName, XdmValue> params = new HashMap<>();
        params.put(EDITIONS, editionsParameter(built));
        params.put(DOCUMENT, new XdmAtomicValue(doc.name()));
        if (baseUrl != null) params.put(BASE_URL, new XdmAtomicValue(baseUrl));
        Xslt30Transformer t = xslt.get(CITE_FILES).load30();
        params.put(EDITION, new XdmAtomicValue(page.name()));
        t.setStylesheetParameters(params);
        t.setGlobalContextItem(input);
        XdmMap files = (XdmMap) t.callTemplate(new QName("https://teiedition.org/ns/html", "cite-files")).itemAt(0);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String ext : CITATION_FORMATS) {
            out.put(doc.name() + "." + ext, files.get(ext).itemAt(0).getStringValue().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The PDF: the print protocol ({@link PrintLayout}) over the edition's view, with the {@code shared} parameters;
     * {@code progress} hears each page as it is laid out.
     */
    private byte[] renderPdf(SourceDocument doc, Edition edition, String witness, Map<QName, XdmValue> shared,
            Consumer<Diagnostic> warnings, Consumer<LayoutProgress> progress) throws SaxonApiException, FOPException {
        // the view first: the PDF, whose chain is the longest, asks for it before it waits for its own stylesheet
        XdmNode input = input(doc, edition, witness, warnings);
        XdmMap plates = edition.facsimile() ? facsimile(doc, input).plates() : null;
        PrintLayout layout = new PrintLayout(pdf(), params -> {
            Map<QName, XdmValue> all = new HashMap<>(shared);
            all.putAll(params);
            if (plates != null) all.put(FACSIMILE_PLATES, plates);
            return transformer(edition, input, witness, all);
        }, input, doc.name());
        return layout.render(new PrintWarnings(doc, warnings), progress);
    }

    /** A transformer of the edition's stylesheet for its {@code input}, a model view (the witness went into it). */
    private Xslt30Transformer transformer(Edition edition, XdmNode input, String witness, Map<QName, XdmValue> extra)
            throws SaxonApiException {
        Xslt30Transformer t = xslt.get(edition.stylesheet()).load30();
        Map<QName, XdmValue> params = new HashMap<>(extra);
        params.put(EDITION, new XdmAtomicValue(edition.name()));
        t.setStylesheetParameters(params);
        t.setGlobalContextItem(input);
        return t;
    }

    /** What the edition's stylesheet is applied to: the model view it renders. */
    private XdmNode input(SourceDocument doc, Edition edition, String witness, Consumer<Diagnostic> warnings)
            throws SaxonApiException {
        return switch (edition.view()) {
            case WITNESSES -> model(doc, View.READING, null, warnings);
            default -> model(doc, edition.view(), witness, warnings);
        };
    }

    /** For {@link View#WITNESSES}: each witness the reading view declares, with its diplomatic view. */
    private XdmMap witnessViews(SourceDocument doc, XdmNode reading, Consumer<Diagnostic> warnings) throws SaxonApiException {
        Map<XdmAtomicValue, XdmValue> views = new LinkedHashMap<>();
        for (XdmNode id : reading.select(Steps.child(MODEL_NS, "edition").then(Steps.child(MODEL_NS, "meta"))
                .then(Steps.child(MODEL_NS, "witness")).then(Steps.attribute("id"))).toList()) {
            views.put(new XdmAtomicValue(id.getStringValue()), model(doc, View.DIPLOMATIC, id.getStringValue(), warnings));
        }
        return new XdmMap(views);
    }

    /** {@code map(xs:string, map(xs:string, xs:string))}, editions {@link Edition#facsimile()}: {@link Facsimile#parameter()}. */
    public static final QName FACSIMILE_IMAGES = new QName("facsimile-images");
    /** {@code map(xs:string, xs:string)}, the PDF of an edition {@link Edition#facsimile()}: {@link Facsimile#plates()}. */
    public static final QName FACSIMILE_PLATES = new QName("facsimile-plates");

    /** The document's facsimile images, made once from one of its model views. */
    public Facsimile facsimile(SourceDocument doc, XdmNode view) {
        return Facsimile.of(doc, view, xslt.processor());
    }

    /** As {@link #facsimile(SourceDocument, XdmNode)}, from the reading view. */
    public Facsimile facsimile(SourceDocument doc) throws SaxonApiException {
        return facsimile(doc, model(doc, View.READING, null));
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
        return model(doc, view, witness, Diagnostic.IGNORE);
    }

    /** As {@link #model(SourceDocument, View, String)}; the stylesheet's warnings, if this call makes the view, go to {@code warnings}. */
    public XdmNode model(SourceDocument doc, View view, String witness, Consumer<Diagnostic> warnings) throws SaxonApiException {
        String w = view == View.DIPLOMATIC && witness != null ? witness.trim() : "";
        try {
            return doc.view("model " + view.parameter + " " + w, key -> {
                Trace.at("model " + view.parameter + " " + doc.name());
                modelsMade.incrementAndGet();
                // A message that stops the model (an unknown witness) becomes the edition's error, reported once
                // by the caller; warnings go to the caller that made the view, so they are reported once too.
                StylesheetWarnings said = null;
                try {
                    Xslt30Transformer t = xslt.get(MODEL).load30();
                    Map<QName, XdmValue> params = new HashMap<>();
                    params.put(VIEW, new XdmAtomicValue(view.parameter));
                    if (!w.isEmpty()) params.put(WITNESS, new XdmAtomicValue(w));
                    t.setStylesheetParameters(params);
                    t.setGlobalContextItem(doc.node());
                    said = StylesheetWarnings.attach(t, doc.path().toString(), "model", warnings);
                    // the raw result: the model's own document node, not a copy of it
                    XdmNode model = (XdmNode) t.applyTemplates(doc.node()).itemAt(0);
                    Trace.at("modelled " + view.parameter + " " + doc.name());
                    return model;
                } catch (SaxonApiException e) {
                    String stop = said == null ? "" : said.stopMessage();
                    throw new ModelFailure(stop.isEmpty() ? e : new SaxonApiException(stop, e));
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
}
