package org.teiedition.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.site.BuildCache;
import org.teiedition.site.CorpusPages;
import org.teiedition.site.Shard;
import org.teiedition.site.Summaries;
import org.teiedition.site.Summary;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.OutputNames;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Validate TEI documents and write their editions to OUT/<document>/ "
                + "(reading.html, diplomatic.html, print.pdf); a folder also gets the corpus pages (OUT/index.html, "
                + "registers, search). Unchanged documents are not rebuilt (state in OUT/.tei-edition/).")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    EditionOptions options;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Build only shard I of N (by a stable hash of each document's name) and no corpus pages; "
                    + "copy the shards' OUT folders together, then run build --merge.")
    String shard;

    @Option(names = "--merge", description = "Only make the corpus pages of OUT from the document summaries under "
            + "OUT/.tei-edition/ (e.g. after copying the outputs of --shard builds together).")
    boolean merge;

    /** Set by serve: one toolkit (compiled stylesheets) for every rebuild. */
    Toolkit toolkit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** How many documents this run builds (set before the work starts). */
    private int documents;
    /** Whether the documents are built as part of a corpus (set before the work starts). */
    private boolean corpus;

    /** @param summary null if nothing was built; @param rebuilt false if the outputs were up to date */
    record Outcome(Summary summary, List<Diagnostic> diagnostics, int written, boolean rebuilt) {
        boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    @Override
    public Integer call() {
        org.teiedition.Trace.at("build command");
        var err = spec.commandLine().getErr();
        List<Edition> chosen = chooseEditions();
        long start = System.nanoTime();
        Toolkit toolkit = this.toolkit != null ? this.toolkit : EarlyStart.toolkit();
        if (merge) return merge(toolkit, err);
        Inputs.Collected in = Inputs.collect(options.inputs.isEmpty() ? List.of(Path.of("tei")) : options.inputs, options.output);
        List<Path> files = shard == null ? in.files() : shard().select(in.files());
        // Part of a corpus (its HTML pages link to their neighbours through nav.js): decided on the whole input, so
        // that the shards of a folder build give the same pages as one build.
        corpus = in.anyDirectory() || in.files().size() > 1;
        boolean corpusPages = shard == null && corpus;
        org.teiedition.site.Prewarm.start(toolkit, chosen, corpus, corpusPages, !options.noValidate, options.jobs);
        BuildCache cache = BuildCache.open(options.output, chosen, options.witness, options.noValidate ? "no-validate" : "validate",
                corpus ? "corpus" : "single");
        Progress progress = new Progress(err, files.size());
        documents = files.size();
        java.util.Map<Path, Diagnostic> clashes = nameClashes(files);
        List<Outcome> outcomes = Parallel.map(files, options.jobs, file -> {
            Outcome o = clashes.containsKey(file) ? new Outcome(null, List.of(clashes.get(file)), 0, true)
                    : buildOne(toolkit, cache, file, chosen);
            progress.finished(file.toString(), !o.failed());
            return o;
        });

        List<Diagnostic> all = new ArrayList<>(in.problems());
        outcomes.forEach(o -> all.addAll(o.diagnostics()));
        if (corpusPages) {
            List<Summary> built = outcomes.stream().map(Outcome::summary).filter(java.util.Objects::nonNull).toList();
            try {
                AtomicOutput.removeStaleTemporaries(options.output);
                cache.retainOnly(built.stream().map(Summary::id).toList());
                CorpusPages.write(toolkit.xslt(), options.output, built);
            } catch (IOException | RuntimeException e) {
                all.add(Diagnostic.error(options.output.resolve("index.html").toString(), "cannot write the corpus pages: " + e.getMessage()));
            }
        }
        all.forEach(d -> err.println(d.format()));
        long failed = outcomes.stream().filter(Outcome::failed).count() + in.problems().size();
        int written = outcomes.stream().mapToInt(Outcome::written).sum();
        long rebuilt = outcomes.stream().filter(Outcome::rebuilt).count();
        err.printf("%d rebuilt, %d up to date%n", rebuilt, outcomes.stream().filter(o -> !o.rebuilt() && o.summary() != null).count());
        err.printf("built %d file%s from %d of %d document%s into %s in %.1f s%s%n", written, written == 1 ? "" : "s",
                outcomes.size() - outcomes.stream().filter(Outcome::failed).count(), outcomes.size(),
                outcomes.size() == 1 ? "" : "s", options.output, (System.nanoTime() - start) / 1e9,
                failed == 0 ? "" : "; " + failed + " failed, not built" + (options.noValidate ? "" : " (--no-validate builds invalid documents anyway)"));
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    /**
     * Files whose output folder name another file already takes ("a b.xml" and "a-b.xml" both give "a-b"): the
     * later one is an error, not a silent overwrite of the first one's editions. Case is ignored (case-insensitive
     * file systems).
     */
    static java.util.Map<Path, Diagnostic> nameClashes(List<Path> files) {
        java.util.Map<String, Path> first = new java.util.HashMap<>();
        java.util.Map<Path, Diagnostic> clashes = new java.util.HashMap<>();
        for (Path f : files) {
            if (java.nio.file.Files.isDirectory(f)) continue;
            String name = org.teiedition.xml.OutputNames.documentName(f);
            Path earlier = first.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), f);
            if (earlier != null && !earlier.toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize())) {
                clashes.put(f, Diagnostic.error(f.toString(), "not built: its output folder \"" + name + "\" is already "
                        + "used by " + earlier + "; rename one of the files"));
            }
        }
        return clashes;
    }

    private Shard shard() {
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The reduce step of a sharded build: the corpus pages from every summary in OUT/.tei-edition/. */
    private int merge(Toolkit toolkit, java.io.PrintWriter err) {
        try {
            List<Summary> all = BuildCache.reader(options.output).all();
            int n = CorpusPages.write(toolkit.xslt(), options.output, all);
            err.printf("merged %d document summar%s into the corpus pages of %s (%d file%s written)%n", all.size(),
                    all.size() == 1 ? "y" : "ies", options.output, n, n == 1 ? "" : "s");
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            err.println(Diagnostic.error(options.output.toString(), "cannot merge: " + message(e)).format());
            return Main.FAILED;
        }
    }

    private List<Edition> chooseEditions() {
        if (options.editions.isEmpty()) return Editions.ALL;
        List<Edition> list = new ArrayList<>();
        for (String name : options.editions) {
            list.add(Editions.byName(name.trim()).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "unknown edition '" + name + "'; known: " + String.join(", ", Editions.names()))));
        }
        return list;
    }

    /** Parse once, validate, then render every edition from the same tree; nothing is written for a bad document. */
    private Outcome buildOne(Toolkit toolkit, BuildCache cache, Path file, List<Edition> chosen) {
        String key = null;
        try {
            key = cache.key(java.nio.file.Files.readAllBytes(file));
            Summary cached = cache.upToDate(OutputNames.documentName(file), key);
            if (cached != null) {
                // up to date, but a build killed earlier may have left a temporary file beside its editions
                AtomicOutput.removeStaleTemporaries(options.output.resolve(cached.id()));
                return new Outcome(cached, List.of(), 0, false);
            }
        } catch (IOException e) {
            // parse() reports the unreadable file
        }
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException e) {
            return new Outcome(null, List.of(e.diagnostic()), 0, true);
        }
        // Fewer documents than workers (a single letter): validation and the editions of this document share the
        // cores, the editions rendered in memory while validation runs and thrown away if it fails.
        boolean spare = documents < options.jobs;
        List<Edition> applicable = chosen.stream().filter(e -> e.appliesTo(doc.node())).toList();
        java.util.concurrent.CompletableFuture<List<Diagnostic>> validation = spare
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> validateAfterModel(toolkit, doc, applicable))
                : java.util.concurrent.CompletableFuture.completedFuture(toolkit.validate(doc));
        // The longest edition (the PDF) starts first, so that it does not start last on a busy CPU.
        List<Edition> longestFirst = applicable.stream()
                .sorted(java.util.Comparator.comparing(e -> e.kind() != org.teiedition.editions.OutputKind.PDF)).toList();
        java.util.function.Supplier<List<Rendered>> renderAll = () -> {
            List<Rendered> done = Parallel.map(longestFirst, spare ? options.jobs : 1, e -> render(toolkit, doc, e));
            return applicable.stream().map(e -> done.get(longestFirst.indexOf(e))).toList();
        };
        List<Rendered> rendered = spare ? renderAll.get() : null;
        List<Diagnostic> diagnostics = new ArrayList<>(validation.join());
        // An invalid document is not built; the summary line says so once, so that each problem is one line.
        if (!options.noValidate && diagnostics.stream().anyMatch(Diagnostic::isError)) return new Outcome(null, diagnostics, 0, true);
        if (options.noValidate) diagnostics.removeIf(Diagnostic::isError);
        Path dir = options.output.resolve(doc.name());
        // Everything is rendered before anything is written: a failing edition leaves no mix of old and new files.
        if (rendered == null) rendered = renderAll.get();
        chosen = applicable;
        for (Rendered r : rendered) {
            diagnostics.addAll(r.warnings());
            if (r.failure() != null) {
                diagnostics.add(Diagnostic.error(file.toString(), 0, 0,
                        "the " + r.edition().name() + " edition failed: " + message(r.failure()), null, "build"));
                return new Outcome(null, diagnostics, 0, true);
            }
        }
        int written = 0;
        try {
            AtomicOutput.removeStaleTemporaries(dir);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(dir.toString(), "cannot clean temporary files: " + e.getMessage()));
        }
        for (int i = 0; i < chosen.size(); i++) {
            try {
                AtomicOutput.write(dir.resolve(chosen.get(i).fileName()), rendered.get(i).bytes());
                written++;
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(dir.resolve(chosen.get(i).fileName()).toString(), "cannot write: " + e.getMessage()));
            }
        }
        // The corpus pages need only this small record: the tree is dropped when this method returns.
        Summary summary = null;
        if (written == chosen.size()) {
            try {
                summary = corpus ? Summaries.of(toolkit.xslt(), doc, key, chosen) : Summary.keyOnly(doc.name(), key);
                cache.store(summary);
            } catch (IOException | RuntimeException e) {
                diagnostics.add(Diagnostic.error(file.toString(), "cannot summarise for the corpus pages: " + message(e)));
            }
        }
        return new Outcome(summary, diagnostics, written, true);
    }

    /**
     * A single letter's validation, beside its editions: the PDF's chain (compile the shared model, build it, two
     * layouts) is the build's length, so validation, which nothing needs before the files are written, starts once
     * the model is compiled instead of taking the cores from that compilation (measured: about 0.15-0.2 s of a cold
     * build of the letter).
     */
    private static List<Diagnostic> validateAfterModel(Toolkit toolkit, SourceDocument doc, List<Edition> editions) {
        if (editions.stream().anyMatch(e -> e.view() != org.teiedition.editions.View.SOURCE)) {
            try {
                toolkit.xslt().get(org.teiedition.editions.EditionRenderer.MODEL);
            } catch (RuntimeException e) {
                // a model that does not compile is the editions' error to report; validation goes on
            }
        }
        return toolkit.validate(doc);
    }

    /** An edition in memory, with what its renderer could not set as asked (the PDF's FOP warnings). */
    record Rendered(Edition edition, byte[] bytes, Exception failure, List<Diagnostic> warnings) {
    }

    private Rendered render(Toolkit toolkit, SourceDocument doc, Edition edition) {
        List<Diagnostic> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            return new Rendered(edition, toolkit.renderer().render(doc, edition, options.witness, corpus, warnings::add), null, warnings);
        } catch (Exception e) {
            return new Rendered(edition, null, e, warnings);
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ").trim();
    }
}
