package org.teiedition.testing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The build state under OUT/.tei-edition/ records when each file it vouches for was written and when each source was
 * read (size and time are how a later build knows a file unchanged without reading it): the one part of a build that
 * is not the same twice.
 */
public final class BuildState {
    private static final Pattern WRITTEN_AT = Pattern.compile("(?m)((?:^|\\s)(?:[0-9a-f]{64}|absent) -?\\d+) -?\\d+ ");
    /** When the source was read: the last field of the "input" line. */
    private static final Pattern READ_AT = Pattern.compile("(?m)^(input .* )\\d+$");

    private BuildState() {
    }

    /** The bytes of a file of an output folder ({@code name} relative to it), the build state's write times left out. */
    public static byte[] withoutWriteTimes(String name, byte[] bytes) {
        String n = name.replace('\\', '/');
        if (!n.startsWith(".tei-edition/") || !(n.endsWith(".files") || n.endsWith(".key"))) return bytes;
        String text = WRITTEN_AT.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("$1 TIME ");
        return READ_AT.matcher(text).replaceAll("$1TIME").getBytes(StandardCharsets.UTF_8);
    }
}
