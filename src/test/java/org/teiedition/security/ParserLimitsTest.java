package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.xml.XmlInputException;

/**
 * Limits of the parser beyond entity expansion: nesting deeper than the tools can hold (Saxon's tree keeps depths in
 * 16 bits, the stylesheets recurse per level) and namespace declarations piled on one element (Xerces checks each
 * new one against those before it) are refused with a located error, not lost or paid for quadratically.
 */
class ParserLimitsTest {
    @TempDir
    Path dir;

    static final Toolkit TOOLKIT = new Toolkit();

    private Path nested(String name, int depth) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, Hostile.letter("", "<hi>".repeat(depth) + "x" + "</hi>".repeat(depth)));
        return f;
    }

    @Test
    void aDocumentDeeperThanTheToolsHoldIsRefusedWhereItGetsTooDeep() throws Exception {
        Path deep = nested("deep.xml", 33_000);
        XmlInputException e = assertThrows(XmlInputException.class, () -> TOOLKIT.parse(deep));
        Diagnostic d = e.diagnostic();
        assertTrue(d.message().startsWith("elements are nested more than 3,000 deep here"), d.format());
        int line = (int) Files.readAllLines(deep).stream().takeWhile(l -> !l.contains("<hi>")).count() + 1;
        assertEquals(line, d.line(), d.format());
        assertTrue(d.column() > 2_900 * 4, d.format());
    }

    @Test
    void apparatusOfADeepDocumentIsAnErrorNotAnEmptyTable() throws Exception {
        Path deep = dir.resolve("deep-letter.xml");
        String letter = Files.readString(Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml"));
        int at = letter.indexOf('>', letter.indexOf("<p>", letter.indexOf("<body"))) + 1;
        Files.writeString(deep, letter.substring(0, at) + "<hi>".repeat(33_000) + "x" + "</hi>".repeat(33_000) + letter.substring(at));
        Hostile.Run r = Hostile.run("apparatus", deep.toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains(deep + ":") && r.err().contains("nested more than 3,000 deep"), r.all());
        assertFalse(r.out().contains("variant"), "no table from a document the tools cannot hold:\n" + r.out());
    }

    @Test
    void theDeepestAcceptedDocumentBuilds() throws Exception {
        Path ok = nested("ok.xml", 3_000 - 8); // the letter's own elements around the paragraph make up the rest
        Path out = dir.resolve("out");
        Hostile.Run r = Hostile.run("build", "--edition", "reading", "--no-validate", "-o", out.toString(), ok.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.readString(out.resolve("ok/reading.html")).contains("The garden"), r.all());
    }

    @Test
    void manyNamespaceDeclarationsOnOneElementAreRefused() throws Exception {
        StringBuilder decls = new StringBuilder();
        for (int i = 0; i < 20_000; i++) decls.append(" xmlns:p").append(i).append("=\"urn:x").append(i).append('"');
        Path f = dir.resolve("ns.xml");
        Files.writeString(f, Hostile.letter("", "<hi" + decls + ">x</hi>"));
        XmlInputException e = assertThrows(XmlInputException.class, () -> TOOLKIT.parse(f));
        Diagnostic d = e.diagnostic();
        assertTrue(d.message().startsWith("this element declares more than 1,000 namespace prefixes"), d.format());
        assertTrue(d.line() > 1 && d.column() > 0, d.format());
    }

    @Test
    void namespaceDeclarationsUpToTheLimitAreAccepted() throws Exception {
        StringBuilder decls = new StringBuilder();
        for (int i = 0; i < 1_000; i++) decls.append(" xmlns:p").append(i).append("=\"urn:x").append(i).append('"');
        Path f = dir.resolve("ns-ok.xml");
        Files.writeString(f, Hostile.letter("", "<hi" + decls + ">x</hi>"));
        assertTrue(TOOLKIT.parse(f).node().getStringValue().contains("x The garden"));
    }
}
