package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.xml.XmlInputException;

/**
 * Encodings and characters: a byte order mark contradicting the declared encoding is an error, control characters
 * (legal in XML 1.1, impossible in the XML 1.0 and HTML tei-edition writes) are a located error of their document,
 * control characters never reach the terminal raw, and collate always writes well-formed TEI.
 */
class CharactersTest {
    @TempDir
    Path dir;

    static final Toolkit TOOLKIT = new Toolkit();

    @Test
    void aUtf8ByteOrderMarkBeforeAnotherDeclaredEncodingIsAnError() throws Exception {
        String letter = Files.readString(Hostile.LETTER).replaceFirst("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("The garden", "Caf\u00e9 The garden");
        assertTrue(letter.contains("ISO-8859-1"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(letter.getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("bom.xml");
        Files.write(f, bytes.toByteArray());
        XmlInputException e = assertThrows(XmlInputException.class, () -> TOOLKIT.parse(f));
        Diagnostic d = e.diagnostic();
        assertEquals(1, d.line(), d.format());
        assertTrue(d.message().startsWith("the file starts with a UTF-8 byte order mark but declares encoding=\"ISO-8859-1\""), d.format());
    }

    @Test
    void aUtf8ByteOrderMarkWithUtf8IsFine() throws Exception {
        Path f = dir.resolve("bom-ok.xml");
        byte[] body = Files.readAllBytes(Hostile.LETTER);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        assertTrue(TOOLKIT.parse(f).node().getStringValue().contains("The garden"));
    }

    @Test
    void anXml11ControlCharacterIsAnErrorOfThatLetterAndTheCorpusStillBuilds() throws Exception {
        Path tei = Files.createDirectories(dir.resolve("tei"));
        Files.copy(Hostile.LETTER, tei.resolve("a.xml"));
        String bad = Files.readString(Hostile.LETTER).replaceFirst("<\\?xml version=\"1.0\"", "<?xml version=\"1.1\"")
                .replaceFirst("<title>", "<title>&#x1;");
        assertTrue(bad.startsWith("<?xml version=\"1.1\"") && bad.contains("&#x1;"));
        Files.writeString(tei.resolve("b.xml"), bad);
        Path out = dir.resolve("out");
        for (int build = 0; build < 2; build++) { // the second build reads the first one's cache
            Hostile.Run r = Hostile.run("build", "--no-validate", "-e", "reading", "-o", out.toString(), tei.toString());
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains(tei.resolve("b.xml") + ":") && r.err().contains("control character U+0001"), r.all());
            String index = Files.readString(out.resolve("index.html"));
            assertTrue(index.contains("a/reading.html"), "the corpus pages list the good letter:\n" + r.all());
        }
    }

    @Test
    void controlCharactersFromADocumentAreEscapedInDiagnostics() throws Exception {
        // a hostile file name in a shared folder, and a document whose message quotes it
        Path f = dir.resolve("esc\u001b[2J\u001b]0;pwned\u0007.xml");
        Files.writeString(f, "<TEI/>");
        Hostile.Run r = Hostile.run("validate", dir.toString());
        assertEquals(1, r.code(), r.all());
        assertFalse(r.err().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f), r.err());
        assertTrue(r.err().contains("<U+001B>"), r.err());
    }

    @Test
    void collateWritesWellFormedTeiFromAWitnessWithAFormFeed() throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, "The garden is\fgreen today.");
        Files.writeString(b, "The garden is green today.");
        Path out = dir.resolve("collated.xml");
        Hostile.Run r = Hostile.run("collate", "--wit", "A=" + a, "--wit", "B=" + b, "-o", out.toString());
        assertEquals(0, r.code(), r.all());
        String text = TOOLKIT.parse(out).node().getStringValue();
        assertTrue(text.contains("green today"), text);
        assertFalse(text.contains("\f"), text);
    }

    @Test
    void collateRefusesOtherControlCharactersWithAPosition() throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, "The garden\nis \u0001green.");
        Files.writeString(b, "The garden is green.");
        Hostile.Run r = Hostile.run("collate", "--wit", "A=" + a, "--wit", "B=" + b);
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains(a + ":2:4: error: control character U+0001"), r.all());
    }
}
