package org.teiedition.site;

import java.util.ArrayList;
import java.util.List;
import org.teiedition.editions.Edition;
import org.teiedition.transform.Xslt;

/**
 * Compiles the stylesheets a build will need on background threads while the first document is read and parsed:
 * on a cold start with several cores the compilations overlap instead of queueing behind the first document.
 * Harmless when they are already compiled (Xslt compiles each once; a waiting caller gets the same executable).
 */
public final class Prewarm {
    private Prewarm() {
    }

    public static void start(Xslt xslt, List<Edition> editions, boolean corpusPages, int jobs) {
        if (jobs < 2) return;
        List<String> sheets = new ArrayList<>();
        editions.forEach(e -> sheets.add(e.stylesheet()));
        sheets.add(Summaries.STYLESHEET);
        if (corpusPages) sheets.add(CorpusPages.STYLESHEET);
        for (String s : sheets) {
            Thread t = new Thread(() -> {
                try {
                    xslt.get(s);
                } catch (RuntimeException ignored) {
                    // the build itself reports a stylesheet that does not compile
                }
            }, "tei-edition-prewarm");
            t.setDaemon(true);
            t.start();
        }
    }
}
