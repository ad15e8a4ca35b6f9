package org.teiedition.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.teiedition.Diagnostic;
import org.teiedition.validation.SchemaValidator;

/**
 * The corpus's own settings, stated once beside its sources in {@value #FILE} (Java properties): {@code base-url},
 * the absolute URL its build is published at, and {@code schema}, the project's schemas (comma-separated paths
 * relative to the file) that validate, build and serve use instead of the bundled ones. The command line's
 * {@code --base-url} and {@code --schema} win over the file.
 */
public final class SiteConfig {
    /** The file's name, looked for in each input folder (for a file argument: in its folder). */
    public static final String FILE = "tei-edition.properties";
    static final String BASE_URL = "base-url";
    static final String SCHEMA = "schema";

    private SiteConfig() {
    }

    /** What the settings say: the base URL (null: none) or the problem that made the file unusable. */
    record Read(String baseUrl, Diagnostic problem) {
    }

    /** Why the settings of {@code inputs} give no base URL they mean to (unreadable, a malformed one); null if none. */
    public static Diagnostic baseUrlProblem(List<Path> inputs) {
        return read(inputs).problem();
    }

    /** The base URL of {@code inputs}: the first {@value #FILE} among their folders that sets one. */
    static Read read(List<Path> inputs) {
        for (Path file : files(inputs)) {
            Properties p;
            try {
                p = load(file);
            } catch (IOException | IllegalArgumentException e) {
                return new Read(null, Diagnostic.error(file.toString(), "cannot read: " + Build.message(e)));
            }
            String url = p.getProperty(BASE_URL);
            if (url == null || url.isBlank()) continue;
            try {
                return new Read(baseUrl(url), null);
            } catch (IllegalArgumentException e) {
                return new Read(null, Diagnostic.error(file.toString(), BASE_URL + ": " + e.getMessage()));
            }
        }
        return new Read(null, null);
    }

    /** The project's schemas the settings name (empty: none) or the problem that made them unusable. */
    public record Schemas(List<Path> files, Diagnostic problem) {
    }

    /**
     * The schemas of {@code inputs}: those the first {@value #FILE} among their folders that sets {@code schema}
     * names, resolved against its folder. A name that is not a schema's, or no file there, is a problem of the settings
     * file.
     */
    public static Schemas schemas(List<Path> inputs) {
        for (Path file : files(inputs)) {
            String value;
            try {
                value = load(file).getProperty(SCHEMA);
            } catch (IOException | IllegalArgumentException e) {
                return new Schemas(List.of(), Diagnostic.error(file.toString(), "cannot read: " + Build.message(e)));
            }
            if (value == null || value.isBlank()) continue;
            List<Path> named = new ArrayList<>();
            for (String name : value.split(",")) {
                if (name.isBlank()) continue;
                Path schema;
                try {
                    schema = file.toAbsolutePath().getParent().resolve(name.strip()).normalize();
                } catch (InvalidPathException e) {
                    return new Schemas(List.of(), schemaProblem(file, name, "not a path (" + e.getReason() + ")"));
                }
                String problem = !SchemaValidator.handles(name.strip()) ? "expected " + SchemaValidator.KINDS
                        : !Files.isRegularFile(schema) ? "file not found" : null;
                if (problem != null) return new Schemas(List.of(), schemaProblem(file, name, problem));
                named.add(schema);
            }
            return new Schemas(List.copyOf(named), null);
        }
        return new Schemas(List.of(), null);
    }

    private static Diagnostic schemaProblem(Path file, String name, String problem) {
        return Diagnostic.error(file.toString(), SCHEMA + ": " + name.strip() + ": " + problem);
    }

    /**
     * A warning for each setting of {@code inputs}' settings files that tei-edition does not read: a misspelt
     * {@code shema} would otherwise leave the project unvalidated by its schema without a word. (An unreadable file is
     * {@link #read}'s and {@link #schemas}' problem.)
     */
    public static List<Diagnostic> unknownSettings(List<Path> inputs) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (Path file : files(inputs)) {
            String text;
            Properties p;
            try {
                text = text(file);
                p = properties(text);
            } catch (IOException | IllegalArgumentException e) {
                continue;
            }
            List<String> lines = text.lines().toList();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                if (key.equals(BASE_URL) || key.equals(SCHEMA)) continue;
                int line = 0;
                for (int i = 0; i < lines.size() && line == 0; i++) {
                    if (lines.get(i).strip().matches(Pattern.quote(key) + "\\s*([=:\\s].*)?")) line = i + 1;
                }
                String message = "unknown setting '" + key + "' (tei-edition reads " + BASE_URL + " and "
                        + SCHEMA + ")";
                warnings.add(new Diagnostic(file.toString(), line, line > 0 ? 1 : 0, Diagnostic.Severity.WARNING,
                        message, null, "input"));
            }
        }
        return warnings;
    }

    /** The settings files of {@code inputs}' folders (for a file argument: its folder), in the inputs' order. */
    private static List<Path> files(List<Path> inputs) {
        return places(inputs).stream().filter(Files::isRegularFile).toList();
    }

    /** Where the settings of {@code inputs} are read from, whether or not a file is there (for a watcher). */
    public static List<Path> places(List<Path> inputs) {
        // several files of one folder, or a folder and a file in it: its settings once
        Map<Path, Path> places = new LinkedHashMap<>();
        for (Path in : inputs) {
            Path dir = Files.isDirectory(in) ? in : in.toAbsolutePath().getParent();
            if (dir != null) places.putIfAbsent(dir.resolve(FILE).toAbsolutePath().normalize(), dir.resolve(FILE));
        }
        return List.copyOf(places.values());
    }

    private static Properties load(Path file) throws IOException {
        return properties(text(file));
    }

    /** The file's text without a byte-order mark (some editors write one), which would begin the first name. */
    private static String text(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Properties properties(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    /**
     * {@code url} as a base: an absolute http(s) URL without query or fragment, ending in "/" (a page's URL is the
     * base followed by its path in OUT).
     */
    public static String baseUrl(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not an absolute http(s) URL without query or fragment: '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "' (" + e.getReason() + ")");
        }
        return u.endsWith("/") ? u : u + "/";
    }
}
