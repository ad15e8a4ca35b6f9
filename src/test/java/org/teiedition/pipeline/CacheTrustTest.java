package org.teiedition.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.pipeline.DocumentResult.Status;
import org.teiedition.transform.AtomicOutput;

/**
 * The build cache vouches only for what is on disk: its entry is written after every output of the document, names
 * and hashes them, and an entry that does not verify is rebuilt, whatever its key says.
 */
class CacheTrustTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    private static Build build(Toolkit toolkit, Build.Writer writer) {
        return new Build(toolkit, (doc, edition, witness, corpus, built, baseUrl, warnings) ->
                toolkit.renderer().render(doc, edition, witness, corpus, built, warnings), writer);
    }

    private static Status status(BuildResult r, int i) {
        return r.documents().get(i).status();
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNoEntryThatVouchesForTheFilesOnDisk(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("letter.xml");
        String older = Files.readString(LETTER);
        Files.writeString(src, older);
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING, Editions.DIPLOMATIC))
                .withJobs(1);
        assertEquals(Status.REBUILT, status(new Build(toolkit).run(options, BuildListener.NONE), 0));

        // a newer text; the disk fills up after the first of the two files
        Files.writeString(src, older.replace("The garden", "NEWER TEXT The garden"));
        BuildResult half = build(toolkit, (target, bytes) -> {
            if (target.endsWith("diplomatic.html")) throw new IOException("No space left on device");
            AtomicOutput.write(target, bytes);
        }).run(options, BuildListener.NONE);
        assertEquals(Status.FAILED, status(half, 0));
        assertEquals(List.of(out.resolve("letter/diplomatic.html") + ": error: cannot write: No space left on device"),
                half.diagnostics().stream().map(org.teiedition.Diagnostic::format).toList());
        assertTrue(Files.readString(out.resolve("letter/reading.html")).contains("NEWER TEXT"), "the half-way state");

        // the older source again: the entry of the older build must not vouch for the newer reading.html
        Files.writeString(src, older);
        BuildResult again = new Build(toolkit).run(options, BuildListener.NONE);
        assertEquals(Status.REBUILT, status(again, 0));
        assertFalse(Files.readString(out.resolve("letter/reading.html")).contains("NEWER TEXT"));
        assertTrue(Files.readString(out.resolve("letter/reading.html")).contains("pear tree"));
        // and now it is up to date
        assertEquals(Status.UP_TO_DATE, status(new Build(toolkit).run(options, BuildListener.NONE), 0));
    }

    /**
     * An output is taken as unchanged by its size and time without being read; one whose time changed is read: the
     * same bytes (a folder copied, or restored from a CI cache) are still up to date, other bytes of the same size
     * are not.
     */
    @Test
    void anOutputWhoseTimeChangedIsReadAndItsBytesDecide(@TempDir Path dir) throws Exception {
        Path src = Files.copy(LETTER, dir.resolve("letter.xml"));
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1);
        assertEquals(Status.REBUILT, status(new Build(toolkit).run(options, BuildListener.NONE), 0));
        Path page = out.resolve("letter/reading.html");
        String built = Files.readString(page);

        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() - 3_600_000));
        assertEquals(Status.UP_TO_DATE, status(new Build(toolkit).run(options, BuildListener.NONE), 0), "same bytes, another time");
        // and the entry has its new time, so that the next build does not read it again
        long time = Files.getLastModifiedTime(page).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        assertTrue(Files.readString(out.resolve(".tei-edition/summaries/letter.files")).contains(" " + time + " reading.html\n"));

        Files.writeString(page, built.replace("pear tree", "PEAR TREE"));
        assertEquals(Files.size(page), built.getBytes(StandardCharsets.UTF_8).length, "the same size");
        assertEquals(Status.REBUILT, status(new Build(toolkit).run(options, BuildListener.NONE), 0), "other bytes of the same size");
        assertEquals(built, Files.readString(page));
    }

    @Test
    void aDamagedSummaryWithAnIntactKeyIsRebuilt(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.copy(LETTER, src.resolve("a.xml"));
        Files.writeString(src.resolve("b.xml"), Files.readString(LETTER).replace("A small test letter", "Letter B"));
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1);
        assertTrue(new Build(toolkit).run(options, BuildListener.NONE).ok());

        Path summary = out.resolve(".tei-edition/summaries/a.xml");
        String xml = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<title>A small test letter</title>"), xml);
        Files.writeString(summary, xml.replace("<title>A small test letter</title>", "<title>DAMAGED</title>"));
        BuildResult r = new Build(toolkit).run(options, BuildListener.NONE);
        assertEquals(List.of(Status.REBUILT, Status.UP_TO_DATE), r.documents().stream().map(DocumentResult::status).toList());
        String index = Files.readString(out.resolve("index.html"));
        assertFalse(index.contains("DAMAGED"), index);
        assertTrue(index.contains("A small test letter"), index);
    }

    @Test
    void aDamagedOutputIsRebuilt(@TempDir Path dir) throws Exception {
        Path src = Files.copy(LETTER, dir.resolve("letter.xml"));
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING, Editions.DIPLOMATIC))
                .withJobs(1);
        assertTrue(new Build(toolkit).run(options, BuildListener.NONE).ok());
        String reading = Files.readString(out.resolve("letter/reading.html"));
        Files.writeString(out.resolve("letter/reading.html"), reading.substring(0, reading.length() / 2));
        assertEquals(Status.REBUILT, status(new Build(toolkit).run(options, BuildListener.NONE), 0));
        assertEquals(reading, Files.readString(out.resolve("letter/reading.html")));
    }

    @Test
    void damagedCorpusPagesAreMadeAgainWhenNothingChanged(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.copy(LETTER, src.resolve("a.xml"));
        Files.copy(LETTER, src.resolve("b.xml"));
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1);
        assertTrue(new Build(toolkit).run(options, BuildListener.NONE).ok());
        String index = Files.readString(out.resolve("index.html"));
        String nav = Files.readString(out.resolve("a/nav.js"));
        Files.writeString(out.resolve("index.html"), index.substring(0, index.length() / 3));
        Files.writeString(out.resolve("a/nav.js"), "/* damaged */");
        BuildResult r = new Build(toolkit).run(options, BuildListener.NONE);
        assertEquals(List.of(Status.UP_TO_DATE, Status.UP_TO_DATE), r.documents().stream().map(DocumentResult::status).toList());
        assertEquals(index, Files.readString(out.resolve("index.html")));
        assertEquals(nav, Files.readString(out.resolve("a/nav.js")));
    }
}
