package org.teiedition.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;

/** 500 small generated letters in one JVM, on two threads: every schema is compiled exactly once. */
class ManyDocumentsTest {
    static final int DOCUMENTS = 500;

    @Test
    void fiveHundredDocumentsShareOneCompilationOfEachSchema(@TempDir Path dir) throws Exception {
        String template = Files.readString(Path.of("src/test/resources/validation/valid/minimal-letter.xml"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Path f = dir.resolve(String.format("letter-%03d.xml", i));
            String doc = template.replace("Letter from A to B, 1 May 1900", "Letter " + i)
                    .replace("stood", i % 50 == 0 ? "stood<note>untyped</note>" : "stood");
            Files.writeString(f, doc);
            files.add(f);
        }
        Toolkit toolkit = new Toolkit();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Diagnostic>>> futures = new ArrayList<>();
        for (Path f : files) futures.add(pool.submit(() -> toolkit.validate(toolkit.parse(f))));
        List<Diagnostic> all = new ArrayList<>();
        for (Future<List<Diagnostic>> f : futures) all.addAll(f.get());
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("validated %d documents (RELAX NG + Schematron) on 2 threads in %.2f s (%.1f ms/document, "
                + "schema compilation included)%n", DOCUMENTS, seconds, seconds * 1000 / DOCUMENTS);

        // every 50th document has one untyped note, and nothing else is wrong
        assertEquals(DOCUMENTS / 50, all.size(), all.toString());
        all.forEach(d -> assertEquals("note-type", d.rule(), d.format()));
        SchemaCache cache = toolkit.schemaValidator().cache();
        for (URI schema : SchemaValidator.projectSchemas()) assertEquals(1, cache.compilations(schema), schema.toString());
        assertEquals(1, toolkit.xslt().compilations(Schematron.TRANSPILER));
    }
}
