package org.teiedition.transform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

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

    /** This process's part of the temporary names. */
    private static final String PROCESS = Long.toString(ProcessHandle.current().pid(), 36);
    private static final AtomicLong SERIAL = new AtomicLong();
    /** rw-r--r--, as far as the user's umask allows: an edition is meant to be read by a web server too. */
    private static final FileAttribute<Set<PosixFilePermission>> READABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    private static final Set<StandardOpenOption> NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /**
     * Creates {@code tmp}, which must not exist (a link planted under its name is never followed), with
     * {@code bytes}. Named by the caller rather than by Files.createTempFile, which draws each name from a secure
     * random source and makes the file owner-only, to be opened up again: a cost paid for every file of a corpus.
     */
    private static void create(Path tmp, byte[] bytes) throws IOException {
        boolean posix = tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
        try (SeekableByteChannel out = posix ? Files.newByteChannel(tmp, NEW, READABLE) : Files.newByteChannel(tmp, NEW)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) out.write(b);
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // A document's folder that is a link would carry the output elsewhere (a planted OUT/letter -> ~/.ssh);
        // the target itself may be a link: the move replaces the link, never what it points to.
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link: tei-edition does not write through links inside the output folder");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + PROCESS + "-" + SERIAL.incrementAndGet() + ".part");
        try {
            try {
                create(tmp, bytes);
            } catch (FileAlreadyExistsException e) {
                // left by a killed process of the same number: temporary files are nobody's once their run is over
                Files.deleteIfExists(tmp);
                create(tmp, bytes);
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
