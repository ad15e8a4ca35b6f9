package org.teiedition.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.XsltExecutable;
import org.teiedition.Toolkit;
import org.teiedition.cli.Main;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;

/**
 * {@code mvn -Pbench package}: one run, one table in target/bench.md. (a) the Kennedy letter in a cold process
 * (validate + all editions); (b) corpus throughput per edition, 1 thread and all cores; (c) the floor, a Saxon
 * identity transform of the same parsed trees in the same JVM, so every figure is also a ratio to it; (d) peak heap;
 * (e) a one-document rebuild in serve; (f) scaling: time and heap of every edition against document size
 * ({@link Scaling}); (g) a folder of 500 letters, cold; (h) the large documents of ../shared/large, cold. Short by design: the machine is shared. The system property
 * {@code bench.parts} selects parts: a comma-separated subset of {@code cold,corpus,serve,scale,folder,large} (default: all).
 */
public final class Benchmark {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path WORK = ROOT.resolve("target/bench");
    static final String IDENTITY = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:output method="xml" encoding="UTF-8"/>
              <xsl:mode on-no-match="shallow-copy"/>
            </xsl:stylesheet>""";

    private Benchmark() {
    }

    static boolean part(String name) {
        String parts = System.getProperty("bench.parts", "");
        return parts.isBlank() || parts.equals("all") || List.of(parts.split(",")).contains(name);
    }

    static final List<String> PARTS = List.of("cold", "corpus", "serve", "scale", "folder", "large");

    public static void main(String[] args) throws Exception {
        String parts = System.getProperty("bench.parts", "");
        for (String p : parts.split(",")) {
            if (!parts.isBlank() && !parts.equals("all") && !PARTS.contains(p)) {
                throw new IllegalArgumentException("bench.parts: unknown part '" + p + "' (parts: " + PARTS + ")");
            }
        }
        Files.createDirectories(WORK);
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder("# tei-edition benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (nproc), Java %s (%s), load average at start %.1f. "
                        + "Wall-clock times; the machine may be shared, so compare the ratios.%n%n", cores,
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        Path jar = ROOT.resolve("target/tei-edition.jar");
        if (part("cold")) coldProcess(md, jar);
        List<Path> files = corpus();
        if (part("corpus")) throughput(md, files, cores);
        if (part("serve")) serve(md, files);
        if (part("scale")) md.append(Scaling.documents(WORK));
        if (part("folder")) md.append(Scaling.folder(WORK, jar));
        if (part("large")) coldLarge(md, jar);
        memory(md);
        Files.writeString(ROOT.resolve("target/bench.md"), md);
        System.out.println(md);
    }

    static void coldProcess(StringBuilder md, Path jar) throws Exception {
        // (a) cold process
        Path kennedy = ROOT.resolve("tei/kennedy-to-khrushchev-1962-10-27.xml");
        List<Double> cold = new ArrayList<>();
        List<Double> coldThree = new ArrayList<>();
        List<Double> coldFloor = new ArrayList<>();
        coldBuild(jar, kennedy, WORK.resolve("cold-warmup")); // the launcher's first run makes its class-data archive
        for (int i = 0; i < 5; i++) { // interleaved, so that a busy moment of the machine hits all alike
            cold.add(coldBuild(jar, kennedy, WORK.resolve("cold-" + i)));
            coldThree.add(coldBuild(jar, kennedy, WORK.resolve("cold3-" + i), "-e", "reading,diplomatic,print"));
            coldFloor.add(coldIdentity(jar, kennedy));
        }
        md.append("## (a) Kennedy letter, cold process\n\nA new JVM each time, through the launcher, 5 runs each, "
                + "interleaved:\n\n- `./tei-edition build -e reading,diplomatic,print FILE` (validate + the three editions): ")
                .append(ms(coldThree)).append(String.format(Locale.ROOT, "; median **%.2f s** (target < 3 s)%n",
                        median(coldThree) / 1000))
                .append("- `./tei-edition build FILE` (validate + all four editions, parallel included): ").append(ms(cold))
                .append(String.format(Locale.ROOT, "; median **%.2f s**%n", median(cold) / 1000))
                .append("- the floor of a cold process: a new JVM (the launcher's options) running Saxon's command line, an "
                        + "identity transform of the letter: ").append(ms(coldFloor))
                .append(String.format(Locale.ROOT, "; median **%.2f s**; the three editions take **%.1f×** that, which "
                        + "drifts less than seconds when the machine is busier%n%n", median(coldFloor) / 1000,
                        median(coldThree) / median(coldFloor)));
    }

    /**
     * (h) Each whole document of ../shared/large, cold, all default editions, through the launcher (which picks the
     * JVM for the input's size), against a cold identity transform of the same file; the targets are the issue's.
     */
    static void coldLarge(StringBuilder md, Path jar) throws Exception {
        Path large = ROOT.resolve("../shared/large");
        if (!Files.isDirectory(large)) {
            md.append("## (h) Large documents, cold\n\nskipped: ../shared/large is absent\n\n");
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(large, 2)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        md.append("## (h) Large documents, cold\n\nA new JVM each time, through the launcher, all default editions "
                + "(`./tei-edition build --no-validate FILE`: these files are not valid against the project's schema), "
                + "3 runs each, interleaved with the cold identity transform of the same file; medians:\n\n"
                + "| document | size | build | identity | ratio |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (Path f : files) {
            List<Double> build = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                build.add(coldBuild(jar, f, WORK.resolve("large-" + i), "--no-validate"));
                floor.add(coldIdentity(jar, f));
            }
            md.append(String.format(Locale.ROOT, "| `%s` | %.2f MB | %s; **%.1f s** | %.1f s | %.1f× |%n",
                    f.getFileName(), Files.size(f) / 1e6, ms(build), median(build) / 1000, median(floor) / 1000,
                    median(build) / median(floor)));
        }
        md.append("\nTargets: all editions of the FRUS volume < 30 s, of the PTA text < 15 s.\n\n");
    }

    static long liveWithTrees;
    static int parsed;

    static void throughput(StringBuilder md, List<Path> files, int cores) throws Exception {
        // (b), (c) corpus throughput against the identity floor
        Toolkit toolkit = new Toolkit();
        List<SourceDocument> docs = new ArrayList<>();
        for (Path f : files) docs.add(toolkit.parse(f));
        liveWithTrees = liveHeap();
        parsed = docs.size();
        XsltExecutable identity = toolkit.xslt().processor().newXsltCompiler()
                .compile(new StreamSource(new StringReader(IDENTITY)));
        md.append("## (b, c) Corpus throughput, documents per second (parsed trees, same JVM)\n\n")
                .append(files.size()).append(" documents (").append(corpusName(files)).append("). Floor: a Saxon identity "
                        + "transform of the same trees, serialized. Ratio = time of the edition / time of the floor.\n\n")
                .append("| edition | 1 thread: docs/s | floor docs/s | ratio | ").append(cores)
                .append(" threads: docs/s | floor docs/s | ratio | failed |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        int[] threads = {1, cores};
        Work floorWork = d -> transform(identity, d);
        List<String> rows = new ArrayList<>();
        for (Edition e : Editions.ALL) {
            long applies = docs.stream().filter(d -> e.appliesTo(d.node())).count();
            if (applies < docs.size()) { // a ratio to the floor of other documents would mean nothing
                rows.add(String.format(Locale.ROOT, "| %s | applies to %d of %d documents: not timed | | | | | | |%n",
                        e.name(), applies, docs.size()));
                continue;
            }
            // a fresh wrapper of the same parsed tree each time: the edition's model view is made again, as in a build
            // (a SourceDocument keeps the views made from it)
            Work editionWork = d -> toolkit.renderer().render(new SourceDocument(d.path(), d.name(), d.node()), e, null);
            Steady[] r = new Steady[2];
            for (int t = 0; t < 2; t++) r[t] = steady(docs, threads[t], editionWork, floorWork);
            rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | **%.2f** (%s) | %.1f | %.1f | %.2f (%s) | %d |%n",
                    e.name(), docs.size() / r[0].edition, docs.size() / r[0].floor, r[0].ratio, r[0].range(),
                    docs.size() / r[1].edition, docs.size() / r[1].floor, r[1].ratio, r[1].range(), r[0].failed));
        }
        rows.forEach(md::append);
        md.append("\nRatios: median of ").append(ROUNDS).append(" rounds, each timing the floor and then the edition "
                + "back to back, after a warm-up of both (at least ").append((int) WARM_UP_SECONDS).append(" s, until the "
                + "edition's time per pass varies by less than 5% over three runs, at most ").append((int) MAX_WARM_UP_SECONDS)
                .append(" s); in brackets the lowest and highest round. Floor docs/s: the floor as timed against that "
                + "edition.\n");
        docs.clear();
    }

    static void serve(StringBuilder md, List<Path> files) throws Exception {
        // (e) serve: one-document rebuild
        md.append("\n## (e) serve: rebuild after editing one document (reading + diplomatic + corpus pages)\n\n");
        List<Long> rebuilds = serveRebuilds(files);
        md.append("Five edits (a paragraph added each time), as logged by serve (`rebuilt in N ms (process CPU M ms)`): "
                        + "wall ").append(rebuilds).append(" ms, median of the last three (warm) **")
                .append(median(rebuilds.subList(2, 5).stream().map(Long::doubleValue).toList()).longValue())
                .append(" ms**; process CPU ").append(cpuTimes).append(" ms, median of the last three **")
                .append(median(cpuTimes.subList(2, 5).stream().map(Long::doubleValue).toList()).longValue())
                .append(" ms** (target < 300 ms; change detection adds up to 200 ms of polling).\n\n");
    }

    static void memory(StringBuilder md) {
        if (!part("corpus")) return; // the figures below are those of the corpus runs
        // (d) peak memory
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        md.append(String.format(Locale.ROOT, "## (d) Memory%n%nPeak heap of this JVM (all corpus trees parsed at once "
                        + "for the throughput runs, -Xmx%d MB; the sum of the heap pools' peaks, garbage included, so "
                        + "it follows the collector's sizing): **%d MB**. Live heap with the %d trees parsed, after a full "
                        + "collection: **%d MB**.%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20, parsed, liveWithTrees >> 20));
    }

    record Result(double seconds, int failed) {
    }

    static final int ROUNDS = 7;
    static final double WARM_UP_SECONDS = 10;
    static final double MAX_WARM_UP_SECONDS = 40;

    /** Seconds per pass of the edition and of the floor (medians), and the median of the per-round ratios. */
    record Steady(double edition, double floor, double ratio, double low, double high, int failed) {
        String range() {
            return String.format(Locale.ROOT, "%.2f–%.2f", low, high);
        }
    }

    /**
     * The edition against the floor at steady state: both warmed up together, then timed in alternating rounds
     * (floor, edition, floor, edition...), so that a busy moment of a shared machine falls on both and cancels
     * out of the round's ratio.
     */
    static Steady steady(List<SourceDocument> docs, int threads, Work edition, Work floor) throws Exception {
        // Warm up both until the edition's time per pass has settled: the last three runs (of at least a second
        // each) within 5% of one another, after WARM_UP_SECONDS and at most MAX_WARM_UP_SECONDS.
        long start = System.nanoTime();
        List<Double> recent = new ArrayList<>();
        while (true) {
            run(docs, threads, floor);
            recent.add(run(docs, threads, edition).seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed > MAX_WARM_UP_SECONDS) break;
            if (elapsed < WARM_UP_SECONDS || recent.size() < 3) continue;
            List<Double> last = recent.subList(recent.size() - 3, recent.size());
            double lo = last.stream().min(Double::compare).orElseThrow();
            double hi = last.stream().max(Double::compare).orElseThrow();
            if (hi / lo < 1.05) break;
        }
        List<Double> e = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Result fr = run(docs, threads, floor);
            Result er = run(docs, threads, edition);
            f.add(fr.seconds);
            e.add(er.seconds);
            ratios.add(er.seconds / fr.seconds);
            failed = er.failed;
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        return new Steady(median(e), median(f), median(ratios), sorted.get(0), sorted.get(sorted.size() - 1), failed);
    }

    interface Work {
        Object apply(SourceDocument d) throws Exception;
    }

    /** Passes over all documents until at least a second has gone by; seconds per pass. */
    /** Heap in use after a full collection (System.gc() is a request: take the lowest of three). */
    static long liveHeap() throws InterruptedException {
        long least = Long.MAX_VALUE;
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least;
    }

    static Result run(List<SourceDocument> docs, int threads, Work work) throws Exception {
        double total = 0;
        int passes = 0;
        int failed = 0;
        while (total < 1.0 || passes == 0) {
            Result r = pass(docs, threads, work);
            total += r.seconds;
            failed = r.failed;
            passes++;
        }
        return new Result(total / passes, failed);
    }

    static Result pass(List<SourceDocument> docs, int threads, Work work) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (SourceDocument d : docs) {
                fs.add(pool.submit(() -> {
                    try {
                        work.apply(d);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
        }
        return new Result((System.nanoTime() - t0) / 1e9, failed.get());
    }

    static byte[] transform(XsltExecutable identity, SourceDocument d) throws Exception {
        var t = identity.load30();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.applyTemplates(d.node(), t.newSerializer(out));
        return out.toByteArray();
    }

    /** A new JVM with the launcher's options: Saxon's own command line, an identity transform of {@code file}. */
    static double coldIdentity(Path jar, Path file) throws Exception {
        Path xsl = WORK.resolve("identity.xsl");
        if (!Files.exists(xsl)) Files.writeString(xsl, IDENTITY);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", jar.toString(), "net.sf.saxon.Transform",
                "-s:" + file, "-xsl:" + xsl, "-o:" + WORK.resolve("identity-out.xml"));
        return timed(command, "identity transform");
    }

    static double coldBuild(Path jar, Path file, Path out, String... options) throws Exception {
        deleteTree(out); // a fresh output folder: nothing is up to date
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("tei-edition").toString(), "build", "-o", out.toString()));
        command.addAll(List.of(options));
        command.add(file.toString());
        // through the README's launcher, as a user runs it (its JVM options and class-data-sharing archive)
        return timed(command, "cold build");
    }

    /** Wall milliseconds of a process; its output goes to WORK/cold.log, shown if it fails. */
    static double timed(List<String> command, String what) throws Exception {
        Path log = WORK.resolve("cold.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) throw new IllegalStateException(what + " failed: " + Files.readString(log));
        return ms;
    }

    /** The shared letter corpora when present (../shared/corpora), else 50 generated letters. */
    static List<Path> corpus() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String c : List.of("schnitzler-briefe", "correspdesc-examples")) {
            Path dir = ROOT.resolve("../shared/corpora").resolve(c);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
                }
            }
        }
        if (!files.isEmpty()) return files;
        String letter = Files.readString(ROOT.resolve("src/test/resources/fixtures/small-letter.xml"));
        Path gen = Files.createDirectories(WORK.resolve("generated"));
        for (int i = 0; i < 50; i++) {
            Path f = gen.resolve(String.format(Locale.ROOT, "letter-%03d.xml", i));
            Files.writeString(f, letter.replace("1900-01-02", String.format(Locale.ROOT, "1900-%02d-02", 1 + i % 12)));
            files.add(f);
        }
        return files;
    }

    static String corpusName(List<Path> files) {
        return files.get(0).toString().contains("shared") ? "../shared/corpora: schnitzler-briefe + correspdesc-examples"
                : "generated";
    }

    /** Runs serve in this JVM on a copy of the corpus, edits one letter three times, reads the logged rebuild times. */
    static final List<Long> cpuTimes = new ArrayList<>();

    static List<Long> serveRebuilds(List<Path> files) throws Exception {
        Path src = WORK.resolve("serve-src");
        Path out = WORK.resolve("serve-out");
        deleteTree(src);
        deleteTree(out);
        Files.createDirectories(src);
        for (Path f : files) Files.copy(f, src.resolve(f.getFileName()));
        StringWriter log = new StringWriter();
        Thread serve = new Thread(() -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(log, true), "serve",
                "--port", "0", "--stop-after", "600", "--no-validate", "-e", "reading,diplomatic", "-o", out.toString(),
                src.toString()));
        serve.start();
        List<Long> times = new ArrayList<>();
        cpuTimes.clear();
        try {
            waitFor(log, Pattern.compile("serving "), 0);
            Path edited = src.resolve(files.get(0).getFileName());
            for (int i = 1; i <= 5; i++) {
                Files.writeString(edited, Files.readString(edited).replace("</body>", "<p>edit " + i + "</p></body>"));
                String[] wallCpu = waitFor(log, Pattern.compile("rebuilt in (\\d+ ms \\(process CPU \\d+) ms\\)"), i - 1)
                        .split(" ms \\(process CPU ");
                times.add(Long.parseLong(wallCpu[0]));
                cpuTimes.add(Long.parseLong(wallCpu[1]));
            }
        } finally {
            serve.interrupt();
            serve.join(30_000);
        }
        return times;
    }

    /** The first group of the (skip+1)-th match of p in the log, waiting up to 10 minutes. */
    static String waitFor(StringWriter log, Pattern p, int skip) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            Matcher m = p.matcher(log.toString());
            int n = 0;
            while (m.find()) {
                if (n++ == skip) return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + p + " in:\n" + log);
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static Double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    static String ms(List<Double> xs) {
        return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.2f s", x / 1000)).toList());
    }
}
