package org.teiedition.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.teiedition.Diagnostic;

/**
 * The corpus's own settings, stated once beside its sources in {@value #FILE} (Java properties): {@code base-url},
 * the absolute URL its build is published at. The command line's {@code --base-url} wins over the file.
 */
public final class SiteConfig {
    /** The file's name, looked for in each input folder (for a file argument: in its folder). */
    public static final String FILE = "tei-edition.properties";
    static final String BASE_URL = "base-url";

    private SiteConfig() {
    }

    /** What the settings say: the base URL (null: none) or the problem that made the file unusable. */
    record Read(String baseUrl, Diagnostic problem) {
    }

    /** The base URL of {@code inputs}: the first {@value #FILE} among their folders that sets one. */
    static Read read(List<Path> inputs) {
        for (Path in : inputs) {
            Path dir = Files.isDirectory(in) ? in : in.toAbsolutePath().getParent();
            Path file = dir == null ? null : dir.resolve(FILE);
            if (file == null || !Files.isRegularFile(file)) continue;
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
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
