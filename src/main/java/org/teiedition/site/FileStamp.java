package org.teiedition.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.teiedition.Hashes;

/**
 * What a file of the build state vouches for: its SHA-256, size and modification time. Checked as git checks its
 * index: a file of the same size and time is taken as unchanged without being read, so a build with nothing to do does
 * not read back every page it wrote; only a file whose time changed (copied, restored from a CI cache, touched) is
 * read and hashed. Not a defence: whoever can change the output folder can change its build state too.
 */
record FileStamp(String hash, long size, long modified) {
    /** A file that is not there (a page image a document names but that does not exist yet). */
    static final FileStamp ABSENT = new FileStamp("absent", -1, -1);
    private static final Pattern TEXT = Pattern.compile("[0-9a-f]{64} \\d{1,19} -?\\d{1,19}|absent -1 -1");

    /** The stamp of {@code file}, just written with {@code bytes}. */
    static FileStamp of(Path file, byte[] bytes) throws IOException {
        return of(file, Hashes.hex(Hashes.sha256(bytes)));
    }

    /** The stamp of {@code file} (of the output folder: a link is not followed), whose SHA-256 is {@code hash}. */
    static FileStamp of(Path file, String hash) throws IOException {
        BasicFileAttributes a = attributes(file, false);
        if (a == null) throw new IOException(file + " is not a regular file");
        return new FileStamp(hash, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /**
     * The stamp of an input {@code file} as it is now, read and hashed (a link is followed, as the file's reader
     * follows it: a page image may be a link into an image store); {@link #ABSENT} if there is no regular file.
     */
    static FileStamp ofInput(Path file) throws IOException {
        BasicFileAttributes a = attributes(file, true);
        return a == null ? ABSENT : new FileStamp(hashOf(file, true), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** Whether the output {@code file} is still what this stamp says ({@link #check}). */
    boolean matches(Path file) {
        return check(file, false) != null;
    }

    /**
     * {@code file} as this stamp says it was, or null if it changed: absent for {@link #ABSENT}; otherwise a regular
     * file of this size whose time is this one (this stamp) or, if not, whose bytes have this hash (a stamp with its
     * new time, for the build state to keep, so that it is not read again). {@code followLinks}: for an input, which
     * its reader reads through a link; never for a file of the output folder.
     */
    FileStamp check(Path file, boolean followLinks) {
        try {
            BasicFileAttributes a = attributes(file, followLinks);
            if (a == null) return equals(ABSENT) ? this : null;
            if (equals(ABSENT) || a.size() != size) return null;
            long time = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (time == modified) return this;
            return hash.equals(hashOf(file, followLinks)) ? new FileStamp(hash, size, time) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** "HASH SIZE MODIFIED", as the build state writes it. */
    String text() {
        return hash + " " + size + " " + modified;
    }

    /** A stamp read back from the build state; null if {@code text} is not one. */
    private static FileStamp parse(String text) {
        if (!TEXT.matcher(text).matches()) return null;
        String[] parts = text.split(" ");
        try {
            return new FileStamp(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null; // beyond a long
        }
    }

    /** A line of the build state that vouches for a file: "HASH SIZE MODIFIED NAME". */
    record Line(FileStamp stamp, String name) {
        /** The line's stamp and name; null if it is not such a line. */
        static Line parse(String line) {
            int space = -1;
            for (int k = 0; k < 3 && (k == 0 || space >= 0); k++) space = line.indexOf(' ', space + 1);
            FileStamp stamp = space < 0 ? null : FileStamp.parse(line.substring(0, space));
            return stamp == null ? null : new Line(stamp, line.substring(space + 1));
        }

        String text() {
            return stamp.text() + " " + name;
        }
    }

    private static BasicFileAttributes attributes(Path file, boolean followLinks) {
        try {
            BasicFileAttributes a = followLinks ? Files.readAttributes(file, BasicFileAttributes.class)
                    : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Read in parts: a page image may be large. */
    private static String hashOf(Path file, boolean followLinks) throws IOException {
        MessageDigest d = Hashes.sha256();
        try (InputStream in = followLinks ? Files.newInputStream(file) : Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) d.update(buffer, 0, n);
        }
        return Hashes.hex(d.digest());
    }
}
