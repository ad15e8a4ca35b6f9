package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache's fingerprint of the bundled stylesheets, written when the jar is built and read at run time. */
class FingerprintTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void theFingerprintWrittenAtBuildTimeIsTheHashOfTheBundledFiles() throws Exception {
        Path written = CLASSES.resolve(BuildCache.FINGERPRINT);
        assertTrue(Files.isRegularFile(written), "the build writes " + written + " (pom.xml, process-classes)");
        // from a folder the hash is computed from the files, as the jar's was when it was built
        assertEquals(BuildCache.stylesheetsHash(), Files.readString(written, StandardCharsets.US_ASCII).trim());
    }

    @Test
    void aChangedStylesheetChangesTheFingerprint(@TempDir Path dir) throws Exception {
        Path xsl = dir.resolve("xslt/html/page.xsl");
        Files.createDirectories(xsl.getParent());
        Files.copy(CLASSES.resolve("xslt/html/page.xsl"), xsl);
        BuildCache.Fingerprint.main(new String[] {dir.toString()});
        String before = Files.readString(dir.resolve(BuildCache.FINGERPRINT));
        Files.writeString(xsl, Files.readString(xsl) + "<!-- edited -->", StandardCharsets.UTF_8);
        BuildCache.Fingerprint.main(new String[] {dir.toString()});
        assertNotEquals(before, Files.readString(dir.resolve(BuildCache.FINGERPRINT)));
    }
}
