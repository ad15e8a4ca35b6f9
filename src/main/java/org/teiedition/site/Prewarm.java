package org.teiedition.site;

import java.util.ArrayList;
import java.util.List;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.OutputKind;

/**
 * Gets the expensive one-time work of a build going on background threads while the first document is read and
 * parsed: compiling the stylesheets, compiling the schemas, setting up FOP. On a cold start with several cores these
 * overlap instead of queueing behind the first document. Harmless when already done (each is made once; a caller
 * that needs one waits for the same instance).
 */
public final class Prewarm {
    private Prewarm() {
    }

    public static void start(Toolkit toolkit, List<Edition> editions, boolean corpusPages, boolean validate, int jobs) {
        if (jobs < 2) return;
        List<Runnable> work = new ArrayList<>();
        if (validate) work.add(toolkit::prepareValidation);
        if (editions.stream().anyMatch(e -> e.kind() == OutputKind.PDF)) work.add(() -> toolkit.renderer().preparePdf());
        editions.forEach(e -> work.add(() -> toolkit.xslt().get(e.stylesheet())));
        work.add(() -> toolkit.xslt().get(Summaries.STYLESHEET));
        if (corpusPages) work.add(() -> toolkit.xslt().get(CorpusPages.STYLESHEET));
        for (Runnable r : work) {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } catch (RuntimeException ignored) {
                    // the build itself reports a stylesheet or schema that does not compile
                }
            }, "tei-edition-prewarm");
            t.setDaemon(true);
            t.start();
        }
    }
}
