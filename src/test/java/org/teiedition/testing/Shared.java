package org.teiedition.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reference material in {@code ../shared} (witnesses, tei_all, corpora): read in place, never copied into the
 * repository. A test that needs it is skipped, with a message naming what is missing, where it is not checked out.
 */
public final class Shared {
    /** Its root, relative to the repository root (the tests' working directory). */
    public static final Path ROOT = Path.of("../shared");

    private Shared() {
    }

    /** {@code ../shared/rel}; skips the running test when it is absent (for a class's set-up see {@link NeedsShared}). */
    public static Path path(String rel) {
        Optional<String> absent = absence(rel);
        assumeTrue(absent.isEmpty(), absent::get);
        return ROOT.resolve(rel);
    }

    /** Why {@code ../shared/rel} cannot be read, or empty when it can: the skip reason the console shows. */
    static Optional<String> absence(String rel) {
        Path p = ROOT.resolve(rel);
        if (Files.exists(p)) return Optional.empty();
        return Optional.of("reference material " + p + " is absent ("
                + (Files.isDirectory(ROOT) ? "not in this copy of ../shared" : "../shared is not checked out next to the repository")
                + ", looked for " + p.toAbsolutePath().normalize() + ")");
    }

    /**
     * The {@code .xml} files below the folder {@code ../shared/rel}, sorted, for a {@code @MethodSource}. When the
     * folder is absent: one path that does not exist, so that the test runs once and is reported as skipped by
     * {@link #path} (how many files the folder would hold cannot be known without it).
     */
    public static List<Path> xmlFiles(String rel) throws IOException {
        Path dir = ROOT.resolve(rel);
        if (!Files.isDirectory(dir)) return List.of(dir.resolve("(absent)"));
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
