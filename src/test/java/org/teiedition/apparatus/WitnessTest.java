package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.apparatus.Support.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Shared;

/** witness: the letter's two witnesses, and the PTA round trip witness -> collate -> witness. */
class WitnessTest {
    @TempDir
    Path tmp;

    @Test
    void dhIsRebuiltExactly() throws Exception {
        Run r = cli("witness", "--wit", "DH", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(normalizeSpace(dhText()), normalizeSpace(r.out()));
    }

    @Test
    void frusIsRebuiltWordForWord() throws Exception {
        Run r = cli("witness", "--wit", "FRUS", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(words(frusText()), words(r.out()));
        assertTrue(r.out().startsWith("\"Dear Mr. Chairman:\n\nI have read"), r.out());
    }

    @Test
    void theLemmaIsTheEditedText() {
        Run r = cli("witness", "--lemma", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Dear Mr. Chairman:\n\n"), r.out());
        assertTrue(r.out().contains("lead to an intensification of the Cuban crisis and a grave risk to the peace"), r.out());
        assertTrue(r.out().contains("this weekend—in cooperation"), r.out());
    }

    @Test
    void anUnknownWitnessIsAnError() {
        Run r = cli("witness", "--wit", "X", LETTER.toString());
        assertEquals(1, r.code());
        assertEquals("error: no witness 'X' in " + LETTER + " (known: DH, FRUS)\n", r.err().replace("\r\n", "\n"));
        assertEquals("", r.out());
    }

    @Test
    void writesToAFile() throws Exception {
        Path out = tmp.resolve("dh.txt");
        assertEquals(0, cli("witness", "--wit", "DH", "-o", out.toString(), LETTER.toString()).code());
        assertTrue(Files.readString(out).startsWith("Dear Mr. Chairman,\n\nI have read"));
    }

    static List<Path> pta() throws Exception {
        return Shared.xmlFiles("corpora/pta-apparatus");
    }

    /** Edited text and one witness -> collate -> both rebuilt from the collation, character for character. */
    @ParameterizedTest
    @MethodSource("pta")
    void ptaRoundTrip(Path file) throws Exception {
        Shared.path("corpora/pta-apparatus");
        String siglum = string(parse(file), "(//tei:text//tei:rdg/(@wit, @source)[1] ! tokenize(normalize-space(.), ' '))[1] ! substring(., 2)");
        Run lemma = cli("witness", "--lemma", file.toString());
        Run wit = cli("witness", "--wit", siglum, file.toString());
        assertEquals(0, lemma.code(), lemma.err());
        assertEquals(0, wit.code(), wit.err());
        assertTrue(!lemma.out().equals(wit.out()), "the witness differs from the edited text");
        Path l = Files.writeString(tmp.resolve("lemma.txt"), lemma.out());
        Path w = Files.writeString(tmp.resolve("wit.txt"), wit.out());
        Path c = tmp.resolve("collation.xml");
        Run col = cli("collate", "--no-trim", "--exact-spacing", "--wit", "ed=" + l, "--wit", siglum + "=" + w, "-o", c.toString());
        assertEquals(0, col.code(), col.err());
        assertEquals(lemma.out(), cli("witness", "--wit", "ed", c.toString()).out());
        assertEquals(wit.out(), cli("witness", "--wit", siglum, c.toString()).out());
    }
}
