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
import org.teiedition.testing.Shared;

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
        // the trimming to the shared text left out FRUS's quotation marks around the letter, and says so
        assertEquals(List.of("dh.txt", "frus.txt; left out of the collation: before the collated text, 1 word: \u201C\"\u201D; "
                + "after the collated text, 1 word: \u201C\"\u201D"), strings(doc, "//tei:listWit/tei:witness/string()"));
        assertEquals("parallel-segmentation internal",
                string(doc, "//tei:variantEncoding/(@method || ' ' || @location)"));
        assertEquals(0, xpath(doc, "//tei:app[not(tei:lem) or tei:lem[not(contains(@wit, '#DH'))]]").size(), "the lem is the base's");
    }

    @Test
    void eachWitnessTextIsRebuiltFromTheCollation() throws Exception {
        Path out = tmp.resolve("c.xml");
        Run c = cli("collate", "--no-trim", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "-o", out.toString());
        assertEquals(0, c.code(), c.err());
        assertEquals("", c.err(), "nothing is left out");
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

    /** The witnesses as published: title blocks, telegram framing and copyright are not collated, and are reported. */
    @Test
    void rawWitnessesAreTrimmedToTheSharedText() throws Exception {
        Path out = tmp.resolve("raw.xml");
        Run r = cli("collate", "--wit", "DH=" + Shared.path("witnesses/digital-history-3637.txt"),
                "--wit", "FRUS=" + Shared.path("witnesses/frus-1961-63v06-d67.xml"), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(
                "collate: DH: before the collated text, 69 words: \u201CDigital History Letter from \u2026 Document: October 27, 1962\u201D",
                "collate: DH: after the collated text, 4 words: \u201CCopyright 2016 Digital History\u201D",
                "collate: FRUS: before the collated text, 54 words: \u201C67. Telegram From the \u2026 released to press: \"\u201D",
                "collate: FRUS: after the collated text, 2 words: \u201C\" Rusk\u201D"), r.err().lines().toList());
        XdmNode raw = parse(out);
        String body = normalizeSpace(string(raw, "string-join(//tei:body//text()[not(ancestor::tei:rdg)], '')"));
        assertTrue(body.startsWith("Dear Mr. Chairman, I have read"), body);
        assertTrue(body.endsWith("October 26th. John F. Kennedy"), body);
        // FRUS's "problem.<pb/>The" differs from DH's "problem. The" by spacing only: no entry
        assertEquals(0, xpath(raw, "//tei:app[every $r in (tei:lem | tei:rdg) satisfies normalize-space($r) = '']").size(), Files.readString(out));
        assertTrue(body.contains("the problem. The first thing"), body);
        assertEquals(18, xpath(raw, "//tei:app").size(), Files.readString(out));
        assertEquals(List.of(), teiAllErrors(Files.readString(out)));
        Run v = cli("validate", out.toString());
        assertEquals(0, v.code(), v.out() + v.err());
    }

    @Test
    void fromAndToChooseThePartCollated() throws Exception {
        Run r = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "--from", "I have  read", "--to", "October 26th.");
        assertEquals(0, r.code(), r.err());
        String body = normalizeSpace(string(parse(r.out()), "string-join(//tei:body//text()[not(ancestor::tei:rdg)], '')"));
        assertTrue(body.startsWith("I have read your letter"), body);
        assertTrue(body.endsWith("suggested in your letter of October 26th."), body);
        assertTrue(r.err().contains("collate: DH: before the collated text, 3 words: \u201CDear Mr. Chairman,\u201D"), r.err());
        // an id in a TEI witness: its first words are the phrase
        Run id = cli("collate", "--wit", "DH=" + LETTER + "#DH", "--wit", "FRUS=" + LETTER + "#FRUS", "--from", "seg-representatives");
        assertEquals(0, id.code(), id.err());
        assertTrue(normalizeSpace(string(parse(id.out()), "string(//tei:body)")).startsWith("my representatives in New York"), id.out());
        Run missing = cli("collate", "--wit", "DH=" + dh, "--wit", "FRUS=" + frus, "--to", "Dear Comrade");
        assertEquals(1, missing.code());
        assertEquals("error: witness DH does not contain the --to phrase \"Dear Comrade\"\n", missing.err());
        assertEquals("", missing.out());
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
