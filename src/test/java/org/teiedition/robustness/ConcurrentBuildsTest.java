package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;

/** Two builds into one output folder (serve running, a build in another terminal): one waits for the other. */
class ConcurrentBuildsTest {
    static final int LETTERS = 60;

    @Test
    @Timeout(300)
    void aSecondBuildWaitsForTheProcessThatHoldsTheOutputFolder(@TempDir Path dir) throws Exception {
        Path src = OutputFolderTest.letters(dir.resolve("src"),
                java.util.stream.IntStream.range(0, LETTERS).mapToObj(i -> String.format("copy-%03d", i)).toArray(String[]::new));
        Path out = dir.resolve("out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("other.log");
        Process other = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.teiedition.cli.Main", "build", "-j", "1", "-e", "reading,diplomatic", "-o", out.toString(), src.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // the other process is writing into OUT
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(out.resolve("copy-000")) && other.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(other.isAlive(), "the other build was still running: " + Files.readString(log));

            Cli.Run mine = Cli.run("build", "-j", "1", "-e", "reading,diplomatic", "-o", out.toString(), src.toString());
            assertTrue(other.waitFor(120, TimeUnit.SECONDS));
            String theirs = Files.readString(log);
            assertEquals(0, other.exitValue(), theirs);
            assertEquals(0, mine.code(), mine.err());
            assertTrue(mine.err().contains(out + ": waiting for process " + other.pid() + " (building into this folder; lock file "
                    + out.resolve(".tei-edition/lock") + ")"), mine.err());
            // the second build found the first one's work done
            assertTrue(mine.err().contains("0 rebuilt, " + LETTERS + " up to date"), mine.err());
            assertFalse(theirs.contains("cannot write") || mine.err().contains("cannot write"), theirs + mine.err());
            String index = Files.readString(out.resolve("index.html"));
            Matcher rows = Pattern.compile("<tr id=\"copy-\\d{3}\"").matcher(index);
            int n = 0;
            while (rows.find()) n++;
            assertEquals(LETTERS, n, "every letter in the index");
            assertFalse(Files.exists(out.resolve(".tei-edition/lock")) && Files.size(out.resolve(".tei-edition/lock")) > 0,
                    "the lock names no holder once both are done");
        } finally {
            other.destroyForcibly();
        }
    }
}
