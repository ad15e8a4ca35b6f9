package org.teiedition.bench;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.XsltExecutable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;

/**
 * One document of the scaling benchmark, in a JVM of its own (started by {@link Scaling} with a heap cap), so that
 * its heap figures are its own and a failure cannot spoil the other documents. Arguments: the file, the editions
 * (comma-separated), the warm-up in seconds. For each edition that applies to the document it prints one line
 * {@code RESULT edition seconds floorSeconds ratio low high pages heapMB} (tab-separated), or
 * {@code FAILED edition message}.
 *
 * <p>A pass is what a build does with the file: parse it, then render the edition ({@code Toolkit},
 * {@code EditionRenderer.render}); the floor's pass parses it the same way, then runs a Saxon identity transform and
 * serializes it. Both are warmed up together, then timed in alternating rounds, so that a busy moment of the shared
 * machine falls on both; the ratio is the median of the rounds' ratios.
 *
 * <p>Heap: after the timing, one more pass of each edition while another thread asks for a full collection every
 * few milliseconds and reads the heap in use right after it; the largest reading, minus the heap in use before the
 * pass, is the peak live heap of that edition for this document (what a heap cap must leave room for; the garbage
 * the collector would have let pile up is not counted).
 */
public final class ScaleProbe {
    static final double MIN_RUN_SECONDS = 0.5;
    static final double SLOW_PASS_SECONDS = 5;

    private ScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double warmUp = Double.parseDouble(args[2]);
        Toolkit toolkit = new Toolkit();
        XsltExecutable identity = toolkit.xslt().processor().newXsltCompiler()
                .compile(new StreamSource(new StringReader(Benchmark.IDENTITY)));
        SourceDocument first = toolkit.parse(file);
        List<Edition> editions = new ArrayList<>();
        for (String name : args[1].split(",")) {
            Edition e = Editions.byName(name).orElseThrow();
            if (e.appliesTo(first.node())) editions.add(e);
        }
        Pass floor = () -> Benchmark.transform(identity, toolkit.parse(file)).length;
        List<Pass> passes = new ArrayList<>();
        int[] pages = new int[editions.size()];
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            int slot = i;
            passes.add(() -> {
                byte[] out = toolkit.renderer().render(toolkit.parse(file), e, null);
                if (e.name().equals("print")) {
                    try (PDDocument pdf = Loader.loadPDF(out)) {
                        pages[slot] = pdf.getNumberOfPages();
                    }
                }
                return out.length;
            });
        }
        boolean[] failed = new boolean[editions.size()];
        double[] single = new double[editions.size()];
        // warm-up: every edition and the floor in turn (the first pass also compiles the stylesheets), until the time
        // is up and each ran three times; an edition whose pass is slow stops after two (its pass warms itself up)
        long start = System.nanoTime();
        for (int round = 0; ; round++) {
            boolean more = false;
            for (int i = 0; i < editions.size(); i++) {
                if (failed[i] || (round > 1 && single[i] > SLOW_PASS_SECONDS)) continue;
                floor.run();
                try {
                    single[i] = time(passes.get(i));
                } catch (Exception | OutOfMemoryError x) {
                    failed[i] = true;
                    System.out.println("FAILED\t" + editions.get(i).name() + "\t" + x);
                }
                more = true;
            }
            if (!more || (round >= 2 && (System.nanoTime() - start) / 1e9 > warmUp)) break;
        }
        for (int i = 0; i < editions.size(); i++) {
            if (failed[i]) continue;
            int rounds = single[i] > SLOW_PASS_SECONDS ? 1 : 3;
            List<Double> e = new ArrayList<>();
            List<Double> f = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double fs = run(floor);
                double es = run(passes.get(i));
                f.add(fs);
                e.add(es);
                ratios.add(es / fs);
            }
            long heap = peakLiveHeap(passes.get(i));
            List<Double> sorted = ratios.stream().sorted().toList();
            System.out.println(String.join("\t", "RESULT", editions.get(i).name(), fmt(Benchmark.median(e)),
                    fmt(Benchmark.median(f)), fmt(Benchmark.median(ratios)), fmt(sorted.get(0)),
                    fmt(sorted.get(sorted.size() - 1)), Integer.toString(pages[i]), String.format(Locale.ROOT, "%.1f", heap / 1048576.0)));
        }
    }

    interface Pass {
        int run() throws Exception;
    }

    static double time(Pass p) throws Exception {
        long t0 = System.nanoTime();
        p.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds per pass: passes until at least {@link #MIN_RUN_SECONDS} have gone by. */
    static double run(Pass p) throws Exception {
        double total = 0;
        int n = 0;
        while (total < MIN_RUN_SECONDS || n == 0) {
            total += time(p);
            n++;
        }
        return total / n;
    }

    /** The largest heap in use right after a full collection during a pass, minus the heap in use before it. */
    static long peakLiveHeap(Pass p) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                long t0 = System.nanoTime();
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long gcMillis = (System.nanoTime() - t0) / 1_000_000;
                try {
                    Thread.sleep(Math.max(20, 2 * gcMillis)); // the pass keeps at least two thirds of the time
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            p.run();
        } finally {
            done.set(true);
            sampler.join();
        }
        return Math.max(0, peak.get() - before);
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
