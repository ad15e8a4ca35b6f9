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
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log, true), 100);
        progress.started(1);
        progress.editionStarted(large, Editions.PRINT);
        Thread.sleep(350);
        progress.editionFinished(large, Editions.PRINT, 350_000_000L, true);
        progress.documentFinished(new DocumentResult(large, DocumentResult.Status.REBUILT, List.of(), List.of(), null), 1, 1);
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
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log, true), 50);
        progress.started(1);
        progress.editionStarted(small, Editions.PRINT);
        Thread.sleep(150);
        progress.editionFinished(small, Editions.PRINT, 150_000_000L, true);
        progress.documentFinished(new DocumentResult(small, DocumentResult.Status.REBUILT, List.of(), List.of(), null), 1, 1);
        assertEquals("", log.toString());
    }
}
