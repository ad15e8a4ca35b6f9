package org.teiedition.site;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.editions.OutputKind;

/**
 * Gets the expensive one-time work of a build going on background threads while the first document is read and
 * parsed: compiling the stylesheets and the schemas, setting up FOP. The work is queued by how long the chain that
 * needs it is, and as many threads as jobs take from the queue: a cold single-letter build is bound by the print
 * edition (compile print.xsl and the model, then two FOP layouts), so these and FOP's set-up go first, not after every other
 * stylesheet on a crowded CPU. Harmless when already done (each is made once; a caller that needs one waits for the
 * same instance or makes it itself).
 */
public final class Prewarm {
    private Prewarm() {
    }

    public static void start(Toolkit toolkit, List<Edition> editions, boolean summaries, boolean corpusPages, boolean validate, int jobs) {
        if (jobs < 2) return;
        ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
        boolean pdf = editions.stream().anyMatch(e -> e.kind() == OutputKind.PDF);
        editions.stream().filter(e -> e.kind() == OutputKind.PDF).forEach(e -> work.add(() -> toolkit.xslt().get(e.stylesheet())));
        // the shared model, which every edition of a model view waits for
        if (!editions.isEmpty()) work.add(() -> toolkit.xslt().get(EditionRenderer.MODEL));
        if (pdf) work.add(() -> toolkit.renderer().preparePdf());
        editions.stream().filter(e -> e.kind() != OutputKind.PDF).forEach(e -> work.add(() -> toolkit.xslt().get(e.stylesheet())));
        // after the editions' stylesheets: a single letter's validation waits for the model's compilation anyway
        if (validate) work.addAll(toolkit.validationTasks());
        if (summaries) work.add(() -> toolkit.xslt().get(Summaries.STYLESHEET));
        if (corpusPages) work.add(() -> toolkit.xslt().get(CorpusPages.STYLESHEET));
        for (int i = 0; i < Math.min(jobs, work.size()); i++) {
            Thread t = new Thread(() -> {
                for (Runnable r; (r = work.poll()) != null; ) {
                    try {
                        r.run();
                    } catch (RuntimeException ignored) {
                        // the build itself reports a stylesheet or schema that does not compile
                    }
                }
            }, "tei-edition-prewarm");
            t.setDaemon(true);
            t.start();
        }
    }
}
