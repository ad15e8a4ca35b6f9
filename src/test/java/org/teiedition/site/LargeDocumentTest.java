package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.teiedition.testing.LargeBuild;
import org.teiedition.testing.Shared;
import org.xml.sax.InputSource;

/**
 * The two real large documents of {@code ../shared/large/} (a FRUS volume, 1.5 MB, 120 documents and 349 notes; a
 * critical text, 596 KB, 1,628 apparatus entries) build with every edition in one JVM capped at 1 GB of heap, and
 * what came out is all there ({@link LargeBuild}). Functional, not timed: the benchmark measures speed.
 */
class LargeDocumentTest {
    static final String TEI = "http://www.tei-c.org/ns/1.0";

    @Test
    @Timeout(1200)
    void bothLargeDocumentsBuildWithEveryEditionWithinOneGigabyteOfHeap() throws Exception {
        LargeBuild.Result build = LargeBuild.result();
        Path frus = Shared.path(LargeBuild.FRUS);
        Path pta = Shared.path(LargeBuild.PTA);
        Path out = build.out();
        String output = build.log();
        assertEquals(0, build.exitCode(), output);
        assertTrue(output.contains("2 rebuilt, 0 up to date"), output);
        assertTrue(!output.contains("OutOfMemoryError"), output);

        Processor saxon = new Processor(false);
        XPathCompiler xp = saxon.newXPathCompiler();
        xp.declareNamespace("tei", TEI);
        XdmNode frusTei = saxon.newDocumentBuilder().build(frus.toFile());
        XdmNode ptaTei = saxon.newDocumentBuilder().build(pta.toFile());
        int documents = count(xp, frusTei, "//tei:div[@type = 'document']");
        int notes = count(xp, frusTei, "//tei:text//tei:note");
        int apps = count(xp, ptaTei, "//tei:text//tei:app");
        assertEquals(List.of(120, 349, 1628), List.of(documents, notes, apps), "the reference files as described");

        Path frusOut = out.resolve("frus1961-63v06");
        try (PDDocument pdf = Loader.loadPDF(frusOut.resolve("print.pdf").toFile())) {
            int pages = pdf.getNumberOfPages();
            // every document of the volume starts a page (a page-sequence each); about 350 pages in all
            assertTrue(pages >= documents && pages < 4 * documents, pages + " pages");
            String text = flat(new PDFTextStripper().getText(pdf));
            // document 67, the Kennedy letter of 27 October 1962
            assertTrue(text.contains("with great care and welcomed the statement of your desire to seek a prompt solution to the problem"));
            // pages are numbered on across the page-sequences: the last page's running head shows its number
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(pages);
            last.setEndPage(pages);
            assertTrue(last.getText(pdf).lines().anyMatch(l -> l.trim().endsWith(" " + pages) || l.trim().equals(String.valueOf(pages))),
                    last.getText(pdf));
        }
        org.w3c.dom.Document reading = html(frusOut.resolve("reading.html"));
        assertEquals(notes, xpathCount(reading, "//*[local-name() = 'ol'][contains(@class, 'notes-list')]/*[local-name() = 'li']"));

        Path ptaOut = out.resolve("pta0001.pta026.pta-grcBibex");
        org.w3c.dom.Document ptaReading = html(ptaOut.resolve("reading.html"));
        assertEquals(apps, xpathCount(ptaReading, "//*[local-name() = 'ol'][contains(@class, 'apparatus-list')]/*[local-name() = 'li']"));
        try (PDDocument pdf = Loader.loadPDF(ptaOut.resolve("print.pdf").toFile())) {
            String text = flat(new PDFTextStripper().getText(pdf));
            // the first words of the edited text, and its apparatus down to the last entry's letter
            String first = xp.evaluate("normalize-space((//tei:text//tei:p)[1])", ptaTei).getUnderlyingValue().getStringValue()
                    .split(" ")[0];
            assertTrue(text.contains(first), first);
            assertTrue(pdf.getNumberOfPages() > 20, pdf.getNumberOfPages() + " pages");
        }
        assertTrue(Files.size(ptaOut.resolve("parallel.html")) > Files.size(pta) / 2, "the witnesses side by side");
        assertTrue(Files.exists(ptaOut.resolve("diplomatic.html")) && Files.exists(frusOut.resolve("diplomatic.html")));
    }

    static int count(XPathCompiler xp, XdmNode doc, String path) throws Exception {
        return Integer.parseInt(xp.evaluate("count(" + path + ")", doc).getUnderlyingValue().getStringValue());
    }

    static org.w3c.dom.Document html(Path file) throws Exception {
        return new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET).parse(new InputSource(new StringReader(Files.readString(file))));
    }

    static int xpathCount(org.w3c.dom.Document doc, String path) throws Exception {
        return ((Double) XPathFactory.newInstance().newXPath().evaluate("count(" + path + ")", doc, XPathConstants.NUMBER)).intValue();
    }

    /** Whitespace normalised, line-end hyphens joined and ligatures spelt out. */
    static String flat(String s) {
        s = s.replace("\uFB00", "ff").replace("\uFB01", "fi").replace("\uFB02", "fl").replace("\uFB03", "ffi").replace("\uFB04", "ffl");
        return s.replaceAll("-\\s*\\n\\s*", "").replaceAll("[\\s\u00a0\u2002]+", " ").trim();
    }
}
