package org.teiedition.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;

class BuildCommandTest {

    @Test
    void writesTheThreeEditionsAndAnIndexForAFolder(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("letters");
        Files.createDirectories(src);
        Files.copy(CliTest.LETTER, src.resolve("small-letter.xml"));
        Path out = dir.resolve("out");
        Run r = CliTest.run("build", "-o", out.toString(), src.toString());
        assertEquals(0, r.code(), r.err());
        String reading = Files.readString(out.resolve("small-letter/reading.html"));
        String diplomatic = Files.readString(out.resolve("small-letter/diplomatic.html"));
        // the letter text adopts the correction; the copy-text's error is kept in the apparatus
        String readingText = reading.substring(reading.indexOf("<article"), reading.indexOf("</article>"));
        assertTrue(readingText.contains("green") && !readingText.contains("grean"), "reading adopts the correction");
        assertTrue(diplomatic.contains("grean") && !diplomatic.contains("green"), "diplomatic keeps the copy-text");
        byte[] pdf = Files.readAllBytes(out.resolve("small-letter/print.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"small-letter/reading.html\"") && index.contains("A small test letter"), index);
        try (Stream<Path> files = Files.walk(out)) {
            List<String> leftovers = files.map(Path::toString).filter(p -> p.endsWith(".part")).toList();
            assertEquals(List.of(), leftovers, "no temporary files remain");
        }
    }

    @Test
    void buildingTwiceGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliTest.run("build", "-o", a.toString(), CliTest.LETTER.toString()).code());
        assertEquals(0, CliTest.run("build", "-o", b.toString(), CliTest.LETTER.toString()).code());
        for (String f : List.of("reading.html", "diplomatic.html", "print.pdf")) {
            assertArrayEquals(Files.readAllBytes(a.resolve("small-letter").resolve(f)),
                    Files.readAllBytes(b.resolve("small-letter").resolve(f)), f);
        }
    }

    /** The parallel edition is not made for a letter with one witness: that must not make the letter look out of date. */
    @Test
    void aOneWitnessLetterIsUpToDateTheSecondTime(@TempDir Path dir) throws Exception {
        String two = Files.readString(Path.of("src/test/resources/validation/valid/minimal-letter.xml"));
        String one = two.replace("<witness xml:id=\"C\">Copy</witness>", "")
                .replace("<app type=\"substantive\" xml:id=\"app1\"><lem wit=\"#A\">red</lem><rdg wit=\"#C\">read</rdg></app>", "red");
        Path letter = dir.resolve("one-witness.xml");
        Files.writeString(letter, one);
        Path out = dir.resolve("out");
        Run first = CliTest.run("build", "-o", out.toString(), letter.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("1 rebuilt, 0 up to date"), first.err());
        assertTrue(first.err().contains("built 7 files from 1 of 1 document"), first.err());
        Run second = CliTest.run("build", "-o", out.toString(), letter.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("0 rebuilt, 1 up to date"), second.err());
        assertTrue(second.err().contains("built 0 files from 1 of 1 document into"), second.err());
    }

    /** A large document says what it is doing; a small one prints only the two summary lines. */
    @Test
    void aLargeDocumentReportsEachEdition(@TempDir Path dir) throws Exception {
        String letter = Files.readString(Path.of("src/test/resources/validation/valid/minimal-letter.xml"));
        String paragraph = "<p>A paragraph of a long letter, repeated to make the document large enough.</p>\n";
        Path large = dir.resolve("large.xml");
        Files.writeString(large, letter.replace("<closer>", paragraph.repeat(1500) + "<closer>"));
        assertTrue(Files.size(large) >= Progress.LARGE);
        Run r = CliTest.run("build", "-e", "reading,diplomatic", "-j", "1", "-o", dir.resolve("out").toString(), large.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(large + ": the reading edition...", lines.get(0), r.err());
        assertTrue(lines.get(1).matches(Pattern.quote(large + ": the reading edition rendered in ") + "\\d+\\.\\d s"), r.err());
        assertEquals(large + ": the diplomatic edition...", lines.get(2), r.err());
        assertEquals(6, lines.size(), r.err());

        Run small = CliTest.run("build", "-e", "reading", "-o", dir.resolve("out").toString(), CliTest.LETTER.toString());
        assertEquals(List.of("1 rebuilt, 0 up to date"), small.err().lines().limit(1).toList(), small.err());
        assertEquals(2, small.err().lines().count(), small.err());
    }

    @Test
    void selectedEditionOnly(@TempDir Path out) throws Exception {
        Run r = CliTest.run("build", "-o", out.toString(), "--edition", "diplomatic", CliTest.LETTER.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(out.resolve("small-letter"))) {
            // the edition asked for, and the TEI source it was made from
            assertEquals(List.of("diplomatic.html", "small-letter.xml"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
