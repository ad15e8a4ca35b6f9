package org.teiedition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;

/**
 * A project with a customisation of its own builds against it ({@code build --schema}, as {@code validate --schema}),
 * and an edited schema validates the documents the build cache had found up to date again.
 */
class ProjectSchemaTest {
    /** An editorial rule of the project: titles never say "test" (the fixture letter's does). */
    static final String RULES = """
            <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
              <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
              <pattern>
                <rule context="tei:titleStmt/tei:title">
                  <assert test="not(contains(., 'WORD'))" id="title-word">A title of this project never says "WORD"</assert>
                </rule>
              </pattern>
            </schema>
            """;

    @Test
    void theBuildValidatesAgainstTheGivenSchemaAndAnEditedSchemaRevalidates(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("letters"));
        Path letter = Files.copy(CliTest.LETTER, src.resolve("small-letter.xml"));
        Path rules = dir.resolve("project.sch");
        Path out = dir.resolve("out");
        Files.writeString(rules, RULES.replace("WORD", "draft"));

        Run first = CliTest.run("build", "--schema", rules.toString(), "-e", "reading", "-o", out.toString(), src.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("1 rebuilt, 0 up to date"), first.err());
        Run again = CliTest.run("build", "--schema", rules.toString(), "-e", "reading", "-o", out.toString(), src.toString());
        assertTrue(again.err().contains("0 rebuilt, 1 up to date"), again.err());

        // the project's rule changes: the letter, unchanged, breaks it, and is no longer taken as up to date
        Files.writeString(rules, RULES.replace("WORD", "test"));
        Run edited = CliTest.run("build", "--schema", rules.toString(), "-e", "reading", "-o", out.toString(), src.toString());
        assertEquals(1, edited.code(), edited.err());
        assertTrue(edited.err().contains(letter + ":5:25: error: A title of this project never says \"test\" [title-word]"), edited.err());
        assertTrue(edited.err().contains("1 failed, not built"), edited.err());

        // the bundled project schema knows no such rule: the same letter builds against it
        Run project = CliTest.run("build", "-e", "reading", "-o", dir.resolve("out2").toString(), src.toString());
        assertEquals(0, project.code(), project.err());
        assertFalse(project.err().contains("title-word"), project.err());
    }

    /** The cache names schema files relative to their folder: a project moved with its output is still up to date. */
    @Test
    void aProjectMovedWithItsOutputIsStillUpToDate(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Files.copy(CliTest.LETTER, Files.createDirectories(a.resolve("letters")).resolve("small-letter.xml"));
        Files.writeString(Files.createDirectories(a.resolve("schema")).resolve("project.sch"), RULES.replace("WORD", "draft"));
        Run first = build(a);
        assertEquals(0, first.code(), first.err());
        Path b = Files.move(a, dir.resolve("b"));
        Run moved = build(b);
        assertEquals(0, moved.code(), moved.err());
        assertTrue(moved.err().contains("0 rebuilt, 1 up to date"), moved.err());
    }

    private static Run build(Path project) {
        return CliTest.run("build", "--schema", project.resolve("schema/project.sch").toString(), "-e", "reading",
                "-o", project.resolve("out").toString(), project.resolve("letters").toString());
    }

    /** A grammar is often split into files: an edit of an included one revalidates too. */
    @Test
    void anEditedIncludedGrammarRevalidates(@TempDir Path dir) throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("project.rng"), """
                <grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="parts/root.rng"/></grammar>
                """);
        String root = """
                <grammar xmlns="http://relaxng.org/ns/structure/1.0">
                  <start><element NAME><ref name="any"/></element></start>
                  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
                    <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
                </grammar>
                """;
        Path part = Files.createDirectories(schema.resolve("parts")).resolve("root.rng");
        Files.writeString(part, root.replace("NAME", "ns=\"http://www.tei-c.org/ns/1.0\" name=\"TEI\""));
        Path out = dir.resolve("out");
        String[] build = {"build", "--schema", schema.resolve("project.rng").toString(), "-e", "reading", "-o", out.toString(),
                CliTest.LETTER.toString()};
        Run first = CliTest.run(build);
        assertEquals(0, first.code(), first.err());
        Files.writeString(part, root.replace("NAME", "name=\"letter\""));
        Run edited = CliTest.run(build);
        assertEquals(1, edited.code(), edited.err());
        assertTrue(edited.err().contains(CliTest.LETTER + ":2:56: error: element \"TEI\" not allowed here; expected element \"letter\" (with xmlns=\"\") [relaxng]"),
                edited.err());
    }

    /** A project states its schemas once, beside its sources (tei-edition.properties): validate and build use them. */
    @Test
    void theSourcesSettingsNameTheProjectsSchemas(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("letters"));
        Path letter = Files.copy(CliTest.LETTER, src.resolve("small-letter.xml"));
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("project.sch"), RULES.replace("WORD", "test"));
        Path settings = Files.writeString(src.resolve("tei-edition.properties"), "schema = ../schema/project.sch\n");
        String broken = letter + ":5:25: error: A title of this project never says \"test\" [title-word]";
        Path out = dir.resolve("out");

        Run validate = CliTest.run("validate", src.toString());
        assertEquals(1, validate.code(), validate.err());
        assertTrue(validate.err().contains(broken), validate.err());
        Run build = CliTest.run("build", "-e", "reading", "-o", out.toString(), src.toString());
        assertEquals(1, build.code(), build.err());
        assertTrue(build.err().contains(broken), build.err());

        // the command line wins over the file
        Path lenient = Files.writeString(schema.resolve("lenient.sch"), RULES.replace("WORD", "draft"));
        Run option = CliTest.run("build", "--schema", lenient.toString(), "-e", "reading", "-o", out.toString(), src.toString());
        assertEquals(0, option.code(), option.err());

        Files.writeString(settings, "schema = ../schema/gone.rng\n");
        Run gone = CliTest.run("validate", src.toString());
        assertEquals(2, gone.code());
        assertTrue(gone.err().startsWith("error: " + settings + ": schema: ../schema/gone.rng: file not found"), gone.err());
        Files.writeString(settings, "schema = ../schema/rules.txt\n");
        Run kind = CliTest.run("build", "-o", out.toString(), src.toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().startsWith("error: " + settings + ": schema: ../schema/rules.txt: expected a .rng, .rnc, .xsd or .sch file"),
                kind.err());
        Files.writeString(settings, "schema = ../schema/\\u0000.rng\n");
        Run nul = CliTest.run("validate", src.toString());
        assertEquals(2, nul.code());
        assertTrue(nul.err().startsWith("error: " + settings + ": schema: ../schema/<U+0000>.rng: not a path ("),
                nul.err());
        assertFalse(nul.err().contains("Exception"), nul.err());
    }

    /** A setting tei-edition does not read is named, with its line: a misspelt "shema" would leave the rules unused. */
    @Test
    void aSettingThatIsNotReadIsNamed(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("letters"));
        Files.copy(CliTest.LETTER, src.resolve("small-letter.xml"));
        Path settings = Files.writeString(src.resolve("tei-edition.properties"),
                "# the project's rules\nshema = ../project.sch\n");
        String warning = settings + ":2:1: warning: unknown setting 'shema' (tei-edition reads base-url and schema)";
        Run validate = CliTest.run("validate", src.toString());
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.err().contains(warning), validate.err());
        Run build = CliTest.run("build", "-e", "reading", "-o", dir.resolve("out").toString(), src.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.err().contains(warning), build.err());
        Files.writeString(settings, "base-url = https://example.org/letters/\n");
        Run known = CliTest.run("validate", src.toString());
        assertEquals(0, known.code(), known.err());
        assertFalse(known.err().contains("unknown setting"), "a known setting is not named: " + known.err());
    }

    @Test
    void aSchemaThatCannotBeUsedIsAUsageError(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run missing = CliTest.run("build", "--schema", dir.resolve("none.rng").toString(), "-o", out.toString(), CliTest.LETTER.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: --schema " + dir.resolve("none.rng") + ": file not found"), missing.err());
        Path text = Files.writeString(dir.resolve("schema.txt"), "not a schema");
        Run kind = CliTest.run("build", "--schema", text.toString(), "-o", out.toString(), CliTest.LETTER.toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().startsWith("error: --schema " + text + ": expected a .rng, .rnc, .xsd or .sch file"), kind.err());
        Path broken = Files.writeString(dir.resolve("broken.rng"), "not a grammar");
        Run compile = CliTest.run("build", "--schema", broken.toString(), "-o", out.toString(), CliTest.LETTER.toString());
        assertEquals(2, compile.code());
        assertTrue(compile.err().startsWith("error: cannot compile the schema " + broken.toUri() + ": Content is not allowed in prolog."),
                compile.err());
        Run both = CliTest.run("build", "--no-validate", "--schema", text.toString(), "-o", out.toString(), CliTest.LETTER.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("error: --schema and --no-validate: choose one"), both.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** serve compiles an edited schema again (a validator that compiled the old one would keep it) and revalidates. */
    @Test
    void serveValidatesAgainstAnEditedSchema(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("letters"));
        Path letter = Files.copy(CliTest.LETTER, src.resolve("small-letter.xml"));
        Path rules = Files.writeString(dir.resolve("project.sch"), RULES.replace("WORD", "draft"));
        StringWriter log = new StringWriter();
        Thread serve = new Thread(() -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(log, true), "serve",
                "--port", "0", "--stop-after", "120", "--schema", rules.toString(), "-e", "reading", "-j", "1",
                "-o", dir.resolve("out").toString(), src.toString()));
        serve.start();
        try {
            awaitLog(log, "serving ");
            assertFalse(log.toString().contains("error:"), log.toString());
            Files.writeString(rules, RULES.replace("WORD", "test"));
            Files.setLastModifiedTime(rules, FileTime.fromMillis(System.currentTimeMillis() + 2000));
            awaitLog(log, letter + ":5:25: error: A title of this project never says \"test\" [title-word]");
        } finally {
            serve.interrupt();
            serve.join();
        }
    }

    /**
     * serve reads the settings again when they change: a schema named there while it runs validates the next build,
     * once the file is there; a malformed base URL is said as at the start.
     */
    @Test
    void serveFollowsTheSettingsChoiceOfSchemas(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("letters"));
        Path letter = Files.copy(CliTest.LETTER, src.resolve("small-letter.xml"));
        StringWriter log = new StringWriter();
        Thread serve = new Thread(() -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(log, true), "serve",
                "--port", "0", "--stop-after", "120", "-e", "reading", "-j", "1", "-o", dir.resolve("out").toString(), src.toString()));
        serve.start();
        try {
            awaitLog(log, "serving ");
            assertFalse(log.toString().contains("error:"), log.toString());
            // the settings first, naming a schema not written yet: an error until the schema is there
            Path settings = src.resolve("tei-edition.properties");
            Files.writeString(settings, "schema = ../project.sch\n");
            awaitLog(log, "error: " + settings + ": schema: ../project.sch: file not found");
            Files.writeString(dir.resolve("project.sch"), RULES.replace("WORD", "test"));
            awaitLog(log, letter + ":5:25: error: A title of this project never says \"test\" [title-word]");
            // a malformed base URL, as at the start: said, and nothing built without it
            Files.writeString(settings, "schema = ../project.sch\nbase-url = ftp://x\n");
            awaitLog(log, "error: " + settings + ": base-url: not an absolute http(s) URL");
        } finally {
            serve.interrupt();
            serve.join();
        }
    }

    private static void awaitLog(StringWriter log, String text) throws InterruptedException {
        for (int i = 0; i < 900 && !log.toString().contains(text); i++) Thread.sleep(100);
        assertTrue(log.toString().contains(text), "waited 90 s for '" + text + "' in:\n" + log);
    }
}
