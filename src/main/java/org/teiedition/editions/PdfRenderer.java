package org.teiedition.editions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.apps.io.InternalResourceResolver;
import org.apache.fop.area.AreaTreeHandler;
import org.apache.fop.area.PageViewport;
import org.apache.fop.area.RenderPagesModel;
import org.apache.fop.events.Event;
import org.apache.fop.events.model.EventSeverity;
import org.apache.fop.fonts.EmbedFontInfo;
import org.apache.fop.fonts.FontCollection;
import org.apache.fop.fonts.FontEventAdapter;
import org.apache.fop.fonts.FontEventListener;
import org.apache.fop.fonts.FontTriplet;
import org.apache.fop.fonts.LazyFont;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;
import org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy;
import org.apache.fop.render.pdf.PDFRendererConfig;
import org.apache.fop.render.pdf.PDFRendererConfigurator;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.teiedition.transform.Xslt;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Apache FOP, set up once per process from {@code xslt/fo/fop.xconf}. FOP may read only classpath resources
 * (the fonts come from a Maven artifact, never from the machine), and nothing from the network.
 */
public final class PdfRenderer {
    static final String CONFIG = "xslt/fo/fop.xconf";
    private static final String SCHEME = "classpath";
    /** PDF/A-2b: archival PDF (embedded fonts, XMP, sRGB output intent); the file is also tagged (fop.xconf). */
    static final String PDF_A = "PDF/A-2b";
    /** PDF/UA-1: accessible PDF (FOP adds the identification, the document title shown, the notes' ids). */
    static final String PDF_UA = "PDF/UA-1";
    private final FopFactory factory;

    public PdfRenderer() {
        ResourceResolver resolver = new ClasspathOnlyResolver();
        try (InputStream conf = Xslt.resource(CONFIG).openStream()) {
            factory = new FopConfParser(conf, URI.create(SCHEME + ":/"), resolver).getFopFactoryBuilder().build();
            // FOP would keep a font cache in ~/.fop/: the fonts are named in fop.xconf, and a build writes only its output
            factory.getFontManager().disableFontCache();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot read " + CONFIG + ": " + e.getMessage(), e);
        }
    }

    /** Writes XSL-FO as SAX events to FOP's handler (the print stylesheet run into a SAXDestination). */
    @FunctionalInterface
    public interface FoWriter {
        void writeTo(ContentHandler fop) throws SaxonApiException;
    }

    /**
     * Lays out the XSL-FO that {@code fo} writes and renders it as PDF to {@code out}. The stylesheet declares in
     * attributes of the print namespace ({@code p:unit}, {@code p:footnote}; stripped here, FOP never sees them)
     * which ids the driver needs; their
     * pages are read from FOP's own id tracker after the layout, so one layout gives both the file and where
     * everything landed. {@code fonts}: the fonts of the earlier layouts of the same document, so that FOP parses
     * each font file once per PDF. FOP's warnings (a glyph missing from the fonts, content overflowing its
     * area...) go to {@code warnings}.
     */
    FootnotePages layOut(OutputStream out, Date creationDate, Consumer<Event> warnings,
            DocumentFonts fonts, Pages progress, FoWriter fo) throws FOPException, SaxonApiException {
        PageCountingAreas areas;
        Fop fop;
        // Synchronized: setting up a renderer reads the renderer configuration, a lazily expanded Xerces DOM that is
        // not safe to read from two threads (two first renders at once failed with a NullPointerException in
        // FOUserAgent.getRendererConfiguration). The layout itself runs in parallel.
        synchronized (this) {
            FOUserAgent agent = agent(creationDate, warnings);
            agent.setDocumentHandlerOverride(new SharedFontsHandler(
                    agent.getRendererFactory().createDocumentHandler(agent, MimeConstants.MIME_PDF), fonts));
            areas = new PageCountingAreas(agent, MimeConstants.MIME_PDF, out);
            agent.setFOEventHandlerOverride(areas);
            fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
        }
        LayoutProtocol protocol = new LayoutProtocol(fop.getDefaultHandler());
        areas.report(protocol, progress);
        fo.writeTo(protocol);
        Map<String, Integer> pages = new HashMap<>();
        Stream.concat(protocol.units.stream().map(FootnotePages.Unit::id),
                protocol.markers.stream().flatMap(m -> Stream.of(m.id(), m.text()))).forEach(id -> {
                    PageViewport page = areas.getIDTracker().getFirstPageViewportContaining(id);
                    if (page != null) pages.putIfAbsent(id, page.getPageIndex() + 1);
                });
        return new FootnotePages(protocol.units, protocol.markers, pages);
    }

    /** Hears each page as FOP lays it out: the unit ({@code p:unit}) being laid out, of how many, and the pages so far. */
    @FunctionalInterface
    interface Pages {
        Pages NONE = (unit, units, pages) -> { };

        void laidOut(int unit, int units, int pages);
    }

    /** FOP's area tree handler, counting the pages as its model receives them. */
    private static final class PageCountingAreas extends AreaTreeHandler {
        private LayoutProtocol protocol;
        private Pages progress = Pages.NONE;
        private int pages;

        PageCountingAreas(FOUserAgent agent, String mime, OutputStream out) throws FOPException {
            super(agent, mime, out);
        }

        void report(LayoutProtocol protocol, Pages progress) {
            this.protocol = protocol;
            this.progress = progress;
        }

        @Override
        protected void setupModel(FOUserAgent agent, String mime, OutputStream out) throws FOPException {
            // called by the constructor: the fields above are read only once pages come
            model = new RenderPagesModel(agent, mime, fontInfo, out) {
                @Override
                public void addPage(PageViewport page) {
                    super.addPage(page);
                    pages++;
                    if (protocol != null) progress.laidOut(protocol.unitNumber(), protocol.unitCount, pages);
                }
            };
        }
    }

    /** The print stylesheet's namespace, whose attributes declare what a layout must report. */
    static final String PRINT_NS = "https://teiedition.org/ns/print";

    /** Passes the FO events on to FOP without the print namespace's attributes, noting what they declare. */
    private static final class LayoutProtocol extends XMLFilterImpl {
        final List<FootnotePages.Unit> units = new ArrayList<>();
        final List<FootnotePages.Marker> markers = new ArrayList<>();
        private String unit = "";
        /** How many units the stylesheet makes ({@code p:of} on a unit's first block). */
        volatile int unitCount;

        LayoutProtocol(ContentHandler fop) {
            setContentHandler(fop);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String name = atts.getValue(PRINT_NS, "unit");
            String text = atts.getValue(PRINT_NS, "footnote");
            if (name == null && text == null) {
                super.startElement(uri, localName, qName, atts);
                return;
            }
            String id = atts.getValue("", "id");
            if (id != null && name != null) {
                unit = name;
                units.add(new FootnotePages.Unit(name, id));
                String of = atts.getValue(PRINT_NS, "of");
                if (of != null) unitCount = Integer.parseInt(of);
            }
            if (id != null && text != null) markers.add(new FootnotePages.Marker(unit, id, text));
            AttributesImpl fo = new AttributesImpl(atts);
            for (int i = fo.getLength() - 1; i >= 0; i--) if (PRINT_NS.equals(fo.getURI(i))) fo.removeAttribute(i);
            super.startElement(uri, localName, qName, fo);
        }

        /** The unit FOP is laying out: the last one declared (FOP lays out a page-sequence as it ends). */
        int unitNumber() {
            return unit.isEmpty() ? 0 : Integer.parseInt(unit);
        }
    }

    /**
     * The configured (TrueType) fonts of one document's PDF, shared by its layouts: FOP's CustomFontCollection
     * makes new LazyFonts for every layout, each parsing its font file again (cmap, glyf, kerning, GSUB/GPOS), and the
     * print protocol lays a document out two or more times, so every PDF would pay for that in every round, warm or
     * cold. Never shared between documents, nor between
     * threads: a font records the glyphs it has mapped, and the PDF embeds that subset numbered in first-use order,
     * so the final PDF's subsets also hold (first) the glyphs of the earlier rounds. Those rounds depend only on the
     * document, so its PDF is the same alone, in a corpus, in {@code serve} or in parallel.
     */
    static final class DocumentFonts implements FontEventListener {
        private List<LazyFont> fonts;
        /** The layout now using the fonts, and its listener (FOP's events for that layout's user agent). */
        private FOUserAgent layout;
        private FontEventListener listener;
        /** A font warns of a missing glyph only once (Typeface.warnMissingGlyph): each layout repeats the earlier. */
        private final List<MissingGlyph> missing = new ArrayList<>();

        private record MissingGlyph(Object source, char ch, String fontName) {
        }

        /** Stands in for FOP's CustomFontCollection: the same fonts under the same internal names, made once. */
        FontCollection collection(InternalResourceResolver resolver, List<EmbedFontInfo> config, FOUserAgent agent) {
            return (start, fontInfo) -> {
                if (fonts == null) {
                    fonts = new ArrayList<>();
                    for (EmbedFontInfo font : config) {
                        fonts.add(new LazyFont(font, resolver, agent.isComplexScriptFeaturesEnabled()));
                    }
                } else if (fonts.size() != config.size()) {
                    throw new IllegalStateException("the font configuration changed between layouts");
                }
                if (layout != agent) {
                    layout = agent;
                    listener = new FontEventAdapter(agent.getEventBroadcaster());
                    for (MissingGlyph m : missing) listener.glyphNotAvailable(m.source(), m.ch(), m.fontName());
                }
                int num = start;
                for (int i = 0; i < fonts.size(); i++) {
                    String name = "F" + num++;
                    fontInfo.addMetrics(name, fonts.get(i));
                    // after addMetrics (which sets the layout's listener): the font keeps this one when it loads
                    fonts.get(i).setEventListener(this);
                    for (FontTriplet triplet : config.get(i).getFontTriplets()) fontInfo.addFontProperties(name, triplet);
                }
                return num;
            };
        }

        @Override
        public void glyphNotAvailable(Object source, char ch, String fontName) {
            missing.add(new MissingGlyph(source, ch, fontName));
            listener.glyphNotAvailable(source, ch, fontName);
        }

        @Override
        public void fontSubstituted(Object source, FontTriplet requested, FontTriplet effective) {
            listener.fontSubstituted(source, requested, effective);
        }

        @Override
        public void fontLoadingErrorAtAutoDetection(Object source, String fontURL, Exception e) {
            listener.fontLoadingErrorAtAutoDetection(source, fontURL, e);
        }

        @Override
        public void fontDirectoryNotFound(Object source, String dir) {
            listener.fontDirectoryNotFound(source, dir);
        }

        @Override
        public void svgTextStrokedAsShapes(Object source, String fontFamily) {
            listener.svgTextStrokedAsShapes(source, fontFamily);
        }
    }

    /** FOP's PDF document handler, whose fonts are set up from {@link DocumentFonts}. */
    private static final class SharedFontsHandler extends IFDocumentHandlerProxy {
        private final DocumentFonts fonts;

        SharedFontsHandler(IFDocumentHandler pdf, DocumentFonts fonts) {
            super(pdf);
            this.fonts = fonts;
        }

        @Override
        public IFDocumentHandlerConfigurator getConfigurator() {
            FOUserAgent agent = getContext().getUserAgent();
            // PDFDocumentHandler's own configurator, but with the document's fonts as the configured fonts
            return new PDFRendererConfigurator(agent, new PDFRendererConfig.PDFRendererConfigParser()) {
                @Override
                protected FontCollection createCollectionFromFontList(InternalResourceResolver resolver,
                        List<EmbedFontInfo> config) {
                    return fonts.collection(resolver, config, agent);
                }
            };
        }
    }

    private FOUserAgent agent(Date creationDate, Consumer<Event> warnings) {
        FOUserAgent agent = factory.newFOUserAgent();
        agent.setCreationDate(creationDate);
        agent.setProducer("tei-edition");
        agent.setCreator("tei-edition");
        agent.getRendererOptions().put("pdf-a-mode", PDF_A);
        agent.getRendererOptions().put("pdf-ua-mode", PDF_UA);
        agent.getEventBroadcaster().addEventListener(event -> {
            if (event.getSeverity() == EventSeverity.WARN || event.getSeverity() == EventSeverity.ERROR) {
                warnings.accept(event);
            }
        });
        return agent;
    }

    /** Serves {@code classpath:/path} from the jar; refuses every other URI. */
    private static final class ClasspathOnlyResolver implements ResourceResolver {
        @Override
        public Resource getResource(URI uri) throws IOException {
            if (!SCHEME.equals(uri.getScheme())) {
                throw new IOException("FOP may only read bundled resources, not " + uri);
            }
            String path = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
            InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path);
            if (in == null) throw new IOException("no bundled resource " + path);
            return new Resource(in);
        }

        @Override
        public OutputStream getOutputStream(URI uri) throws IOException {
            throw new IOException("FOP may not write " + uri);
        }
    }
}
