package org.teiedition.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.teiedition.Diagnostic;
import org.teiedition.Hashes;
import org.teiedition.editions.Edition;
import org.teiedition.facsimile.Facsimile;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.OutputNames;

/**
 * The incremental-build state under {@code OUT/.tei-edition/}: per built document its summary
 * ({@code summaries/<id>.xml}, whose {@code key} attribute is the hash of the source's SHA-256, the tool version, the
 * chosen editions and options and all bundled stylesheets) and its manifest ({@code summaries/<id>.files}), written
 * last, once every output of the document is in place: the key, the summary's hash, the source as it was read
 * ({@link Source}), and the name and {@link FileStamp}
 * of each edition file written (an edition that needs two witnesses is not made for a one-witness letter), the copies
 * of its facsimile images, its DTS files under OUT/dts/, and the stamp of each local page image it was made from (an
 * image changes the outputs as its source does, but only the parsed document names it). A document is up to date only
 * if all of that verifies against what is on disk: its summary is reused and nothing is parsed or rendered. Nothing
 * read back from here is trusted: a cache folder may have been copied from elsewhere (a page image it names is only
 * compared with, and read only when it is a regular file whose time changed; the source's stamp spares reading it only
 * when it names the very file, with its size and both its times). Not a defence: whoever can change the output folder
 * can change this state too.
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

    /**
     * A source as a build read it: its bytes and its stamp (their SHA-256, with the size and modification time the
     * file had just before they were read), with the time of its last change (its status-change time, which no tool
     * sets back as {@code cp -p}, {@code rsync -a} or an archive set modification times; -1 where the file system has
     * none) and when the stamp was taken.
     */
    public static final class Source {
        private final byte[] bytes;
        private final Input input;

        private Source(byte[] bytes, Input input) {
            this.bytes = bytes;
            this.input = input;
        }

        public byte[] bytes() {
            return bytes;
        }
    }

    /** Reads a source: its size and times first, so that a change while it is read makes the stamp stale, not wrong. */
    public static Source read(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long changed = changed(file);
        long taken = System.currentTimeMillis();
        byte[] bytes = Files.readAllBytes(file);
        FileStamp stamp = new FileStamp(Hashes.hex(Hashes.sha256(bytes)), a.size(),
                a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        return new Source(bytes, new Input(stamp, changed, taken));
    }

    /** The file's status-change time in nanoseconds; -1 where the file system keeps none (then no stamp is settled). */
    private static long changed(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) return -1;
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS);
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return -1;
        }
    }

    /** The key of a build of {@code source}: its SHA-256 with everything else that changes the outputs. */
    public String key(Source source) {
        return key(source.input.stamp().hash());
    }

    private String key(String sourceHash) {
        MessageDigest d = Hashes.sha256();
        d.update(base.getBytes(StandardCharsets.US_ASCII));
        d.update(sourceHash.getBytes(StandardCharsets.US_ASCII));
        return Hashes.hex(d.digest());
    }

    /**
     * How long before a source was read its last change must lie for its size and times to vouch for its bytes: a
     * change made within the file system's time resolution of an earlier one (two seconds on FAT) may keep the times.
     */
    static final long SETTLED_MILLIS = 5_000;

    /**
     * The key of {@code file} without reading it, as git trusts its index: that of the last build of {@code id} if
     * that build read this same file, whose size, modification time and status-change time are still those it had
     * then, and whose last change then lay {@link #SETTLED_MILLIS} before it was read; else null (the file is read
     * and hashed). Clocks are the file system's and this machine's: a network file system whose clock is behind
     * widens the window in which two changes of the same size keep the same times.
     */
    String settledKey(String id, Path file) {
        return settledKey(manifest(id), file);
    }

    private String settledKey(Manifest m, Path file) {
        try {
            if (m == null || m.input() == null || !m.source().equals(file.toAbsolutePath().normalize().toString())) {
                return null;
            }
            Input then = m.input();
            boolean settled = then.changedNanos() >= 0
                    && then.takenMillis() - then.changedNanos() / 1_000_000 >= SETTLED_MILLIS;
            if (!settled) return null;
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            boolean same = a.isRegularFile() && a.size() == then.stamp().size()
                    && a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == then.stamp().modified()
                    && changed(file) == then.changedNanos();
            return same ? key(then.stamp().hash()) : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /**
     * What a build finds for the source {@code file} of {@code id}: the cached summary if the document is up to date
     * ({@link #upToDate}); else the source as read ({@link #read}) and its key, for the build. The source is read and
     * hashed only when its stamp does not vouch for it ({@link #settledKey}) or the document is to be built again; the
     * entry is read once.
     */
    public record Found(Summary upToDate, Source source, String key) {
    }

    public Found find(String id, Path file) throws IOException {
        Manifest m = manifest(id);
        String key = settledKey(m, file);
        Source read = key == null ? read(file) : null;
        if (read != null) key = key(read);
        Summary s = upToDate(id, key, m, read == null ? null : read.input);
        if (s == null && read == null) {
            read = read(file);
            key = key(read);
        }
        return new Found(s, read, key);
    }

    /** The entry's manifest; null if there is none or it does not parse. */
    private Manifest manifest(String id) {
        try {
            return Manifest.read(summaries.resolve(id + FILES));
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /** As {@link #find} does for a source that was read and hashed ({@code read}), the entry read anew. */
    Summary upToDate(String id, String key, Source read) {
        return upToDate(id, key, manifest(id), read.input);
    }

    /**
     * The cached summary if {@code id} was built from a source with this key, and its summary and every file its
     * manifest {@code m} names are on disk as the manifest's stamps say; else null (rebuild it). A file whose bytes are
     * the same but whose time is not (a folder copied, a cache restored) gets its new time in the manifest, so that the
     * next build does not read it again; so does a source read and hashed ({@code input}, null if it was not) whose
     * size or times are not its stamp's (touched, copied, restored). (One read within {@link #SETTLED_MILLIS} of a
     * change keeps its stamp: rewriting the entry at every build would not make it any more settled.)
     */
    private Summary upToDate(String id, String key, Manifest m, Input input) {
        try {
            if (m == null || !m.key().equals(key)) return null;
            boolean refreshed = false;
            for (Map.Entry<String, FileStamp> image : m.images().entrySet()) {
                FileStamp now = image.getValue().check(Path.of(image.getKey()), true);
                if (now == null) return null;
                refreshed |= now != image.getValue();
                image.setValue(now);
            }
            byte[] xml = Files.readAllBytes(summaries.resolve(id + ".xml"));
            if (!m.summary().equals(Hashes.hex(Hashes.sha256(xml))) || SummaryCheck.problem(id, xml) != null) return null;
            if (!key.equals(keyOf(xml))) return null;
            for (Map.Entry<String, FileStamp> f : m.files().entrySet()) {
                FileStamp now = output(out.resolve(id).resolve(f.getKey()), f.getValue());
                if (now == null) return null;
                refreshed |= now != f.getValue();
                f.setValue(now);
            }
            if (!m.ownDts(id)) return null;
            for (Map.Entry<String, FileStamp> f : m.dts().entrySet()) {
                FileStamp now = output(out.resolve(f.getKey()), f.getValue());
                if (now == null) return null;
                refreshed |= now != f.getValue();
                f.setValue(now);
            }
            boolean newInput = input != null && (m.input() == null || !m.input().sameFileState(input));
            if (refreshed || newInput) {
                Outputs.writeIfChanged(summaries.resolve(id + FILES), (newInput ? m.withInput(input) : m).bytes());
            }
            return new Summary(id, key, xml);
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /** An output as it was written, with its time now; null if not (a stamp of "absent" vouches for no output). */
    private static FileStamp output(Path file, FileStamp stamp) {
        return stamp.equals(FileStamp.ABSENT) ? null : stamp.check(file, false);
    }

    /**
     * Writes the document's entry once its edition files are in place: the summary, then the manifest that vouches
     * for it and for them.
     *
     * @param source the file it was built from (when it is gone, so are its files: {@link #retainOnly})
     * @param read that file as the build read it ({@link #read}), whose stamp may spare the next build reading it
     * @param files the bytes written for the document in OUT/&lt;id&gt;/, by file name
     * @param facsimile its page images: the copies written and the local images they were made from
     * @param dts its DTS files, by path under OUT ({@link Dts#documentFiles}); those of its previous entry that are
     *     not among them (a § it no longer has) are removed. None (a build without a base URL, or of one file into a
     *     corpus's folder): the previous entry's stay, and stay in the entry, removed with the document's other files.
     */
    public void store(Summary s, Path source, Source read, Map<String, byte[]> files, Facsimiles facsimile,
            Map<String, byte[]> dts) throws IOException {
        Manifest m = new Manifest(s.key(), Hashes.hex(Hashes.sha256(s.xml())), source.toAbsolutePath().normalize().toString(),
                read.input, new TreeMap<>(facsimile.images()), new TreeMap<>(), new TreeMap<>());
        Path dir = out.resolve(s.id());
        for (Map.Entry<String, byte[]> f : files.entrySet()) m.files().put(f.getKey(), FileStamp.of(dir.resolve(f.getKey()), f.getValue()));
        for (Map.Entry<String, String> c : facsimile.copies().entrySet()) m.files().put(c.getKey(), FileStamp.of(dir.resolve(c.getKey()), c.getValue()));
        for (Map.Entry<String, byte[]> f : dts.entrySet()) m.dts().put(f.getKey(), FileStamp.of(out.resolve(f.getKey()), f.getValue()));
        Manifest previous = Manifest.read(summaries.resolve(s.id() + FILES));
        if (previous != null && previous.ownDts(s.id())) {
            if (dts.isEmpty()) m.dts().putAll(previous.dts());
            else removeDts(previous.dts().keySet().stream().filter(p -> !m.dts().containsKey(p)).toList());
        }
        Outputs.writeIfChanged(summaries.resolve(s.id() + ".xml"), s.xml());
        Outputs.writeIfChanged(summaries.resolve(s.id() + FILES), m.bytes());
    }

    private static final String FILES = ".files";

    /**
     * A document's page images for its entry: {@code copies}, the SHA-256 of each copy written, by its path in the
     * document's folder ({@code facsimile/f1.png}); {@code images}, the stamp of each local image the document names
     * (absent or not), by its absolute path.
     */
    public record Facsimiles(Map<String, String> copies, Map<String, FileStamp> images) {
        public static final Facsimiles NONE = new Facsimiles(Map.of(), Map.of());

        /** The local {@code images} as they are now, beside the {@code copies} made from them. */
        public static Facsimiles of(Map<String, String> copies, Collection<Path> images) throws IOException {
            Map<String, FileStamp> stamps = new TreeMap<>();
            for (Path p : images) stamps.put(p.toAbsolutePath().normalize().toString(), FileStamp.ofInput(p));
            return new Facsimiles(copies, stamps);
        }
    }

    /** Every summary of the folder that verifies, sorted by id, and why each of the others was refused. */
    public record Read(List<Summary> summaries, List<Diagnostic> refused) {
    }

    /**
     * Every summary of the folder, sorted by id (a merge of shard outputs reads these). A summary is used only if its
     * id is its file's name and a name a source could give, its edition files are plain file names and its manifest
     * has its hash; the others are refused, each with a diagnostic.
     */
    public Read all() throws IOException {
        TreeMap<String, Summary> byId = new TreeMap<>();
        List<Diagnostic> refused = new ArrayList<>();
        for (Path f : entries(".xml")) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - 4);
            byte[] xml = Files.readAllBytes(f);
            String problem = OutputNames.isDocumentName(id) ? SummaryCheck.problem(id, xml)
                    : "its file name is not the output name of a document";
            if (problem == null) {
                Manifest m = Manifest.read(summaries.resolve(id + FILES));
                if (m == null || !m.summary().equals(Hashes.hex(Hashes.sha256(xml)))) {
                    problem = "it does not match the hash in its manifest " + id + FILES + " (damaged or edited)";
                }
            }
            if (problem == null) byId.put(id, new Summary(id, keyOf(xml), xml));
            else refused.add(Diagnostic.error(f.toString(), "untrusted summary, not merged: " + problem));
        }
        return new Read(new ArrayList<>(byId.values()), refused);
    }

    /** The files of the summaries folder whose names end with {@code suffix}, not hidden ones. */
    private List<Path> entries(String suffix) throws IOException {
        if (!Files.isDirectory(summaries)) return List.of();
        try (Stream<Path> files = Files.list(summaries)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix) && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Forgets documents that are no longer part of the corpus: those not {@code built} leave the corpus pages (their
     * summaries are deleted); those whose source file is gone (not among {@code inputs}, and not where it was built
     * from) also lose their edition files, the ones their manifest names, and their nav.js: a folder is removed only
     * when nothing else is left in it. A document built from a file still there keeps its files (a build of a few
     * files into a corpus's folder).
     *
     * @param inputs the output names of every source of the run
     */
    public void retainOnly(Collection<String> built, Collection<String> inputs) throws IOException {
        Set<String> keep = Set.copyOf(built);
        for (Path f : entries(".xml")) {
            String name = f.getFileName().toString();
            if (!keep.contains(name.substring(0, name.length() - 4))) Files.deleteIfExists(f);
        }
        Set<String> present = Set.copyOf(inputs);
        for (Path f : entries(FILES)) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - FILES.length());
            if (present.contains(id)) continue;
            Manifest m = Manifest.read(f);
            if (m == null || !OutputNames.isDocumentName(id)) {
                Files.deleteIfExists(f);
            } else if (m.sourceGone()) {
                removeOutputs(out.resolve(id), m.files().keySet());
                if (m.ownDts(id)) removeDts(m.dts().keySet());
                Files.deleteIfExists(f);
            }
        }
    }

    /** Removes these DTS files (paths under OUT), and each folder of theirs under dts/&lt;endpoint&gt;/ left empty. */
    private void removeDts(Collection<String> paths) throws IOException {
        Path dts = out.resolve(Dts.FOLDER);
        for (String p : paths) {
            Path file = out.resolve(p);
            Files.deleteIfExists(file);
            for (Path folder = file.getParent(); folder != null && folder.getParent() != null && !folder.getParent().equals(dts)
                    && folder.startsWith(dts) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS); folder = folder.getParent()) {
                try (Stream<Path> left = Files.list(folder)) {
                    if (left.findAny().isPresent()) break;
                }
                Files.delete(folder);
            }
        }
    }

    private static void removeOutputs(Path dir, Collection<String> files) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        for (String name : files) Files.deleteIfExists(dir.resolve(name));
        Path copies = dir.resolve(Facsimile.FOLDER);
        if (Files.isDirectory(copies, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> left = Files.list(copies)) {
                if (left.findAny().isEmpty()) Files.delete(copies);
            }
        }
        Files.deleteIfExists(dir.resolve(Sequence.SCRIPT));
        AtomicOutput.removeStaleTemporaries(dir);
        try (Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isPresent()) return;
        }
        Files.deleteIfExists(dir);
    }

    /**
     * An entry's manifest: "key KEY", "summary HASH", "source PATH", "input STAMP CHANGED TAKEN" (the source as read,
     * see {@link Source}; absent in an older entry), then "image STAMP PATH" per local page image,
     * "dts STAMP PATH" per DTS file (PATH under OUT), then "file STAMP NAME" per edition file and per image copy
     * (facsimile/NAME), each STAMP a {@link FileStamp} ("HASH SIZE MODIFIED"). Read back from disk it is untrusted: a line
     * that does not parse, or a file name that is not a plain one, makes the whole entry void; the source path is only
     * tested for existence and compared with a source's, an image only compared with its stamp, and DTS paths are only
     * used ({@link #ownDts}) when each names a file of the document's.
     */
    private record Manifest(String key, String summary, String source, Input input, Map<String, FileStamp> images,
            Map<String, FileStamp> files, Map<String, FileStamp> dts) {
        private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
        private static final String INPUT = "input ";
        private static final Pattern INPUT_TIMES = Pattern.compile("(-1|\\d{1,19}) (\\d{1,19})");
        private static final String IMAGE = "image ";
        private static final String DTS = "dts ";
        private static final String FILE = "file ";

        /** Whether every DTS path is one of {@code id}'s (dts/ENDPOINT/ID.ext, ID;..., ID/...), with no step up or aside. */
        boolean ownDts(String id) {
            Pattern own = Pattern.compile(Pattern.quote(Dts.FOLDER) + "/(collection|navigation|document)/" + Pattern.quote(id) + "[.;/][^\\\\]*");
            return dts.keySet().stream().allMatch(p -> own.matcher(p).matches()
                    && Arrays.stream(p.split("/")).noneMatch(seg -> seg.isEmpty() || seg.equals(".") || seg.equals("..")));
        }

        byte[] bytes() {
            StringBuilder b = new StringBuilder("key ").append(key).append("\nsummary ").append(summary)
                    .append("\nsource ").append(source).append('\n');
            if (input != null) {
                String times = input.changedNanos() + " " + input.takenMillis();
                b.append(INPUT).append(new FileStamp.Line(input.stamp(), times).text()).append('\n');
            }
            images.forEach((path, stamp) -> b.append(IMAGE).append(new FileStamp.Line(stamp, path).text()).append('\n'));
            dts.forEach((path, stamp) -> b.append(DTS).append(new FileStamp.Line(stamp, path).text()).append('\n'));
            files.forEach((name, stamp) -> b.append(FILE).append(new FileStamp.Line(stamp, name).text()).append('\n'));
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        Manifest withInput(Input read) {
            return new Manifest(key, summary, source, read, images, files, dts);
        }

        boolean sourceGone() {
            try {
                return Files.notExists(Path.of(source));
            } catch (InvalidPathException e) {
                return false;
            }
        }

        static Manifest read(Path f) throws IOException {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > 64 * 1024) return null;
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).startsWith("key ") || !lines.get(1).startsWith("summary ")
                    || !lines.get(2).startsWith("source ")) {
                return null;
            }
            String summary = lines.get(1).substring(8);
            if (!HASH.matcher(summary).matches()) return null;
            Map<String, FileStamp> images = new TreeMap<>();
            Map<String, FileStamp> files = new TreeMap<>();
            Map<String, FileStamp> dts = new TreeMap<>();
            Input input = null;
            int first = 3;
            if (lines.size() > 3 && lines.get(3).startsWith(INPUT)) {
                FileStamp.Line entry = FileStamp.Line.parse(lines.get(3).substring(INPUT.length()));
                Matcher times = entry == null ? null : INPUT_TIMES.matcher(entry.name());
                if (times == null || !times.matches()) return null;
                try {
                    input = new Input(entry.stamp(), Long.parseLong(times.group(1)), Long.parseLong(times.group(2)));
                } catch (NumberFormatException e) {
                    return null; // beyond a long
                }
                first = 4;
            }
            for (String line : lines.subList(first, lines.size())) {
                String kind = line.startsWith(DTS) ? DTS : line.startsWith(IMAGE) ? IMAGE : line.startsWith(FILE) ? FILE : null;
                if (kind == null) return null;
                FileStamp.Line entry = FileStamp.Line.parse(line.substring(kind.length()));
                if (entry == null) return null;
                String name = entry.name();
                if (kind.equals(FILE)) {
                    String plain = name.startsWith(Facsimile.FOLDER + "/") ? name.substring(Facsimile.FOLDER.length() + 1) : name;
                    if (!OutputNames.isFileName(plain)) return null;
                }
                (kind.equals(DTS) ? dts : kind.equals(IMAGE) ? images : files).put(name, entry.stamp());
            }
            return new Manifest(lines.get(0).substring(4), summary, lines.get(2).substring(7), input, images, files,
                    dts);
        }
    }

    /** The source as a manifest's build read it ({@link Source}). */
    private record Input(FileStamp stamp, long changedNanos, long takenMillis) {
        /** The same bytes, size and times (whenever each stamp was taken). */
        boolean sameFileState(Input other) {
            return stamp.equals(other.stamp) && changedNanos == other.changedNanos;
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
     * ({@link Fingerprint}), since its files cannot change after the build. Classes in a folder (tests, an IDE) may
     * have changed since: it is computed from the files.
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
