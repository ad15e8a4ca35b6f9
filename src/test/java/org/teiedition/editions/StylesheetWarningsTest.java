package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;

/**
 * What a stylesheet says while it renders a document reaches the user as a warning about that document, in the build's
 * format, naming the stylesheet and line it came from, and never on stderr in Saxon's own format. Isolated: the test
 * edition's registration is process-wide while it lasts.
 */
@Isolated
class StylesheetWarningsTest {
    static final Edition TALKATIVE = new Edition("talkative", "Talkative edition", "editions/talkative.xsl",
            OutputKind.HTML, "talkative.html", View.READING);
    static final String LETTER = "tei/kennedy-to-khrushchev-1962-10-27.xml";

    @BeforeAll
    static void register() {
        Editions.register(TALKATIVE);
    }

    @AfterAll
    static void unregister() {
        Editions.unregister(TALKATIVE.name());
    }

    @Test
    void messagesAndRunTimeWarningsAreLocatedWarningsOfTheDocument(@TempDir Path out) throws Exception {
        Run r = Cli.run("build", "--no-validate", "-e", "talkative", "-o", out.toString(), LETTER);
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.contains(": warning: ")).toList();
        assertEquals(2, warnings.size(), r.err());
        assertTrue(warnings.get(0).matches(java.util.regex.Pattern.quote(LETTER)
                + ": warning: talkative: This edition shows \\d+ blocks only\\. \\(editions/talkative\\.xsl line 11\\) \\[stylesheet\\]"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith(LETTER + ": warning: talkative: "), warnings.get(1));
        assertTrue(warnings.get(1).contains("Ambiguous rule match for /m:edition/"), warnings.get(1));
        assertTrue(warnings.get(1).contains("on line 15 of ") && warnings.get(1).contains("on line 16 of "), warnings.get(1));
        assertEquals("second rule", Files.readString(out.resolve("kennedy-to-khrushchev-1962-10-27/talkative.html"))
                .replaceAll("(?s).*<p>(.*?)</p>.*", "$1"), "the stylesheet went on, with the last rule");
        assertTrue(r.err().lines().allMatch(l -> l.isEmpty() || l.startsWith(LETTER) || l.startsWith("built ")
                || l.matches("\\d+ rebuilt.*")), "nothing in Saxon's own format:\n" + r.err());
    }
}
