package org.teiedition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.editions.LayoutProgress;
import org.teiedition.pipeline.Build;
import org.teiedition.pipeline.BuildOptions;
import org.teiedition.pipeline.BuildResult;
import org.teiedition.pipeline.DocumentResult;
import org.teiedition.testing.SmallLetter;

class ProgressTest {
    @Test
    void aLongEditionOfALargeDocumentIsNotSilent(@TempDir Path dir) throws Exception {
        Path large = Files.write(dir.resolve("large.xml"), new byte[(int) Progress.LARGE]);
        // a tick every 100 ms; the edition ends once two have come (however late a loaded machine runs them)
        StringWriter log = printEdition(large, 100, 400, l -> l.lines().count() >= 3);
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

    /**
     * A large document's PDF says, as it is laid out, which layout, which unit of how many and how many pages so far:
     * here every page (no interval), in a generated text of several divisions (so several units).
     */
    @Test
    void aLargePdfSaysItsUnitsAndPages(@TempDir Path dir) throws Exception {
        Path file = dividedText(dir.resolve("divisions.xml"), 4, 30);
        assertTrue(Files.size(file) >= Progress.LARGE, "a large document: " + Files.size(file));
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log, true), 600_000, 0);
        BuildResult r = new Build(new Toolkit()).run(BuildOptions.of(dir.resolve("out"), List.of(file))
                .withEditions(List.of(Editions.PRINT)).withValidation(false), progress);
        assertTrue(r.ok(), r.diagnostics().toString());
        Pattern line = Pattern.compile(Pattern.quote(file + ": the print edition, layout for the PDF, ")
                + "unit (\\d+) of (\\d+), (\\d+) pages so far\\.\\.\\.");
        List<int[]> said = new java.util.ArrayList<>();
        for (String l : log.toString().lines().toList()) {
            java.util.regex.Matcher m = line.matcher(l);
            if (m.matches()) said.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
            else if (l.contains("so far")) throw new AssertionError("unexpected progress line: " + l);
        }
        // notes only: one layout, a page at a time, through the four divisions
        int pdfPages;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("out/divisions/print.pdf").toFile())) {
            pdfPages = pdf.getNumberOfPages();
        }
        assertEquals(pdfPages, said.size(), log.toString());
        for (int i = 0; i < said.size(); i++) {
            assertEquals(i + 1, said.get(i)[2], "pages counted one by one");
            assertEquals(4, said.get(i)[1], "four units");
            if (i > 0) assertTrue(said.get(i)[0] >= said.get(i - 1)[0], "units in order");
        }
        assertEquals(1, said.get(0)[0]);
        assertEquals(4, said.get(said.size() - 1)[0]);
    }

    @Test
    void pageLinesComeAtMostOncePerInterval(@TempDir Path dir) throws Exception {
        Path large = Files.write(dir.resolve("large.xml"), new byte[(int) Progress.LARGE]);
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log, true), 600_000, 200);
        progress.started(1);
        progress.editionStarted(large, Editions.PRINT);
        for (int page = 1; page <= 5; page++) progress.editionProgress(large, Editions.PRINT, new LayoutProgress(0, 1, 2, page));
        Thread.sleep(250);
        progress.editionProgress(large, Editions.PRINT, new LayoutProgress(0, 2, 2, 6));
        assertEquals(List.of(large + ": the print edition...",
                large + ": the print edition, layout for the PDF, unit 2 of 2, 6 pages so far..."), log.toString().lines().toList());
    }

    /** A TEI text (the small letter's header) of {@code divisions} divisions of {@code paragraphs} long paragraphs with notes. */
    static Path dividedText(Path file, int divisions, int paragraphs) throws Exception {
        StringBuilder body = new StringBuilder("<body>");
        for (int d = 1; d <= divisions; d++) {
            body.append("<div><head>Part ").append(d).append("</head>");
            for (int p = 1; p <= paragraphs; p++) {
                body.append("<p>Paragraph ").append(p).append(" of part ").append(d).append(":");
                for (int s = 0; s < 6; s++) {
                    body.append(" The pear tree grew in the garden, year after year, in sun and rain, while the house beside it")
                            .append(" changed hands many times and the gardeners came and went.");
                }
                body.append("<note>Note on ").append(d).append('.').append(p).append(".</note></p>");
            }
            body.append("</div>");
        }
        body.append("</body>");
        return SmallLetter.withBody(file, body.toString());
    }

    @Test
    void aSmallDocumentIsQuiet(@TempDir Path dir) throws Exception {
        Path small = Files.writeString(dir.resolve("small.xml"), "<TEI/>");
        assertEquals("", printEdition(small, 50, 150, l -> true).toString());
    }

    /**
     * What progress says about a build of one document whose print edition runs for at least {@code millis} and until
     * what has been said so far passes {@code enough} (or a minute has gone by), and says it took {@code millis}.
     */
    private static StringWriter printEdition(Path document, long tickMillis, long millis, Predicate<String> enough)
            throws InterruptedException {
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log, true), tickMillis, Progress.PAGES * 1000);
        progress.started(1);
        progress.editionStarted(document, Editions.PRINT);
        Thread.sleep(millis);
        for (long end = System.nanoTime() + 60_000_000_000L; !enough.test(log.toString()) && System.nanoTime() < end; ) Thread.sleep(20);
        progress.editionFinished(document, Editions.PRINT, millis * 1_000_000L, true);
        progress.documentFinished(new DocumentResult(document, DocumentResult.Status.REBUILT, List.of(), List.of(), null), 1, 1);
        return log;
    }
}
