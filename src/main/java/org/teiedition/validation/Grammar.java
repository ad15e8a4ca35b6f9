package org.teiedition.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.ValidatorHandler;
import com.thaiopensource.util.PropertyMap;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.SchemaReader;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import org.apache.xerces.jaxp.validation.XMLSchemaFactory;
import org.teiedition.Diagnostic;
import org.teiedition.xml.SecureXml;
import org.teiedition.xml.SourceDocument;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * A compiled grammar: RELAX NG (XML syntax {@code .rng} or compact syntax {@code .rnc}, by Jing) or W3C XML Schema
 * ({@code .xsd}, by Xerces). Compiled once; {@link #check} is thread-safe (each call makes its own validator).
 * <p>
 * The grammar layer re-reads the file with the hardened reader: Jing and Xerces validate SAX events, and only the
 * parser's own locator gives the positions of end tags (where "missing required element" is reported).
 * Jing's ID/IDREF check is off on purpose: duplicate xml:ids are reported by Schematron (unique-id) with a
 * message and a fix hint, and reporting them twice would only add noise.
 */
public abstract sealed class Grammar permits Grammar.Jing, Grammar.Xsd {
    public static final String LAYER = "schema";
    public static final String RULE = "relaxng";

    private final URI uri;

    Grammar(URI uri) {
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }

    /** True when {@code name} ends in an extension this class compiles. */
    public static boolean handles(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".rng") || n.endsWith(".rnc") || n.endsWith(".xsd");
    }

    /** Compiles a grammar; the kind follows the extension. Throws SchemaException with a readable message. */
    public static Grammar compile(URI uri) throws SchemaException {
        return compile(uri, SchemaResources.of(uri));
    }

    /** As {@link #compile(URI)}, its includes read through {@code resources}. */
    static Grammar compile(URI uri, SchemaResources resources) throws SchemaException {
        String n = uri.getPath() == null ? uri.toString() : uri.getPath().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xsd")) return new Xsd(uri, resources);
        if (n.endsWith(".rnc")) return new Jing(uri, CompactSchemaReader.getInstance(), resources);
        if (n.endsWith(".rng")) return new Jing(uri, SAXSchemaReader.getInstance(), resources);
        throw new SchemaException(uri + ": not a grammar (expected .rng, .rnc or .xsd)");
    }

    public abstract List<Diagnostic> check(SourceDocument doc);

    /** Collects every error and warning, located, in document order. */
    static final class Collector implements ErrorHandler {
        final List<Diagnostic> found = new ArrayList<>();
        private final String path;
        private final String rule;

        Collector(String path, String rule) {
            this.path = path;
            this.rule = rule;
        }

        void add(Diagnostic.Severity severity, SAXParseException e) {
            found.add(new Diagnostic(path, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), severity,
                    clean(e.getMessage()), rule, LAYER));
        }

        @Override
        public void warning(SAXParseException e) {
            add(Diagnostic.Severity.WARNING, e);
        }

        @Override
        public void error(SAXParseException e) {
            add(Diagnostic.Severity.ERROR, e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            add(Diagnostic.Severity.ERROR, e);
        }
    }

    static String clean(String message) {
        return message == null ? "invalid" : message.replaceAll("\\s+", " ").trim();
    }

    /** Feeds the document to {@code handler} through a fresh hardened reader. */
    static void parse(SourceDocument doc, XMLReader reader, Collector errors) {
        try (InputStream in = Files.newInputStream(doc.path())) {
            InputSource input = new InputSource(in);
            input.setSystemId(doc.path().toAbsolutePath().toUri().toString());
            reader.parse(input);
        } catch (SAXParseException e) {
            // Not expected (the document was parsed before), but never lose it.
            errors.add(Diagnostic.Severity.ERROR, e);
        } catch (SAXException | IOException e) {
            errors.found.add(Diagnostic.error(doc.path().toString(), 0, 0, clean(e.getMessage()), RULE, LAYER));
        }
    }

    static InputSource source(URI uri) {
        return new InputSource(uri.toString());
    }

    /** RELAX NG through Jing's validate API. */
    static final class Jing extends Grammar {
        private final Schema schema;

        Jing(URI uri, SchemaReader reader, SchemaResources resources) throws SchemaException {
            super(uri);
            Collector problems = new Collector(uri.toString(), RULE);
            PropertyMapBuilder props = new PropertyMapBuilder();
            props.put(ValidateProperty.XML_READER_CREATOR, (com.thaiopensource.xml.sax.XMLReaderCreator) SecureXml::newReader);
            props.put(ValidateProperty.ERROR_HANDLER, problems);
            props.put(ValidateProperty.RESOLVER, resources.jing());
            try {
                schema = reader.createSchema(source(uri), props.toPropertyMap());
            } catch (IncorrectSchemaException | SAXException | IOException e) {
                String detail = problems.found.isEmpty() ? clean(e.getMessage())
                        : problems.found.get(0).format();
                throw new SchemaException("cannot compile the schema " + uri + ": " + detail, e);
            }
        }

        @Override
        public List<Diagnostic> check(SourceDocument doc) {
            Collector errors = new Collector(doc.path().toString(), RULE);
            PropertyMapBuilder props = new PropertyMapBuilder();
            props.put(ValidateProperty.ERROR_HANDLER, errors);
            PropertyMap map = props.toPropertyMap();
            com.thaiopensource.validate.Validator validator = schema.createValidator(map);
            XMLReader reader = SecureXml.newReader(size(doc.path()));
            reader.setContentHandler(validator.getContentHandler());
            if (validator.getDTDHandler() != null) reader.setDTDHandler(validator.getDTDHandler());
            parse(doc, reader, errors);
            return errors.found;
        }
    }

    /** W3C XML Schema through Xerces' own factory (never the JDK's: one parser family in the process). */
    static final class Xsd extends Grammar {
        private final javax.xml.validation.Schema schema;

        Xsd(URI uri, SchemaResources resources) throws SchemaException {
            super(uri);
            var factory = new XMLSchemaFactory();
            Collector problems = new Collector(uri.toString(), RULE);
            factory.setErrorHandler(problems);
            try {
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setResourceResolver(resources.xsd());
                schema = factory.newSchema(new StreamSource(uri.toString()));
            } catch (SAXException | RuntimeException e) {
                String detail = problems.found.isEmpty() ? clean(e.getMessage()) : problems.found.get(0).format();
                throw new SchemaException("cannot compile the schema " + uri + ": " + detail, e);
            }
            if (problems.found.stream().anyMatch(Diagnostic::isError)) {
                throw new SchemaException("cannot compile the schema " + uri + ": " + problems.found.get(0).format(), null);
            }
        }

        @Override
        public List<Diagnostic> check(SourceDocument doc) {
            Collector errors = new Collector(doc.path().toString(), "xsd");
            ValidatorHandler handler = schema.newValidatorHandler();
            handler.setErrorHandler(errors);
            XMLReader reader = SecureXml.newReader(size(doc.path()));
            reader.setContentHandler(handler);
            parse(doc, reader, errors);
            return errors.found;
        }
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
