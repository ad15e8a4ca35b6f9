package org.teiedition.apparatus;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Shared;
import org.teiedition.xml.SecureXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Shared by the apparatus tests: the CLI in process, XPath, RELAX NG validation. */
final class Support {
    static final Path LETTER = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");
    static final Processor SAXON = new Processor(false);

    private Support() {
    }

    static Run cli(String... args) {
        return Cli.run(args);
    }

    static XdmNode parse(String xml) throws SaxonApiException {
        return SAXON.newDocumentBuilder().build(new StreamSource(new StringReader(xml)));
    }

    static XdmNode parse(Path file) throws SaxonApiException {
        return SAXON.newDocumentBuilder().build(file.toFile());
    }

    static XdmValue xpath(XdmNode ctx, String expr) throws SaxonApiException {
        XPathCompiler c = SAXON.newXPathCompiler();
        c.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
        c.declareNamespace("h", "http://www.w3.org/1999/xhtml");
        return c.evaluate(expr, ctx);
    }

    static String string(XdmNode ctx, String expr) throws SaxonApiException {
        XdmValue v = xpath(ctx, expr);
        return v.size() == 0 ? "" : v.itemAt(0).getStringValue();
    }

    static List<String> strings(XdmNode ctx, String expr) throws SaxonApiException {
        List<String> out = new ArrayList<>();
        for (XdmItem i : xpath(ctx, expr)) out.add(i.getStringValue());
        return out;
    }

    static String normalizeSpace(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Words = maximal runs of letters/digits (notes/conventions.md, rule 9). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The DH letter text: the lines from "Dear Mr. Chairman" to "John F. Kennedy". */
    static String dhText() throws Exception {
        List<String> lines = Files.readAllLines(Shared.path("witnesses/digital-history-3637.txt"));
        int from = -1, to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).startsWith("Dear Mr. Chairman")) from = i;
            if (from >= 0 && lines.get(i).strip().equals("John F. Kennedy")) to = i;
        }
        return String.join("\n", lines.subList(from, to + 1)) + "\n";
    }

    /** The FRUS letter text: its p's from "Dear Mr. Chairman: to /s/John F. Kennedy", notes left out, paragraphs by blank lines. */
    static String frusText() throws Exception {
        XdmNode doc = parse(Shared.path("witnesses/frus-1961-63v06-d67.xml"));
        List<String> paras = new ArrayList<>();
        boolean in = false;
        for (XdmItem p : xpath(doc, "//*:p[not(ancestor::*:note)]")) {
            String text = string((XdmNode) p, "string-join(descendant::node()[self::text()[not(ancestor::*:note)] or self::*:pb "
                    + "or self::*:label or self::*:item] ! (if (. instance of text()) then string(.) else ' '), '')");
            if (normalizeSpace(text).startsWith("\"Dear Mr. Chairman:")) in = true;
            if (in) paras.add(normalizeSpace(text));
            if (in && text.contains("/s/John F. Kennedy\"")) break;
        }
        return String.join("\n\n", paras) + "\n";
    }

    /** Errors of RELAX NG validation against ../shared/schemas/tei_all.rng (empty = valid), read with the hardened parser. */
    static List<String> teiAllErrors(String xml) throws Exception {
        Path rng = Shared.path("schemas/tei_all.rng");
        List<String> errors = new ArrayList<>();
        ErrorHandler eh = new ErrorHandler() {
            public void warning(SAXParseException e) {
            }

            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, eh);
        props.put(ValidateProperty.XML_READER_CREATOR, (com.thaiopensource.xml.sax.XMLReaderCreator) () -> SecureXml.newReader());
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
        if (!driver.loadSchema(ValidationDriver.fileInputSource(rng.toFile()))) throw new IllegalStateException("cannot load " + rng + ": " + errors);
        driver.validate(new InputSource(new StringReader(xml)));
        return errors;
    }
}
