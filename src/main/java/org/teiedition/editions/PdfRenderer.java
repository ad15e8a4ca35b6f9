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
import org.xml.sax.SAXException;

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

    /**
     * A FOP instance writing PDF to {@code out}; feed its {@code getDefaultHandler()} with XSL-FO SAX events.
     *
     * @param creationDate fixed creation date, so that the same input gives the same bytes
     *                     <p>
     *                     The method below is synchronized: making a Fop reads the renderer configuration, a lazily expanded Xerces DOM
     *                     that is not safe to read from two threads (two first renders at once failed with a
     *                     NullPointerException in FOUserAgent.getRendererConfiguration). Rendering itself runs in parallel.
     */
    public Fop newFop(OutputStream out, Date creationDate) throws FOPException {
        return newFop(MimeConstants.MIME_PDF, out, creationDate, w -> { });
    }

    /**
     * A FOP instance for {@code mime} (PDF, or FOP's intermediate format to learn where things landed).
     * FOP's warnings (a glyph missing from the fonts, content overflowing its area...) go to {@code warnings}.
     */
    public synchronized Fop newFop(String mime, OutputStream out, Date creationDate, Consumer<String> warnings) throws FOPException {
        FOUserAgent agent = agent(creationDate, warnings);
        if (MimeConstants.MIME_FOP_IF.equals(mime)) {
            // lay out exactly as for the PDF (its fonts and metrics), but write the intermediate format
            IFSerializer serializer = new IFSerializer(new IFContext(agent));
            serializer.mimicDocumentHandler(agent.getRendererFactory().createDocumentHandler(agent, MimeConstants.MIME_PDF));
            agent.setDocumentHandlerOverride(serializer);
        }
        return factory.newFop(mime, agent, out);
    }

    /**
     * Writes as PDF a document already laid out in FOP's intermediate format (by {@link #newFop} with
     * {@code MIME_FOP_IF}): no second layout, the pages are exactly those of the intermediate format.
     */
    public void renderIntermediate(byte[] intermediate, OutputStream out, Date creationDate, Consumer<String> warnings)
            throws FOPException {
        FOUserAgent agent;
        org.apache.fop.render.intermediate.IFDocumentHandler handler;
        synchronized (this) {
            agent = agent(creationDate, warnings);
            handler = agent.getRendererFactory().createDocumentHandler(agent, MimeConstants.MIME_PDF);
        }
        try {
            intermediate = declareFoPrefix(intermediate);
            org.apache.fop.render.intermediate.IFUtil.setupFonts(handler);
            handler.setResult(new javax.xml.transform.stream.StreamResult(out));
            new org.apache.fop.render.intermediate.IFParser().parse(new javax.xml.transform.stream.StreamSource(
                    new java.io.ByteArrayInputStream(intermediate)), handler, agent);
        } catch (javax.xml.transform.TransformerException | org.apache.fop.render.intermediate.IFException e) {
            throw new FOPException(e);
        }
    }

    private static final String IF_ROOT = "<document xmlns=\"http://xmlgraphics.apache.org/fop/intermediate\"";

    /**
     * FOP 2.11 writes the accessibility structure tree of the intermediate format with {@code fo:} elements but
     * without declaring the prefix, so its own parser rejects the file; we declare it on the root element.
     */
    static byte[] declareFoPrefix(byte[] intermediate) {
        String s = new String(intermediate, java.nio.charset.StandardCharsets.UTF_8);
        if (s.contains("xmlns:fo=") || !s.contains(IF_ROOT)) return intermediate;
        return s.replaceFirst(java.util.regex.Pattern.quote(IF_ROOT),
                IF_ROOT + " xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
