package org.teiedition.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("sub/reading.html");
        AtomicOutput.write(target, "old".getBytes());
        AtomicOutput.write(target, "new content".getBytes());
        assertEquals("new content", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of("reading.html"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("reading.html");
        AtomicOutput.write(target, "previous".getBytes());
        Path blocker = dir.resolve("blocked");
        Files.writeString(blocker, "a file where a folder is expected");
        assertThrows(java.io.IOException.class, () -> AtomicOutput.write(blocker.resolve("x.html"), "y".getBytes()));
        assertEquals("previous", Files.readString(target));
    }

    /** Readable by the web server that publishes it, as far as the umask allows; never more than rw-r--r--. */
    @Test
    void aWrittenFileIsReadableAndNoMore(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path target = dir.resolve("reading.html");
        AtomicOutput.write(target, "page".getBytes());
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
        assertTrue(PosixFilePermissions.fromString("rw-r--r--").containsAll(mode), mode.toString());
        assertTrue(mode.containsAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)),
                mode.toString());
    }
}
