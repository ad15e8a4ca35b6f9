package org.teiedition.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.pipeline.DocumentResult.Status;
import org.teiedition.site.Summary;
import org.teiedition.validation.SchemaValidator;

/** The build as a library call: results per document, progress, and what it does not do. */
class BuildTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");
    static final Path INVALID = Path.of("src/test/resources/validation/invalid/rng-violation.xml");

    @Test
    void withoutValidationNoSchemaIsCompiledAndAnInvalidDocumentIsBuilt(@TempDir Path out) throws Exception {
        Toolkit toolkit = new Toolkit();
        BuildOptions options = BuildOptions.of(out, List.of(INVALID)).withEditions(List.of(Editions.READING))
                .withValidation(false).withJobs(2);
        BuildResult r = new Build(toolkit).run(options, BuildListener.NONE);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(Status.REBUILT, r.documents().get(0).status());
        assertEquals(List.of("reading.html", "rng-violation.xml", "rng-violation.bib", "rng-violation.ris", "rng-violation.csl.json")
                .stream().map(f -> out.resolve("rng-violation").resolve(f)).toList(),
                r.documents().get(0).written());
        assertTrue(Files.readString(out.resolve("rng-violation/reading.html")).contains("<article"));
        for (URI schema : SchemaValidator.projectSchemas()) {
            assertEquals(0, toolkit.schemaValidator().cache().compilations(schema), schema.toString());
        }
        // with validation, the same document is not built and says why
        BuildResult validated = new Build(toolkit).run(options.withValidation(true), BuildListener.NONE);
        assertEquals(Status.INVALID, validated.documents().get(0).status());
        assertFalse(validated.ok());
        assertEquals(1, toolkit.schemaValidator().cache().compilations(SchemaValidator.projectSchemas().get(0)));
    }

    @Test
    void runningOutOfMemoryFailsThatDocumentInOneLineAndTheOthersBuild(@TempDir Path dir) throws Exception {
        Path big = Files.copy(LETTER, dir.resolve("big.xml"));
        Path small = Files.copy(LETTER, dir.resolve("small.xml"));
        Toolkit toolkit = new Toolkit();
        Build build = new Build(toolkit, (doc, edition, witness, corpus, built, baseUrl, warnings) -> {
            if (doc.name().equals("big") && edition == Editions.PRINT) throw new OutOfMemoryError("Java heap space");
            return toolkit.renderer().render(doc, edition, witness, corpus);
        });
        Path out = dir.resolve("out");
        BuildResult r = build.run(BuildOptions.of(out, List.of(big, small)).withEditions(List.of(Editions.READING, Editions.PRINT)),
                BuildListener.NONE);
        assertEquals(List.of(Status.FAILED, Status.REBUILT), r.documents().stream().map(DocumentResult::status).toList());
        assertEquals(List.of(big + ": error: out of memory building the print edition; give the JVM more heap, "
                + "e.g. TEI_EDITION_JAVA_OPTS=-Xmx4g"), r.diagnostics().stream().map(Diagnostic::format).toList());
        assertFalse(Files.exists(out.resolve("big")), "nothing written for the failed document");
        assertTrue(Files.readString(out.resolve("small/reading.html")).contains("green"));
        assertEquals(1, r.failed());
    }

    @Test
    void aRenderersWarningsAreReportedAndTheDocumentIsBuilt(@TempDir Path out) throws Exception {
        Toolkit toolkit = new Toolkit();
        Diagnostic warning = new Diagnostic(LETTER.toString(), 3, 4, Diagnostic.Severity.WARNING, "a glyph is missing", null, "print");
        Build build = new Build(toolkit, (doc, edition, witness, corpus, built, baseUrl, warnings) -> {
            warnings.accept(warning);
            assertEquals(List.of(Editions.READING), built);
            return toolkit.renderer().render(doc, edition, witness, corpus);
        });
        BuildResult r = build.run(BuildOptions.of(out, List.of(LETTER)).withEditions(List.of(Editions.READING)), BuildListener.NONE);
        assertEquals(Status.REBUILT, r.documents().get(0).status());
        assertEquals(List.of(LETTER + ":3:4: warning: a glyph is missing"), r.diagnostics().stream().map(Diagnostic::format).toList());
        assertTrue(r.ok());
    }

    @Test
    void reportsEachEditionAndDocumentAsItGoes(@TempDir Path out) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BuildListener listener = new BuildListener() {
            @Override
            public void started(int documents) {
                events.add("started " + documents);
            }

            @Override
            public void editionStarted(Path source, Edition edition) {
                events.add("start " + edition.name());
            }

            @Override
            public void editionFinished(Path source, Edition edition, long nanos, boolean ok) {
                events.add("end " + edition.name() + " " + ok);
            }

            @Override
            public void documentFinished(DocumentResult document, int done, int total) {
                events.add("done " + document.status() + " " + done + "/" + total);
            }
        };
        BuildOptions options = BuildOptions.of(out, List.of(LETTER)).withEditions(List.of(Editions.READING, Editions.DIPLOMATIC))
                .withJobs(1);
        Build build = new Build(new Toolkit());
        build.run(options, listener);
        assertEquals(List.of("started 1", "start reading", "end reading true", "start diplomatic", "end diplomatic true",
                "done REBUILT 1/1"), events);
        events.clear();
        BuildResult again = build.run(options, listener);
        assertEquals(List.of("started 1", "done UP_TO_DATE 1/1"), events);
        Summary cached = again.documents().get(0).summary();
        assertEquals("small-letter", cached.id());
    }
}
