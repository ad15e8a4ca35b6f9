package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.teiedition.Toolkit;

/** The search words of a document's reading view: normalised as search.js normalises a query, never fused. */
class SearchWordsTest {
    @Test
    void accentsBreathingsAndTheLongSFold() {
        assertEquals(List.of("gross", "schon", "λογος", "ομηρος"),
                List.copyOf(SearchWords.words("Λόγος Ὅμηρος ſchön GROSS")));
    }

    @Test
    void wordsEndAtBlocksLineBreaksAndGapsButNotInsideInlineMarkup() throws Exception {
        String tei = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><titleStmt><title level='s'>Series</title>"
                + "<title level='a'>Own title</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
                + "</fileDesc><profileDesc><correspDesc><correspAction type='sent'><persName>Anna</persName>"
                + "<date when='1898-01-02'>2 January 1898</date></correspAction></correspDesc></profileDesc></teiHeader>"
                + "<text><body><p>Herz<hi>lich</hi>st<lb/>Ihr<lb break='no'/>e</p><closer>Gruss<signed>Richard</signed></closer>"
                + "<p>vor<gap/>her</p></body></text></TEI>";
        java.nio.file.Path f = java.nio.file.Files.createTempFile("words", ".xml");
        try {
            java.nio.file.Files.writeString(f, tei);
            Toolkit toolkit = new Toolkit();
            XdmNode model = toolkit.renderer().model(toolkit.parse(f), org.teiedition.editions.View.READING, null);
            assertEquals(List.of("1898", "2", "anna", "gruss", "her", "herzlichst", "ihre", "january", "own", "richard", "title", "vor"),
                    List.copyOf(SearchWords.of(model)));
        } finally {
            java.nio.file.Files.delete(f);
        }
    }
}
