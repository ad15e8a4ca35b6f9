package org.teiedition.pipeline;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.teiedition.Toolkit;
import org.teiedition.editions.EditionRenderer;

/**
 * Everything the tool does only because a fresh JVM is slow to start, in one place. A cold build of one letter is
 * mostly one-time work: loading classes, reading picocli's annotations, compiling the stylesheets. So a command line
 * that names its command registers only that command ({@link #commandsNeeded}), and for {@code build} and
 * {@code serve} the toolkit is made and the shared model, which every default edition waits for, starts compiling
 * while picocli still reads the command line ({@link #begin}). The launcher adds the JVM side: a class-data archive
 * and quick-start JIT settings for small work. The toolkit compiles each stylesheet once, whoever asks first, so
 * nothing else depends on any of this.
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

    /**
     * The commands to register for a command line: picocli reads every registered command's annotations before it
     * parses anything, so a command line that names its command gets only that one; anything else (no command,
     * {@code help}, a typo) gets them all, for the usage message and its suggestions.
     */
    public static <T> Map<String, T> commandsNeeded(Map<String, T> all, String named) {
        return !"help".equals(named) && all.containsKey(named) ? Map.of(named, all.get(named)) : all;
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

    /** A stylesheet or schema that does not compile is reported by the build that needs it. */
    private static void compileQuietly(Runnable compile) {
        try {
            compile.run();
        } catch (RuntimeException ignored) {
            // reported where it is used
        }
    }
}
