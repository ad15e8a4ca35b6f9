package org.teiedition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.editions.Editions;
import org.teiedition.pipeline.DocumentResult;

class ProgressTest {
    @Test
    void aLongEditionOfALargeDocumentIsNotSilent(@TempDir Path dir) throws Exception {
        Path large = Files.write(dir.resolve("large.xml"), new byte[(int) Progress.LARGE]);
        StringWriter log = printEdition(large, 100, 350);
        List<String> lines = log.toString().lines().toList();
        assertEquals(large + ": the print edition...", lines.get(0));
        assertTrue(lines.size() >= 4, log.toString());
        for (String tick : lines.subList(1, lines.size() - 1)) {
            assertTrue(tick.matches(Pattern.quote(large + ": the print edition, ") + "\\d+ s so far\\.\\.\\."), tick);
        }
        assertEquals(large + ": the print edition rendered in 0.4 s", lines.get(lines.size() - 1));
        Thread.sleep(250);
        assertEquals(lines.size(), log.toString().lines().count(), "no line after the build");
    }

    @Test
    void aSmallDocumentIsQuiet(@TempDir Path dir) throws Exception {
        Path small = Files.writeString(dir.resolve("small.xml"), "<TEI/>");
        assertEquals("", printEdition(small, 50, 150).toString());
    }

    /** What progress says about a build of one document whose print edition takes {@code millis}. */
    private static StringWriter printEdition(Path document, long tickMillis, long millis) throws InterruptedException {
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log, true), tickMillis);
        progress.started(1);
        progress.editionStarted(document, Editions.PRINT);
        Thread.sleep(millis);
        progress.editionFinished(document, Editions.PRINT, millis * 1_000_000L, true);
        progress.documentFinished(new DocumentResult(document, DocumentResult.Status.REBUILT, List.of(), List.of(), null), 1, 1);
        return log;
    }
}
