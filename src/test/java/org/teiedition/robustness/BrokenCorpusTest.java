package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.cli.Main;

/**
 * One build over a folder of broken files and one good letter: one located error line per broken file, with a
 * message that says what is wrong; no stack trace, no Java or Saxon noise; exit 1; no output for the broken files;
 * the good letter (also in UTF-8 and UTF-16 with byte order marks) is built.
 */
class BrokenCorpusTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");
    static final String TEI = "xmlns=\"http://www.tei-c.org/ns/1.0\"";

    @TempDir
    static Path dir;
    static Path src;
    static Path out;
    static String err;
    static int code;

    /** Broken file name, expected start of its line after "path", exact message. */
    static final Map<String, String> BROKEN = new LinkedHashMap<>();
    static final String WF = " [xml-wellformed]";

    static {
        BROKEN.put("empty.xml", ": error: the file is empty: expected an XML document with a <TEI> root element" + WF);
        BROKEN.put("binary-junk.xml", ":1:1: error: invalid UTF-8 (Invalid byte 1 of 1-byte UTF-8 sequence): the file is not in the"
                + " encoding it declares (UTF-8 when it declares none)" + WF);
        BROKEN.put("truncated.xml", ":6:28: error: the file ends inside an element (truncated, or a tag is never closed)" + WF);
        BROKEN.put("declares-utf16-is-utf8.xml", ":1:40: error: the XML declaration says encoding=\"UTF-16\" but the file is written"
                + " in a single-byte or UTF-8 encoding: correct the declaration (usually encoding=\"UTF-8\")"
                + " (the parser said: Content is not allowed in prolog)" + WF);
        BROKEN.put("declares-ascii-has-e-acute.xml", ":1:42: error: the file declares encoding=\"US-ASCII\" but contains a non-ASCII"
                + " byte (Byte \"195\" is not a member of the (7-bit) ASCII character set): declare the encoding the file is"
                + " written in, usually encoding=\"UTF-8\"" + WF);
        BROKEN.put("control-character.xml", ":2:52: error: An invalid XML character (Unicode: 0x1) was found in the element content"
                + " of the document (control characters other than tab, newline and carriage return are not allowed in XML)" + WF);
        BROKEN.put("lone-surrogate.xml", ":2:51: error: invalid UTF-8 (Invalid byte 2 of 3-byte UTF-8 sequence): the file is not in"
                + " the encoding it declares (UTF-8 when it declares none)" + WF);
        BROKEN.put("unclosed-tag.xml", ":2:66: error: The element type \"hi\" must be terminated by the matching end-tag \"</hi>\"" + WF);
        BROKEN.put("junk-before-root.xml", ":1:1: error: content is not allowed before the root element: found \"Dear Mr. Chairma...\";"
                + " an XML document starts with \"<?xml\" or its root element" + WF);
        BROKEN.put("non-tei-root.xml", ":2:7: error: not a TEI document: the root is <html> in no namespace;"
                + " expected <TEI xmlns=\"http://www.tei-c.org/ns/1.0\"> [tei-root]");
        BROKEN.put("wrong-namespace.xml", ":2:56: error: not a TEI document: the root is <TEI> in namespace"
                + " http://www.tei-c.org/ns/2.0; expected <TEI xmlns=\"http://www.tei-c.org/ns/1.0\"> [tei-root]");
        BROKEN.put("bom-utf8-declares-utf16.xml", ":1:40: error: the XML declaration says encoding=\"UTF-16\" but the file is written"
                + " in UTF-8 (it starts with a UTF-8 byte order mark): correct the declaration (usually encoding=\"UTF-8\")"
                + " (the parser said: Content is not allowed in prolog)" + WF);
        BROKEN.put("dir.xml", ": error: is a directory, not an XML file");
    }

    static final List<String> GOOD = List.of("good", "bom-utf8", "bom-utf16le", "bom-utf16be");

    @BeforeAll
    static void buildTheFolder() throws Exception {
        src = dir.resolve("in");
        out = dir.resolve("out");
        Files.createDirectories(src);
        String letter = Files.readString(LETTER);
        byte[] utf8 = letter.getBytes(StandardCharsets.UTF_8);
        write("good.xml", utf8);
        write("bom-utf8.xml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
        String decl16 = letter.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        write("bom-utf16le.xml", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, decl16.getBytes(Charset.forName("UTF-16LE"))));
        write("bom-utf16be.xml", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, decl16.getBytes(Charset.forName("UTF-16BE"))));

        write("empty.xml", new byte[0]);
        write("binary-junk.xml", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        write("truncated.xml", letter.substring(0, letter.indexOf("</titleStmt>") + 40).getBytes(StandardCharsets.UTF_8));
        write("declares-utf16-is-utf8.xml", decl16.getBytes(StandardCharsets.UTF_8));
        write("declares-ascii-has-e-acute.xml", ("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<TEI " + TEI + "><text><p>caf\u00e9</p></text></TEI>\n")
                .getBytes(StandardCharsets.UTF_8));
        write("control-character.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI " + TEI + "><text><p>a\u0001b</p></text></TEI>\n")
                .getBytes(StandardCharsets.UTF_8));
        write("lone-surrogate.xml", concat(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI " + TEI + "><text><p>a")
                .getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "b</p></text></TEI>\n".getBytes(StandardCharsets.UTF_8)));
        write("unclosed-tag.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI " + TEI + "><text><body><p>a <hi>b</p></body></text></TEI>\n")
                .getBytes(StandardCharsets.UTF_8));
        write("junk-before-root.xml", ("Dear Mr. Chairman:\n<TEI " + TEI + "/>\n").getBytes(StandardCharsets.UTF_8));
        write("non-tei-root.xml", "<?xml version=\"1.0\"?>\n<html><body><p>Not TEI</p></body></html>\n".getBytes(StandardCharsets.UTF_8));
        write("wrong-namespace.xml", letter.replace("http://www.tei-c.org/ns/1.0", "http://www.tei-c.org/ns/2.0").getBytes(StandardCharsets.UTF_8));
        write("bom-utf8-declares-utf16.xml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, decl16.getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(src.resolve("dir.xml"));

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        code = Main.run(new PrintWriter(o), new PrintWriter(e), "build", "-j", "2", "-o", out.toString(), src.toString());
        err = e.toString();
    }

    private static void write(String name, byte[] bytes) throws Exception {
        Files.write(src.resolve(name), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }

    @Test
    void exitCodeIsOneAndTheSummaryCountsTheFailures() {
        assertEquals(1, code, err);
        assertTrue(err.contains("from 4 of 17 documents") && err.contains("; 13 failed"), err);
    }

    @Test
    void eachBrokenFileHasExactlyOneLocatedErrorLineSayingWhatIsWrong() {
        List<String> errorLines = err.lines().filter(l -> l.contains(": error: ")).toList();
        for (var e : BROKEN.entrySet()) {
            String path = src.resolve(e.getKey()).toString();
            List<String> mine = errorLines.stream().filter(l -> l.startsWith(path + ":")).toList();
            assertEquals(List.of(path + e.getValue()), mine, e.getKey());
        }
        assertEquals(BROKEN.size(), errorLines.size(), err);
        Pattern form = Pattern.compile("^\\S+?(:\\d+:\\d+)?: error: \\S.*$");
        errorLines.forEach(l -> assertTrue(form.matcher(l).matches(), l));
    }

    @Test
    void noStackTraceNoJavaOrSaxonNoise() {
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("\tat "), err);
        assertFalse(Pattern.compile("\\b[A-Z]{4}\\d{4}\\b").matcher(err).find(), err);
        assertFalse(err.contains("org.xml") || err.contains("net.sf.saxon") || err.contains("java."), err);
    }

    @Test
    void brokenFilesGetNoOutputAndTheGoodOnesAreBuilt() throws Exception {
        for (String name : BROKEN.keySet()) {
            String doc = name.substring(0, name.length() - 4);
            assertFalse(Files.exists(out.resolve(doc)), "output for " + name);
        }
        for (String doc : GOOD) {
            String reading = Files.readString(out.resolve(doc).resolve("reading.html"));
            String text = reading.replaceAll("<style[^>]*>[^<]*</style>|<script[^>]*>[^<]*</script>", "")
                    .replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
            assertTrue(text.contains("The garden is green"), doc + ": " + text);
            assertTrue(reading.endsWith("</html>") || reading.strip().endsWith("</html>"), doc);
            assertTrue(Files.size(out.resolve(doc).resolve("print.pdf")) > 1000, doc);
        }
        String index = Files.readString(out.resolve("index.html"));
        for (String doc : GOOD) assertTrue(index.contains("href=\"" + doc + "/reading.html\""), index);
        assertFalse(index.contains("empty/"), index);
    }
}
