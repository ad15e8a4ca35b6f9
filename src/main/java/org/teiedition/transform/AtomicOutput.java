package org.teiedition.transform;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers only ever see the old complete file or the new complete file: the bytes go to a
 * temporary file in the same folder, which is then moved over the target in one step.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** What {@link #write} names its temporary files: ".reading.html1234.part". */
    static boolean isTemporary(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") && n.endsWith(".part");
    }

    /**
     * Deletes temporary files a killed earlier run left in {@code dir} (a normal run never leaves any). Call before
     * writing into a folder, holding the output folder's lock (org.teiedition.pipeline.OutputLock): a build that
     * is running has its temporary files in use.
     *
     * @return how many were removed
     */
    public static int removeStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (isTemporary(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) removed++;
            }
        }
        return removed;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // A document's folder that is a link would carry the output elsewhere (a planted OUT/letter -> ~/.ssh);
        // the target itself may be a link: the move replaces the link, never what it points to.
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link: tei-edition does not write through links inside the output folder");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.write(tmp, bytes);
            // temp files are created owner-only; an edition is meant to be read by a web server too
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
