package org.teiedition.editions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Date;
import java.util.function.Consumer;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFSerializer;
import org.apache.fop.events.model.EventSeverity;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.MimeConstants;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import net.sf.saxon.s9api.SaxonApiException;
import org.apache.fop.area.AreaTreeHandler;
import org.apache.fop.area.PageViewport;

/**
 * Apache FOP, set up once per process from {@code xslt/fo/fop.xconf}. FOP may read only classpath resources
 * (the fonts come from a Maven artifact, never from the machine), and nothing from the network.
 */
public final class PdfRenderer {
    static final String CONFIG = "xslt/fo/fop.xconf";
    private static final String SCHEME = "classpath";
    /** PDF/A-2b: archival PDF (embedded fonts, XMP, sRGB output intent); the file is also tagged (fop.xconf). */
    static final String PDF_A = "PDF/A-2b";
    private final FopFactory factory;

    public PdfRenderer() {
        ResourceResolver resolver = new ClasspathOnlyResolver();
        try (InputStream conf = org.teiedition.transform.Xslt.resource(CONFIG).openStream()) {
            factory = new FopConfParser(conf, URI.create(SCHEME + ":/"), resolver).getFopFactoryBuilder().build();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot read " + CONFIG + ": " + e.getMessage(), e);
        }
    }

    /** Where a layout put things: the first page (1-based) of every FO id the layout was asked to watch. */
    public record Layout(java.util.Map<String, Integer> pages) {
    }

    /** Writes XSL-FO as SAX events to FOP's handler (the print stylesheet run into a SAXDestination). */
    @FunctionalInterface
    public interface FoWriter {
        void writeTo(ContentHandler fop) throws SaxonApiException;
    }

    /**
     * Lays out the XSL-FO that {@code fo} writes and renders it as {@code mime} (PDF; or FOP's intermediate format
     * when only the layout matters) to {@code out}. The pages of the ids that {@code watch} accepts are read from
     * FOP's own id tracker after the layout, so one layout gives both the file and where everything landed.
     * FOP's warnings (a glyph missing from the fonts, content overflowing its area...) go to {@code warnings}.
     */
    public Layout layOut(String mime, OutputStream out, Date creationDate, Consumer<String> warnings,
            java.util.function.Predicate<String> watch, FoWriter fo) throws FOPException, SaxonApiException {
        AreaTreeHandler areas;
        Fop fop;
        // Synchronized: setting up a renderer reads the renderer configuration, a lazily expanded Xerces DOM that is
        // not safe to read from two threads (two first renders at once failed with a NullPointerException in
        // FOUserAgent.getRendererConfiguration). The layout itself runs in parallel.
        synchronized (this) {
            FOUserAgent agent = agent(creationDate, warnings);
            if (MimeConstants.MIME_FOP_IF.equals(mime)) {
                // lay out exactly as for the PDF (its fonts and metrics), but write the intermediate format
                IFSerializer serializer = new IFSerializer(new IFContext(agent));
                serializer.mimicDocumentHandler(agent.getRendererFactory().createDocumentHandler(agent, MimeConstants.MIME_PDF));
                agent.setDocumentHandlerOverride(serializer);
            }
            areas = new AreaTreeHandler(agent, mime, out);
            agent.setFOEventHandlerOverride(areas);
            fop = factory.newFop(mime, agent, out);
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        fo.writeTo(new IdWatcher(fop.getDefaultHandler(), watch, ids));
        java.util.Map<String, Integer> pages = new java.util.HashMap<>();
        for (String id : ids) {
            PageViewport page = areas.getIDTracker().getFirstPageViewportContaining(id);
            if (page != null) pages.putIfAbsent(id, page.getPageIndex() + 1);
        }
        return new Layout(pages);
    }

    /** Passes the FO events on to FOP and notes the ids it is asked to watch, in document order. */
    private static final class IdWatcher extends org.xml.sax.helpers.XMLFilterImpl {
        private final java.util.function.Predicate<String> watch;
        private final java.util.List<String> ids;

        IdWatcher(ContentHandler fop, java.util.function.Predicate<String> watch, java.util.List<String> ids) {
            this.watch = watch;
            this.ids = ids;
            setContentHandler(fop);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String id = atts.getValue("", "id");
            if (id != null && watch.test(id)) ids.add(id);
            super.startElement(uri, localName, qName, atts);
        }
    }

    private FOUserAgent agent(Date creationDate, Consumer<String> warnings) {
        FOUserAgent agent = factory.newFOUserAgent();
        agent.setCreationDate(creationDate);
        agent.setProducer("tei-edition");
        agent.setCreator("tei-edition");
        agent.getRendererOptions().put("pdf-a-mode", PDF_A);
        agent.getEventBroadcaster().addEventListener(event -> {
            if (event.getSeverity() == EventSeverity.WARN || event.getSeverity() == EventSeverity.ERROR) {
                warnings.accept(EventFormatter.format(event));
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
