package org.teiedition;

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

    /** Lower-case hex digits. */
    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
