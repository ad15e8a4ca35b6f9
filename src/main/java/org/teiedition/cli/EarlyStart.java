package org.teiedition.cli;

import java.util.concurrent.CompletableFuture;
import org.teiedition.Toolkit;
import org.teiedition.editions.EditionRenderer;

/**
 * For {@code build} and {@code serve} run from the command line: the toolkit is made, and the shared model's
 * stylesheet (which every default edition waits for) starts compiling, on a spare core while picocli is still
 * reading the command line, about 0.2 s of a cold process on a critical path that starts with that compilation.
 * Only {@link Main#main} starts it; a command that finds nothing started makes its own toolkit.
 */
final class EarlyStart {
    private static volatile CompletableFuture<Toolkit> toolkit;

    private EarlyStart() {
    }

    static void begin(String subcommand) {
        if (!subcommand.equals("build") && !subcommand.equals("serve")) return;
        CompletableFuture<Toolkit> made = new CompletableFuture<>();
        toolkit = made;
        Thread t = new Thread(() -> {
            Toolkit k;
            try {
                k = new Toolkit();
            } catch (RuntimeException e) {
                made.completeExceptionally(e);
                return;
            }
            made.complete(k);
            try {
                k.xslt().get(EditionRenderer.MODEL);
            } catch (RuntimeException ignored) {
                // the build reports a stylesheet that does not compile
            }
        }, "tei-edition-early");
        t.setDaemon(true);
        t.start();
    }

    /** The toolkit started early, once (a second caller, like every caller in tests, gets a new one). */
    static Toolkit toolkit() {
        CompletableFuture<Toolkit> f = toolkit;
        toolkit = null;
        if (f != null) {
            try {
                return f.join();
            } catch (RuntimeException e) {
                // made again below, and failing there with the command's own error handling
            }
        }
        return new Toolkit();
    }
}
