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
import org.xml.sax.SAXParseException;

/**
 * A source document parsed once, with line and column numbers kept, and shared by validation and every edition.
 *
 * @param path    the file as the user named it (used verbatim in diagnostics)
 * @param name    the document's output name: the file name without extension, made safe for a path segment
 * @param node    the parsed document node
 */
public record SourceDocument(Path path, String name, XdmNode node) {

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
            XdmNode node = builder.build(new SAXSource(SecureXml.newReader(Files.size(path)), input));
            return new SourceDocument(path, OutputNames.documentName(path), node);
        } catch (SaxonApiException e) {
            throw new XmlInputException(located(shown, e));
        } catch (IOException e) {
            throw new XmlInputException(Diagnostic.error(shown, 0, 0, "cannot read: " + e.getMessage(), null, "well-formedness"));
        }
    }

    /** Finds the parser's own located message in Saxon's exception chain. */
    static Diagnostic located(String path, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException spe) {
                return Diagnostic.error(path, Math.max(spe.getLineNumber(), 0), Math.max(spe.getColumnNumber(), 0),
                        clean(spe.getMessage()), null, "well-formedness");
            }
            if (t instanceof java.io.CharConversionException || t instanceof java.nio.charset.CharacterCodingException) {
                return Diagnostic.error(path, 0, 0, "invalid byte sequence for the declared encoding: " + clean(t.getMessage()),
                        null, "well-formedness");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return Diagnostic.error(path, 0, 0, clean(root.getMessage()), null, "well-formedness");
    }

    private static String clean(String message) {
        if (message == null || message.isBlank()) return "not well-formed XML";
        return message.replaceAll("\\s+", " ").trim();
    }
}
