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
 * What a build does with a source whose stamp its last build recorded (when a stamp vouches for a source unread is
 * site/SourceStampsTest's): an edit is seen, also one that keeps the size and puts the modification time back, and a
 * stamp is only its own file's.
 */
class SourceStampTest {
    private static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    private static Status build(Toolkit toolkit, Path out, Path src) {
        BuildOptions options = BuildOptions.of(out, List.of(src)).withEditions(List.of(Editions.READING)).withJobs(1);
        return new Build(toolkit).run(options, BuildListener.NONE).documents().get(0).status();
    }

    @Test
    void anEditIsSeenAlsoWhenItKeepsTheSizeAndTheModificationTime(@TempDir Path dir) throws Exception {
        Path src = Files.copy(LETTER, dir.resolve("letter.xml"));
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        assertEquals(Status.REBUILT, build(toolkit, out, src));
        assertEquals(Status.UP_TO_DATE, build(toolkit, out, src));
        Files.writeString(src, Files.readString(src).replace("pear tree", "plum tree"));
        assertEquals(Status.REBUILT, build(toolkit, out, src));
        assertTrue(Files.readString(out.resolve("letter/reading.html")).contains("plum tree"));
        // other words of the same length, the modification time put back (as cp -p, rsync -a or an archive do)
        FileTime modified = Files.getLastModifiedTime(src);
        Files.writeString(src, Files.readString(src).replace("plum tree", "PLUM TREE"));
        Files.setLastModifiedTime(src, modified);
        assertEquals(Status.REBUILT, build(toolkit, out, src));
        assertTrue(Files.readString(out.resolve("letter/reading.html")).contains("PLUM TREE"));
    }

    /** The same letter at another path, of the same size and time, other words: it is read. */
    @Test
    void aStampIsOnlyForTheFileItWasTakenOf(@TempDir Path dir) throws Exception {
        Path src = Files.copy(LETTER, Files.createDirectories(dir.resolve("a")).resolve("letter.xml"));
        Path out = dir.resolve("out");
        Toolkit toolkit = new Toolkit();
        assertEquals(Status.REBUILT, build(toolkit, out, src));
        Path other = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("letter.xml"),
                Files.readString(src).replace("pear tree", "PEAR TREE"));
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(src));
        assertEquals(Status.REBUILT, build(toolkit, out, other));
        assertTrue(Files.readString(out.resolve("letter/reading.html")).contains("PEAR TREE"));
    }
}
