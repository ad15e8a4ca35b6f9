package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.apparatus.Support.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.teiedition.testing.Cli.Run;

/** apparatus: the letter's proofreading table in its three formats. */
class ApparatusCommandTest {
    @Test
    void jsonHasTheOmissionOfTheCopyText() throws Exception {
        Run r = cli("apparatus", "--format", "json", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        // parse with XPath 3.1's JSON parser
        XdmNode dummy = parse("<x/>");
        String lit = "'" + r.out().replace("'", "''") + "'";
        var hit = xpath(dummy, "parse-json(" + lit + ")?*[?lemma = 'an intensification of the Cuban crisis and a grave risk to']");
        assertEquals(1, hit.size(), r.out());
        String base = "parse-json(" + lit + ")?*[?lemma = 'an intensification of the Cuban crisis and a grave risk to']";
        assertEquals("§4", string(dummy, base + "?loc"));
        assertEquals("sic/corr", string(dummy, base + "?type"));
        assertEquals("FRUS", string(dummy, "string-join(" + base + "?lemmaWitnesses?*, ' ')"));
        assertEquals("|DH", string(dummy, "string-join(" + base + "?readings?* ! (?text || '|' || string-join(?witnesses?*, ' ')))"));
        assertTrue(string(dummy, base + "?note").startsWith("DH omits an intensification"));
        assertEquals("6", string(dummy, "count(parse-json(" + lit + ")?*[?type = 'regularisation'][?lemma = '—'])"));
        assertEquals("17", string(dummy, "count(parse-json(" + lit + ")?*)"));
    }

    @Test
    void csvParsesBackWithTheSameRows() {
        Run r = cli("apparatus", "--format", "csv", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        List<List<String>> rows = parseCsv(r.out());
        assertEquals(List.of("entry", "loc", "lemma", "lemmaWitnesses", "readings", "type", "note"), rows.get(0));
        assertEquals(17, rows.size() - 1);
        rows.forEach(row -> assertEquals(7, row.size(), row.toString()));
        assertTrue(rows.contains(List.of("d", "§3", "’other armaments’,", "FRUS", "\"other armaments,\" DH", "variant (accidental)", "")), rows.toString());
        // DH's "--" would start a formula in a spreadsheet: the field is kept as text
        assertTrue(rows.contains(List.of("", "§2", "—", "FRUS", "'-- DH", "regularisation", "")), rows.toString());
    }

    @Test
    void csvEscapesEveryFormulaCharacterAtTheStartOfACell() {
        for (String s : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + s, parseCsv(TableFormats.csvField(s) + "\r\n").get(0).get(0), s);
        }
        assertEquals("a=1", TableFormats.csvField("a=1"));
        assertEquals("\"'=1,2\"", TableFormats.csvField("=1,2"));
    }

    /** The entries carry the letters and § locations of the reading edition, and the letter's salutation and signature are named. */
    @Test
    void lettersAndLocationsAreTheEditions() throws Exception {
        Run r = cli("apparatus", "--format", "json", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        XdmNode dummy = parse("<x/>");
        String table = "parse-json('" + r.out().replace("'", "''") + "')?*[exists(?letter)]";
        List<String> rows = strings(dummy, table + " ! (?letter || ' ' || ?loc)");
        org.teiedition.Toolkit toolkit = new org.teiedition.Toolkit();
        byte[] html = toolkit.renderer().render(toolkit.parse(LETTER), org.teiedition.editions.Editions.READING, null);
        var doc = new nu.validator.htmlparser.sax.HtmlParser();
        XdmNode page = SAXON.newDocumentBuilder().build(new javax.xml.transform.sax.SAXSource(doc,
                new org.xml.sax.InputSource(new java.io.ByteArrayInputStream(html))));
        List<String> edition = strings(page, "//*:li[contains-token(@class, 'entry')] ! (*:a[@class = 'backref'] || ' ' "
                + "|| (.//*:a[@class = 'loc'], '?')[1])");
        assertEquals(11, edition.size(), edition.toString());
        for (int i = 0; i < edition.size(); i++) {
            String[] ed = edition.get(i).split(" "), row = rows.get(i).split(" ");
            assertEquals(ed[0], row[0], rows.toString());
            if (!ed[1].equals("?")) assertEquals(ed[1], row[1], rows.toString());
        }
        assertEquals(List.of("a salutation", "b salutation", "c §1"), rows.subList(0, 3));
        assertEquals(List.of("j signature", "k signature"), rows.subList(9, 11));
        assertTrue(strings(dummy, "parse-json('" + r.out().replace("'", "''") + "')?* ! ?loc").stream().noneMatch(String::isEmpty));
    }

    @Test
    void textIsWrappedInBlocks() {
        Run r = cli("apparatus", "--width", "80", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        for (String line : lines) assertTrue(line.codePointCount(0, line.length()) <= 80, line);
        assertTrue(r.out().startsWith("a  salutation  variant (accidental)   om. DH] \" FRUS\n"), r.out());
        assertTrue(r.out().contains("\nh  §4          sic/corr               an intensification of the Cuban crisis and\n"
                + "                                      a grave risk to FRUS] om. DH\n"
                + "                                      Note: DH omits an intensification of the\n"), r.out());
        assertTrue(r.out().contains("\n-  §2          regularisation         — FRUS] -- DH\n"), r.out());
        assertTrue(r.out().endsWith("\nk  signature   variant (accidental)   om. DH] \" FRUS\n"), r.out());
    }

    @Test
    void htmlIsATableForABrowser() throws Exception {
        Run r = cli("apparatus", "--format", "html", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        XdmNode page = SAXON.newDocumentBuilder().build(new javax.xml.transform.sax.SAXSource(new nu.validator.htmlparser.sax.HtmlParser(),
                new org.xml.sax.InputSource(new java.io.StringReader(r.out()))));
        assertEquals("17", string(page, "count(//*:tbody/*:tr)"));
        assertEquals("h|§4|an intensification of the Cuban crisis and a grave risk to FRUS]|om. DH|sic/corr",
                string(page, "string-join(//*:tr[@id = 'a8']/*:td[position() le 5] ! normalize-space(), '|')"));
        assertEquals("0", string(page, "count(//*:script)"));
    }

    /** A strict RFC 4180 reader. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(f.toString()); f.setLength(0); }
            else if (c == '\r' && s.charAt(i + 1) == '\n') { row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); i++; }
            else f.append(c);
        }
        return rows;
    }
}
