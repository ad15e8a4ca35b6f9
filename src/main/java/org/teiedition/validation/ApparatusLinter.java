package org.teiedition.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.teiedition.Diagnostic;
import org.teiedition.xml.SourceDocument;

/**
 * Checks a critical apparatus for what a grammar cannot see: readings that name undeclared witnesses, witnesses
 * missing from or doubled in an {@code app}, readings that say the same, {@code witStart}/{@code witEnd} and
 * {@code lacunaStart}/{@code lacunaEnd} out of step, nested apps that contradict the reading they sit in. Its
 * findings are warnings (about the data, not the encoding's validity), each with a rule id:
 * {@code app-wit-unknown}, {@code app-wit-missing}, {@code app-wit-twice}, {@code app-rdg-duplicate},
 * {@code app-lem-rdg-identical}, {@code app-wit-unbalanced}, {@code app-lacuna-unbalanced},
 * {@code app-nested-contradiction}.
 * <p>
 * The witnesses are those of the header's {@code listWit} that some reading names (one that none names is described,
 * not collated); a {@code @wit} may also name a {@code listWit}, meaning its witnesses. A document without a
 * {@code listWit} is not checked.
 */
public final class ApparatusLinter implements Validator {
    static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final QName WIT = new QName("wit");
    /** What besides the text tells readings apart: a witness's successive states (varSeq), a hand, the reading's kind. */
    private static final QName[] DISTINCT = {new QName("type"), new QName("varSeq"), new QName("hand"), new QName("cause")};
    private static final QName VAR_SEQ = new QName("varSeq");
    private static final QName XML_ID = new QName("xml", "http://www.w3.org/XML/1998/namespace", "id");
    private static final String LAYER = "apparatus";

    /** The project's Schematron rules that report the same finding, as an error, at the same place. */
    private static final Map<String, String> TWINS = Map.of("app-wit-unknown", "wit-declared", "app-wit-twice", "wit-once",
            "app-wit-missing", "wit-complete");

    @Override
    public List<Diagnostic> validate(SourceDocument doc) {
        return new Run(doc).lint();
    }

    /** {@code all} without the linter's findings that a Schematron rule already reported at the same place. */
    public static List<Diagnostic> withoutRepeats(List<Diagnostic> all) {
        Set<String> reported = new HashSet<>();
        for (Diagnostic d : all) if (TWINS.containsValue(d.rule())) reported.add(d.rule() + " " + d.path() + ":" + d.line() + ":" + d.column());
        if (reported.isEmpty()) return all;
        return all.stream().filter(d -> !TWINS.containsKey(d.rule())
                || !reported.contains(TWINS.get(d.rule()) + " " + d.path() + ":" + d.line() + ":" + d.column())).toList();
    }

    /** The state of one document's check. */
    private static final class Run {
        private final String path;
        private final XdmNode root;
        private final List<Diagnostic> out = new ArrayList<>();
        /** witness and listWit ids -> the witnesses they mean */
        private final Map<String, Set<String>> groups = new HashMap<>();
        private final Set<String> collated = new LinkedHashSet<>();
        /** per witness: false while it has not started (or has ended) */
        private final Map<String, Boolean> present = new HashMap<>();
        /** per witness: the open lacunaStart, if any */
        private final Map<String, XdmNode> lacuna = new HashMap<>();
        private final Map<String, XdmNode> started = new HashMap<>();
        /** per witness: its first reading since the document's start or its last witEnd */
        private final Map<String, XdmNode> readSince = new HashMap<>();

        Run(SourceDocument doc) {
            this.path = doc.path().toString();
            this.root = doc.node();
        }

        List<Diagnostic> lint() {
            List<XdmNode> listWits = new ArrayList<>();
            descendants(root, "listWit", listWits);
            if (listWits.isEmpty()) return out;
            for (XdmNode lw : listWits) declare(lw);
            List<XdmNode> texts = new ArrayList<>();
            outermost(root, "text", texts);
            // the witnesses that some reading names, and where each first starts or ends
            Map<String, String> firstMarker = new HashMap<>();
            for (XdmNode t : texts) survey(t, firstMarker);
            for (String w : collated) present.put(w, !"witStart".equals(firstMarker.get(w)));
            for (XdmNode t : texts) walk(t, null);
            for (var open : lacuna.entrySet()) {
                warn(open.getValue(), "app-lacuna-unbalanced", "lacunaStart for " + open.getKey() + " is never closed by a lacunaEnd");
            }
            out.sort(Diagnostic.ORDER);
            return out;
        }

        private void declare(XdmNode listWit) {
            Set<String> all = new LinkedHashSet<>();
            List<XdmNode> witnesses = new ArrayList<>();
            descendants(listWit, "witness", witnesses);
            for (XdmNode w : witnesses) {
                String id = w.getAttributeValue(XML_ID);
                if (id == null) continue;
                groups.put(id, Set.of(id));
                all.add(id);
            }
            String id = listWit.getAttributeValue(XML_ID);
            if (id != null) groups.put(id, all);
        }

        private void survey(XdmNode n, Map<String, String> firstMarker) {
            for (XdmNode c : n.children()) {
                if (c.getNodeKind() != XdmNodeKind.ELEMENT) continue;
                String name = tei(c);
                if (name != null && (name.equals("lem") || name.equals("rdg"))) collated.addAll(resolve(c, false));
                if ("witStart".equals(name) || "witEnd".equals(name)) {
                    for (String w : markerWitnesses(c)) firstMarker.putIfAbsent(w, name);
                }
                survey(c, firstMarker);
            }
        }

        /** Document order; {@code reading} is the lem or rdg the node is in (null outside any). */
        private void walk(XdmNode n, XdmNode reading) {
            for (XdmNode c : n.children()) {
                if (c.getNodeKind() != XdmNodeKind.ELEMENT) continue;
                String name = tei(c);
                if (name == null) {
                    walk(c, reading);
                    continue;
                }
                switch (name) {
                    case "app" -> app(c, reading);
                    case "witStart", "witEnd", "lacunaStart", "lacunaEnd" -> marker(c, name);
                    default -> {
                    }
                }
                if (name.equals("lem") || name.equals("rdg")) {
                    for (String w : resolve(c, true)) readSince.putIfAbsent(w, c);
                    walk(c, c);
                } else {
                    walk(c, reading);
                }
            }
        }

        private void app(XdmNode app, XdmNode outer) {
            List<XdmNode> readings = new ArrayList<>();
            readings(app, readings);
            if (readings.isEmpty()) return;
            Map<String, XdmNode> seen = new LinkedHashMap<>();
            Set<String> covered = new LinkedHashSet<>();
            Map<String, XdmNode> byText = new HashMap<>();
            XdmNode lem = null;
            for (XdmNode r : readings) {
                Set<String> wits = resolve(r, false);
                for (String w : wits) {
                    XdmNode before = seen.putIfAbsent(w, r);
                    if (before != null && !states(before, r)) {
                        warn(app, "app-wit-twice", "witness " + w + " is in two readings of this app (lines " + before.getLineNumber() + " and " + r.getLineNumber() + ")");
                    }
                }
                covered.addAll(wits);
                String key = key(r);
                if ("lem".equals(tei(r))) {
                    lem = r;
                    continue;
                }
                if (lem != null && key.equals(key(lem))) {
                    warn(r, "app-lem-rdg-identical", "this rdg reads the same as the lem (" + shown(r) + "): add its witnesses to the lem's @wit");
                }
                XdmNode same = byText.putIfAbsent(key, r);
                if (same != null) {
                    warn(r, "app-rdg-duplicate", "this rdg reads the same as the rdg at line " + same.getLineNumber() + " (" + shown(r) + "): one rdg with both @wit");
                }
            }
            // a nested app may only name witnesses of the reading it is in
            Set<String> expected = collated;
            if (outer != null && outer.getAttributeValue(WIT) != null) {
                expected = resolve(outer, false);
                Set<String> foreign = new LinkedHashSet<>(covered);
                foreign.removeAll(expected);
                if (!foreign.isEmpty()) {
                    warn(app, "app-nested-contradiction", "this app names " + String.join(" ", foreign) + ", which the enclosing "
                            + tei(outer) + " (line " + outer.getLineNumber() + ") does not");
                }
            }
            // fragmentary witnesses: declared with witDetail, or without text here (not started, ended, in a lacuna)
            Set<String> excused = new LinkedHashSet<>();
            List<XdmNode> details = new ArrayList<>();
            descendants(app, "witDetail", details);
            for (XdmNode d : details) excused.addAll(resolve(d, false));
            List<XdmNode> markers = new ArrayList<>();
            for (String m : new String[] {"witStart", "witEnd", "lacunaStart", "lacunaEnd"}) descendants(app, m, markers);
            for (XdmNode m : markers) excused.addAll(markerWitnesses(m));
            List<String> missing = new ArrayList<>();
            for (String w : expected) {
                if (!covered.contains(w) && !excused.contains(w) && present.getOrDefault(w, true) && !lacuna.containsKey(w)) missing.add(w);
            }
            if (!missing.isEmpty()) {
                warn(app, "app-wit-missing", (missing.size() == 1 ? "witness " : "witnesses ") + String.join(" ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " in no reading of this app (a fragmentary witness: declare it with witDetail or lacunaStart)");
            }
        }

        private void marker(XdmNode m, String name) {
            for (String w : markerWitnesses(m)) {
                switch (name) {
                    case "witStart" -> {
                        XdmNode read = readSince.get(w);
                        if (present.getOrDefault(w, true)) {
                            XdmNode s = started.get(w);
                            warn(m, "app-wit-unbalanced", "witStart for " + w + ", which has already started" + (s == null ? "" : " (line " + s.getLineNumber() + ")"));
                        } else if (read != null && !read.equals(m.getParent()) && !isAncestor(read, m)) {
                            warn(m, "app-wit-unbalanced", "witStart for " + w + ", which has a reading before it (line " + read.getLineNumber() + ")");
                        }
                        present.put(w, true);
                        started.put(w, m);
                    }
                    case "witEnd" -> {
                        if (!present.getOrDefault(w, true)) warn(m, "app-wit-unbalanced", "witEnd for " + w + ", which has not started or has already ended");
                        present.put(w, false);
                        readSince.remove(w);
                    }
                    case "lacunaStart" -> {
                        XdmNode open = lacuna.put(w, m);
                        if (open != null) warn(m, "app-lacuna-unbalanced", "lacunaStart for " + w + " inside its lacuna of line " + open.getLineNumber());
                    }
                    default -> {
                        if (lacuna.remove(w) == null) warn(m, "app-lacuna-unbalanced", "lacunaEnd for " + w + " without a lacunaStart");
                    }
                }
            }
        }

        private static boolean isAncestor(XdmNode a, XdmNode n) {
            for (XdmNode p = n.getParent(); p != null; p = p.getParent()) if (p.equals(a)) return true;
            return false;
        }

        /** lem and rdg of an app, also inside rdgGrp, not those of nested apps. */
        private void readings(XdmNode n, List<XdmNode> out) {
            for (XdmNode c : n.children()) {
                String name = c.getNodeKind() == XdmNodeKind.ELEMENT ? tei(c) : null;
                if ("lem".equals(name) || "rdg".equals(name)) out.add(c);
                else if ("rdgGrp".equals(name)) readings(c, out);
            }
        }

        /** A marker's witnesses: its @wit, else those of the reading it is in. */
        private Set<String> markerWitnesses(XdmNode m) {
            if (m.getAttributeValue(WIT) != null) return resolve(m, false);
            for (XdmNode p = m.getParent(); p != null && p.getNodeKind() == XdmNodeKind.ELEMENT; p = p.getParent()) {
                String name = tei(p);
                if ("lem".equals(name) || "rdg".equals(name)) return resolve(p, false);
            }
            return Set.of();
        }

        /** The witnesses @wit names; with {@code report}, a warning for each pointer that names none. */
        private Set<String> resolve(XdmNode e, boolean report) {
            String wit = e.getAttributeValue(WIT);
            if (wit == null || wit.isBlank()) return Set.of();
            Set<String> out = new LinkedHashSet<>();
            for (String token : wit.strip().split("\\s+")) {
                int hash = token.indexOf('#');
                if (hash > 0) continue; // another document's witness
                String id = token.substring(hash + 1);
                Set<String> ws = groups.get(id);
                if (ws != null) out.addAll(ws);
                else if (report) warn(e, "app-wit-unknown", "@wit names " + token + ", which is no witness of the listWit");
            }
            return out;
        }

        /** What makes two readings the same: their text, their markup, and the attributes in {@link #DISTINCT}. */
        private static String key(XdmNode r) {
            StringBuilder b = new StringBuilder(r.getStringValue().replaceAll("\\s+", " ").strip()).append('|');
            List<XdmNode> all = new ArrayList<>();
            descendants(r, null, all);
            for (XdmNode d : all) b.append(d.getNodeName().getLocalName()).append(' ');
            for (QName a : DISTINCT) b.append('|').append(r.getAttributeValue(a) == null ? "" : r.getAttributeValue(a));
            return b.toString();
        }

        /** Two readings of one witness that are its successive states (different @varSeq): not a doubling. */
        private static boolean states(XdmNode a, XdmNode b) {
            String x = a.getAttributeValue(VAR_SEQ), y = b.getAttributeValue(VAR_SEQ);
            return x != null && y != null && !x.equals(y);
        }

        private static String shown(XdmNode r) {
            String s = r.getStringValue().replaceAll("\\s+", " ").strip();
            if (s.isEmpty()) return "om.";
            return "\u201C" + (s.length() > 40 ? s.substring(0, 40) + "\u2026" : s) + "\u201D";
        }

        private void warn(XdmNode at, String rule, String message) {
            out.add(new Diagnostic(path, at.getLineNumber(), at.getColumnNumber(), Diagnostic.Severity.WARNING, message, rule, LAYER));
        }
    }

    private static String tei(XdmNode e) {
        return TEI.equals(e.getNodeName().getNamespace()) ? e.getNodeName().getLocalName() : null;
    }

    /** The outermost TEI elements named {@code local} (a teiCorpus has several texts; a text may hold others). */
    private static void outermost(XdmNode n, String local, List<XdmNode> out) {
        for (XdmNode c : n.children()) {
            if (c.getNodeKind() != XdmNodeKind.ELEMENT) continue;
            if (local.equals(tei(c))) out.add(c);
            else outermost(c, local, out);
        }
    }

    /** Descendant TEI elements named {@code local} (any element when null), in document order. */
    private static void descendants(XdmNode n, String local, List<XdmNode> out) {
        for (XdmNode c : n.children()) {
            if (c.getNodeKind() != XdmNodeKind.ELEMENT) continue;
            if (local == null || local.equals(tei(c))) out.add(c);
            descendants(c, local, out);
        }
    }
}
