package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.apparatus.Support.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Shared;

/** add-witness: a witness added to the letter's finished encoding, its editorial work kept. */
class AddWitnessTest {
    @TempDir
    Path tmp;

    /** The letter's encoding without FRUS: its siglum out of every @wit and @source, its own readings and witness gone. */
    static String withoutFrus(String tei) {
        String t = tei.replaceAll("<rdg\\s+wit=\"#FRUS\">[^<]*</rdg>", "");
        t = t.replaceAll("\\s+wit=\"#FRUS\"", "").replaceAll("\\s+source=\"#FRUS\"", "");
        return Pattern.compile("\\s*<witness xml:id=\"FRUS\".*?</witness>", Pattern.DOTALL).matcher(t).replaceAll("");
    }

    /** Every app and choice: its id, then each reading's name, text and witnesses. */
    static List<String> apparatus(XdmNode doc) throws Exception {
        return strings(doc, "//tei:text//(tei:app | tei:choice) ! string-join((string(@xml:id), *[not(self::tei:note)] ! (local-name() || '='"
                + " || normalize-space() || ' ' || string-join(sort(tokenize(normalize-space(string-join((@wit, @source), ' ')), ' ')), ' '))), ' | ')");
    }

    static List<String> all(Pattern p, String s) {
        Matcher m = p.matcher(s);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group());
        return out;
    }

    static final Pattern NOTES = Pattern.compile("<note\\b.*?</note>|<!--.*?-->", Pattern.DOTALL);

    @Test
    void removingFrusAndAddingItBackGivesTheSameApparatus() throws Exception {
        String original = Files.readString(LETTER);
        Path without = Files.writeString(tmp.resolve("without.xml"), withoutFrus(original));
        assertTrue(apparatus(parse(without)).stream().noneMatch(s -> s.contains("FRUS")));
        Path back = tmp.resolve("back.xml");
        Run r = cli("add-witness", without.toString(), "--wit", "FRUS=" + Shared.path("witnesses/frus-1961-63v06-d67.xml"), "-o", back.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "nothing left unencoded");
        String result = Files.readString(back);
        List<String> expected = apparatus(parse(LETTER));
        assertEquals(17, expected.size());
        assertEquals(expected, apparatus(parse(back)));
        // the editor's notes and comments, byte for byte
        for (String note : all(NOTES, withoutFrus(original).substring(original.indexOf("<text")))) assertTrue(result.contains(note), note);
        assertEquals("frus-1961-63v06-d67.xml (edited text)", string(parse(back), "//tei:listWit/tei:witness[@xml:id = 'FRUS']"));
        Run v = cli("validate", back.toString());
        assertEquals(0, v.code(), v.out() + v.err());
    }

    /** A third witness: DH's published page with two changes; it joins DH's readings and gets new apps where it alone differs. */
    @Test
    void aThirdWitnessJoinsTheReadingsAndAddsItsOwn() throws Exception {
        String dh = Files.readString(Shared.path("witnesses/digital-history-3637.txt"))
                .replace("with great care", "with care").replace("halting the arms race", "halting the race");
        Path x = Files.writeString(tmp.resolve("x.txt"), dh);
        Run r = cli("add-witness", LETTER.toString(), "--wit", "X=" + x);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        XdmNode doc = parse(r.out());
        assertEquals("#DH #X", string(doc, "//tei:app[@xml:id = 'app-in-cuba-1']/tei:rdg[. = 'on']/@wit"));
        assertEquals("#FRUS", string(doc, "//tei:app[@xml:id = 'app-in-cuba-1']/tei:lem/@wit"));
        assertEquals("#DH #X", string(doc, "//tei:app[@xml:id = 'app-salute-quote']/tei:rdg[1]/@wit"));
        assertEquals(List.of("great|#DH #FRUS||#X", "arms|#DH #FRUS||#X"),
                strings(doc, "//tei:app[not(@xml:id)] ! (tei:lem || '|' || tei:lem/@wit || '|' || tei:rdg || '|' || tei:rdg/@wit)"));
        assertEquals(List.of("DH", "FRUS", "X"), strings(doc, "//tei:listWit/tei:witness/@xml:id/string()"));
        String original = Files.readString(LETTER);
        for (String note : all(NOTES, original)) assertTrue(r.out().contains(note), note);
        // outside the edits the file is unchanged: deleting what was inserted gives the original back
        String undone = r.out().replaceAll("\\n *<witness xml:id=\"X\">x.txt</witness>", "").replace(" #X", "")
                .replaceAll("<app><lem wit=\"#DH #FRUS\">(\\w+)</lem><rdg wit=\"#X\"/></app>", "$1");
        assertEquals(original, undone);
        Run v = cli("validate", Files.writeString(tmp.resolve("x.xml"), r.out()).toString());
        assertEquals(0, v.code(), v.out() + v.err());
    }

    /** A difference that would need an app across a name's markup is not encoded, and says so with its place. */
    @Test
    void aDifferenceAcrossMarkupIsReportedNotDropped() throws Exception {
        String y = Files.readString(Shared.path("witnesses/digital-history-3637.txt"))
                .replace("the Acting Secretary General and your representative", "the new Secretary, with yours");
        Run r = cli("add-witness", LETTER.toString(), "--wit", "Y=" + Files.writeString(tmp.resolve("y.txt"), y));
        assertEquals(0, r.code(), r.err());
        // located at the text where the difference starts: "General", which ends the roleName
        List<String> lines = Files.readAllLines(LETTER);
        int line = 1 + java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains("Secretary General</roleName>")).findFirst().orElseThrow();
        int column = 1 + lines.get(line - 1).indexOf("General</roleName>");
        assertEquals(LETTER + ":" + line + ":" + column + ": warning: Y reads \u201C, with yours\u201D where the text is \u201CGeneral and your "
                + "representative\u201D across markup: not encoded\n", r.err());
        // the part inside one text node is encoded
        assertEquals("Acting|new", string(parse(r.out()), "//tei:roleName/tei:app ! (tei:lem || '|' || tei:rdg)"));
    }

    /** The letter with a document type declaration whose internal subset declares {@code &cuba;}, used once in the text. */
    static String withEntity(String value) throws Exception {
        String letter = Files.readString(LETTER);
        String used = letter.replaceFirst("weapons systems in <placeName ref=\"#cuba\">Cuba</placeName>",
                "weapons systems in <placeName ref=\"#cuba\">&cuba;</placeName>");
        assertTrue(!used.equals(letter));
        return used.replaceFirst("\\?>\n", "?>\n<!DOCTYPE TEI [\n  <!-- an island ] > -->\n  <!ENTITY cuba '" + value + "'>\n]>\n");
    }

    /** An entity the document declares is read as its text (the alignment sees "Cuba"), and stays a reference. */
    @Test
    void anEntityDeclaredInTheDocumentIsReadAsItsText() throws Exception {
        Path edition = Files.writeString(tmp.resolve("entity.xml"), withEntity("Cu&#98;a"));
        String dh = Files.readString(Shared.path("witnesses/digital-history-3637.txt")).replace("with great care", "with care");
        Run r = cli("add-witness", edition.toString(), "--wit", "X=" + Files.writeString(tmp.resolve("x.txt"), dh));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "Cuba agrees, so no app is made there");
        assertTrue(r.out().contains("<placeName ref=\"#cuba\">&cuba;</placeName> capable"), "the reference is kept");
        assertEquals(List.of("great|#DH #FRUS||#X"),
                strings(parse(r.out()), "//tei:app[not(@xml:id)] ! (tei:lem || '|' || tei:lem/@wit || '|' || tei:rdg || '|' || tei:rdg/@wit)"));
    }

    /** An entity whose text holds markup cannot be edited as text: refused with what to do, nothing written. */
    @Test
    void anEntityHoldingMarkupIsRefused() throws Exception {
        // also when the markup is written as character references, which XML replaces when the entity is declared
        for (String value : List.of("<hi>Cuba</hi>", "&#60;hi>Cuba&#x3C;/hi>")) {
            Path edition = Files.writeString(tmp.resolve("markup.xml"), withEntity(value));
            Path out = tmp.resolve("out.xml");
            Run r = cli("add-witness", edition.toString(), "--wit", "X=" + Shared.path("witnesses/digital-history-3637.txt"), "-o", out.toString());
            assertEquals(1, r.code(), value + ": " + r.err());
            assertEquals(edition + ": error: the edition uses the entity &cuba; whose text holds markup: add-witness edits the encoding"
                    + " as text, so replace the reference by what it stands for first\n", r.err());
            assertTrue(Files.notExists(out));
        }
    }

    @Test
    void refusals() throws Exception {
        Run taken = cli("add-witness", LETTER.toString(), "--wit", "DH=" + LETTER);
        assertEquals(1, taken.code());
        assertEquals(LETTER + ": error: the edition already has a witness DH\n", taken.err());
        assertEquals("", taken.out());
        Path plain = Files.writeString(tmp.resolve("plain.xml"), "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/><text><body><p>x</p></body></text></TEI>");
        Run none = cli("add-witness", plain.toString(), "--wit", "A=" + LETTER);
        assertEquals(1, none.code());
        assertTrue(none.err().contains("error: the edition has no listWit"), none.err());
        Path other = Files.writeString(tmp.resolve("other.txt"), "Quite another text, about nothing in the letter at all.");
        Run unrelated = cli("add-witness", LETTER.toString(), "--wit", "O=" + other);
        assertEquals(1, unrelated.code());
        assertEquals(LETTER + ": error: the new witness shares no run of 3 words with the edition's text: is it the same text?\n", unrelated.err());
        assertEquals("", unrelated.out());
        // edited as text and written back as UTF-8: an edition in another encoding would come back mislabelled
        Path latin = tmp.resolve("latin1.xml");
        Files.write(latin, Files.readString(LETTER).replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("Dear Mr. Chairman", "Cher Pr\u00e9sident").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run encoded = cli("add-witness", latin.toString(), "--wit", "X=" + LETTER);
        assertEquals(1, encoded.code());
        assertEquals(latin + ": error: the edition is encoded in ISO-8859-1: add-witness edits UTF-8 encodings only, so convert it"
                + " first (e.g. with iconv, and change its XML declaration)\n", encoded.err());
    }
}
