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
    private static final Pattern TEXT = Pattern.compile("([0-9a-f]{64}|absent) (-1|\\d{1,19}) (-1|-?\\d{1,19})");

    /** The stamp of {@code file}, just written with {@code bytes}. */
    static FileStamp of(Path file, byte[] bytes) throws IOException {
        return of(file, Hashes.hex(Hashes.sha256(bytes)));
    }

    /** The stamp of {@code file}, whose SHA-256 is {@code hash}. */
    static FileStamp of(Path file, String hash) throws IOException {
        BasicFileAttributes a = attributes(file);
        if (a == null) throw new IOException(file + " is not a regular file");
        return new FileStamp(hash, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** The stamp of {@code file} as it is now, read and hashed; {@link #ABSENT} if it is not a regular file. */
    static FileStamp read(Path file) throws IOException {
        BasicFileAttributes a = attributes(file);
        return a == null ? ABSENT : new FileStamp(hashOf(file), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /**
     * Whether {@code file} is still what this stamp says: absent for {@link #ABSENT}; otherwise a regular file (a link
     * is not followed) of this size whose time is this one or, if not, whose bytes have this hash.
     */
    boolean matches(Path file) {
        try {
            BasicFileAttributes a = attributes(file);
            if (a == null) return equals(ABSENT);
            if (equals(ABSENT) || a.size() != size) return false;
            return a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == modified || hash.equals(hashOf(file));
        } catch (IOException e) {
            return false;
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

    private static BasicFileAttributes attributes(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Read in parts: a page image may be large. */
    private static String hashOf(Path file) throws IOException {
        MessageDigest d = Hashes.sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) d.update(buffer, 0, n);
        }
        return Hashes.hex(d.digest());
    }
}
