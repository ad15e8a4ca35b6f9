package org.teiedition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Cli;

class CliTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    static Run run(String... args) {
        return Cli.run(args);
    }

    static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: tei-edition"), r.out());
        assertTrue(r.out().contains("validate") && r.out().contains("build"), r.out());
    }

    @Test
    void buildHelpDescribesOptions() {
        Run r = run("build", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: tei-edition build"), r.out());
        assertTrue(r.out().contains("--edition") && r.out().contains("reading, diplomatic, print"), r.out());
        assertTrue(r.out().contains("TEI_EDITION_JAVA_OPTS  JVM options, added last so that they win; e.g. -Xmx4g"), r.out());
    }

    @Test
    void versionNamesToolAndSaxon() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("tei-edition \\d+\\.\\d+\\.\\d+ \\(Saxon-HE 12\\.\\d+.*\\R"), r.out());
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        Run r = run("build", "--bogus");
        assertEquals(2, r.code());
        assertEquals("error: Unknown option: '--bogus' (see 'tei-edition build --help')", r.err().strip());
    }

    @Test
    void unknownEditionIsAUsageError() {
        Run r = run("build", "--edition", "poster", LETTER.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: unknown edition 'poster'; known: reading, diplomatic, print"), r.err());
    }

    @Test
    void missingInputExitsOneWithoutStackTrace(@TempDir Path out) {
        Run r = run("build", "-o", out.toString(), "no/such/letter.xml");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no/such/letter.xml: error: file or folder not found"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void malformedInputIsLocatedAndBuildsNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <text>\n</TEI>\n");
        Path out = dir.resolve("out");
        Run r = run("build", "-o", out.toString(), bad.toString(), LETTER.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":3:3: error: The element type \"text\" must be terminated"), r.err());
        assertNoStackTrace(r);
        assertFalse(Files.exists(out.resolve("bad")), "no output for the broken file");
        // the other file of the run still builds
        assertTrue(Files.readString(out.resolve("small-letter/reading.html")).contains("green"));
        // the broken file is not counted as rebuilt, and --no-validate would not help it
        assertTrue(r.err().contains("\n1 rebuilt, 0 up to date\n"), r.err());
        assertTrue(r.err().contains("from 1 of 2 documents into " + out + " in "), r.err());
        assertTrue(r.err().strip().endsWith(" s; 1 failed, not built"), r.err());
    }

    @Test
    void theNoValidateHintFollowsOnlyAnInvalidDocument(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run missing = run("build", "-o", out.toString(), "no/such/letter.xml");
        assertTrue(missing.err().strip().endsWith("; 1 failed, not built"), missing.err());
        Run witness = run("build", "-o", out.toString(), "--witness", "Z", LETTER.toString());
        assertEquals(1, witness.code(), witness.err());
        assertTrue(witness.err().strip().endsWith("; 1 failed, not built"), witness.err());
        Path invalid = Path.of("src/test/resources/validation/invalid/rng-violation.xml");
        Run r = run("build", "-o", out.toString(), invalid.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("\n0 rebuilt, 0 up to date\n"), r.err());
        assertTrue(r.err().strip().endsWith("; 1 failed, not built (--no-validate builds invalid documents anyway)"), r.err());
    }

    @Test
    void everyCommandPrintsTheVersion() {
        String version = run("--version").out();
        for (String command : new String[] {"validate", "build", "serve", "collate", "witness", "apparatus"}) {
            for (String option : new String[] {"--version", "-V"}) {
                Run r = run(command, option);
                assertEquals(0, r.code(), command + " " + option);
                assertEquals(version, r.out(), command + " " + option);
            }
        }
    }

    @Test
    void nonTeiRootIsRejectedWithItsLocation(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("page.xml");
        Files.writeString(html, "<?xml version=\"1.0\"?>\n<html><body/></html>\n");
        Run r = run("validate", html.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(html + ":2:7: error: not a TEI document: the root is <html> in no namespace"), r.err());
        assertEquals("1 file, 0 valid, 1 error, 0 warnings", r.out().strip());
    }
}
