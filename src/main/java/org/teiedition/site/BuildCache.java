package org.teiedition.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.teiedition.Hashes;
import org.teiedition.editions.Edition;
import org.teiedition.transform.Xslt;

/**
 * The incremental-build state under {@code OUT/.tei-edition/}: one summary per built document
 * ({@code summaries/<id>.xml}) whose {@code key} attribute is the hash of the source bytes, the tool version, the
 * chosen editions and options and all bundled stylesheets, and beside it the names of the edition files written for
 * it ({@code summaries/<id>.files}: an edition that needs two witnesses is not made for a one-witness letter). A
 * document whose key matches and whose edition files exist is up to date: its summary is reused and nothing is
 * parsed or rendered.
 */
public final class BuildCache {
    public static final String DIR = ".tei-edition";
    private static final Pattern KEY = Pattern.compile("^<summary\\b[^>]*?\\skey=\"([0-9a-f]*)\"");
    private static volatile String stylesheetsHash;

    private final Path out;
    private final Path summaries;
    private final String base;

    private BuildCache(Path out, String base) {
        this.out = out;
        this.summaries = out.resolve(DIR).resolve("summaries");
        this.base = base;
    }

    /** @param options everything else that changes the outputs (witness, validation on or off), in a fixed order */
    public static BuildCache open(Path out, List<Edition> editions, String... options) {
        StringBuilder b = new StringBuilder("tei-edition ").append(version()).append('\n')
                .append(stylesheetsHash()).append('\n');
        editions.forEach(e -> b.append(e.name()).append('=').append(e.stylesheet()).append(e.facsimile() ? " facsimile" : "").append('\n'));
        for (String o : options) b.append(o == null ? "" : o).append('\n');
        return new BuildCache(out, Hashes.hex(Hashes.sha256(b.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** For a merge: just reads the summaries. */
    public static BuildCache reader(Path out) {
        return new BuildCache(out, "");
    }

    public String key(byte[] source) {
        MessageDigest d = Hashes.sha256();
        d.update(base.getBytes(StandardCharsets.US_ASCII));
        d.update(source);
        return Hashes.hex(d.digest());
    }

    /** The cached summary if {@code id} was built from a source with this key and its edition files are all on disk. */
    public Summary upToDate(String id, String key) {
        Path f = summaries.resolve(id + ".xml");
        Path files = summaries.resolve(id + FILES);
        try {
            if (!Files.isRegularFile(f) || !Files.isRegularFile(files)) return null;
            for (String name : Files.readAllLines(files, StandardCharsets.UTF_8)) {
                if (!name.isEmpty() && !Files.isRegularFile(out.resolve(id).resolve(name))) return null;
            }
            byte[] xml = Files.readAllBytes(f);
            String cached = keyOf(xml);
            return key.equals(cached) ? new Summary(id, key, xml) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** @param files the names of the edition files written for the document, in OUT/&lt;id&gt;/ */
    public void store(Summary s, List<String> files) throws IOException {
        Outputs.writeIfChanged(summaries.resolve(s.id() + FILES), String.join("\n", files).getBytes(StandardCharsets.UTF_8));
        Outputs.writeIfChanged(summaries.resolve(s.id() + ".xml"), s.xml());
    }

    private static final String FILES = ".files";

    /** Every cached summary, sorted by id (a merge of shard outputs reads these). */
    public List<Summary> all() throws IOException {
        if (!Files.isDirectory(summaries)) return List.of();
        TreeMap<String, Summary> byId = new TreeMap<>();
        try (Stream<Path> files = Files.list(summaries)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".xml") || name.startsWith(".")) continue;
                byte[] xml = Files.readAllBytes(f);
                String id = name.substring(0, name.length() - 4);
                byId.put(id, new Summary(id, keyOf(xml), xml));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ArrayList<>(byId.values());
    }

    /** Forgets documents that are no longer part of the corpus (their summaries would show up in the pages). */
    public void retainOnly(Collection<String> ids) throws IOException {
        Set<String> keep = Set.copyOf(ids);
        for (Summary s : all()) {
            if (!keep.contains(s.id())) {
                Files.deleteIfExists(summaries.resolve(s.id() + ".xml"));
                Files.deleteIfExists(summaries.resolve(s.id() + FILES));
            }
        }
    }

    static String keyOf(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 512), StandardCharsets.UTF_8);
        Matcher m = KEY.matcher(head);
        return m.find() ? m.group(1) : "";
    }

    /** The tool's version (the jar's tei-edition.properties): part of every build key, and what --version prints. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildCache.class.getClassLoader().getResourceAsStream("tei-edition.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // unknown version: still a stable key
        }
        return p.getProperty("version", "unknown");
    }

    /**
     * A hash over every bundled file under xslt/ (stylesheets, their imports, scripts, FOP configuration) and
     * schema/ (a changed rule must revalidate every document). A jar carries it, computed when it was built
     * ({@link Fingerprint}): reading and hashing every bundled file at start-up cost a cold build about 50 ms.
     * Classes in a folder (tests, an IDE) may have changed since: it is computed from the files.
     */
    static String stylesheetsHash() {
        String h = stylesheetsHash;
        if (h == null) {
            try {
                h = computeStylesheetsHash();
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot read the bundled stylesheets: " + e.getMessage(), e);
            }
            stylesheetsHash = h;
        }
        return h;
    }

    /** The jar's precomputed {@link #stylesheetsHash}, beside the stylesheets at the root of the classes. */
    static final String FINGERPRINT = "tei-edition.fingerprint";

    private static String computeStylesheetsHash() throws IOException, URISyntaxException {
        URL anchor = Xslt.resource(Summaries.STYLESHEET);
        if ("jar".equals(anchor.getProtocol())) {
            // written when the jar was built (pom.xml); a jar without it is incomplete
            try (InputStream in = Xslt.resource(FINGERPRINT).openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
        }
        return hashOfFolder(Path.of(anchor.toURI()).getParent().getParent().getParent());
    }

    private static String hashOfFolder(Path classes) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (String folder : new String[] {"xslt", "schema"}) {
            if (!Files.isDirectory(classes.resolve(folder))) continue;
            try (Stream<Path> walk = Files.walk(classes.resolve(folder))) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (Files.isRegularFile(p)) files.put(classes.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return hash(files);
    }

    private static String hash(TreeMap<String, byte[]> files) {
        MessageDigest d = Hashes.sha256();
        files.forEach((name, bytes) -> {
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(Hashes.sha256(bytes));
        });
        return Hashes.hex(d.digest());
    }

    /** Run when the jar is built (pom.xml), after everything under xslt/ and schema/ is in place: writes the fingerprint. */
    public static final class Fingerprint {
        private Fingerprint() {
        }

        public static void main(String[] args) throws IOException {
            Path classes = Path.of(args[0]);
            Files.writeString(classes.resolve(FINGERPRINT), hashOfFolder(classes) + "\n", StandardCharsets.US_ASCII);
        }
    }
}
