package org.teiedition.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.teiedition.Diagnostic;
import org.teiedition.OnceMap;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A source document parsed once, with line and column numbers kept, and shared by validation and every edition,
 * together with the views derived from it (the shared model of each witness), each made once.
 */
public final class SourceDocument {
    /** Rule id of parse errors (shown as "[xml-wellformed]"). */
    public static final String WELL_FORMEDNESS_RULE = "xml-wellformed";

    private final Path path;
    private final String name;
    private final XdmNode node;
    private final OnceMap<String, XdmNode> views = new OnceMap<>();
    private final OnceMap<Class<?>, Object> derived = new OnceMap<>();

    /**
     * @param path the file as the user named it (used verbatim in diagnostics)
     * @param name the document's output name: the file name without extension, made safe for a path segment
     * @param node the parsed document node
     */
    public SourceDocument(Path path, String name, XdmNode node) {
        this.path = path;
        this.name = name;
        this.node = node;
    }

    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    public XdmNode node() {
        return node;
    }

    /**
     * A view of this document (say, the model of one witness) made by {@code make} the first time it is asked for
     * and shared afterwards, also between threads: the editions of one document build each view once. It lives as
     * long as the document, which a build drops once the document's editions are written.
     */
    public XdmNode view(String key, Function<String, XdmNode> make) {
        return views.get(key, make);
    }

    /**
     * A value derived from this document (say, its facsimile's images) made by {@code make} the first time it is
     * asked for and shared afterwards, like {@link #view}; one per type.
     */
    public <T> T derived(Class<T> type, Function<SourceDocument, T> make) {
        return type.cast(derived.get(type, key -> make.apply(this)));
    }

    /** Parses {@code path} with the hardened reader. Never throws for bad input: that is an XmlInputException. */
    public static SourceDocument parse(Processor processor, Path path) throws XmlInputException {
        String shown = path.toString();
        if (!Files.exists(path)) throw new XmlInputException(Diagnostic.error(shown, "file not found"));
        if (Files.isDirectory(path)) throw new XmlInputException(Diagnostic.error(shown, "is a directory, not an XML file"));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            in.mark(ParseMessages.HEAD);
            byte[] head = in.readNBytes(ParseMessages.HEAD);
            in.reset();
            String contradiction = ParseMessages.bomContradiction(head, head.length);
            if (contradiction != null) {
                throw new XmlInputException(Diagnostic.error(shown, 1, 1, contradiction, WELL_FORMEDNESS_RULE, "well-formedness"));
            }
            InputSource input = new InputSource(in);
            input.setSystemId(path.toAbsolutePath().toUri().toString());
            DocumentBuilder builder = processor.newDocumentBuilder();
            builder.setLineNumbering(true);
            XMLReader reader = SecureXml.newReader(Files.size(path));
            XdmNode node = builder.build(new SAXSource(reader, input));
            String dtd = SecureXml.externalDtd(reader);
            if (dtd != null) checkEntitiesDeclared(path, dtd);
            return new SourceDocument(path, OutputNames.documentName(path), node);
        } catch (SaxonApiException | SAXException e) {
            throw new XmlInputException(ParseMessages.located(path, shown, e));
        } catch (IOException e) {
            throw new XmlInputException(Diagnostic.error(shown, 0, 0, "cannot read: " + e.getMessage(), WELL_FORMEDNESS_RULE, "well-formedness"));
        }
    }

    private static void checkEntitiesDeclared(Path path, String dtd) throws IOException, SAXException {
        try (InputStream in = Files.newInputStream(path)) {
            InputSource input = new InputSource(in);
            input.setSystemId(path.toAbsolutePath().toUri().toString());
            SecureXml.checkEntitiesDeclared(input, dtd);
        }
    }
}
