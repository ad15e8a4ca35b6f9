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
        assertEquals(LETTER + ":317:77: warning: Y reads \u201C, with yours\u201D where the text is \u201CGeneral and your "
                + "representative\u201D across markup: not encoded\n", r.err());
        // the part inside one text node is encoded
        assertEquals("Acting|new", string(parse(r.out()), "//tei:roleName/tei:app ! (tei:lem || '|' || tei:rdg)"));
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
    }
}
