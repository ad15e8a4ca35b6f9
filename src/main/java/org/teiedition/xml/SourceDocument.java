package org.teiedition.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.teiedition.Diagnostic;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A source document parsed once, with line and column numbers kept, and shared by validation and every edition.
 *
 * @param path    the file as the user named it (used verbatim in diagnostics)
 * @param name    the document's output name: the file name without extension, made safe for a path segment
 * @param node    the parsed document node
 */
public record SourceDocument(Path path, String name, XdmNode node) {
    /** Rule id of parse errors (shown as "[xml-wellformed]"). */
    public static final String WELL_FORMEDNESS_RULE = "xml-wellformed";

    /** Parses {@code path} with the hardened reader. Never throws for bad input: that is an XmlInputException. */
    public static SourceDocument parse(Processor processor, Path path) throws XmlInputException {
        String shown = path.toString();
        if (!Files.exists(path)) throw new XmlInputException(Diagnostic.error(shown, "file not found"));
        if (Files.isDirectory(path)) throw new XmlInputException(Diagnostic.error(shown, "is a directory, not an XML file"));
        try (InputStream in = Files.newInputStream(path)) {
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
