package org.teiedition.editions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Date;
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
     */
    public Fop newFop(OutputStream out, Date creationDate) throws FOPException {
        FOUserAgent agent = factory.newFOUserAgent();
        agent.setCreationDate(creationDate);
        agent.setProducer("tei-edition");
        agent.setCreator("tei-edition");
        return factory.newFop(MimeConstants.MIME_PDF, agent, out);
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
