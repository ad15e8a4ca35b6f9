package org.teiedition.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.teiedition.Diagnostic;

/** Turns the FILE|DIR arguments into a sorted list of XML files; a missing argument is a diagnostic. */
public final class Inputs {
    private Inputs() {
    }

    public record Collected(List<Path> files, List<Diagnostic> problems, boolean anyDirectory) {
    }

    public static Collected collect(List<Path> args, Path exclude) {
        List<Path> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        boolean anyDir = false;
        for (Path arg : args) {
            if (!Files.exists(arg)) {
                problems.add(Diagnostic.error(arg.toString(), "file or folder not found"));
            } else if (Files.isDirectory(arg)) {
                anyDir = true;
                try (Stream<Path> walk = Files.walk(arg)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".xml"))
                            .filter(p -> !isHidden(arg, p))
                            .filter(p -> exclude == null || !p.toAbsolutePath().normalize().startsWith(exclude.toAbsolutePath().normalize()))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.add(Diagnostic.error(arg.toString(), "cannot list folder: " + e.getMessage()));
                }
            } else {
                files.add(arg);
            }
        }
        return new Collected(List.copyOf(files), problems, anyDir);
    }

    private static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
