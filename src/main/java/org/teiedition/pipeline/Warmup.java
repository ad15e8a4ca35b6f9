package org.teiedition.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.editions.OutputKind;
import org.teiedition.editions.View;

/**
 * Everything the tool does only because a fresh JVM is slow to start, in one place. A cold build of one letter is
 * a chain of one-time work (compile the shared model and print.xsl, set up FOP, lay the PDF out twice) that would
 * otherwise leave the second core idle: so the toolkit is made and the model starts compiling while picocli still
 * reads the command line ({@link #begin}), and the stylesheets and schemas a build will need compile on the spare
 * cores while the first document is read and parsed, the PDF's chain first ({@link #compileAhead}). The launcher
 * adds the JVM side (a class-data archive, quick-start JIT settings for small work). Each piece is made once
 * whoever asks first, so nothing else depends on any of this.
 */
public final class Warmup {
    private static volatile CompletableFuture<Toolkit> early;

    private Warmup() {
    }

    /** From {@code main}, before the command line is parsed: starts making the toolkit for {@code build} and {@code serve}. */
    public static void begin(String command) {
        if (!command.equals("build") && !command.equals("serve")) return;
        CompletableFuture<Toolkit> made = new CompletableFuture<>();
        early = made;
        Thread t = new Thread(() -> {
            Toolkit k;
            try {
                k = new Toolkit();
            } catch (RuntimeException e) {
                made.completeExceptionally(e);
                return;
            }
            made.complete(k);
            compileQuietly(() -> k.xslt().get(EditionRenderer.MODEL));
        }, "tei-edition-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** The toolkit {@link #begin} started, once; any other caller (every caller in tests) gets a new one. */
    public static Toolkit toolkit() {
        CompletableFuture<Toolkit> f = early;
        early = null;
        if (f != null) {
            try {
                return f.join();
            } catch (RuntimeException e) {
                // made again below, failing there with the command's own error handling
            }
        }
        return new Toolkit();
    }

    /**
     * Queues what a build will compile, by the length of the chain that needs it (the PDF's stylesheet, the model,
     * FOP's set-up, the other editions, the schemas), on as many threads as jobs.
     */
    static void compileAhead(Toolkit toolkit, List<Edition> editions, boolean validate, int jobs) {
        if (jobs < 2) return;
        ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
        boolean pdf = editions.stream().anyMatch(e -> e.kind() == OutputKind.PDF);
        editions.stream().filter(e -> e.kind() == OutputKind.PDF).forEach(e -> work.add(() -> toolkit.xslt().get(e.stylesheet())));
        if (editions.stream().anyMatch(e -> e.view() != View.SOURCE)) work.add(() -> toolkit.xslt().get(EditionRenderer.MODEL));
        if (pdf) work.add(() -> toolkit.renderer().preparePdf());
        editions.stream().filter(e -> e.kind() != OutputKind.PDF).forEach(e -> work.add(() -> toolkit.xslt().get(e.stylesheet())));
        if (validate) work.addAll(toolkit.validationTasks());
        for (int i = 0; i < Math.min(jobs, work.size()); i++) {
            Thread t = new Thread(() -> {
                for (Runnable r; (r = work.poll()) != null; ) compileQuietly(r);
            }, "tei-edition-warmup");
            t.setDaemon(true);
            t.start();
        }
    }

    /** A stylesheet or schema that does not compile is reported by the build that needs it. */
    private static void compileQuietly(Runnable compile) {
        try {
            compile.run();
        } catch (RuntimeException ignored) {
            // reported where it is used
        }
    }
}
