package org.teiedition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and lower-case hex, for the build cache keys, the shards and the PDF document ids: one place for all. */
public final class Hashes {
    private Hashes() {
    }

    /** A fresh SHA-256 digest, for hashing in parts. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    public static byte[] sha256(byte[] b) {
        return sha256().digest(b);
    }

    /**
     * The hex SHA-256 of a regular file, read in parts (a page image may be large); {@link #ABSENT} when there is no
     * regular file there (a device or a folder is never read).
     */
    public static String ofFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return ABSENT;
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) d.update(buffer, 0, n);
        }
        return hex(d.digest());
    }

    /** {@link #ofFile} of a file that is not there. */
    public static final String ABSENT = "absent";

    /** Lower-case hex digits. */
    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
