package org.teiedition.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import org.apache.xerces.parsers.SAXParser;
import org.apache.xerces.parsers.XIncludeAwareParserConfiguration;
import org.apache.xerces.util.NamespaceSupport;
import org.apache.xerces.util.SecurityManager;
import org.apache.xerces.xni.XMLLocator;
import org.apache.xerces.xni.XNIException;
import org.apache.xerces.xni.parser.XMLErrorHandler;
import org.apache.xerces.xni.parser.XMLParseException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.EntityResolver2;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The one place where XML parsers are configured. Every document the toolkit reads goes through a reader made
 * here: Xerces, namespace-aware, no DTD loading, no external entities (a reference to one is an error, never a
 * fetch), no XInclude processing (an xi:include stays an inert element: real corpora use it for shared taxonomies,
 * and the stylesheets never follow it), a cap on entity expansions, on the size of internal entities and on the
 * text that expansions may produce.
 * <p>
 * The guards live in a SAX filter, not on the Xerces reader: Saxon (through {@link XMLFilterImpl}) installs its own
 * entity resolver and handlers on whatever reader it is given, so a resolver set on the inner reader is replaced.
 * <p>
 * We instantiate Xerces' parser explicitly (never through JAXP lookup: xercesImpl on the classpath would otherwise
 * also become the JAXP default for code that expects the JDK parser, see ../shared/notes/dependencies.md, pitfall 1),
 * with a configuration whose namespace context bounds the declarations per element ({@link BoundedConfiguration}).
 */
public final class SecureXml {

    /** Entity expansions allowed per document: far above what real TEI uses, far below a "billion laughs". */
    static final int ENTITY_EXPANSION_LIMIT = 10_000;
    /**
     * Longest replacement text of an internal entity. With the expansion limit this bounds the text expansion can
     * produce (10,000 x 1,024 characters), also inside attribute values, which Xerces builds whole in memory.
     */
    static final int MAX_ENTITY_CHARS = 1_024;
    /** Text (content and attribute values) that entity expansion may add beyond the file's own size. */
    static final long EXPANSION_ALLOWANCE_CHARS = 2L * 1024 * 1024;

    /**
     * Deepest element nesting accepted. Saxon's tree keeps depths in 16 bits (past 32,767 a document silently loses
     * content), and the stylesheets recurse once per level: a few thousand levels build, 5,000 overflow Saxon's
     * nesting of apply-templates. Real TEI stays below a hundred.
     */
    public static final int MAX_DEPTH = 3_000;
    /**
     * Namespace declarations accepted on one element. Xerces checks each declaration against the element's earlier
     * ones (quadratic: 20,000 take seconds, 200,000 minutes), so the bound applies as they are declared.
     */
    public static final int MAX_NAMESPACE_DECLARATIONS = 1_000;

    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String DECL_HANDLER = "http://xml.org/sax/properties/declaration-handler";
    private static final String LOCALE = "http://apache.org/xml/properties/locale";
    private static final String NEVER = "tei-edition never reads external entities or DTDs";


    private SecureXml() {
    }

    private static SecurityManager securityManager() {
        SecurityManager sm = new SecurityManager();
        sm.setEntityExpansionLimit(ENTITY_EXPANSION_LIMIT);
        return sm;
    }

    /**
     * A fresh hardened reader (readers are not thread-safe; the factory is shared).
     *
     * @param inputSize size of the input in bytes, used to bound entity-expanded text; 0 if unknown
     */
    public static XMLReader newReader(long inputSize) {
        try {
            XMLReader xerces = new SAXParser(new BoundedConfiguration());
            xerces.setFeature("http://xml.org/sax/features/namespaces", true);
            xerces.setFeature("http://xml.org/sax/features/namespace-prefixes", false);
            xerces.setFeature("http://xml.org/sax/features/validation", false);
            xerces.setFeature("http://apache.org/xml/features/xinclude", false);
            xerces.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            xerces.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            // Left on on purpose: Xerces then asks our resolver, which refuses with a clear message naming the
            // entity, instead of silently dropping the reference.
            xerces.setFeature("http://xml.org/sax/features/external-general-entities", true);
            xerces.setProperty("http://apache.org/xml/properties/security-manager", securityManager());
            xerces.setProperty(LOCALE, Locale.ENGLISH); // messages do not depend on the machine
            return new GuardFilter(xerces, Math.max(inputSize, 0) + EXPANSION_ALLOWANCE_CHARS);
        } catch (SAXException e) {
            throw new IllegalStateException("Xerces does not support a required security feature", e);
        }
    }

    public static XMLReader newReader() {
        return newReader(0);
    }

    /** The system id of the external DTD subset the last document named (never read), or null. */
    public static String externalDtd(XMLReader reader) {
        return reader instanceof GuardFilter g ? g.externalDtd : null;
    }

    /**
     * A document naming an external DTD may use entities that DTD declares; a non-validating parser then drops
     * them silently (in attribute values without telling anyone), which would change the text. This second pass,
     * run only for such documents, reads the external subset as empty and makes every undeclared entity an error.
     * Nothing else is checked here: the first pass has already accepted the document.
     */
    public static void checkEntitiesDeclared(InputSource input, String dtdSystemId) throws SAXException, IOException {
        SAXParser p = new SAXParser();
        p.setFeature("http://xml.org/sax/features/namespaces", true);
        p.setFeature("http://xml.org/sax/features/validation", true);
        p.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", true);
        p.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        p.setFeature("http://xml.org/sax/features/external-general-entities", false);
        p.setProperty("http://apache.org/xml/properties/security-manager", securityManager());
        p.setProperty(LOCALE, Locale.ENGLISH); // the entity name is read from the message below
        p.setContentHandler(new DefaultHandler());
        p.setEntityResolver(new EntityResolver2() {
            @Override
            public InputSource getExternalSubset(String name, String baseURI) {
                return null;
            }

            @Override
            public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId) throws SAXException {
                if ("[dtd]".equals(name)) return new InputSource(new StringReader("")); // read as empty, never fetched
                throw new SAXException("external entity " + name + " is not loaded: " + NEVER);
            }

            @Override
            public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
                return resolveEntity(null, publicId, null, systemId);
            }
        });
        // The XNI error handler sees Xerces' message keys: only "entity not declared" matters here; the validity
        // errors an empty DTD causes (every element undeclared) are expected and ignored.
        p.setProperty("http://apache.org/xml/properties/internal/error-handler", new XMLErrorHandler() {
            @Override
            public void warning(String domain, String key, XMLParseException e) {
            }

            @Override
            public void error(String domain, String key, XMLParseException e) {
                if ("EntityNotDeclared".equals(key)) {
                    String name = e.getMessage() != null && e.getMessage().contains("\"")
                            ? e.getMessage().replaceFirst("^[^\"]*\"([^\"]*)\".*$", "$1") : "?";
                    throw new XNIException(new SAXParseException("entity &" + name
                            + "; is not declared in the document; its DOCTYPE names the external DTD \"" + dtdSystemId
                            + "\", which is not read (" + NEVER + "): declare the entity in the internal subset or"
                            + " write the character itself", null, e.getExpandedSystemId(), e.getLineNumber(), e.getColumnNumber()));
                }
            }

            @Override
            public void fatalError(String domain, String key, XMLParseException e) {
                throw e;
            }
        });
        p.parse(input);
    }

    /**
     * Xerces' usual configuration, with a namespace context that refuses more than
     * {@link #MAX_NAMESPACE_DECLARATIONS} declarations on one element, located at that element.
     */
    private static final class BoundedConfiguration extends XIncludeAwareParserConfiguration {
        BoundedConfiguration() {
            fNonXIncludeNSContext = new BoundedNamespaces(this);
            setProperty(NAMESPACE_CONTEXT, fNonXIncludeNSContext);
        }

        XMLLocator locator() {
            return (XMLLocator) fEntityManager.getEntityScanner();
        }
    }

    private static final class BoundedNamespaces extends NamespaceSupport {
        private final BoundedConfiguration configuration;

        BoundedNamespaces(BoundedConfiguration configuration) {
            this.configuration = configuration;
        }

        @Override
        public boolean declarePrefix(String prefix, String uri) {
            if ((fNamespaceSize - fContext[fCurrentContext]) / 2 >= MAX_NAMESPACE_DECLARATIONS) {
                XMLLocator at = configuration.locator();
                throw new XNIException(new SAXParseException(String.format(Locale.ROOT,
                        "this element declares more than %,d namespace prefixes; tei-edition accepts up to %,d per"
                                + " element (more is a probable denial-of-service attack)",
                        MAX_NAMESPACE_DECLARATIONS, MAX_NAMESPACE_DECLARATIONS),
                        null, at.getExpandedSystemId(), at.getLineNumber(), at.getColumnNumber()));
            }
            return super.declarePrefix(prefix, uri);
        }
    }

    /**
     * Refuses external entities and entity blow-ups; reports skipped entities instead of dropping them.
     * Errors are thrown straight to the caller instead of going through the handler the tree builder set,
     * which would print them a second time on stderr; SourceDocument turns them into located diagnostics.
     */
    private static final class GuardFilter extends XMLFilterImpl implements EntityResolver2, DeclHandler, LexicalHandler {
        private final long limit;
        private long seen;
        private int depth;
        private boolean xml11;
        private Locator locator;
        private LexicalHandler lexical;
        private DeclHandler decl;
        String externalDtd;

        GuardFilter(XMLReader parent, long limit) throws SAXNotRecognizedException, SAXNotSupportedException {
            super(parent);
            this.limit = limit;
            parent.setProperty(LEXICAL_HANDLER, this);
            parent.setProperty(DECL_HANDLER, this);
        }

        @Override
        public void parse(InputSource input) throws IOException, SAXException {
            seen = 0;
            depth = 0;
            externalDtd = null;
            super.parse(input);
        }

        // Saxon asks for the lexical handler (comments); we stay in the chain and forward.
        @Override
        public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
            if (LEXICAL_HANDLER.equals(name)) lexical = (LexicalHandler) value;
            else if (DECL_HANDLER.equals(name)) decl = (DeclHandler) value;
            else super.setProperty(name, value);
        }

        @Override
        public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
            if (LEXICAL_HANDLER.equals(name)) return lexical;
            if (DECL_HANDLER.equals(name)) return decl;
            return super.getProperty(name);
        }

        private SAXParseException error(String message) {
            return new SAXParseException(message, locator);
        }

        // ---- entity resolution: refused, never a fetch
        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId) throws SAXException {
            String what = name == null ? "external entity" : name.startsWith("%") ? "external parameter entity " + name + ";"
                    : "[dtd]".equals(name) ? "external DTD" : "external entity &" + name + ";";
            throw error(what + " (" + (systemId == null ? "PUBLIC \"" + publicId + "\"" : "SYSTEM \"" + systemId + "\"")
                    + ") is not loaded: " + NEVER);
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            return resolveEntity(null, publicId, null, systemId);
        }

        @Override
        public InputSource getExternalSubset(String name, String baseURI) {
            return null;
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            if (name.startsWith("%")) {
                throw error("parameter entity " + name + "; is not loaded: " + NEVER);
            }
            throw error("entity &" + name + "; is not declared in the document"
                    + (externalDtd == null ? "" : "; its DOCTYPE names the external DTD \"" + externalDtd
                    + "\", which is not read (" + NEVER + ")"));
        }

        // ---- declarations: bound the size of what an entity can expand to
        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            if (value.length() > MAX_ENTITY_CHARS) {
                throw error("entity " + name + " has " + value.length() + " characters; tei-edition accepts internal"
                        + " entities of up to " + MAX_ENTITY_CHARS + " characters (a larger one is a probable entity-expansion attack)");
            }
            if (decl != null) decl.internalEntityDecl(name, value);
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            if (decl != null) decl.externalEntityDecl(name, publicId, systemId);
        }

        @Override
        public void elementDecl(String name, String model) throws SAXException {
            if (decl != null) decl.elementDecl(name, model);
        }

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value) throws SAXException {
            if (decl != null) decl.attributeDecl(eName, aName, type, mode, value);
        }

        // ---- lexical events: note the external DTD, forward the rest
        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            externalDtd = systemId != null ? systemId : publicId;
            if (lexical != null) lexical.startDTD(name, publicId, systemId);
        }

        @Override
        public void endDTD() throws SAXException {
            if (lexical != null) lexical.endDTD();
        }

        @Override
        public void startEntity(String name) throws SAXException {
            if (lexical != null) lexical.startEntity(name);
        }

        @Override
        public void endEntity(String name) throws SAXException {
            if (lexical != null) lexical.endEntity(name);
        }

        @Override
        public void startCDATA() throws SAXException {
            if (lexical != null) lexical.startCDATA();
        }

        @Override
        public void endCDATA() throws SAXException {
            if (lexical != null) lexical.endCDATA();
        }

        @Override
        public void comment(char[] ch, int start, int length) throws SAXException {
            if (lexical != null) lexical.comment(ch, start, length);
        }

        // ---- errors and content
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            // the XML declaration has been read by the first start tag (not yet at startDocument)
            if (depth == 0) xml11 = locator instanceof Locator2 l && "1.1".equals(l.getXMLVersion());
            if (++depth > MAX_DEPTH) {
                throw error(String.format(Locale.ROOT, "elements are nested more than %,d deep here (<%s>);"
                        + " tei-edition accepts up to %,d levels, more than its tools can hold", MAX_DEPTH, qName, MAX_DEPTH));
            }
            for (int i = 0; i < atts.getLength(); i++) {
                String v = atts.getValue(i);
                if (xml11) refuseControls(v.toCharArray(), 0, v.length());
                count(v.length());
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }

        /**
         * XML 1.1 allows control characters (as references); the XML 1.0 and HTML every output is written in cannot
         * hold them, so one such letter would break the corpus pages of its whole folder. Refused where it stands.
         */
        private void refuseControls(char[] ch, int start, int length) throws SAXParseException {
            for (int i = start; i < start + length; i++) {
                char c = ch[i];
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw error(String.format("control character U+%04X: XML 1.1 allows it, but the XML 1.0 and HTML"
                            + " tei-edition writes cannot hold it; remove it or write what it stands for", (int) c));
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (xml11) refuseControls(ch, start, length);
            count(length);
            super.characters(ch, start, length);
        }

        private void count(int length) throws SAXParseException {
            seen += length;
            if (seen > limit) {
                throw error("document text exceeds " + limit + " characters: refusing a probable entity-expansion attack");
            }
        }
    }
}
