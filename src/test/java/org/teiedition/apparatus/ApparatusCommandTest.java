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
        assertEquals(List.of("loc", "lemma", "lemmaWitnesses", "readings", "type", "note"), rows.get(0));
        assertEquals(17, rows.size() - 1);
        rows.forEach(row -> assertEquals(6, row.size(), row.toString()));
        assertTrue(rows.contains(List.of("§3", "’other armaments’,", "FRUS", "\"other armaments,\" DH", "variant (accidental)", "")), rows.toString());
    }

    @Test
    void textIsAligned() {
        Run r = cli("apparatus", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(18, lines.length);
        int typeColumn = lines[0].indexOf("type");
        for (String line : lines) {
            if (line.startsWith("loc")) continue;
            String rest = line.substring(typeColumn);
            assertTrue(rest.startsWith("variant") || rest.startsWith("sic/corr") || rest.startsWith("regularisation"), line);
        }
        assertTrue(r.out().contains("§4   an intensification of the Cuban crisis and a grave risk to FRUS]  om. DH"), r.out());
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
