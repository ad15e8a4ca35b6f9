package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.apparatus.Support.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.NeedsShared;

/** collate: the two witness texts of the Kennedy letter. */
@NeedsShared({"witnesses/digital-history-3637.txt", "witnesses/frus-1961-63v06-d67.xml"})
class CollateTest {
    @TempDir
    static Path tmp;
    static Path dh;
    static Path frus;
    static String collation;
    static XdmNode doc;

    @BeforeAll
    static void collate() throws Exception {
        dh = Files.writeString(tmp.resolve("dh.txt"), dhText());
        frus = Files.writeString(tmp.resolve("frus.txt"), frusText());
        Path out = tmp.resolve("collation.xml");
        Run r = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        collation = Files.readString(out);
        doc = parse(collation);
    }

    /** The number of apps whose lem (DH, the base) and rdg (FRUS) read exactly these strings, optionally followed by a text. */
    static int apps(String lem, String rdg, String followedBy) throws Exception {
        return xpath(doc, "//tei:app[tei:lem[@wit = '#DH'] = '" + lem.replace("'", "''") + "'][tei:rdg[@wit = '#FRUS'] = '"
                + rdg.replace("'", "''") + "'][starts-with(following-sibling::node()[1][self::text()], '" + followedBy + "')]").size();
    }

    @Test
    void everySubstantiveDifferenceIsAnEntry() throws Exception {
        assertEquals(2, apps("on", "in", " Cuba"), "differences 2 and 10: on/in Cuba\n" + collation);
        assertEquals(1, apps("continuations", "continuation", " of this threat"), "difference 11");
        assertEquals(1, apps("", "a", " prolonging"), "difference 12");
        assertEquals(1, apps("", "an intensification of the Cuban crisis and a grave risk to", " the peace"), "difference 13");
        // 14: DH "lines outlined in this letter of", FRUS "lines in this letter and in your letter of"
        assertEquals(1, apps("outlined", "", " in this"), "difference 14, DH's repair");
        assertEquals(1, xpath(doc, "//tei:app[tei:lem = ''][contains(tei:rdg, 'and in your')]").size(), "difference 14, FRUS's words");
        assertEquals(List.of("substantive"), strings(doc, "distinct-values(//tei:app[contains(tei:rdg, 'intensification')]/@type)"));
    }

    @Test
    void withoutNormalisationTheAccidentalsAreEntriesToo() throws Exception {
        assertEquals(6, xpath(doc, "//tei:app[tei:lem = ' -- '][tei:rdg = '—'][@type = 'accidental']").size(), "differences 3-8:\n" + collation);
        assertEquals(1, apps(",", ":", ""), "difference 1, the salutation");
        assertTrue(xpath(doc, "//tei:app[tei:lem = '\"'][tei:rdg = '’']").size() == 1, "difference 9, the quotation marks");
        assertTrue(xpath(doc, "//tei:app[tei:lem = ''][tei:rdg = '/s/']").size() == 1, "difference 15");
    }

    @Test
    void normalisedDashesAndQuotesAreNotVariants() throws Exception {
        Run r = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "--normalize", "dashes,quotes");
        assertEquals(0, r.code(), r.err());
        XdmNode n = parse(r.out());
        assertEquals(0, xpath(n, "//tei:app[contains(., '—') or contains(., '--')]").size(), r.out());
        assertEquals("6", string(n, "sum(//tei:body//text()[not(ancestor::tei:app)] ! (count(tokenize(., ' -- ')) - 1))"),
                "the base's dashes are kept");
        assertEquals(1, xpath(n, "//tei:app[tei:lem = ''][tei:rdg = 'an intensification of the Cuban crisis and a grave risk to']").size());
        assertTrue(string(n, "//tei:normalization").contains("dashes") && string(n, "//tei:normalization").contains("quotation marks"));
        assertTrue(string(doc, "normalize-space(//tei:normalization)").startsWith("None"));
    }

    @Test
    void theBaseCanBeChosen() throws Exception {
        Run r = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "--base", "FRUS", "--normalize", "punctuation,case");
        assertEquals(0, r.code(), r.err());
        XdmNode n = parse(r.out());
        assertEquals(2, xpath(n, "//tei:app[tei:lem[@wit = '#FRUS'] = 'in'][tei:rdg[@wit = '#DH'] = 'on']").size(), r.out());
        assertEquals(8, xpath(n, "//tei:app").size(), "only the words differ under punctuation normalisation:\n" + r.out());
    }

    @Test
    void theHeaderDescribesTheCollation() throws Exception {
        assertEquals(List.of("DH", "FRUS"), strings(doc, "//tei:listWit/tei:witness/@xml:id/string()"));
        assertEquals(List.of("dh.txt", "frus.txt"), strings(doc, "//tei:listWit/tei:witness/string()"));
        assertEquals("parallel-segmentation internal",
                string(doc, "//tei:variantEncoding/(@method || ' ' || @location)"));
        assertEquals(0, xpath(doc, "//tei:app[not(tei:lem) or tei:lem[not(contains(@wit, '#DH'))]]").size(), "the lem is the base's");
    }

    @Test
    void eachWitnessTextIsRebuiltFromTheCollation() throws Exception {
        Path out = Files.writeString(tmp.resolve("c.xml"), collation);
        Run d = cli("witness", "--wit", "DH", out.toString());
        Run f = cli("witness", "--wit", "FRUS", out.toString());
        assertEquals(normalizeSpace(Files.readString(dh)), normalizeSpace(d.out()));
        assertEquals(normalizeSpace(Files.readString(frus)), normalizeSpace(f.out()));
        // paragraphs too: DH's text has one more paragraph per numbered point, and both rebuild exactly
        assertEquals(Files.readString(frus), f.out());
    }

    @Test
    void theCollationIsValidTei() throws Exception {
        assertEquals(List.of(), teiAllErrors(collation));
    }

    @Test
    void usageErrors() {
        Run one = cli("collate", "--wit", "DH=" + dh);
        assertEquals(2, one.code());
        assertTrue(one.err().startsWith("error: give at least two witnesses"), one.err());
        Run base = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "--base", "X");
        assertEquals(2, base.code());
        assertTrue(base.err().contains("--base X is not one of the witnesses (DH, FRUS)"), base.err());
        Run norm = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "--normalize", "spelling");
        assertEquals(2, norm.code());
        assertTrue(norm.err().contains("unknown normalisation 'spelling'"), norm.err());
    }
}
