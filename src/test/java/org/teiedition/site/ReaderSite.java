package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Shared;
import org.teiedition.testing.TestFolders;

/**
 * The site {@link ReaderTest} (XPath) and {@link AccessibilityTest} (the browser) read: the HTML editions of the Kennedy
 * letter with the 40 Schnitzler letters, and of {@link ReaderTest#smallCorpus}. Built once per test JVM, on first use;
 * the two classes only read it.
 */
final class ReaderSite {
    static final String LETTER = "kennedy-to-khrushchev-1962-10-27";
    private static Path root;

    private ReaderSite() {
    }

    /** The letter and the Schnitzler letters. */
    static Path out() throws Exception {
        return root().resolve("out");
    }

    /** The small corpus (Greek, two witnesses). */
    static Path small() throws Exception {
        return root().resolve("small");
    }

    private static synchronized Path root() throws Exception {
        if (root != null) return root;
        Path dir = TestFolders.untilExit("reader-site");
        // the HTML editions only: the PDF is read back by the print tests
        Cli.Run r = Cli.run("build", "--no-validate", "-e", "reading,diplomatic,parallel,facsimile", "-o",
                dir.resolve("out").toString(), Shared.path("corpora/schnitzler-briefe").toString(), "tei/" + LETTER + ".xml");
        assertEquals(0, r.code(), r.err());
        Cli.Run s = Cli.run("build", "--no-validate", "-e", "reading,diplomatic,parallel", "-o", dir.resolve("small").toString(),
                ReaderTest.smallCorpus(dir.resolve("src")).toString());
        assertEquals(0, s.code(), s.err());
        root = dir;
        return root;
    }
}
