package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;

/**
 * External entities, external DTDs, parameter entities and XInclude are never resolved or fetched: the document is
 * refused with a message naming what was refused, and nothing from the file system or the network reaches any
 * output or message. A local HTTP server counts requests: there must be none.
 */
class ExternalResourcesTest {
    static Hostile.CountingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new Hostile.CountingServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** name, document text (given the server), the exact start of the error message. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("entity-file", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"),
                        "external entity &xxe; (SYSTEM \"file:///etc/passwd\") is not loaded: tei-edition never reads"),
                Arguments.of("entity-http", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"" + s.url("x") + "\">]>", "&xxe;"),
                        "external entity &xxe; (SYSTEM \"" + server.url("x") + "\") is not loaded"),
                Arguments.of("entity-in-attribute", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "<hi rend=\"&xxe;\">x</hi>"),
                        "The external entity reference \"&xxe;\" is not permitted in an attribute value"),
                Arguments.of("dtd-entity-in-text", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI SYSTEM \"" + s.url("tei.dtd") + "\">", "&leak;"),
                        "entity &leak; is not declared in the document; its DOCTYPE names the external DTD \""
                                + server.url("tei.dtd") + "\", which is not read"),
                Arguments.of("dtd-entity-in-attribute", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI SYSTEM \"" + s.url("tei.dtd") + "\">", "<hi rend=\"&leak;\">x</hi>"),
                        "entity &leak; is not declared in the document; its DOCTYPE names the external DTD"),
                Arguments.of("parameter-entity", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI [<!ENTITY % remote SYSTEM \"" + s.url("evil.dtd") + "\"> %remote;]>", "&leak;"),
                        "parameter entity %remote; is not loaded: tei-edition never reads"),
                Arguments.of("parameter-entity-unused-result", (Function<Hostile.CountingServer, String>) s -> letter(
                        "<!DOCTYPE TEI [<!ENTITY % remote SYSTEM \"" + s.url("evil.dtd") + "\"> %remote;]>", ""),
                        "parameter entity %remote; is not loaded"));
    }

    private static String letter(String doctype, String text) {
        try {
            return Hostile.letter(doctype, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithALocatedMessageAndNothingFetched(String name, Function<Hostile.CountingServer, String> doc,
            String message, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, doc.apply(server));
        int before = server.requests.get();

        Hostile.Run v = Hostile.run("validate", file.toString());
        assertEquals(1, v.code(), v.all());
        String line = v.err().lines().filter(l -> l.startsWith(file + ":")).findFirst().orElse("");
        assertTrue(line.matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: error: .*"), v.err());
        assertTrue(line.contains(": error: " + message), "expected \"" + message + "\" in:\n" + v.err());

        Path out = dir.resolve("out");
        Hostile.Run b = Hostile.run("build", "-o", out.toString(), file.toString());
        assertEquals(1, b.code(), b.all());
        assertTrue(b.err().contains(line), b.err());
        assertFalse(Files.exists(out.resolve(name)), "no edition for a refused document");

        assertEquals(before, server.requests.get(), "requests to the local server");
        Hostile.assertNoSecrets("messages", v.all() + b.all());
        Hostile.assertNoSecretsUnder(out);
        assertFalse((v.all() + b.all()).contains("Exception"), v.all() + b.all());
    }

    /**
     * XInclude is not processed: an xi:include stays an inert element (real corpora use it for shared taxonomies), is
     * never followed, and nothing from the file or URL it names reaches a message or an edition.
     */
    @Test
    void xincludeIsNeverFollowed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xinclude.xml");
        Files.writeString(file, Hostile.letter("", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\""
                + " parse=\"text\"/><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + server.url("inc.xml") + "\"/>"
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"));
        int before = server.requests.get();
        Hostile.Run v = Hostile.run("validate", file.toString());
        Path out = dir.resolve("out");
        Hostile.Run b = Hostile.run("build", "--no-validate", "-o", out.toString(), file.toString());
        assertEquals(0, b.code(), b.all());
        assertTrue(Files.readString(out.resolve("xinclude/reading.html")).contains("garden"));
        assertEquals(before, server.requests.get(), "requests to the local server");
        Hostile.assertNoSecrets("messages", v.all() + b.all());
        Hostile.assertNoSecretsUnder(out);
    }

    /** A plain DOCTYPE naming an external DTD and using no entity: the DTD is not read, the editions are unchanged. */
    @Test
    void externalDtdWithoutEntitiesIsIgnoredAndChangesNothing(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain/letter.xml");
        Path withDtd = dir.resolve("dtd/letter.xml");
        Files.createDirectories(plain.getParent());
        Files.createDirectories(withDtd.getParent());
        Files.writeString(plain, Hostile.letter("", ""));
        Files.writeString(withDtd, Hostile.letter("<!DOCTYPE TEI PUBLIC \"-//TEI//DTD TEI P5//EN\" \"" + server.url("tei.dtd") + "\">", ""));
        int before = server.requests.get();
        assertEquals(0, Hostile.run("validate", withDtd.toString()).code());
        Hostile.Run a = Hostile.run("build", "-o", dir.resolve("out-a").toString(), plain.toString());
        Hostile.Run b = Hostile.run("build", "-o", dir.resolve("out-b").toString(), withDtd.toString());
        assertEquals(0, a.code(), a.all());
        assertEquals(0, b.code(), b.all());
        for (String f : List.of("reading.html", "diplomatic.html", "print.pdf")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("out-a/letter").resolve(f)),
                    Files.readAllBytes(dir.resolve("out-b/letter").resolve(f)), f);
        }
        assertEquals(before, server.requests.get(), "requests to the local server");
    }

    /** Internal entities still work: only external ones are refused. */
    @Test
    void internalEntitiesExpand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("letter.xml");
        Files.writeString(file, Hostile.letter("<!DOCTYPE TEI [<!ENTITY jfk \"John F. Kennedy\">]>", "&jfk;"));
        Hostile.Run b = Hostile.run("build", "-o", dir.resolve("out").toString(), "--edition", "reading", file.toString());
        assertEquals(0, b.code(), b.all());
        assertTrue(Files.readString(dir.resolve("out/letter/reading.html")).contains("John F. Kennedy The garden"));
    }

    /**
     * The Saxon side: even a tree that does contain an xi:include element (built without our parser) gives HTML and
     * PDF with no file content: the stylesheets never dereference it.
     */
    @Test
    void editionsOfATreeWithXIncludeContainNoFileContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("letter.xml");
        Files.writeString(file, Hostile.letter("", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\""
                + " parse=\"text\"/><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + server.url("inc.xml") + "\"/>"));
        Toolkit toolkit = new Toolkit();
        XdmNode node = toolkit.xslt().processor().newDocumentBuilder().build(file.toFile());
        SourceDocument doc = new SourceDocument(file, "letter", node);
        assertTrue(node.toString().contains("xi:include"), "the tree keeps the element");
        int before = server.requests.get();
        for (var edition : Editions.ALL) {
            if (!edition.appliesTo(doc.node())) continue; // the facsimile editions: this letter has no images
            byte[] bytes = toolkit.renderer().render(doc, edition, null);
            String text = edition.fileName().endsWith(".pdf") ? Hostile.pdfText(bytes)
                    : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("garden"), edition.name() + " rendered the letter");
            Hostile.assertNoSecrets(edition.name(), text);
        }
        assertEquals(before, server.requests.get(), "requests to the local server");
    }

    /**
     * The reader itself refuses, whatever its user installs: the validators hand it to Jing, which sets its own
     * handlers and resolver (as Saxon does, which is how the first version of this reader came to read /etc/passwd).
     */
    @Test
    void theHardenedReaderRefusesEvenWithAPermissiveResolverInstalled() throws Exception {
        org.xml.sax.XMLReader reader = org.teiedition.xml.SecureXml.newReader();
        reader.setContentHandler(new org.xml.sax.helpers.DefaultHandler());
        reader.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(systemId)); // "load anything"
        StringBuilder text = new StringBuilder();
        reader.setContentHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                text.append(ch, start, length);
            }
        });
        String doc = "<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><TEI>&xxe;</TEI>";
        org.xml.sax.SAXParseException e = org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXParseException.class,
                () -> reader.parse(new org.xml.sax.InputSource(new java.io.StringReader(doc))));
        assertTrue(e.getMessage().startsWith("external entity &xxe; (SYSTEM \"file:///etc/passwd\") is not loaded"), e.getMessage());
        assertEquals(1, e.getLineNumber());
        Hostile.assertNoSecrets("parsed text", text.toString());
    }
}
