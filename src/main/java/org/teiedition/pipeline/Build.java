package org.teiedition.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.Trace;
import org.teiedition.editions.Edition;
import org.teiedition.editions.LayoutProgress;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.editions.OutputKind;
import org.teiedition.facsimile.Facsimile;
import net.sf.saxon.s9api.SaxonApiException;
import org.teiedition.pipeline.DocumentResult.Status;
import org.teiedition.site.BuildCache;
import org.teiedition.site.Corpus;
import org.teiedition.site.CorpusPages;
import org.teiedition.site.Dts;
import org.teiedition.site.Publication;
import org.teiedition.site.Summaries;
import org.teiedition.site.Summary;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.OutputNames;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;

/**
 * A build as a library call: validates documents, writes their editions to {@code OUT/<document>/} and, for a
 * corpus, the corpus pages. Each document is parsed once, validated, and every edition rendered from the same tree;
 * nothing is written for a document that fails, and the other documents still build. A document whose source,
 * options and stylesheets are unchanged since its last build is not rebuilt ({@link BuildCache}).
 * <p>
 * One {@code Build} may run many times ({@code serve} does): the compiled stylesheets and schemas of its
 * {@link Toolkit} are kept.
 */
public final class Build {
    /**
     * Renders one edition of a parsed document (the toolkit's renderer; tests put failures in its place).
     * {@code built}: every edition made for the document; {@code warnings}: what the renderer could not do as asked.
     */
    interface Renderer {
        byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
                String baseUrl, Consumer<Diagnostic> warnings) throws Exception;

        /** As above; {@code progress} hears each page of the PDF's layouts (a stand-in renderer has none). */
        default byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
                String baseUrl, Consumer<Diagnostic> warnings, Consumer<LayoutProgress> progress) throws Exception {
            return render(doc, edition, witness, corpus, built, baseUrl, warnings);
        }
    }

    /** Puts an edition's bytes in place (atomically; tests put a failing disk in its place). */
    interface Writer {
        void write(Path target, byte[] bytes) throws IOException;
    }

    private final Toolkit toolkit;
    private final Renderer renderer;
    private final Writer writer;

    public Build(Toolkit toolkit) {
        this(toolkit, new Renderer() {
            @Override
            public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
                    String baseUrl, Consumer<Diagnostic> warnings) throws Exception {
                return toolkit.renderer().render(doc, edition, witness, corpus, built, baseUrl, warnings);
            }

            @Override
            public byte[] render(SourceDocument doc, Edition edition, String witness, boolean corpus, List<Edition> built,
                    String baseUrl, Consumer<Diagnostic> warnings, Consumer<LayoutProgress> progress) throws Exception {
                return toolkit.renderer().render(doc, edition, witness, corpus, built, baseUrl, warnings, progress);
            }
        });
    }

    Build(Toolkit toolkit, Renderer renderer) {
        this(toolkit, renderer, AtomicOutput::write);
    }

    Build(Toolkit toolkit, Renderer renderer, Writer writer) {
        this.toolkit = toolkit;
        this.renderer = renderer;
        this.writer = writer;
    }

    public Toolkit toolkit() {
        return toolkit;
    }

    /**
     * One run's settings, shared by the workers. {@code corpus}: see {@link #run}; {@code baseUrl}: the options' or
     * the sources' ({@link SiteConfig}), null when neither names one.
     */
    private record Job(BuildOptions options, BuildCache cache, boolean corpus, boolean spareCores, BuildListener listener,
            Set<Path> outOfMemory, String baseUrl) {
        Job alone() {
            return new Job(options, cache, corpus, false, listener, outOfMemory, baseUrl);
        }
    }

    public BuildResult run(BuildOptions options, BuildListener listener) {
        long start = System.nanoTime();
        // the output folder holding an input folder: its pages would be read as sources, its sources judged stale
        List<Diagnostic> mixed = Inputs.insideOutput(options.inputs(), options.output());
        if (!mixed.isEmpty()) return new BuildResult(mixed, List.of(), List.of(), System.nanoTime() - start);
        try (OutputLock lock = OutputLock.acquire(options.output(), (file, holder) -> listener.waitingForOutput(options.output(), file, holder))) {
            return runLocked(options, listener, start);
        } catch (IOException e) {
            return new BuildResult(List.of(Diagnostic.error(options.output().toString(), "cannot lock the output folder: " + message(e))),
                    List.of(), List.of(), System.nanoTime() - start);
        }
    }

    private BuildResult runLocked(BuildOptions options, BuildListener listener, long start) {
        Inputs.Collected in = Inputs.collect(options.inputs(), options.output());
        List<Path> files = options.shard() == null ? in.files() : options.shard().select(in.files());
        // Part of a corpus (its HTML pages link to their neighbours through nav.js): decided on the whole input, so
        // that the shards of a folder build give the same pages as one build.
        boolean corpus = in.anyDirectory() || in.files().size() > 1;
        boolean corpusPages = options.shard() == null && corpus;
        List<Diagnostic> inputProblems = new ArrayList<>(in.problems());
        String baseUrl = baseUrl(options, inputProblems);
        BuildCache cache = BuildCache.open(options.output(), options.editions(), options.witness(),
                options.validate() ? "validate " + toolkit.schemaValidator().identity() : "no-validate",
                corpus ? "corpus" : "single", "base-url " + baseUrl);
        // Fewer documents than workers (a single letter): a document's validation and editions share the cores.
        Job job = new Job(options, cache, corpus, files.size() < options.jobs(), listener, ConcurrentHashMap.newKeySet(), baseUrl);
        Map<Path, Diagnostic> clashes = nameClashes(files);
        listener.started(files.size());
        AtomicInteger done = new AtomicInteger();
        // A document that ran out of memory while others were built beside it may have lacked only their share of
        // the heap: it is tried again alone (and reported then).
        boolean retry = options.jobs() > 1 && files.size() > 1;
        List<DocumentResult> results = new ArrayList<>(Parallel.map(files, options.jobs(), file -> {
            DocumentResult r = clashes.containsKey(file) ? DocumentResult.failed(file, List.of(clashes.get(file)))
                    : buildDocument(job, file);
            if (!(retry && job.outOfMemory().contains(file))) listener.documentFinished(r, done.incrementAndGet(), files.size());
            return r;
        }));
        for (int i = 0; retry && i < files.size(); i++) {
            if (!job.outOfMemory().remove(files.get(i))) continue;
            DocumentResult r = buildDocument(job.alone(), files.get(i));
            results.set(i, r);
            listener.documentFinished(r, done.incrementAndGet(), files.size());
        }
        List<Diagnostic> corpusProblems = new ArrayList<>();
        if (corpusPages) {
            List<Summary> built = results.stream().map(DocumentResult::summary).filter(Objects::nonNull).toList();
            try {
                AtomicOutput.removeStaleTemporaries(options.output());
                Corpus documents = Corpus.of(toolkit.xslt(), built);
                CorpusPages.write(toolkit.xslt(), options.output(), documents, baseUrl);
                corpusProblems.addAll(Publication.write(toolkit.xslt(), options.output(), documents, baseUrl).warnings());
                // after the pages, so that none links to a document whose files are gone
                cache.retainOnly(built.stream().map(Summary::id).toList(), files.stream().map(OutputNames::documentName).toList());
            } catch (IOException | RuntimeException e) {
                corpusProblems.add(Diagnostic.error(options.output().resolve("index.html").toString(),
                        "cannot write the corpus pages: " + message(e)));
            } catch (OutOfMemoryError e) {
                corpusProblems.add(Diagnostic.error(options.output().resolve("index.html").toString(),
                        "out of memory writing the corpus pages; " + MORE_HEAP));
            }
        }
        return new BuildResult(inputProblems, results, corpusProblems, System.nanoTime() - start);
    }

    /** What a merge did: summaries read, files written, summaries refused, warnings about the files. */
    public record Merged(int documents, int files, List<Diagnostic> refused, List<Diagnostic> warnings) {
    }

    /**
     * The reduce step for {@code options}' output, with the publication files for its base URL (the option's, else
     * the sources' {@link SiteConfig}; an unusable config file is an error).
     */
    public Merged merge(BuildOptions options, BuildListener listener) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        String baseUrl = baseUrl(options, problems);
        if (!problems.isEmpty()) throw new IOException(problems.get(0).format());
        return merge(options.output(), baseUrl, listener);
    }

    /** The base URL of a build: the option's, else the one its sources' config file names (its problem to {@code problems}). */
    private static String baseUrl(BuildOptions options, List<Diagnostic> problems) {
        if (options.baseUrl() != null) return options.baseUrl();
        SiteConfig.Read config = SiteConfig.read(options.inputs());
        if (config.problem() != null) problems.add(config.problem());
        return config.baseUrl();
    }

    /**
     * The reduce step of a sharded build: the corpus pages of {@code output} from every summary in its build state
     * that verifies (a copied cache is not trusted: see {@link BuildCache#all}), with the publication files for
     * {@code baseUrl} (null: none).
     */
    public Merged merge(Path output, String baseUrl, BuildListener listener) throws IOException {
        try (OutputLock lock = OutputLock.acquire(output, (file, holder) -> listener.waitingForOutput(output, file, holder))) {
            BuildCache.Read read = BuildCache.reader(output).all();
            Corpus corpus = Corpus.of(toolkit.xslt(), read.summaries());
            int n = CorpusPages.write(toolkit.xslt(), output, corpus, baseUrl);
            Publication.Written published = Publication.write(toolkit.xslt(), output, corpus, baseUrl);
            return new Merged(read.summaries().size(), n + published.files(), read.refused(), published.warnings());
        }
    }

    /**
     * Files whose output folder name another file already takes ("a b.xml" and "a-b.xml" both give "a-b"): the
     * later one is an error, not a silent overwrite of the first one's editions. Case is ignored (case-insensitive
     * file systems).
     */
    static Map<Path, Diagnostic> nameClashes(List<Path> files) {
        Map<String, Path> first = new HashMap<>();
        Map<Path, Diagnostic> clashes = new HashMap<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) continue;
            String name = OutputNames.documentName(f);
            Path earlier = first.putIfAbsent(name.toLowerCase(Locale.ROOT), f);
            if (earlier != null && !earlier.toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize())) {
                clashes.put(f, Diagnostic.error(f.toString(), "not built: its output folder \"" + name + "\" is already "
                        + "used by " + earlier + "; rename one of the files"));
            }
        }
        return clashes;
    }

    private DocumentResult buildDocument(Job job, Path file) {
        try {
            return buildOrReuse(job, file);
        } catch (OutOfMemoryError | RuntimeException e) {
            if (!outOfMemory(e)) {
                // one document's unforeseen failure is its own: the others of the run still build
                return DocumentResult.failed(file, List.of(Diagnostic.error(file.toString(), 0, 0,
                        "internal error building it: " + message(e), null, "build")));
            }
            // the document's trees and editions are unreachable once this method is left: the next document has the heap
            job.outOfMemory().add(file);
            return DocumentResult.failed(file, List.of(Diagnostic.error(file.toString(), 0, 0,
                    "out of memory building it; " + MORE_HEAP, null, "build")));
        }
    }

    /** What to do about an OutOfMemoryError, said with every report of one. */
    public static final String MORE_HEAP = "give the JVM more heap, e.g. TEI_EDITION_JAVA_OPTS=-Xmx4g";

    private DocumentResult buildOrReuse(Job job, Path file) {
        String key = null;
        BuildCache.Source source = null;
        try {
            BuildCache.Found found = job.cache().find(OutputNames.documentName(file), file);
            key = found.key();
            source = found.source();
            Summary cached = found.upToDate();
            if (cached != null) {
                // up to date, but a build killed earlier may have left a temporary file beside its editions
                AtomicOutput.removeStaleTemporaries(job.options().output().resolve(cached.id()));
                return new DocumentResult(file, Status.UP_TO_DATE, List.of(), List.of(), cached);
            }
        } catch (IOException e) {
            // parse() reports the unreadable file
        }
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException e) {
            return DocumentResult.failed(file, List.of(e.diagnostic()));
        }
        BuildOptions options = job.options();
        List<Edition> editions = options.editions().stream().filter(e -> e.appliesTo(doc.node())).toList();
        // Validation and the editions are independent: with cores to spare they run side by side, and the editions
        // are dropped if the document turns out invalid. Otherwise validation comes first and an invalid document
        // costs no rendering.
        CompletableFuture<List<Diagnostic>> validation = !options.validate() ? CompletableFuture.completedFuture(List.of())
                : job.spareCores() ? CompletableFuture.supplyAsync(() -> toolkit.validate(doc))
                : CompletableFuture.completedFuture(toolkit.validate(doc));
        List<Rendered> rendered = job.spareCores() ? renderAll(job, doc, editions) : null;
        List<Diagnostic> diagnostics;
        try {
            diagnostics = new ArrayList<>(validation.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e; // out of memory: see buildDocument
        }
        // An invalid document is not built; the summary line says so once, so that each problem is one line.
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new DocumentResult(file, Status.INVALID, diagnostics, List.of(), null);
        }
        // Everything is rendered before anything is written: a failing edition leaves no mix of old and new files.
        if (rendered == null) rendered = renderAll(job, doc, editions);
        for (Rendered r : rendered) {
            diagnostics.addAll(r.warnings());
            if (r.failure() != null) {
                if (outOfMemory(r.failure())) job.outOfMemory().add(file);
                diagnostics.add(Diagnostic.error(file.toString(), 0, 0, failure(r), null, "build"));
                return DocumentResult.failed(file, diagnostics);
            }
        }
        return publish(job, new Publishing(file, doc, source, key, editions, diagnostics, new ArrayList<>(),
                options.output().resolve(doc.name())), rendered);
    }

    /**
     * A document whose editions are rendered, on its way into its folder of OUT ({@code dir}): its source bytes and
     * cache key, the editions that apply to it, what went wrong and what was written so far.
     */
    private record Publishing(Path file, SourceDocument doc, BuildCache.Source source, String key,
            List<Edition> editions, List<Diagnostic> diagnostics, List<Path> written, Path dir) {
        DocumentResult failed() {
            return new DocumentResult(file, Status.FAILED, diagnostics, written, null);
        }
    }

    /**
     * Writes the editions into OUT/&lt;document&gt;/ with what is published beside them (the TEI source, the citation
     * downloads, the page images, the DTS files), then the cache entry, which comes last, when every file it vouches
     * for is in place.
     */
    private DocumentResult publish(Job job, Publishing p, List<Rendered> rendered) {
        try {
            AtomicOutput.removeStaleTemporaries(p.dir());
        } catch (IOException e) {
            p.diagnostics().add(Diagnostic.error(p.dir().toString(), "cannot clean temporary files: " + e.getMessage()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Rendered r : rendered) files.put(r.edition().fileName(), r.bytes());
        // The encoding is the edition's primary output: published beside its editions, byte for byte; and the
        // citation downloads its pages link to.
        byte[] tei;
        BuildCache.Source source;
        try {
            source = p.source() != null ? p.source() : BuildCache.read(p.file());
            tei = source.bytes();
            files.put(EditionRenderer.sourceFileName(p.doc().name()), tei);
            files.putAll(toolkit.renderer().citationFiles(p.doc(), p.editions(), job.baseUrl()));
            Trace.at("citation files made " + p.doc().name());
        } catch (IOException | SaxonApiException | RuntimeException e) {
            p.diagnostics().add(Diagnostic.error(p.file().toString(), "cannot make its TEI copy and citation files: " + message(e)));
            return p.failed();
        }
        if (!write(p, p.dir(), files)) return p.failed();
        Trace.at("written " + p.doc().name());
        // the page images beside the editions that show them
        BuildCache.Facsimiles images = BuildCache.Facsimiles.NONE;
        if (p.editions().stream().anyMatch(Edition::facsimile)) {
            images = facsimileImages(p.doc(), p.dir(), p.diagnostics());
            images.copies().keySet().forEach(name -> p.written().add(p.dir().resolve(name)));
        }
        Map<String, byte[]> dts = Map.of();
        if (job.corpus() && job.baseUrl() != null) {
            try {
                dts = Dts.documentFiles(toolkit.renderer(), p.doc(), tei, job.baseUrl());
            } catch (SaxonApiException | RuntimeException e) {
                p.diagnostics().add(Diagnostic.error(p.file().toString(), "cannot make its DTS files: " + message(e)));
                return p.failed();
            }
            if (!write(p, job.options().output(), dts)) return p.failed();
        }
        // The corpus pages need only this small record: the tree is dropped when this method returns.
        try {
            Summary summary = job.corpus() ? Summaries.of(toolkit.renderer(), p.doc(), p.key(), p.editions(), p.diagnostics()::add)
                    : Summary.keyOnly(p.doc().name(), p.key());
            Trace.at("summarised " + p.doc().name());
            job.cache().store(summary, p.file(), source, files, images, dts);
            Trace.at("cached " + p.doc().name());
            return new DocumentResult(p.file(), Status.REBUILT, p.diagnostics(), p.written(), summary);
        } catch (IOException | RuntimeException e) {
            p.diagnostics().add(Diagnostic.error(p.file().toString(), "cannot summarise for the corpus pages: " + message(e)));
            return p.failed();
        }
    }

    /** Writes each of {@code files} (relative names) under {@code dir}; false if any could not be written. */
    private boolean write(Publishing p, Path dir, Map<String, byte[]> files) {
        boolean all = true;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            try {
                writer.write(target, f.getValue());
                p.written().add(target);
            } catch (IOException e) {
                p.diagnostics().add(Diagnostic.error(target.toString(), "cannot write: " + e.getMessage()));
                all = false;
            }
        }
        return all;
    }

    /**
     * The facsimile's warnings and the copies of its local images, beside the editions that show them; for the cache
     * entry, the copies and the images they were made from.
     */
    private BuildCache.Facsimiles facsimileImages(SourceDocument doc, Path dir, List<Diagnostic> diagnostics) {
        try {
            Facsimile facsimile = toolkit.renderer().facsimile(doc);
            diagnostics.addAll(facsimile.problems());
            Map<String, String> copies = new LinkedHashMap<>();
            facsimile.write(dir, diagnostics::add).forEach((path, hash) -> copies.put(dir.relativize(path).toString().replace('\\', '/'), hash));
            return BuildCache.Facsimiles.of(copies, facsimile.localImages());
        } catch (IOException | SaxonApiException | RuntimeException e) {
            diagnostics.add(Diagnostic.error(doc.path().toString(), "cannot read the facsimile: " + message(e)));
            return BuildCache.Facsimiles.NONE;
        }
    }

    /** An edition in memory, or why it failed, with the renderer's warnings. */
    private record Rendered(Edition edition, byte[] bytes, Throwable failure, List<Diagnostic> warnings) {
    }

    /** The editions in the given order, the longest (the PDF) started first so that it does not start last on a busy CPU. */
    private List<Rendered> renderAll(Job job, SourceDocument doc, List<Edition> editions) {
        List<Edition> longestFirst = editions.stream().sorted(Comparator.comparing(e -> e.kind() != OutputKind.PDF)).toList();
        List<Rendered> done = Parallel.map(longestFirst, job.spareCores() ? job.options().jobs() : 1, e -> render(job, doc, e, editions));
        return editions.stream().map(e -> done.get(longestFirst.indexOf(e))).toList();
    }

    private Rendered render(Job job, SourceDocument doc, Edition edition, List<Edition> built) {
        job.listener().editionStarted(doc.path(), edition);
        long t0 = System.nanoTime();
        List<Diagnostic> warnings = Collections.synchronizedList(new ArrayList<>());
        Rendered r;
        try {
            r = new Rendered(edition, renderer.render(doc, edition, job.options().witness(), job.corpus(), built,
                    job.baseUrl(), warnings::add, p -> job.listener().editionProgress(doc.path(), edition, p)),
                    null, warnings);
        } catch (Exception | OutOfMemoryError e) {
            r = new Rendered(edition, null, e, warnings);
        }
        job.listener().editionFinished(doc.path(), edition, System.nanoTime() - t0, r.failure() == null);
        return r;
    }

    private static String failure(Rendered r) {
        String edition = "the " + r.edition().name() + " edition";
        if (outOfMemory(r.failure())) return "out of memory building " + edition + "; " + MORE_HEAP;
        return edition + " failed: " + message(r.failure());
    }

    /** Whether {@code e} is, or was caused by, running out of heap (libraries and executors wrap it). */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /** An exception's message on one line (its class name if it has none). */
    public static String message(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ").trim();
    }
}
