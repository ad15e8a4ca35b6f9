package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;

/** Found by the hostile-names build: the first PDFs rendered at the same time failed inside FOP's configuration. */
class ConcurrentPdfTest {
    @Test
    void firstPdfRendersInParallelAllSucceedWithTheSameBytes() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(Path.of("src/test/resources/fixtures/small-letter.xml"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 4; i++) pdfs.add(pool.submit(() -> toolkit.renderer().render(doc, Editions.PRINT, null)));
            byte[] first = pdfs.get(0).get();
            assertEquals("%PDF-", new String(first, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
            for (Future<byte[]> f : pdfs) assertArrayEquals(first, f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
