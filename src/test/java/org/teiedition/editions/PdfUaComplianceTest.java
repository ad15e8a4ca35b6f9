package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** The print edition is an accessible PDF: veraPDF's PDF/UA-1 profile passes on the Kennedy letter. */
class PdfUaComplianceTest {

    @Test
    void kennedyLetterIsPdfUa1() throws Exception {
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(EditionSupport.LETTER),
                Editions.PRINT, null);
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
            ValidationResult result = validator.validate(parser);
            assertTrue(result.getTotalAssertions() > 1_000, "checks run: " + result.getTotalAssertions());
            assertTrue(result.isCompliant(), () -> "PDF/UA-1 rules failed:\n" + PdfAComplianceTest.failures(result, validator));
        }
    }
}
