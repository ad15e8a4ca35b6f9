package org.teiedition.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

    @Test
    void selectedEditionOnly(@TempDir Path out) throws Exception {
        Run r = CliTest.run("build", "-o", out.toString(), "--edition", "diplomatic", CliTest.LETTER.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(out.resolve("small-letter"))) {
            assertEquals(List.of("diplomatic.html"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
