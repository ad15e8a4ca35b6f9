package org.teiedition.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Shared;

/** The apparatus linter: every rule on a fixture, nothing on the letter, its findings on a real critical text. */
class ApparatusLinterTest {
    static final Toolkit TOOLKIT = new Toolkit();
    static final Path FIXTURE = Path.of("src/test/resources/apparatus/lint.xml");

    static List<Diagnostic> lint(Path file) throws Exception {
        return new ApparatusLinter().validate(TOOLKIT.parse(file));
    }

    @Test
    void everyRuleWithItsPlace() throws Exception {
        List<String> found = lint(FIXTURE).stream().map(d -> {
            assertEquals(Diagnostic.Severity.WARNING, d.severity());
            assertEquals("apparatus", d.layer());
            return d.format().substring(FIXTURE.toString().length() + 1);
        }).toList();
        assertEquals(List.of(
                "23:31: warning: @wit names #X, which is no witness of the listWit [app-wit-unknown]",
                "24:14: warning: witness C is in no reading of this app (a fragmentary witness: declare it with witDetail or lacunaStart) [app-wit-missing]",
                "26:14: warning: witness B is in two readings of this app (lines 26 and 26) [app-wit-twice]",
                "28:75: warning: this rdg reads the same as the rdg at line 28 (“sam”): one rdg with both @wit [app-rdg-duplicate]",
                "29:54: warning: this rdg reads the same as the lem (“lem”): add its witnesses to the lem's @wit [app-lem-rdg-identical]",
                "30:42: warning: this app names C, which the enclosing lem (line 30) does not [app-nested-contradiction]",
                "30:42: warning: witness B is in no reading of this app (a fragmentary witness: declare it with witDetail or lacunaStart) [app-wit-missing]",
                "34:68: warning: lacunaEnd for C without a lacunaStart [app-lacuna-unbalanced]",
                "37:58: warning: witEnd for C, which has not started or has already ended [app-wit-unbalanced]",
                "38:80: warning: lacunaStart for C is never closed by a lacunaEnd [app-lacuna-unbalanced]",
                "39:56: warning: witStart for A, which has a reading before it (line 21) [app-wit-unbalanced]"
        ), found);
    }

    @Test
    void theLetterIsClean() throws Exception {
        assertEquals(List.of(), lint(Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml")));
    }

    /** The findings are warnings: validate reports them with file:line:col and the document stays valid. */
    @Test
    void validateReportsThemAsWarnings() {
        Cli.Run r = Cli.run("validate", "--schema", Shared.path("schemas/tei_all.rng").toString(), FIXTURE.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("lint.xml:23:31: warning: @wit names #X, which is no witness of the listWit [app-wit-unknown]"), r.out());
        assertTrue(r.out().strip().endsWith("1 file, 1 valid, 0 errors, 11 warnings"), r.out());
    }

    /** With the project's Schematron, a finding its rules report as an error (wit-once) is not repeated as a warning. */
    @Test
    void aSchematronErrorIsNotRepeated() throws Exception {
        Path once = Path.of("src/test/resources/validation/invalid/wit-once.xml");
        assertEquals(List.of("wit-once"), TOOLKIT.validate(TOOLKIT.parse(once)).stream().map(Diagnostic::rule).toList());
        assertEquals(List.of("app-wit-twice"), lint(once).stream().map(Diagnostic::rule).toList());
    }

    @Test
    void aRealCriticalText() throws Exception {
        List<Diagnostic> found = lint(Shared.path("large/pta-large/pta0001.pta026.pta-grcBibex.xml"));
        Map<String, Integer> byRule = new TreeMap<>();
        found.forEach(d -> byRule.merge(d.rule(), 1, Integer::sum));
        assertEquals(Map.of("app-lem-rdg-identical", 1, "app-nested-contradiction", 17, "app-rdg-duplicate", 9,
                "app-wit-missing", 42, "app-wit-twice", 24, "app-wit-unknown", 3), byRule);
        // line 977: Gb Mc read the lemma's συμπαραλαβεῖν in a rdg of their own
        assertTrue(found.stream().anyMatch(d -> d.line() == 977 && d.rule().equals("app-lem-rdg-identical")
                && d.message().contains("\u201Cσυμπαραλαβεῖν\u201D")), found.toString());
    }
}
