package org.teiedition.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Notices changed, added and removed .xml sources (and files named as roots, such as a schema) by polling sizes and
 * modification times: portable (WatchService is not recursive and is itself polling on some systems) and cheap for
 * thousands of files.
 */
public final class SourceWatcher {
    private final List<Path> roots;
    private final Path exclude;
    private Map<String, String> last;

    public SourceWatcher(List<Path> roots, Path exclude) {
        this.roots = List.copyOf(roots);
        this.exclude = exclude.toAbsolutePath().normalize();
        this.last = snapshot();
    }

    /** True if anything changed since the previous call (or construction). */
    public boolean changed() {
        Map<String, String> now = snapshot();
        boolean changed = !now.equals(last);
        last = now;
        return changed;
    }

    private Map<String, String> snapshot() {
        Map<String, String> m = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                // a file named on the command line (a document, a schema) is watched whatever its name
                walk.filter(p -> p.equals(root) ? Files.isRegularFile(p) : p.getFileName().toString().endsWith(".xml"))
                        .filter(p -> !p.toAbsolutePath().normalize().startsWith(exclude))
                        .forEach(p -> {
                            try {
                                m.put(p.toString(), Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis());
                            } catch (IOException e) {
                                m.put(p.toString(), "gone");
                            }
                        });
            } catch (IOException | UncheckedIOException e) {
                m.put(root.toString(), "unreadable");
            }
        }
        return m;
    }
}
