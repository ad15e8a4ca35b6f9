package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document too large for the heap fails alone, named, with what to set; the others of the folder are built and the
 * corpus pages and summaries written. Run in a child JVM with a small heap, with validation and editions side by
 * side (more workers than documents) and one after the other, with each collector the launcher chooses (G1 for
 * large inputs, the serial one for the others).
 */
class OutOfMemoryTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    @Test
    @Timeout(600)
    void aDocumentTooLargeForTheHeapFailsAloneAndTheFolderIsBuilt(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        String letter = Files.readString(LETTER);
        String paragraph = "<p>The garden is <choice><sic>grean</sic><corr>green</corr></choice> again, and the <app><lem wit=\"#B\">old"
                + "</lem><rdg wit=\"#A\">ancient</rdg></app> pear tree is in flower. Lorem ipsum dolor sit amet consectetur.</p>\n";
        Files.writeString(src.resolve("big.xml"), letter.replace("<closer>", paragraph.repeat(20_000) + "<closer>"));
        Files.copy(LETTER, src.resolve("a-small.xml"));
        Files.writeString(src.resolve("z-small.xml"), letter.replace("A small test letter", "Another small letter"));

        for (List<String> run : List.of(List.of("4", "-XX:+UseG1GC"), List.of("1", "-XX:+UseSerialGC"))) {
            String jobs = run.get(0);
            Path out = dir.resolve("out-" + jobs);
            Path log = dir.resolve("log-" + jobs + ".txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                    run.get(1), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.teiedition.cli.Main",
                    "build", "-j", jobs, "-e", "reading,diplomatic", "-o", out.toString(), src.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(280, TimeUnit.SECONDS)) p.destroyForcibly();
            String output = Files.readString(log);
            assertEquals(1, p.exitValue(), output);
            assertTrue(output.lines().anyMatch(l -> l.startsWith(src.resolve("big.xml") + ": error: out of memory ")
                    && l.endsWith("; give the JVM more heap, e.g. TEI_EDITION_JAVA_OPTS=-Xmx4g")), output);
            assertFalse(output.contains("java.lang.OutOfMemoryError"), output);
            assertTrue(output.contains("2 rebuilt, 0 up to date"), output);
            String index = Files.readString(out.resolve("index.html"));
            assertTrue(index.contains("<tr id=\"a-small\"") && index.contains("<tr id=\"z-small\"") && !index.contains("<tr id=\"big\""), index);
            assertTrue(Files.readString(out.resolve("z-small/reading.html")).contains("pear tree"));
            assertTrue(Files.isRegularFile(out.resolve(".tei-edition/summaries/a-small.xml")));
            assertFalse(Files.exists(out.resolve("big")), "nothing written for the document that failed");
        }
    }
}
