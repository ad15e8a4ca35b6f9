package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.apparatus.Support.*;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.editions.Editions;
import org.teiedition.testing.Cli.Run;
import org.xml.sax.InputSource;

/** build writes parallel.html for documents with two or more witnesses. */
class ParallelEditionTest {
    @TempDir
    static Path out;
    static XdmNode page;

    @BeforeAll
    static void build() throws Exception {
        // not a letter (no correspDesc): only the question "does the parallel view apply?" is tested here
        Run r = cli("build", "--no-validate", "-e", "reading,parallel", "-o", out.toString(), LETTER.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("kennedy-to-khrushchev-1962-10-27/parallel.html"));
        var dom = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET).parse(new InputSource(new StringReader(html)));
        page = SAXON.newDocumentBuilder().wrap(dom);
    }

    @Test
    void oneColumnPerWitness() throws Exception {
        assertEquals(List.of("DH", "FRUS"), strings(page, "//h:table[@class = 'parallel']/h:thead//h:th[@data-witness]/@data-witness/string()"));
        assertEquals(List.of("DH", "FRUS"), strings(page, "//h:table[@class = 'parallel']/h:thead//h:th[@data-witness]/normalize-space()"));
    }

    @Test
    void theOmissionRowShowsFrusWordsAndNothingForDh() throws Exception {
        String row = "//h:tr[contains(@class, 'variant')][h:td[@data-witness = 'FRUS'] = 'an intensification of the Cuban crisis and a grave risk to']";
        assertEquals(1, xpath(page, row).size());
        assertEquals("om.", string(page, row + "/h:td[@data-witness = 'DH']/string()"), "the omission says so");
        assertEquals(1, xpath(page, row + "/h:td[@data-witness = 'DH']/h:i[@class = 'om']").size());
        assertEquals(1, xpath(page, row + "/h:td[@data-witness = 'FRUS']/h:mark").size(), "the variant is highlighted");
        // linked to its entry in the reading edition, which has that id
        String href = string(page, row + "//h:a/@href/string()");
        assertTrue(href.matches("reading\\.html#a\\d+"), href);
        String reading = Files.readString(out.resolve("kennedy-to-khrushchev-1962-10-27/reading.html"));
        assertTrue(reading.contains("id=\"" + href.substring(href.indexOf('#') + 1) + "\""), "reading.html has the entry " + href);
    }

    @Test
    void commonTextIsOneRowPerStretch() throws Exception {
        assertEquals(2, xpath(page, "//h:tr[contains(@class, 'variant')][h:td[@data-witness = 'DH'] = 'on'][h:td[@data-witness = 'FRUS'] = 'in']").size());
        assertEquals(1, xpath(page, "//h:tr[@class = 'same'][count(h:td[. = 'of this threat, or']) = 2]").size());
        assertEquals("§4", string(page, "//h:th[@id = 'par-p4']/string()"));
    }

    @Test
    void onlyForDocumentsWithTwoWitnesses() throws Exception {
        assertTrue(Editions.PARALLEL.appliesTo(parse(LETTER)));
        assertFalse(Editions.PARALLEL.appliesTo(parse("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><sourceDesc>"
                + "<listWit><witness xml:id='A'/></listWit></sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>")));
        Path one = out.resolve("one.xml");
        Files.writeString(one, "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
                + "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>");
        // not a letter (no correspDesc): only the question "does the parallel view apply?" is tested here
        Run r = cli("build", "--no-validate", "-e", "reading,parallel", "-o", out.resolve("o").toString(), one.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("o/one/reading.html")));
        assertFalse(Files.exists(out.resolve("o/one/parallel.html")));
    }
}
