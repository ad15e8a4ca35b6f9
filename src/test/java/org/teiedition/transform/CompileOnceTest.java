package org.teiedition.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;

class CompileOnceTest {
    @Test
    void eachStylesheetIsCompiledOncePerProcessWhateverTheNumberOfDocuments(@TempDir Path dir) throws Exception {
        Toolkit toolkit = new Toolkit();
        for (int i = 0; i < 5; i++) {
            Path copy = dir.resolve("letter-" + i + ".xml");
            Files.copy(Path.of("src/test/resources/fixtures/small-letter.xml"), copy);
            SourceDocument doc = toolkit.parse(copy);
            for (Edition e : Editions.ALL) toolkit.renderer().render(doc, e, null);
        }
        for (Edition e : Editions.ALL) {
            assertEquals(1, toolkit.xslt().compilations(e.stylesheet()), e.stylesheet());
        }
    }
}
