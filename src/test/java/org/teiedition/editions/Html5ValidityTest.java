package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teiedition.editions.EditionSupport.render;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Both editions are valid HTML5 for the Nu Html Checker (vnu). */
class Html5ValidityTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "tei/kennedy-to-khrushchev-1962-10-27.xml, reading",
        "tei/kennedy-to-khrushchev-1962-10-27.xml, diplomatic",
        "tei/kennedy-to-khrushchev-1962-10-27.xml, parallel",
        "src/test/resources/model/mini.xml, reading",
        "src/test/resources/model/mini.xml, diplomatic",
        "src/test/resources/editions/unsafe.xml, reading",
    })
    void noErrors(String doc, String edition) throws Exception {
        byte[] html = render(Path.of(doc), Editions.byName(edition).orElseThrow(), null).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), validate(html));
    }

    @org.junit.jupiter.api.Test
    void theCheckerReallyChecks() throws Exception {
        byte[] bad = "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p id=a><foo></foo><p id=a></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(true, validate(bad).size() >= 2, "duplicate id and unknown element are errors");
    }

    static List<String> validate(byte[] html) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler h = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator v = new SimpleDocumentValidator(false, false, false);
        v.setUpMainSchema("http://s.validator.nu/html5-all.rnc", h);
        v.setUpValidatorAndParsers(h, false, false);
        InputSource in = new InputSource(new ByteArrayInputStream(html));
        in.setEncoding("UTF-8");
        v.checkHtmlInputSource(in);
        return errors;
    }
}
