package org.teiedition.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.pipeline.DocumentResult.Status;

/**
 * A source whose size and time are those its last build read is taken as unchanged without being read, as git takes
 * a file of its index, but only if its last change then lay well before it was read: a change within the file
 * system's time resolution of the one before may keep both size and time.
 */
class SourceStampTest {
    private static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    private static Status build(Toolkit toolkit, BuildOptions options) {
        return new Build(toolkit).run(options, BuildListener.NONE).documents().get(0).status();
    }

    /** The same size and time as a settled source had: its stamp vouches for it (the letter is not read again). */
    @Test
    void aSettledSourceIsTakenAtItsSizeAndTime(@TempDir Path dir) throws Exception {
        Path src = Files.copy(LETTER, dir.resolve("letter.xml"));
        FileTime lastWeek = FileTime.fromMillis(System.currentTimeMillis() - 7 * 86_400_000L);
        Files.setLastModifiedTime(src, lastWeek);
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(dir.resolve("out"), List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1);
        assertEquals(Status.REBUILT, build(toolkit, options));
        String text = Files.readString(src);
        // other words of the same length, the time put back: what git would miss too, and shows the stamp is used
        Files.writeString(src, text.replace("pear tree", "PEAR TREE"));
        Files.setLastModifiedTime(src, lastWeek);
        assertEquals(Status.UP_TO_DATE, build(toolkit, options));
        // an ordinary edit: a new time
        Files.writeString(src, text.replace("pear tree", "plum tree"));
        assertEquals(Status.REBUILT, build(toolkit, options));
        assertTrue(Files.readString(dir.resolve("out/letter/reading.html")).contains("plum tree"));
    }

    /** A source changed just before it was read vouches for nothing by its time: it is read and hashed next time. */
    @Test
    void aSourceChangedJustBeforeItWasReadIsReadAgain(@TempDir Path dir) throws Exception {
        Path src = Files.copy(LETTER, dir.resolve("letter.xml"));
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        Files.setLastModifiedTime(src, now);
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(dir.resolve("out"), List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1);
        assertEquals(Status.REBUILT, build(toolkit, options));
        // changed again within the same instant as far as its time says: same size, same time, other words
        Files.writeString(src, Files.readString(src).replace("pear tree", "PEAR TREE"));
        Files.setLastModifiedTime(src, now);
        assertEquals(Status.REBUILT, build(toolkit, options));
        assertTrue(Files.readString(dir.resolve("out/letter/reading.html")).contains("PEAR TREE"));
        assertEquals(Status.UP_TO_DATE, build(toolkit, options), "read and hashed: the same bytes are up to date");
    }

    /** A stamp is the file's it was taken of: the same letter at another path is read. */
    @Test
    void aStampIsOnlyForTheFileItWasTakenOf(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path src = Files.copy(LETTER, a.resolve("letter.xml"));
        FileTime lastWeek = FileTime.fromMillis(System.currentTimeMillis() - 7 * 86_400_000L);
        Files.setLastModifiedTime(src, lastWeek);
        Toolkit toolkit = new Toolkit();
        Path out = dir.resolve("out");
        assertEquals(Status.REBUILT, build(toolkit, BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1)));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path other = Files.writeString(b.resolve("letter.xml"), Files.readString(src).replace("pear tree", "PEAR TREE"));
        Files.setLastModifiedTime(other, lastWeek);
        assertEquals(Status.REBUILT, build(toolkit, BuildOptions.of(out, List.of(other)).withEditions(List.of(Editions.READING)).withJobs(1)));
        assertTrue(Files.readString(out.resolve("letter/reading.html")).contains("PEAR TREE"));
    }
}
