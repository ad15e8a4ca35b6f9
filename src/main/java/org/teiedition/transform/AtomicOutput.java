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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers only ever see the old complete file or the new complete file: the bytes go to a
 * temporary file in the same folder, which is then moved over the target in one step.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** What {@link #write} names its temporary files: ".reading.html.k3x9q2-17.part". */
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

    /**
     * This process's part of the temporary names: its number and a random draw, since processes in two containers
     * writing into one shared folder may have the same number.
     */
    private static final String PROCESS = Long.toString(ProcessHandle.current().pid(), 36) + "x"
            + Integer.toString(new Random().nextInt(Integer.MAX_VALUE), 36);
    private static final AtomicLong SERIAL = new AtomicLong();
    /** rw-r--r--, as far as the user's umask allows: an edition is meant to be read by a web server too. */
    private static final FileAttribute<Set<PosixFilePermission>> READABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    private static final Set<StandardOpenOption> NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /**
     * Creates {@code tmp} with {@code bytes}; false if the name is taken (a link planted under it is never followed).
     * Named by the caller rather than by Files.createTempFile, which draws each name from a secure random source and
     * makes the file owner-only, to be opened up again: a cost paid for every file of a corpus.
     */
    private static boolean create(Path tmp, byte[] bytes) throws IOException {
        boolean posix = tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
        SeekableByteChannel channel;
        try {
            channel = posix ? Files.newByteChannel(tmp, NEW, READABLE) : Files.newByteChannel(tmp, NEW);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        try (SeekableByteChannel out = channel) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) out.write(b);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return true;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // A document's folder that is a link would carry the output elsewhere (a planted OUT/letter -> ~/.ssh);
        // the target itself may be a link: the move replaces the link, never what it points to.
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link: tei-edition does not write through links inside the "
                    + "output folder");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dir);
        Path tmp = null;
        try {
            // a name that is taken belongs to someone else (or to removeStaleTemporaries): never deleted, skipped
            for (int attempt = 1; tmp == null; attempt++) {
                Path name = dir.resolve("." + target.getFileName() + "." + PROCESS + "-" + SERIAL.incrementAndGet()
                        + ".part");
                if (create(name, bytes)) tmp = name;
                else if (attempt == 3) throw new FileAlreadyExistsException(name.toString());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }
}
