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
import org.teiedition.transform.Xslt;

/**
 * The apparatus of a document as a table for proofreading: every entry of the shared model's apparatus plus the
 * regularisations and abbreviations that the editions keep silent ({@code te:apparatus-table} in model.xsl), with
 * the editions' letters and locations. {@link TableFormats} writes it out.
 */
public final class ApparatusTable {
    public static final String STYLESHEET = "xslt/text/apparatus.xsl";
    private static final String M = "https://teiedition.org/ns/model";

    public record Reading(String text, List<String> witnesses) {
    }

    /**
     * @param id     the entry's id in the model (a1... = the reading edition's anchor; s1... = a silent entry)
     * @param letter the entry's letter in the editions (a, b ... aa), "" for a silent entry
     * @param loc    "§n" in a numbered paragraph, else the part of the text (salutation, signature, heading ...)
     * @param type   sic/corr, variant (substantive), variant (accidental), regularisation, abbreviation, note
     */
    public record Entry(String id, String letter, String loc, String lemma, List<String> lemmaWitnesses,
                        List<Reading> readings, String type, String note) {
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
            String loc = attr(e, "loc").isEmpty() ? attr(e, "place") : "§" + attr(e, "loc");
            out.add(new Entry(attr(e, "id"), attr(e, "letter"), loc, lemma, lemWits, readings, type(kind), note));
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

    /** The reading's whole text, its spacing (source indentation in a reading) made one space. */
    private static String text(XdmNode reading) {
        String full = attr(reading, "full");
        return (full.isEmpty() ? reading.getStringValue() : full).replaceAll("\\s+", " ").strip();
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
}
