package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.apparatus.Support.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.LargeBuild;
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

    /**
     * A critical text's witnesses at full length: the edited text of the PTA text (1,628 entries) and eight of its
     * witnesses, about 5,000 words each, collated in a JVM whose heap is capped at 256 MB (a whole-text alignment
     * needed 1.4 GB), and every one rebuilt from the collation character for character.
     */
    @Test
    void nineFullLengthWitnessesCollateInBoundedMemory() throws Exception {
        Path file = Shared.path(LargeBuild.PTA);
        List<String> sigla = strings(parse(file), "(//tei:listWit/tei:witness/@xml:id/string())[position() le 8]");
        assertEquals(8, sigla.size());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("ed", cli("witness", "--lemma", file.toString()).out());
        for (String s : sigla) texts.put(s, cli("witness", "--wit", s, file.toString()).out());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.teiedition.cli.Main",
                "collate", "--no-trim", "--exact-spacing", "-o", tmp.resolve("collation.xml").toString()));
        for (Map.Entry<String, String> t : texts.entrySet()) {
            assertTrue(t.getValue().length() > 15_000, t.getKey() + " at full length: " + t.getValue().length());
            command.addAll(List.of("--wit", t.getKey() + "=" + Files.writeString(tmp.resolve(t.getKey() + ".txt"), t.getValue())));
        }
        Process collate = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(collate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, collate.waitFor(), said);
        for (Map.Entry<String, String> t : texts.entrySet()) {
            assertEquals(t.getValue(), cli("witness", "--wit", t.getKey(), tmp.resolve("collation.xml").toString()).out(), t.getKey());
        }
    }
}
