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

    /**
     * Input folders that are the output folder or inside it ({@code build -o . tei}, {@code -o DIR DIR}): refused,
     * since the editions would be mixed with the sources. (An output folder inside an input folder is left out of
     * that folder's walk instead.)
     */
    public static List<Diagnostic> insideOutput(List<Path> args, Path output) {
        Path out = real(output);
        List<Diagnostic> problems = new ArrayList<>();
        for (Path arg : args) {
            if (!Files.isDirectory(arg)) continue;
            Path in = real(arg);
            String advice = "; the editions would be mixed with the sources: choose an output folder outside the inputs (e.g. -o out)";
            if (in.equals(out)) problems.add(Diagnostic.error(arg.toString(), "this folder is the output folder" + advice));
            else if (in.startsWith(out)) problems.add(Diagnostic.error(arg.toString(), "this folder is inside the output folder " + output + advice));
        }
        return problems;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
