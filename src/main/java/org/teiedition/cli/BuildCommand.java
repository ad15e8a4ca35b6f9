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
import org.teiedition.site.IndexPage;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Validate TEI documents and write their editions to OUT/<document>/ "
                + "(reading.html, diplomatic.html, print.pdf); a folder also gets OUT/index.html.")
final class BuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", description = "Documents or folders of documents (default: tei/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output folder (default: out/).")
    Path output = Path.of("out");

    @Option(names = {"-e", "--edition"}, split = ",", paramLabel = "NAME",
            description = "Editions to build, comma-separated (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = EditionNames.class)
    List<String> editions = new ArrayList<>();

    @Option(names = "--witness", paramLabel = "SIGLUM",
            description = "Witness shown by the diplomatic edition (default: the copy-text).")
    String witness;

    @Option(names = "--no-validate", description = "Build even documents that do not validate.")
    boolean noValidate;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parallel workers (default: all cores).")
    int jobs = Parallel.defaultJobs();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class EditionNames extends ArrayList<String> {
        EditionNames() {
            super(Editions.names());
        }
    }

    record Outcome(SourceDocument doc, List<Diagnostic> diagnostics, int written) {
        boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        List<Edition> chosen = chooseEditions();
        long start = System.nanoTime();
        Inputs.Collected in = Inputs.collect(inputs.isEmpty() ? List.of(Path.of("tei")) : inputs, output);
        Toolkit toolkit = new Toolkit();
        Progress progress = new Progress(err, in.files().size());
        java.util.Map<Path, Diagnostic> clashes = nameClashes(in.files());
        List<Outcome> outcomes = Parallel.map(in.files(), jobs, file -> {
            Outcome o = clashes.containsKey(file) ? new Outcome(null, List.of(clashes.get(file)), 0)
                    : buildOne(toolkit, file, chosen);
            progress.finished(file.toString(), !o.failed());
            return o;
        });

        List<Diagnostic> all = new ArrayList<>(in.problems());
        outcomes.forEach(o -> all.addAll(o.diagnostics()));
        if (in.anyDirectory() || in.files().size() > 1) {
            List<SourceDocument> built = outcomes.stream().filter(o -> o.written() > 0).map(Outcome::doc).toList();
            try {
                AtomicOutput.removeStaleTemporaries(output);
                AtomicOutput.write(output.resolve("index.html"), IndexPage.render(toolkit.xslt(), built, chosen));
            } catch (IOException | RuntimeException e) {
                all.add(Diagnostic.error(output.resolve("index.html").toString(), "cannot write the index: " + e.getMessage()));
            }
        }
        all.forEach(d -> err.println(d.format()));
        long failed = outcomes.stream().filter(Outcome::failed).count() + in.problems().size();
        int files = outcomes.stream().mapToInt(Outcome::written).sum();
        err.printf("built %d file%s from %d of %d document%s into %s in %.1f s%s%n", files, files == 1 ? "" : "s",
                outcomes.size() - outcomes.stream().filter(Outcome::failed).count(), outcomes.size(),
                outcomes.size() == 1 ? "" : "s", output, (System.nanoTime() - start) / 1e9,
                failed == 0 ? "" : "; " + failed + " failed, not built" + (noValidate ? "" : " (--no-validate builds invalid documents anyway)"));
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

    private List<Edition> chooseEditions() {
        if (editions.isEmpty()) return Editions.ALL;
        List<Edition> list = new ArrayList<>();
        for (String name : editions) {
            list.add(Editions.byName(name.trim()).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "unknown edition '" + name + "'; known: " + String.join(", ", Editions.names()))));
        }
        return list;
    }

    /** Parse once, validate, then render every edition from the same tree; nothing is written for a bad document. */
    private Outcome buildOne(Toolkit toolkit, Path file, List<Edition> chosen) {
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException e) {
            return new Outcome(null, List.of(e.diagnostic()), 0);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(toolkit.validate(doc));
        // An invalid document is not built; the summary line says so once, so that each problem is one line.
        if (!noValidate && diagnostics.stream().anyMatch(Diagnostic::isError)) return new Outcome(doc, diagnostics, 0);
        if (noValidate) diagnostics.removeIf(Diagnostic::isError);
        Path dir = output.resolve(doc.name());
        // Render everything first, then write: a document whose print edition fails leaves no mix of old and new.
        List<byte[]> rendered = new ArrayList<>();
        chosen = chosen.stream().filter(e -> e.appliesTo(doc.node())).toList();
        for (Edition edition : chosen) {
            try {
                rendered.add(toolkit.renderer().render(doc, edition, witness));
            } catch (Exception e) {
                diagnostics.add(Diagnostic.error(file.toString(), 0, 0,
                        "the " + edition.name() + " edition failed: " + message(e), null, "build"));
                return new Outcome(doc, diagnostics, 0);
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
                AtomicOutput.write(dir.resolve(chosen.get(i).fileName()), rendered.get(i));
                written++;
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(dir.resolve(chosen.get(i).fileName()).toString(), "cannot write: " + e.getMessage()));
            }
        }
        return new Outcome(doc, diagnostics, written);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ").trim();
    }
}
