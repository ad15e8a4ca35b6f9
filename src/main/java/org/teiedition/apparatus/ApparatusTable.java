package org.teiedition.apparatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.saxon.s9api.Axis;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.Json;
import org.teiedition.transform.Xslt;

/**
 * The apparatus of a document as a table for proofreading: every entry of the shared model's apparatus plus the
 * regularisations and abbreviations that the editions keep silent ({@code te:apparatus-table} in model.xsl).
 */
public final class ApparatusTable {
    public static final String STYLESHEET = "xslt/text/apparatus.xsl";
    private static final String M = "https://teiedition.org/ns/model";

    public record Reading(String text, List<String> witnesses) {
    }

    /**
     * @param id    the entry's id in the model (a1... = the reading edition's anchor; s1... = a silent entry)
     * @param loc   "§n", or "" outside the numbered paragraphs
     * @param type  sic/corr, variant (substantive), variant (accidental), regularisation, abbreviation, note
     */
    public record Entry(String id, String loc, String lemma, List<String> lemmaWitnesses, List<Reading> readings,
                        String type, String note) {
    }

    private ApparatusTable() {
    }

    public static List<Entry> of(Xslt xslt, XdmNode doc) {
        XdmNode table;
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            XdmDestination d = new XdmDestination();
            t.applyTemplates(doc, d);
            table = d.getXdmNode();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot make the apparatus table: " + e.getMessage(), e);
        }
        XdmNode root = children(table, "table").get(0);
        List<String> declared = children(root, "witness").stream().map(w -> w.getAttributeValue(new QName("siglum"))).toList();
        List<Entry> out = new ArrayList<>();
        for (XdmNode e : children(root, "entry")) {
            String kind = attr(e, "kind");
            List<XdmNode> lem = children(e, "lemma");
            String lemma = lem.isEmpty() ? "" : text(lem.get(0));
            List<String> lemWits = lem.isEmpty() ? List.of() : sigla(attr(lem.get(0), "wit"));
            List<Reading> readings = new ArrayList<>();
            for (XdmNode r : children(e, "reading")) readings.add(new Reading(text(r), sigla(attr(r, "wit"))));
            if (lemWits.isEmpty() && !lem.isEmpty()) {
                // an edited form without a source (reg, expan): read by every witness not named by a reading
                Set<String> rest = new LinkedHashSet<>(declared);
                readings.forEach(r -> rest.removeAll(r.witnesses()));
                lemWits = List.copyOf(rest);
            }
            String note = String.join(" ", children(e, "note").stream().map(n -> n.getStringValue().replaceAll("\\s+", " ").strip()).toList());
            String loc = attr(e, "loc").isEmpty() ? "" : "§" + attr(e, "loc");
            out.add(new Entry(attr(e, "id"), loc, lemma, lemWits, readings, type(kind), note));
        }
        return out;
    }

    private static String type(String kind) {
        return switch (kind) {
            case "sic" -> "sic/corr";
            case "accidental" -> "variant (accidental)";
            case "variant" -> "variant (substantive)";
            case "textual-note" -> "note";
            default -> kind;
        };
    }

    private static String text(XdmNode reading) {
        String full = attr(reading, "full");
        return full.isEmpty() ? reading.getStringValue() : full;
    }

    private static List<String> sigla(String wit) {
        return wit.isBlank() ? List.of() : Arrays.asList(wit.strip().split("\\s+"));
    }

    private static String attr(XdmNode n, String name) {
        String v = n.getAttributeValue(new QName(name));
        return v == null ? "" : v;
    }

    private static List<XdmNode> children(XdmNode n, String local) {
        List<XdmNode> out = new ArrayList<>();
        for (XdmNode c : n.children()) {
            if (c.getNodeKind() == XdmNodeKind.ELEMENT && c.getNodeName().getLocalName().equals(local)
                    && M.equals(c.getNodeName().getNamespace())) out.add(c);
        }
        return out;
    }

    // ------------------------------------------------------------------ formats

    static String readings(Entry e) {
        return String.join("; ", e.readings().stream().map(ApparatusTable::reading).toList());
    }

    static String reading(Reading r) {
        return (r.text().isEmpty() ? "om." : r.text()) + (r.witnesses().isEmpty() ? "" : " " + String.join(" ", r.witnesses()));
    }

    static String lemma(Entry e) {
        return (e.lemma().isEmpty() ? "om." : e.lemma()) + (e.lemmaWitnesses().isEmpty() ? "" : " " + String.join(" ", e.lemmaWitnesses()));
    }

    /** Aligned columns: loc, lemma] witnesses, readings, type, note. */
    public static String text(List<Entry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"loc", "lemma", "readings", "type", "note"});
        for (Entry e : entries) rows.add(new String[] {e.loc(), lemma(e) + "]", readings(e), e.type(), e.note()});
        int[] width = new int[5];
        for (String[] r : rows) for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                line.append(r[i]);
                if (i < 4) line.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
    public static String csv(List<Entry> entries) {
        StringBuilder b = new StringBuilder("loc,lemma,lemmaWitnesses,readings,type,note\r\n");
        for (Entry e : entries) {
            String[] f = {e.loc(), e.lemma(), String.join(" ", e.lemmaWitnesses()), readings(e), e.type(), e.note()};
            for (int i = 0; i < f.length; i++) {
                if (i > 0) b.append(',');
                b.append(f[i].matches("(?s).*[,\"\r\n].*") ? "\"" + f[i].replace("\"", "\"\"") + "\"" : f[i]);
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    /** One JSON array of objects: id, loc, lemma, lemmaWitnesses, readings [{text, witnesses}], type, note. */
    public static String json(List<Entry> entries) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("  {\"id\": ").append(Json.quote(e.id()))
                    .append(", \"loc\": ").append(e.loc().isEmpty() ? "null" : Json.quote(e.loc()))
                    .append(", \"lemma\": ").append(Json.quote(e.lemma()))
                    .append(", \"lemmaWitnesses\": ").append(array(e.lemmaWitnesses()))
                    .append(", \"readings\": [");
            for (int j = 0; j < e.readings().size(); j++) {
                Reading r = e.readings().get(j);
                b.append(j == 0 ? "" : ", ").append("{\"text\": ").append(Json.quote(r.text())).append(", \"witnesses\": ").append(array(r.witnesses())).append('}');
            }
            b.append("], \"type\": ").append(Json.quote(e.type())).append(", \"note\": ").append(e.note().isEmpty() ? "null" : Json.quote(e.note())).append('}');
        }
        return b.append(entries.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static String array(List<String> items) {
        return "[" + String.join(", ", items.stream().map(Json::quote).toList()) + "]";
    }

}
