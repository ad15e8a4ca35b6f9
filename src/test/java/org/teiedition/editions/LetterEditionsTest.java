package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.editions.EditionSupport.LETTER;
import static org.teiedition.editions.EditionSupport.witnessText;
import static org.teiedition.editions.EditionSupport.eval;
import static org.teiedition.editions.EditionSupport.html;
import static org.teiedition.editions.EditionSupport.letterText;
import static org.teiedition.editions.EditionSupport.render;
import static org.teiedition.editions.EditionSupport.words;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The reading and diplomatic editions of the Kennedy letter, against the witnesses in ../shared/witnesses. */
class LetterEditionsTest {
    static final String EDITED = "an intensification of the Cuban crisis and a grave risk to the peace of the world";
    static final String DH_SIC = "would surely lead to the peace of the world";
    static String readingHtml;
    static Document reading;
    static Document diplomatic;

    @BeforeAll
    static void build() throws Exception {
        readingHtml = render(LETTER, Editions.READING, null);
        reading = html(readingHtml);
        diplomatic = html(render(LETTER, Editions.DIPLOMATIC, null));
    }

    @Test
    void readingTextIsCorrectedAndDiplomaticKeepsTheCopyTextError() {
        assertTrue(letterText(reading).contains(EDITED), "the reading text adopts FRUS's words");
        assertFalse(letterText(reading).contains(DH_SIC), "DH's omission is not in the reading text");
        assertTrue(letterText(diplomatic).contains(DH_SIC), "the diplomatic text keeps DH's omission");
        assertFalse(letterText(diplomatic).contains("intensification"));
    }

    @Test
    void theOmissionHasAnApparatusEntryLinkedBothWays() {
        String entry = "//h:ol[@class='apparatus-list']/h:li[contains(., 'intensification')]";
        String id = eval(reading, entry + "/@id");
        assertTrue(id.matches("a\\d+"), id);
        String marker = "//h:article//h:a[@href='#" + id + "']";
        String markerId = eval(reading, marker + "/@id");
        assertEquals("ar" + id.substring(1), markerId);
        assertEquals("#" + markerId, eval(reading, entry + "/h:a[@class='backref']/@href"), "entry links back to its marker");
        assertEquals(id, eval(reading, marker + "/@aria-describedby"));
        // lemma ] FRUS; om. DH
        assertEquals("an … to", eval(reading, "normalize-space(" + entry + "//h:span[@class='lem'])"));
        assertEquals("FRUS DH", eval(reading, "string-join(" + entry + "//h:span[@class='wit'], ' ')"));
        assertEquals("om.", eval(reading, "normalize-space(" + entry + "//h:span[@class='rdg'])"));
        assertTrue(eval(reading, "normalize-space(" + entry + ")").contains("] FRUS; om. DH"));
        // and the marker sits in §4 of the text
        assertEquals("p4", eval(reading, marker + "/ancestor::*[@id][1]/@id"));
    }

    /** Every entry says where it is: its § in the paragraphs, else the part of the letter (the model's @place). */
    @Test
    void everyApparatusEntrySaysWhereItIs() {
        String entries = "//h:ol[@class='apparatus-list']/h:li";
        assertEquals("0", eval(reading, "count(" + entries + "[not(.//*[@class = 'loc'])])"));
        assertEquals("salutation salutation signature signature",
                eval(reading, "string-join(" + entries + "//h:span[@class='loc'], ' ')"));
        assertEquals("§4", eval(reading, entries + "[contains(., 'intensification')]//h:a[@class='loc']"));
    }

    @Test
    void paragraphsAreCitable() {
        assertEquals("p1 p2 p3 p4", eval(reading, "string-join(//h:article//*[starts-with(@id, 'p')]/@id, ' ')"));
        assertEquals("§1", eval(reading, "//*[@id='p1']/h:a[@class='para-num ed']"));
        assertEquals("#p1", eval(reading, "//*[@id='p1']/h:a[@class='para-num ed']/@href"));
        assertEquals("true", eval(reading, "exists(//h:section[@id='cite'])"));
    }

    @Test
    void headerRegistersAndControlsAreVisible() {
        String header = eval(reading, "normalize-space(//h:header)");
        assertTrue(header.contains("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962"), header);
        assertTrue(header.contains("Previous letter") && header.contains("Next letter"), header);
        assertEquals("DH FRUS", eval(reading, "string-join(//h:dl[@class='witnesses']//h:span[@class='siglum'], ' ')"));
        assertEquals("true", eval(reading, "contains(//h:footer, 'CC BY 4.0')"));
        assertEquals("true", eval(reading, "exists(//h:div[@class='principles']/*)"));
        assertEquals("true", eval(reading, "//h:button[@id='toggle-app']/@aria-pressed = 'true'"));
        // a name in the text links to its register entry, which links to its authority
        String href = eval(reading, "(//h:article//h:a[contains(@class, 'name')][. = 'Cuba'])[1]/@href");
        assertTrue(href.startsWith("#reg-"), href);
        assertEquals("true", eval(reading, "starts-with(//h:li[@id='" + href.substring(1) + "']/h:a[@class='authority'][1]/@href, 'https://www.wikidata.org/')"));
        assertEquals("en", eval(reading, "/h:html/@lang"));
    }

    @Test
    void notesAreNumberedAndLinkedBothWays() {
        assertEquals("n1", eval(reading, "(//h:ol[@class='notes-list']/h:li)[1]/@id"));
        assertEquals("#nr1", eval(reading, "//h:li[@id='n1']/h:a[@class='backref']/@href"));
        assertEquals("#n1", eval(reading, "//h:a[@id='nr1']/@href"));
        assertEquals("1", eval(reading, "//h:a[@id='nr1']/h:sup"));
    }

    @Test
    void diplomaticTextEqualsDigitalHistory() throws Exception {
        assertEquals(EditionSupport.dhLetter(), letterText(diplomatic));
    }

    @Test
    void readingTextEqualsFrusWordForWord() throws Exception {
        assertEquals(EditionSupport.frusWords(), words(letterText(reading)));
    }

    @Test
    void witnessOutputGivesTheSameTexts() throws Exception {
        assertEquals(EditionSupport.dhLetter(), witnessText(LETTER, "DH").replaceAll("\\s+", " ").trim());
        assertEquals(EditionSupport.frusWords(), words(witnessText(LETTER, "FRUS")));
        // DH's paragraphing (its milestones): the numbered points are paragraphs of their own
        assertTrue(witnessText(LETTER, "DH").contains("as follows:\n\n1) You would agree"));
    }

    @Test
    void diplomaticRendersAnyWitness() throws Exception {
        Document frus = html(render(LETTER, Editions.DIPLOMATIC, "FRUS"));
        assertEquals(EditionSupport.frusWords(), words(letterText(frus)));
        assertTrue(eval(frus, "//h:p[@class='kind']").endsWith("of witness FRUS"));
    }

    @Test
    void outputIsDeterministic() throws Exception {
        assertEquals(readingHtml, render(LETTER, Editions.READING, null));
    }
}
