package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

/** The print edition claims PDF/A-2b (PdfRenderer, fop.xconf): veraPDF checks the claim on the Kennedy letter. */
class PdfAComplianceTest {

    @Test
    void kennedyLetterIsPdfA2b() throws Exception {
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(EditionSupport.LETTER),
                Editions.PRINT, null);
        VeraGreenfieldFoundryProvider.initialise();
        // the parser reads the claimed flavour from the XMP (pdfaid:part, pdfaid:conformance)
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            assertEquals(PDFAFlavour.PDFA_2_B, parser.getFlavour(), "conformance claimed in the XMP metadata");
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            ValidationResult result = validator.validate(parser);
            // not a vacuous pass: the 2b profile's rules ran over the document's objects (57,526 checks in Nov 2026)
            assertTrue(result.getTotalAssertions() > 10_000, "checks run: " + result.getTotalAssertions());
            assertTrue(result.isCompliant(), () -> "PDF/A-2b rules failed:\n" + failures(result, validator));
        }
    }

    /** One line per failed rule: clause, test number, failed checks, description and the first failure's context. */
    static String failures(ValidationResult result, PDFAValidator validator) {
        Map<RuleId, TestAssertion> first = result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .collect(Collectors.toMap(TestAssertion::getRuleId, a -> a, (a, b) -> a));
        return result.getFailedChecks().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<RuleId, Integer> e) -> e.getKey().getClause())
                        .thenComparingInt(e -> e.getKey().getTestNumber()))
                .map(e -> {
                    RuleId id = e.getKey();
                    Rule rule = validator.getProfile().getRuleByRuleId(id);
                    TestAssertion a = first.get(id);
                    return "  " + id.getClause() + "-" + id.getTestNumber() + " (" + e.getValue() + "x): "
                            + (rule == null ? "?" : rule.getDescription())
                            + (a == null ? "" : " [" + (a.getErrorMessage() == null ? "" : a.getErrorMessage() + " ")
                                    + "at " + a.getLocation().getContext() + "]");
                })
                .collect(Collectors.joining("\n"));
    }
}
