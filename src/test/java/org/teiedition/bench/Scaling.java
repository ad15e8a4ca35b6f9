package org.teiedition.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The scaling benchmark (issue 15): generated documents of the three workloads ({@link TeiGenerator}) at sizes
 * spanning at least 100×, and the files of ../shared/large/, each measured in a JVM of its own ({@link ScaleProbe})
 * with the heap capped at 1 GB; then the folder case, a build of 500 small letters in a new JVM against a new JVM
 * running Saxon's identity transform of the folder.
 *
 * <p>System properties: {@code bench.sizes} (default {@code 50k,500k,5m}; {@code 15m} can be added),
 * {@code bench.kinds} (default all: {@code apparatus,volume,prose}), {@code bench.large} (default true: the files of
 * ../shared/large/), {@code bench.editions} (default {@code reading,diplomatic,print,parallel}),
 * {@code bench.warmup} (seconds per document, default 6), {@code bench.timeout} (seconds per document, default 300),
 * {@code bench.max.print} and {@code bench.max.parallel} (the largest input those editions are run on, default
 * {@code 100k}: on the 500 KB documents a pass takes tens of seconds to minutes, more than the run's budget of about
 * ten minutes), {@code bench.letters} (default 500).
 * Through Maven, {@code -Dbench.parts} is passed on; the others through {@code JAVA_TOOL_OPTIONS}.
 */
final class Scaling {
    static final int WITNESSES = 24;

    private Scaling() {
    }

    static String documents(Path work) throws Exception {
        Path dir = Files.createDirectories(work.resolve("scale"));
        Map<Path, String> inputs = new LinkedHashMap<>();
        for (String kind : System.getProperty("bench.kinds", "apparatus,volume,prose").split(",")) {
            TeiGenerator.Kind k = TeiGenerator.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            for (String size : System.getProperty("bench.sizes", "50k,500k,5m").split(",")) {
                Path f = dir.resolve(kind.trim() + "-" + size.trim() + ".xml");
                String xml = TeiGenerator.generate(k, bytes(size.trim()), WITNESSES);
                Files.writeString(f, xml, StandardCharsets.UTF_8);
                inputs.put(f, k.label + (k == TeiGenerator.Kind.APPARATUS ? " (" + WITNESSES + " witnesses)" : ""));
            }
        }
        if (Boolean.parseBoolean(System.getProperty("bench.large", "true"))) {
            Path large = Benchmark.ROOT.resolve("../shared/large");
            if (Files.isDirectory(large)) {
                try (Stream<Path> s = Files.walk(large)) {
                    s.filter(p -> p.toString().endsWith(".xml")).sorted()
                            .forEach(p -> inputs.put(p, "../shared/large/" + p.getParent().getFileName()));
                }
            }
        }
        String editions = System.getProperty("bench.editions", "reading,diplomatic,print,parallel");
        String warmUp = System.getProperty("bench.warmup", "6");
        long timeout = Long.parseLong(System.getProperty("bench.timeout", "300"));
        Map<String, Integer> maxSize = Map.of("print", bytes(System.getProperty("bench.max.print", "100k")),
                "parallel", bytes(System.getProperty("bench.max.parallel", "100k")));

        StringBuilder md = new StringBuilder("## (f) Scaling: time and heap against document size\n\n");
        md.append("Each document in a new JVM (`-Xmx1g`), through the public API (`Toolkit.parse`, `EditionRenderer.render`). "
                + "A pass is what a build does with the file: parse, then render the edition; the floor parses the file "
                + "the same way, runs a Saxon identity transform and serializes it. **ratio** = edition / floor at steady "
                + "state: both warmed up together (").append(warmUp).append(" s per document), then three rounds timed "
                + "back to back (one round when a pass takes more than ").append((int) ScaleProbe.SLOW_PASS_SECONDS)
                .append(" s), median of the rounds' ratios, lowest–highest in brackets. **s/MB**: seconds per pass per MB "
                        + "of input. **heap**: peak live heap of one pass, MB: another thread forces a full collection "
                        + "every few ms during the pass and reads the heap in use right after it; the largest reading "
                        + "minus the heap in use before the pass (garbage not counted, the document's tree included). "
                        + "**pages**/**s/page**: the PDF's page count (PDFBox) and time per page.\n\n")
                .append("| document | size | edition | s/MB | floor s/MB | ratio | heap MB | pages | s/page |\n")
                .append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<Path, String> in : inputs.entrySet()) {
            Path f = in.getKey();
            double mb = Files.size(f) / 1e6;
            List<String> run = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (String e : editions.split(",")) {
                (Files.size(f) > maxSize.getOrDefault(e, Integer.MAX_VALUE) ? skipped : run).add(e);
            }
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Xss8m", "-Djava.awt.headless=true",
                    "-Dpdfbox.fontcache=" + Benchmark.ROOT.resolve("target"),
                    "-cp", System.getProperty("java.class.path"), ScaleProbe.class.getName(), f.toString(), String.join(",", run), warmUp);
            Path log = work.resolve("probe.log");
            System.out.printf(Locale.ROOT, "scaling: %s (%.2f MB)%n", f.getFileName(), mb);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(timeout, TimeUnit.SECONDS);
            if (!finished) p.destroyForcibly().waitFor();
            List<String> lines = Files.readAllLines(log);
            String name = in.getValue() + " `" + f.getFileName() + "`";
            boolean any = false;
            for (String line : lines) {
                String[] c = line.split("\t");
                if (c[0].equals("RESULT")) {
                    any = true;
                    double s = Double.parseDouble(c[2]);
                    double floor = Double.parseDouble(c[3]);
                    int pages = Integer.parseInt(c[7]);
                    md.append(String.format(Locale.ROOT, "| %s | %.2f MB | %s | %.2f | %.2f | **%.2f** (%.2f–%.2f) | %s | %s | %s |%n",
                            name, mb, c[1], s / mb, floor / mb, Double.parseDouble(c[4]), Double.parseDouble(c[5]),
                            Double.parseDouble(c[6]), c[8], pages > 0 ? pages : "", pages > 0
                                    ? String.format(Locale.ROOT, "%.3f", s / pages) : ""));
                } else if (c[0].equals("FAILED")) {
                    any = true;
                    md.append(String.format(Locale.ROOT, "| %s | %.2f MB | %s | failed: %s | | | | | |%n", name, mb, c[1],
                            c.length > 2 ? c[2].replace('|', '/') : ""));
                }
            }
            boolean witnesses = Files.readString(f).contains("<listWit"); // parallel applies (roughly: two or more)
            for (String e : skipped) {
                if (e.equals("parallel") && !witnesses) continue;
                md.append(String.format(Locale.ROOT, "| %s | %.2f MB | %s | not run (larger than bench.max.%s) | | | | | |%n",
                        name, mb, e, e));
            }
            if (!finished) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f MB | (the rest) | timed out after %d s | | | | | |%n",
                        name, mb, timeout));
            } else if (!any) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f MB | | probe failed: %s | | | | | |%n", name, mb,
                        String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).replace('|', '/')));
            }
        }
        return md.toString();
    }

    static int bytes(String size) {
        String s = size.toLowerCase(Locale.ROOT);
        double n = Double.parseDouble(s.replaceAll("[km]$", ""));
        return (int) (n * (s.endsWith("m") ? 1_000_000 : s.endsWith("k") ? 1_000 : 1));
    }

    /**
     * A folder of small letters (the fixture letter with its dates varied), built cold with {@code -e
     * reading,diplomatic} by a new JVM running the jar, against a new JVM running Saxon's command line on the folder
     * (an identity transform of every file). Three runs of each, interleaved.
     */
    static String folder(Path work, Path jar) throws Exception {
        int n = Integer.getInteger("bench.letters", 500);
        Path dir = work.resolve("letters");
        Benchmark.deleteTree(dir);
        Files.createDirectories(dir);
        String letter = Files.readString(Benchmark.ROOT.resolve("src/test/resources/fixtures/small-letter.xml"));
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "letter-%04d.xml", i)), letter
                    .replace("1900-01-02", String.format(Locale.ROOT, "%d-%02d-%02d", 1900 + i / 300, 1 + i % 12, 1 + i % 28))
                    .replace("pear tree", "pear tree " + i));
        }
        Path xsl = work.resolve("identity.xsl");
        Files.writeString(xsl, Benchmark.IDENTITY);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> build = new ArrayList<>();
        List<Double> buildNoValidate = new ArrayList<>();
        List<Double> launcher = new ArrayList<>();
        List<Double> launcherNoValidate = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        // the launcher as a user runs it, with the JVM it chooses; its class-data archive, made once per jar, first
        String script = Benchmark.ROOT.resolve("tei-edition").toString();
        Benchmark.timed(List.of(script, "--version"), "the launcher");
        // Every run writes into a folder of its own, all removed at the end: a folder emptied just before a run would
        // time the file system too (ext4 skips inodes freed moments ago when it allocates new ones, a cost per file
        // created, and a build creates nine files per letter where the identity transform creates one).
        Path runs = work.resolve("letters-runs");
        Benchmark.deleteTree(runs);
        String both = "reading,diplomatic";
        try {
            for (int i = 0; i < 3; i++) {
                Path out = runs.resolve("round" + i);
                launcher.add(Benchmark.timed(List.of(script, "build", "-e", both, "-o",
                        out.resolve("launcher").toString(), dir.toString()), "folder build"));
                launcherNoValidate.add(Benchmark.timed(List.of(script, "build", "--no-validate", "-e", both,
                        "-o", out.resolve("launcher-no-validate").toString(), dir.toString()), "folder build"));
                build.add(Benchmark.timed(List.of(java, "-jar", jar.toString(), "build", "-e", both, "-o",
                        out.resolve("jar").toString(), dir.toString()), "folder build"));
                buildNoValidate.add(Benchmark.timed(List.of(java, "-jar", jar.toString(), "build", "--no-validate", "-e",
                        both, "-o", out.resolve("jar-no-validate").toString(), dir.toString()), "folder build"));
                // Saxon writes a folder's results into an existing folder
                Path id = Files.createDirectories(out.resolve("identity"));
                floor.add(Benchmark.timed(List.of(java, "-cp", jar.toString(), "net.sf.saxon.Transform", "-s:" + dir,
                        "-xsl:" + xsl, "-o:" + id), "identity transform of the folder"));
            }
        } finally {
            Benchmark.deleteTree(runs);
        }
        double f = Benchmark.median(floor);
        return String.format(Locale.ROOT, "## (g) A folder of %d letters, cold%n%nA new JVM each time (`java -jar "
                        + "target/tei-edition.jar`, no options, or the launcher), three runs of each, interleaved; medians:%n%n"
                        + "- `./tei-edition build -e reading,diplomatic DIR` (the launcher, validation included): %s; **%.2f×** the floor%n"
                        + "- `./tei-edition build --no-validate -e reading,diplomatic DIR`: %s; **%.2f×** the floor%n"
                        + "- `java -jar target/tei-edition.jar build -e reading,diplomatic DIR` (validation included): %s; **%.2f×** the floor%n"
                        + "- `java -jar target/tei-edition.jar build --no-validate -e reading,diplomatic DIR`: %s; **%.2f×** the floor%n"
                        + "- the floor, `java -cp target/tei-edition.jar net.sf.saxon.Transform -s:DIR -xsl:identity.xsl "
                        + "-o:OUT`: %s%n%n", n, Benchmark.ms(launcher), Benchmark.median(launcher) / f,
                Benchmark.ms(launcherNoValidate), Benchmark.median(launcherNoValidate) / f, Benchmark.ms(build), Benchmark.median(build) / f,
                Benchmark.ms(buildNoValidate), Benchmark.median(buildNoValidate) / f, Benchmark.ms(floor));
    }
}
