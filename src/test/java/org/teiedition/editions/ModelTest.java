package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teiedition.editions.EditionSupport.MINI;
import static org.teiedition.editions.EditionSupport.model;
import static org.teiedition.editions.EditionSupport.witnessText;
import static org.teiedition.editions.EditionSupport.evalXml;
import static org.teiedition.editions.EditionSupport.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The view model itself (xslt/common/model.xsl) on a fixture that uses every mechanism. */
class ModelTest {
    static String reading;
    static String diplomatic;
    static String authority;

    @BeforeAll
    static void build() throws Exception {
        reading = model(MINI, null);
        diplomatic = model(MINI, "A");
        authority = model(MINI, "B");
    }

    private static String text(String model, String xpath) {
        return evalXml(model, "normalize-space(string-join((" + xpath + ")//text(), ''))");
    }

    @Test
    void viewAndCopyText() {
        assertEquals("reading", evalXml(reading, "/m:edition/@view"));
        assertEquals("diplomatic", evalXml(diplomatic, "/m:edition/@view"));
        assertEquals("A", evalXml(diplomatic, "/m:edition/@witness"));
        assertEquals("A", evalXml(reading, "/m:edition/@copy-text"));
        assertEquals("en", evalXml(reading, "/m:edition/@lang"));
    }

    @Test
    void sicCorrIsCorrectedInTheReadingViewOnly() {
        String p1 = "//m:block[@id='p1']";
        assertEquals("I write from Paris about the matter we discussed—it is very urgent now.", text(reading, p1));
        assertEquals("I write from Paris about the mistake we discussed -- it is now.", text(diplomatic, p1));
        assertEquals("I write from Paris about the matter we discussed—it is very urgent now.", text(authority, p1));
    }

    @Test
    void substAddDelSuppliedGapUnclearAbbr() {
        assertEquals("sent", evalXml(reading, "string(//m:block[@id='p2'])").replaceAll(".*United Nations (\\w+) .*", "$1"));
        assertEquals("0", evalXml(reading, "count(//m:inline[@role='deleted'])"));
        assertEquals("wrote", evalXml(diplomatic, "//m:inline[@role='deleted']"));
        assertEquals("sent", evalXml(diplomatic, "//m:inline[@role='added']"));
        assertEquals("short", evalXml(reading, "//m:inline[@role='supplied']"));
        assertEquals("0", evalXml(diplomatic, "count(//m:inline[@role='supplied'])"));
        assertEquals("2 words (illegible)", evalXml(reading, "//m:inline[@role='gap']/@desc"));
        assertEquals("1", evalXml(diplomatic, "count(//m:inline[@role='gap'])"));
        assertEquals("perhaps", evalXml(diplomatic, "//m:inline[@role='unclear']"));
        assertEquals("Mon.", evalXml(diplomatic, "//m:inline[@role='abbr']"));
        assertEquals("true", evalXml(reading, "contains(//m:block[@id='p2'], 'Monday')"));
    }

    @Test
    void breaksAndMilestones() {
        assertEquals("1", evalXml(diplomatic, "count(//m:text//m:break[@type='paragraph'])"));
        assertEquals("0", evalXml(reading, "count(//m:text//m:break[@type='paragraph'])"));
        assertEquals("2", evalXml(reading, "//m:break[@type='page']/@n"));
        assertEquals("1", evalXml(diplomatic, "count(//m:break[@type='line'])"));
    }

    @Test
    void paragraphNumbersAndIds() {
        assertEquals("p1 p2 p3", evalXml(reading, "string-join(//m:text//m:block[@role='p']/@id, ' ')"));
        assertEquals("1 2 3", evalXml(reading, "string-join(//m:citation/m:para/@n, ' ')"));
    }

    @Test
    void commentaryNotesAreNumberedAndTextualNotesJoinTheApparatus() {
        assertEquals("n1 n2", evalXml(reading, "string-join(//m:notes/m:note/@id, ' ')"));
        assertEquals("1 3", evalXml(reading, "string-join(//m:notes/m:note/@loc, ' ')"));
        assertEquals("The matter is the affair of 1899.", evalXml(reading, "//m:note[@id='n1']"));
        assertEquals("nr1 nr2", evalXml(reading, "string-join(//m:text//m:note-ref/@id, ' ')"));
        // textual notes are attached to the entries they target, never numbered
        assertEquals("A omits the words.", evalXml(reading, "//m:entry[@id='a2']/m:note"));
        assertEquals("A reads \"mistake\".", evalXml(reading, "//m:entry[@id='a1']/m:note"));
    }

    @Test
    void apparatusLettersKindsLemmaReadingsAndOmissions() {
        assertEquals("a b c", evalXml(reading, "string-join(//m:apparatus/m:entry/@letter, ' ')"));
        assertEquals("sic variant accidental", evalXml(reading, "string-join(//m:apparatus/m:entry/@kind, ' ')"));
        assertEquals("ar1 ar2 ar3", evalXml(reading, "string-join(//m:text//m:app-ref/@id, ' ')"));
        assertEquals("a1 a2 a3", evalXml(reading, "string-join(//m:text//m:app-ref/@target, ' ')"));
        assertEquals("matter|B|mistake|A", evalXml(reading,
                "string-join(//m:entry[@id='a1']/(m:lemma, m:lemma/@wit, m:reading, m:reading/@wit), '|')"));
        assertEquals("very urgent", evalXml(reading, "//m:entry[@id='a2']/m:lemma"));
        assertEquals("true", evalXml(reading, "//m:entry[@id='a2']/m:reading/@om"));
        assertEquals("A", evalXml(reading, "//m:entry[@id='a2']/m:reading/@wit"));
        assertEquals("1", evalXml(reading, "//m:entry[@id='a2']/@loc"));
    }

    @Test
    void metaAndRegisters() {
        assertEquals("Letter from Ada Example to Bob Sample, 1 May 1900", evalXml(reading, "//m:meta/m:title"));
        assertEquals("A B", evalXml(reading, "string-join(//m:meta/m:witness/@siglum, ' ')"));
        assertEquals("copy-text", evalXml(reading, "//m:meta/m:witness[@id='A']/@role"));
        assertEquals("letter-0.html", evalXml(reading, "//m:meta/m:prev/@href"));
        assertEquals("letter-2.html", evalXml(reading, "//m:meta/m:next/@href"));
        assertEquals("https://creativecommons.org/publicdomain/zero/1.0/", evalXml(reading, "//m:meta/m:licence/@href"));
        assertEquals("correction normalization", evalXml(reading, "string-join(//m:principles/m:principle/@type, ' ')"));
        assertEquals("https://www.wikidata.org/entity/Q7259", evalXml(reading, "//m:entry[@id='reg-ada']/m:link/@href"));
        assertEquals("https://viaf.org/viaf/12345", evalXml(reading, "//m:entry[@id='reg-bob']/m:link/@href"));
        assertEquals("https://www.geonames.org/2988507", evalXml(reading, "//m:entry[@id='reg-paris']/m:link/@href"));
        assertEquals("reg-paris", evalXml(reading, "//m:text//m:inline[@role='name'][.='Paris']/@ref"));
        assertEquals("org", evalXml(reading, "//m:text//m:inline[@role='name'][.='United Nations']/@type"));
    }

    @Test
    void letters() throws Exception {
        // te:letter through a throw-away stylesheet would be overkill: the apparatus of 30 entries shows it
        StringBuilder apps = new StringBuilder();
        for (int i = 0; i < 30; i++) apps.append("<app><lem wit=\"#B\">x</lem><rdg wit=\"#A\">y</rdg></app> ");
        String doc = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/><text><body><p>" + apps + "</p></body></text></TEI>";
        String m = modelOf(doc);
        assertEquals("d z aa ab ac", evalXml(m, "string-join(//m:entry[position() = (4, 26, 27, 28, 29)]/@letter, ' ')"));
    }

    /** The reading view of a document given as text. */
    private static String modelOf(String tei) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("model", ".xml");
        try {
            java.nio.file.Files.writeString(f, tei);
            return model(f, null);
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    /** The facts the corpus pages take from m:meta and m:registers (site/summary.xsl), decided here. */
    @Test
    void metaStatesTitleDateNeighboursAndEveryNamedEntityByKey() throws Exception {
        String doc = "<TEI xmlns='http://www.tei-c.org/ns/1.0' xml:id='L7'><teiHeader><fileDesc><titleStmt>"
                + "<title level='s'>The series</title><title type='iso-date'>1890-03</title><title level='a'>A to B, March 1890</title>"
                + "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc><profileDesc><correspDesc>"
                + "<correspAction type='received'><persName ref='#b'>B</persName><date when='1890-04-02'/></correspAction>"
                + "<correspAction type='sent'><persName ref='https://d-nb.info/gnd/118609807'>A</persName>"
                + "<date notBefore='1890-03-01T10:00:00' notAfter='1890-03-31'>March 1890</date></correspAction>"
                + "<correspContext><ptr type='next' target='https://example.org/letters/L8.xml#top'/>"
                + "<ref subtype='previous_letter' target='L6'>L6</ref></correspContext>"
                + "</correspDesc></profileDesc></teiHeader><text><body><p><rs type='place' ref='#nowhere'>Nowhere</rs> "
                + "<rs type='work' ref='#w1'>a book</rs> <persName ref='#b'>Bee</persName></p></body></text>"
                + "<standOff><listPerson><person xml:id='b'><persName><surname>Bloggs</surname><forename>Bea</forename></persName>"
                + "<idno type='wikidata'>Q42</idno></person></listPerson></standOff></TEI>";
        String m = modelOf(doc);
        assertEquals("A to B, March 1890", evalXml(m, "//m:meta/m:title"), "the letter's own title, not the series");
        assertEquals("1890-03-01", evalXml(m, "//m:meta/@date"), "the sending's date first, as an ISO date");
        assertEquals("L7", evalXml(m, "//m:meta/@xml-id"));
        assertEquals("L6", evalXml(m, "//m:meta/m:prev/@doc"));
        assertEquals("L8|https://example.org/letters/L8.xml#top", evalXml(m, "//m:meta/m:next/@doc || '|' || //m:meta/m:next/@href"));
        assertEquals("person gnd:118609807 |person wikidata:Q42 reg-b|place id:nowhere ",
                evalXml(m, "string-join(//m:meta/m:mentions/m:mention ! (@type || ' ' || @key || ' ' || @ref), '|')"),
                "once per entity (B in the header and Bee in the text are one), a work left out");
        assertEquals("wikidata:Q42|Bloggs, Bea|Bloggs Bea", evalXml(m,
                "string-join((//m:registers//m:entry[@id = 'reg-b'] ! (@key, @sort, m:label)), '|')"));
    }

    @Test
    void correspContextNeighboursByBareNameAreDocumentsOfTheEdition() throws Exception {
        // schnitzler-briefe style: target="L00108" names the letter L00108 of the same edition
        String doc = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
                + "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc><profileDesc><correspDesc>"
                + "<correspContext><ref subtype='previous_letter' target='L00108'>Before</ref>"
                + "<ref subtype='next_letter' target='javascript:alert(1)'>Hostile</ref></correspContext>"
                + "</correspDesc></profileDesc></teiHeader><text><body><p>x</p></body></text></TEI>";
        java.nio.file.Path f = java.nio.file.Files.createTempFile("context", ".xml");
        java.nio.file.Files.writeString(f, doc);
        String m = model(f, null);
        String page = render(f, org.teiedition.editions.Editions.DIPLOMATIC, null);
        java.nio.file.Files.delete(f);
        assertEquals("L00108", evalXml(m, "//m:meta/m:prev/@doc"));
        assertEquals("", evalXml(m, "string(//m:meta/m:prev/@href)"));
        assertEquals("", evalXml(m, "string(//m:meta/m:next/@href)") + evalXml(m, "string(//m:meta/m:next/@doc)"));
        // a page built on its own names its neighbour but does not link to it: that letter was not built
        // (a corpus build links the neighbours it built: CorpusNavigationTest)
        assertEquals(true, page.contains("Previous letter: Before</span>"), page);
        assertEquals(false, page.contains("../L00108/"), page);
        assertEquals(false, page.contains("javascript:"), page);
    }

    @Test
    void witnessTextOutput() throws Exception {
        assertEquals("Dear Bob,\n\nI write from Paris about the mistake we discussed -- it is now.\n\n"
                + "The United Nations sent a note on Mon.; […] and perhaps more.\n\nYours truely,\n\nAda\n",
                witnessText(MINI, "A"));
        assertEquals(witnessText(MINI, "A"), witnessText(MINI, null), "default: the copy-text");
        assertEquals("Dear Bob,\n\nI write from Paris about the matter we discussed—it is very urgent now.\n\n"
                + "The United Nations sent a note on Monday; […] and perhaps more.\n\nYours truly,\n\nAda\n",
                witnessText(MINI, "B"));
    }
}
