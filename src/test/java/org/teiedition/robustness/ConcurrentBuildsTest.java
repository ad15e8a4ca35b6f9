package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.cli.Main;

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
        Process other = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                HeldBuild.class.getName(), out.toString(), src.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader says = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        Writer tell = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
        ExecutorService mine = Executors.newSingleThreadExecutor();
        try {
            // the other process has written its first letter into OUT and holds it until told to go on
            assertEquals("holding", says.readLine());
            StringWriter err = new StringWriter();
            Future<Integer> code = mine.submit(() -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                    "build", "-j", "1", "-e", "reading,diplomatic", "-o", out.toString(), src.toString()));
            String waiting = out + ": waiting for process " + other.pid() + " (building into this folder; lock file "
                    + out.resolve(".tei-edition/lock") + ")";
            for (long end = System.nanoTime() + 120_000_000_000L; !err.toString().contains(waiting) && !code.isDone()
                    && System.nanoTime() < end; ) {
                Thread.sleep(20);
            }
            assertFalse(code.isDone(), "mine did not wait: " + err);
            assertTrue(err.toString().contains(waiting), err.toString());
            tell.write("go on\n");
            tell.flush();
            assertEquals("built", says.readLine());
            assertTrue(other.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue());
            assertEquals(0, code.get(120, TimeUnit.SECONDS), err.toString());
            // the second build found the first one's work done
            assertTrue(err.toString().contains("0 rebuilt, " + LETTERS + " up to date"), err.toString());
            assertFalse(err.toString().contains("cannot write"), err.toString());
            String index = Files.readString(out.resolve("index.html"));
            Matcher rows = Pattern.compile("<tr id=\"copy-\\d{3}\"").matcher(index);
            int n = 0;
            while (rows.find()) n++;
            assertEquals(LETTERS, n, "every letter in the index");
            assertFalse(Files.exists(out.resolve(".tei-edition/lock")) && Files.size(out.resolve(".tei-edition/lock")) > 0,
                    "the lock names no holder once both are done");
        } finally {
            mine.shutdownNow();
            other.destroyForcibly();
        }
    }
}
