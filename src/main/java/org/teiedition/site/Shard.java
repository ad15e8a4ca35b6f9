package org.teiedition.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.teiedition.Hashes;
import org.teiedition.xml.OutputNames;

/**
 * Shard {@code i/n} (1-based) of a corpus: a document belongs to the shard selected by a stable hash of its output
 * name, so the assignment is the same on every machine and does not move when other documents are added.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    public static Shard parse(String s) {
        String[] parts = s.trim().split("/");
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("a shard is i/n (e.g. 2/4), not '" + s + "'");
    }

    public boolean includes(Path file) {
        return of(OutputNames.documentName(file), count) == index;
    }

    public List<Path> select(List<Path> files) {
        return files.stream().filter(this::includes).toList();
    }

    /** The shard (1..n) of a document name. */
    static int of(String name, int n) {
        byte[] h = Hashes.sha256(name.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
        return (int) Math.floorMod(v, (long) n) + 1;
    }
}
