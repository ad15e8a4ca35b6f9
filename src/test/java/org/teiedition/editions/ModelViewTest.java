package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.editions.EditionSupport.LETTER;
import static org.teiedition.editions.EditionSupport.MINI;

import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.teiedition.Toolkit;
import org.teiedition.xml.SourceDocument;

/** The model step: model.xsl made once per document and view, the editions of a view rendering the same model. */
class ModelViewTest {
    private static String attr(Toolkit toolkit, XdmNode model, String xpath) throws SaxonApiException {
        var xp = toolkit.xslt().processor().newXPathCompiler();
        xp.declareNamespace("m", EditionSupport.MODEL_NS);
        return xp.evaluateSingle(xpath, model).getStringValue();
    }

    @Test
    void eachViewIsMadeOnceAndSharedByItsEditions() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(LETTER);
        EditionRenderer renderer = toolkit.renderer();
        for (Edition e : List.of(Editions.READING, Editions.DIPLOMATIC, Editions.PRINT)) renderer.render(doc, e, null);
        // reading and print render the reading view, diplomatic the copy-text's: two models, not three
        assertEquals(2, renderer.modelsMade());
        XdmNode reading = renderer.model(doc, View.READING, null);
        assertSame(reading, renderer.model(doc, View.READING, null));
        assertEquals(2, renderer.modelsMade());
        assertEquals("reading", attr(toolkit, reading, "string(/m:edition/@view)"));
        // a document parsed again is another document: its views are its own
        SourceDocument again = toolkit.parse(LETTER);
        assertNotSame(reading, renderer.model(again, View.READING, null));
        assertEquals(3, renderer.modelsMade());
    }

    @Test
    void theDiplomaticViewIsOfTheCopyTextUnlessAWitnessIsNamed() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(MINI);
        EditionRenderer renderer = toolkit.renderer();
        XdmNode copyText = renderer.model(doc, View.DIPLOMATIC, null);
        assertEquals("A", attr(toolkit, copyText, "string(/m:edition/@witness)"));
        assertEquals("diplomatic", attr(toolkit, copyText, "string(/m:edition/@view)"));
        assertEquals("B", attr(toolkit, renderer.model(doc, View.DIPLOMATIC, " B "), "string(/m:edition/@witness)"));
        // the reading view ignores a witness: it is the edited text whatever is asked
        assertEquals("", attr(toolkit, renderer.model(doc, View.READING, "B"), "string(/m:edition/@witness)"));
        assertSame(renderer.model(doc, View.DIPLOMATIC, "B"), renderer.model(doc, View.DIPLOMATIC, "B"));
    }

    @Test
    void anUnknownWitnessFailsTheDiplomaticEditionWithTheDeclaredSigla() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(MINI);
        SaxonApiException e = assertThrows(SaxonApiException.class,
                () -> toolkit.renderer().render(doc, Editions.DIPLOMATIC, "Z"));
        assertTrue(e.getMessage().contains("Unknown witness 'Z': this document declares A, B"), e.getMessage());
        // asked again, it fails again (a failure is not kept as the view)
        assertThrows(SaxonApiException.class, () -> toolkit.renderer().render(doc, Editions.DIPLOMATIC, "Z"));
    }

    @Test
    void theBuildReportsAnUnknownWitnessInOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        var run = org.teiedition.testing.Cli.run("build", "-e", "diplomatic", "--witness", "Z", "-o", out.toString(), LETTER.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains(LETTER + ": error: the diplomatic edition failed: Unknown witness 'Z': this document declares DH, FRUS.\n"),
                run.err());
        // no report of Saxon's own (stack of templates, line numbers in the stylesheet), and nothing written
        assertTrue(!run.err().contains("xsl:message") && !run.err().contains("model.xsl"), run.err());
        assertTrue(!java.nio.file.Files.exists(out.resolve("kennedy-to-khrushchev-1962-10-27/diplomatic.html")));
    }

    @Test
    void theModelCarriesThePublicationDateThePdfIsStampedWith() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(LETTER);
        net.sf.saxon.s9api.XdmNode view = toolkit.renderer().model(doc, View.READING, null);
        String published = attr(toolkit, view, "string(/m:edition/@published)");
        assertTrue(published.matches("\\d{4}-\\d{2}-\\d{2}"), published);
        assertEquals(java.time.LocalDate.parse(published).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                PrintLayout.creationDate(view).toInstant());
    }
    @Test
    void theParallelEditionRendersTheSharedViewsOfEveryWitness() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(LETTER);
        EditionRenderer renderer = toolkit.renderer();
        String html = new String(renderer.render(doc, Editions.PARALLEL, null), java.nio.charset.StandardCharsets.UTF_8);
        // the reading view and the diplomatic views of DH and FRUS, made by the one compiled model
        assertEquals(3, renderer.modelsMade());
        assertEquals(1, toolkit.xslt().compilations(EditionRenderer.MODEL));
        assertSame(renderer.model(doc, View.DIPLOMATIC, "FRUS"), renderer.model(doc, View.DIPLOMATIC, "FRUS"));
        assertEquals(3, renderer.modelsMade());
        // the corrupt sentence, cut at its entry in both witnesses: DH omits what FRUS reads
        assertTrue(html.contains("would surely lead to</td></tr><tr class=\"variant sic\" id=\"v-a8\">"), "the common text before the entry");
        assertTrue(html.contains("<td class=\"wit\" data-witness=\"DH\"></td><td class=\"wit\" data-witness=\"FRUS\">"
                + "<mark>an intensification of the Cuban crisis and a grave risk to</mark></td>"), "the entry's row");
    }

    @Test
    void everyEntryReadingIsDelimitedInEachView() throws Exception {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(LETTER);
        EditionRenderer renderer = toolkit.renderer();
        XdmNode reading = renderer.model(doc, View.READING, null);
        XdmNode frus = renderer.model(doc, View.DIPLOMATIC, "FRUS");
        assertEquals("0", attr(toolkit, frus, "string(count(//m:apparatus))"), "the apparatus is the reading view's");
        assertEquals(attr(toolkit, reading, "string-join(//m:apparatus/m:entry/@id, ' ')"),
                attr(toolkit, frus, "string-join(//m:text//m:entry-start/@entry, ' ')"), "a witness's view delimits every entry, with the reading view's ids");
        for (XdmNode view : List.of(reading, frus)) {
            // one start and one end per entry, in document order, the start naming the entry its marker points to
            assertEquals(attr(toolkit, view, "string(count(//m:text//m:entry-start))"), attr(toolkit, view, "string(count(//m:text//m:entry-end))"));
            assertEquals("true", attr(toolkit, view, "string(every $s in //m:text//m:entry-start satisfies "
                    + "$s/following::m:app-ref[1]/@target = $s/@entry and $s/following::m:entry-end[1] >> $s/following::m:app-ref[1])"));
        }
    }
}
