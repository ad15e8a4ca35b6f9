package org.teiedition.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The one place where XML parsers are configured. Every document the toolkit reads goes through a reader made
 * here: Xerces, namespace-aware, no DTD loading, no external entities (a reference to one is an error, never a
 * fetch), no XInclude, a cap on entity expansions and on the text that expansions may produce.
 * <p>
 * We instantiate Xerces' factory explicitly: xercesImpl on the classpath would otherwise also become the JAXP
 * default for code that expects the JDK parser (see ../shared/notes/dependencies.md, pitfall 1).
 */
public final class SecureXml {

    /** Entity expansions allowed per document: far above what real TEI uses, far below a "billion laughs". */
    static final int ENTITY_EXPANSION_LIMIT = 10_000;
    /** Text that entity expansion may add beyond the file's own size (quadratic blow-up guard). */
    static final long MAX_EXPANDED_CHARS_MIN = 64L * 1024 * 1024;

    private static final SAXParserFactory FACTORY = newFactory();

    private SecureXml() {
    }

    private static SAXParserFactory newFactory() {
        SAXParserFactory f = new org.apache.xerces.jaxp.SAXParserFactoryImpl();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            // Left on on purpose: Xerces then asks our resolver, which refuses with a clear message,
            // instead of silently dropping the reference.
            f.setFeature("http://xml.org/sax/features/external-general-entities", true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Xerces does not support a required security feature", e);
        }
        return f;
    }

    /**
     * A fresh hardened reader (readers are not thread-safe; the factory is shared).
     *
     * @param inputSize size of the input in bytes, used to bound entity-expanded text; 0 if unknown
     */
    public static XMLReader newReader(long inputSize) {
        try {
            XMLReader xerces = FACTORY.newSAXParser().getXMLReader();
            org.apache.xerces.util.SecurityManager sm = new org.apache.xerces.util.SecurityManager();
            sm.setEntityExpansionLimit(ENTITY_EXPANSION_LIMIT);
            xerces.setProperty("http://apache.org/xml/properties/security-manager", sm);
            xerces.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + (systemId == null ? publicId : systemId)
                        + " is not loaded: tei-edition never resolves external entities or DTDs");
            });
            return new BoundedTextFilter(xerces, Math.max(MAX_EXPANDED_CHARS_MIN, inputSize * 20));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create the XML parser", e);
        }
    }

    public static XMLReader newReader() {
        return newReader(0);
    }

    /** Stops a document whose text grows far beyond its file size: the signature of an entity blow-up. */
    private static final class BoundedTextFilter extends XMLFilterImpl {
        private final long limit;
        private long seen;
        private org.xml.sax.Locator locator;

        BoundedTextFilter(XMLReader parent, long limit) {
            super(parent);
            this.limit = limit;
        }

        @Override
        public void parse(InputSource input) throws java.io.IOException, SAXException {
            seen = 0;
            super.parse(input);
        }

        /**
         * Parse errors are thrown straight to the caller instead of going through the handler the tree builder set,
         * which would print them a second time on stderr; SourceDocument turns them into located diagnostics.
         */
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            seen += length;
            if (seen > limit) {
                throw new SAXParseException("document text exceeds " + limit
                        + " characters: refusing a probable entity-expansion attack", locator);
            }
            super.characters(ch, start, length);
        }
    }
}
