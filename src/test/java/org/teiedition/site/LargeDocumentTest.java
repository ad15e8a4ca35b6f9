package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A 15 MB letter builds (reading + diplomatic + corpus pages) in a JVM limited to -Xmx1g. */
class LargeDocumentTest {
    static final int TARGET_BYTES = 15 * 1024 * 1024;

    /** The small test letter with its paragraph repeated until the file is 15 MB. */
    static Path generate(Path dir) throws Exception {
        String letter = Files.readString(Path.of("src/test/resources/fixtures/small-letter.xml"));
        int start = letter.indexOf("<p>");
        int end = letter.indexOf("</p>") + 4;
        String head = letter.substring(0, start);
        String para = letter.substring(start, end);
        String tail = letter.substring(end);
        Path file = dir.resolve("big-letter.xml");
        long size = head.length() + tail.length();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(head);
            for (int i = 0; size < TARGET_BYTES; i++) {
                String p = para.replace("pear tree", "pear tree number " + i) + "\n      ";
                w.write(p);
                size += p.length();
            }
            w.write(tail);
        }
        return file;
    }

    @Test
    @Timeout(600)
    void fifteenMegabytesBuildWithinOneGigabyteOfHeap(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("letters"));
        Path big = generate(src);
        assertTrue(Files.size(big) >= TARGET_BYTES, "generated " + Files.size(big));
        Path out = dir.resolve("out");
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-Xss8m", "-cp", System.getProperty("java.class.path"),
                "org.teiedition.cli.Main", "build", "-e", "reading,diplomatic", "-o", out.toString(), src.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(540, TimeUnit.SECONDS), "finished in time");
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("1 rebuilt, 0 up to date"), output);
        String reading = Files.readString(out.resolve("big-letter/reading.html"));
        assertTrue(reading.contains("pear tree number 0 ") && reading.contains("green"), "the text is all there");
        String js = Files.readString(out.resolve("search-index.js"));
        assertTrue(js.contains("\"pear\""), "its words are in the search index");
        assertTrue(Files.readString(out.resolve("index.html")).contains("A small test letter"));
    }
}
