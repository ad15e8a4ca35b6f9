package org.teiedition.apparatus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a witness to an encoding that already has its apparatus: the new witness's text is aligned (CollateX) with
 * the text of a witness of the encoding (the copy-text, else the first), and the encoding is edited where the source
 * says so, by offsets, never re-serialised: every {@code app} gains the new siglum (in the {@code @wit} of the
 * reading it agrees with, or in a new {@code rdg}), a {@code choice} whose {@code corr} it reads gains it in the
 * corr's {@code @source}, a new {@code app} stands where it differs from all the others in plain text, and the
 * {@code listWit} gains a {@code witness}. Everything else — notes, corrections, ids, comments, spacing — stays
 * byte for byte. Differences it cannot encode (inside markup, or against a sic and a corr alike) are reported.
 */
public final class WitnessAdder {

    /** The new encoding and one line per difference that was not encoded (with its line and column). */
    public record Result(String tei, List<String> warnings) {
    }

    /** The edition cannot take the witness (no listWit, the siglum is taken, no text). */
    public static final class RefusedException extends IllegalArgumentException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private static final Set<String> BREAKS = Set.of("lb", "pb", "cb", "milestone");
    private static final Set<String> SKIPPED = Set.of("note", "witDetail", "teiHeader", "fw", "figDesc");

    private final String src;
    private final String siglum;
    private final List<Edit> edits = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private record Edit(int at, int remove, String insert) {
    }

    private WitnessAdder(String src, String siglum) {
        this.src = src;
        this.siglum = siglum;
    }

    /**
     * @param source      the encoding, as its characters
     * @param siglum      the new witness's siglum (an XML name not yet used)
     * @param text        the new witness's plain text (framing before and after the shared text is left out)
     * @param description the new witness element's text
     */
    public static Result add(String source, String siglum, String text, String description) {
        return new WitnessAdder(source, siglum).run(text, description);
    }

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^(?:\uFEFF)?<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']+)[\"']");

    /**
     * The encoding's characters, from its bytes: it is edited as text and written back as UTF-8, so a file in
     * another encoding is refused (rather than written back with a declaration that no longer holds).
     */
    public static String characters(byte[] bytes) {
        Matcher declared = DECLARED_ENCODING.matcher(new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8));
        if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8")) {
            throw new RefusedException("the edition is encoded in " + declared.group(1)
                    + ": add-witness edits UTF-8 encodings only, so convert it first (e.g. with iconv, and change its XML declaration)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RefusedException("the edition is not UTF-8: add-witness edits UTF-8 encodings only, so convert it first");
        }
    }

    // ------------------------------------------------------------------ the source, scanned with offsets

    /** An element of the source: where its tags are, its attributes' value ranges, its children. */
    private static final class El {
        String name;
        int start, tagEnd, endStart, end;
        final Map<String, int[]> attrs = new LinkedHashMap<>();
        final List<Object> children = new ArrayList<>(); // El or int[] {start, end} of a text run
        El parent;

        String attr(String src, String n) {
            int[] v = attrs.get(n);
            return v == null ? null : src.substring(v[0], v[1]);
        }
    }

    private static final Pattern NAME = Pattern.compile("[^\\s/>]+");
    private static final Pattern ATTR = Pattern.compile("\\s+([\\w:.-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    /** The element tree of a well-formed document (it has been parsed by the hardened parser first). */
    private El scan() {
        El root = new El();
        root.name = "#document";
        El cur = root;
        int i = 0, n = src.length();
        while (i < n) {
            int lt = src.indexOf('<', i);
            if (lt < 0) lt = n;
            if (lt > i) cur.children.add(new int[] {i, lt});
            if (lt >= n) break;
            if (src.startsWith("<!--", lt)) i = past("-->", lt);
            else if (src.startsWith("<?", lt)) i = past("?>", lt);
            else if (src.startsWith("<![CDATA[", lt)) {
                i = past("]]>", lt);
                cur.children.add(new int[] {lt, i});
            } else if (src.startsWith("<!DOCTYPE", lt)) i = doctypeEnd(lt);
            else if (src.startsWith("<!", lt)) i = past(">", lt);
            else if (src.startsWith("</", lt)) {
                int gt = past(">", lt) - 1;
                cur.endStart = lt;
                cur.end = gt + 1;
                cur = cur.parent;
                i = gt + 1;
            } else {
                int gt = tagEnd(lt);
                El e = new El();
                e.parent = cur;
                e.start = lt;
                e.tagEnd = gt + 1;
                Matcher name = NAME.matcher(src).region(lt + 1, gt);
                name.lookingAt();
                e.name = name.group().replaceFirst("^.*:", "");
                Matcher a = ATTR.matcher(src).region(name.end(), gt);
                while (a.find()) {
                    int g = a.group(3) != null ? 3 : 4;
                    e.attrs.put(a.group(1), new int[] {a.start(g), a.end(g)});
                }
                cur.children.add(e);
                if (src.charAt(gt - 1) == '/') {
                    e.endStart = gt + 1;
                    e.end = gt + 1;
                } else {
                    cur = e;
                }
                i = gt + 1;
            }
        }
        return root;
    }

    private static final Pattern ENTITY_DECL = Pattern.compile("<!ENTITY\\s+([^\\s%]+)\\s+(?:\"([^\"]*)\"|'([^']*)')\\s*>");

    /**
     * After the document type declaration at lt, whose internal subset may declare entities (their text is what the
     * parser read, so it is what the witness's text is aligned with); quoted values and comments may hold '>' and ']'.
     */
    /** Just after the first {@code end} from {@code from}; an unterminated construct (a source the parser did not read first) is refused. */
    private int past(String end, int from) {
        int at = src.indexOf(end, from);
        if (at < 0) throw new RefusedException("the edition is not well-formed: no \u201C" + end + "\u201D after offset " + from);
        return at + end.length();
    }

    private int doctypeEnd(int lt) {
        int i = lt + 9;
        char quote = 0;
        boolean subset = false;
        for (; i < src.length(); i++) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (subset && src.startsWith("<!--", i)) i = past("-->", i) - 1;
            else if (c == '[') subset = true;
            else if (c == ']') subset = false;
            else if (c == '>' && !subset) break;
        }
        Matcher m = ENTITY_DECL.matcher(src).region(lt, i);
        while (m.find()) entities.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        return i + 1;
    }

    private static final Pattern REFERENCE = Pattern.compile("&([^;&\\s]+);");
    private static final Pattern CHARACTER = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+);");

    /** Internal general entities of the document type declaration: name to replacement text, as declared. */
    private final Map<String, String> entities = new LinkedHashMap<>();

    /** The characters an entity or character reference stands for; refused if they hold markup or cannot be known. */
    private String expand(String ref, int depth) {
        switch (ref) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default:
        }
        if (ref.startsWith("#")) {
            return new String(Character.toChars(ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1))));
        }
        String value = entities.get(ref);
        if (value == null) {
            throw new RefusedException("the edition uses the entity &" + ref + "; whose text is not declared in the document itself:"
                    + " replace it by the characters it stands for");
        }
        if (depth > 8) {
            throw new RefusedException("the edition's entity &" + ref + "; is nested in entities more than 8 deep: replace it by"
                    + " the characters it stands for");
        }
        // as XML reads a declaration: character references are replaced when it is declared, so "&#60;" is markup too;
        // entity references when the entity is used
        String text = CHARACTER.matcher(value).replaceAll(c -> Matcher.quoteReplacement(expand(c.group(1), depth)));
        if (text.indexOf('<') >= 0) {
            throw new RefusedException("the edition uses the entity &" + ref + "; whose text holds markup: add-witness edits the encoding"
                    + " as text, so replace the reference by what it stands for first");
        }
        StringBuilder b = new StringBuilder();
        Matcher m = REFERENCE.matcher(text);
        int at = 0;
        while (m.find()) {
            b.append(text, at, m.start()).append(expand(m.group(1), depth + 1));
            at = m.end();
        }
        return b.append(text.substring(at)).toString();
    }

    /** The '>' that ends the start tag at lt (quotes may hold '>'). */
    private int tagEnd(int lt) {
        char quote = 0;
        for (int i = lt + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '>') return i;
        }
        throw new IllegalArgumentException("unterminated tag at offset " + lt);
    }

    private static List<El> find(El e, String name, List<El> out) {
        for (Object c : e.children) {
            if (c instanceof El x) {
                if (x.name.equals(name)) out.add(x);
                find(x, name, out);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the reference witness's text, with offsets

    /** A place the reference witness's text runs through: plain text (slot -1) or one app/choice. */
    private final List<El> slots = new ArrayList<>();
    private final StringBuilder refText = new StringBuilder();
    /** per character of refText: its source offset and end (-1 for a separator the markup implies), its slot */
    private final List<int[]> refChars = new ArrayList<>();
    /** per slot: the refText position where it starts (for an empty reading: where it stands) */
    private final List<Integer> slotAt = new ArrayList<>();

    private void text(El e, String ref, int slot) {
        for (Object c : e.children) {
            if (c instanceof int[] run) {
                chars(run[0], run[1], slot);
                continue;
            }
            El x = (El) c;
            if (SKIPPED.contains(x.name)) continue;
            if (BREAKS.contains(x.name)) {
                if (!"no".equals(x.attr(src, "break"))) separator(slot);
                continue;
            }
            if (slot < 0 && (x.name.equals("app") || x.name.equals("choice"))) {
                int k = slots.size();
                slots.add(x);
                slotAt.add(refText.length());
                El reading = x.name.equals("app") ? appReading(x, ref) : choiceReading(x, ref);
                if (reading != null) text(reading, ref, k);
                continue;
            }
            if (x.name.equals("app")) {
                El reading = appReading(x, ref);
                if (reading != null) text(reading, ref, slot);
                continue;
            }
            if (x.name.equals("choice")) {
                El reading = choiceReading(x, ref);
                if (reading != null) text(reading, ref, slot);
                continue;
            }
            boolean block = x.name.matches("p|ab|head|salute|signed|opener|closer|dateline|item|list|l|lg|div|postscript|address|addrLine|label");
            if (block) separator(slot);
            text(x, ref, slot);
            if (block) separator(slot);
        }
    }

    private void chars(int from, int to, int slot) {
        for (int i = from; i < to; ) {
            char c = src.charAt(i);
            if (c == '&') {
                int semi = past(";", i) - 1;
                for (char d : expand(src.substring(i + 1, semi), 0).toCharArray()) add(d, i, semi + 1, slot);
                i = semi + 1;
            } else if (src.startsWith("<![CDATA[", i)) {
                int e = past("]]>", i) - 3;
                for (int j = i + 9; j < e; j++) add(src.charAt(j), j, j + 1, slot);
                i = e + 3;
            } else {
                add(c, i, i + 1, slot);
                i++;
            }
        }
    }

    private void separator(int slot) {
        add(' ', -1, -1, slot);
    }

    private void add(char c, int from, int to, int slot) {
        refText.append(c);
        refChars.add(new int[] {from, to, slot});
    }

    private El appReading(El app, String ref) {
        List<El> readings = readings(app);
        for (El r : readings) if (sigla(r, "wit").contains(ref)) return r;
        for (El r : readings) if (r.name.equals("lem")) return r;
        return readings.isEmpty() ? null : readings.get(0);
    }

    /** As the model decides for the copy-text (the reference witness): the child that names it, else sic/orig/abbr. */
    private El choiceReading(El choice, String ref) {
        List<El> kids = new ArrayList<>();
        for (Object c : choice.children) if (c instanceof El x) kids.add(x);
        for (El k : kids) if (sigla(k, "wit").contains(ref) || sigla(k, "source").contains(ref)) return k;
        for (El k : kids) if (k.name.matches("sic|orig|abbr")) return k;
        return kids.isEmpty() ? null : kids.get(0);
    }

    private List<El> readings(El app) {
        List<El> out = new ArrayList<>();
        for (Object c : app.children) {
            if (!(c instanceof El x)) continue;
            if (x.name.equals("lem") || x.name.equals("rdg")) out.add(x);
            else if (x.name.equals("rdgGrp")) out.addAll(readings(x));
        }
        return out;
    }

    private Set<String> sigla(El e, String attr) {
        String v = e.attr(src, attr);
        Set<String> out = new LinkedHashSet<>();
        if (v != null) for (String t : v.strip().split("\\s+")) if (!t.isEmpty()) out.add(t.replaceFirst("^#", ""));
        return out;
    }

    /** The plain text of an element as the given witness reads it (notes left out), for comparing readings. */
    private String readingText(El e, String ref) {
        WitnessAdder sub = new WitnessAdder(src, siglum);
        sub.entities.putAll(entities);
        sub.text(e, ref, -2);
        return sub.refText.toString();
    }

    // ------------------------------------------------------------------ tokens and alignment

    private record Tok(String key, int from, int to) {
    }

    private static List<Tok> tokens(CharSequence text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = Collator.RAW.matcher(text);
        while (m.find()) out.add(new Tok(m.group(1), m.start(1), m.end(1)));
        return out;
    }

    private static String keys(String text) {
        return String.join(" ", tokens(text).stream().map(Tok::key).toList());
    }

    private static List<int[]> align(List<Tok> a, List<Tok> b) {
        return Collator.rankTable(List.of("ref", "new"), List.of(
                a.stream().map(t -> new String[] {t.key(), t.key()}).toList(),
                b.stream().map(t -> new String[] {t.key(), t.key()}).toList()));
    }

    private static boolean[] agreement(List<Tok> a, List<Tok> b, List<int[]> table) {
        boolean[] agree = new boolean[table.size()];
        for (int r = 0; r < table.size(); r++) {
            int[] c = table.get(r);
            agree[r] = c[0] >= 0 && c[1] >= 0 && a.get(c[0]).key().equals(b.get(c[1]).key());
        }
        return agree;
    }

    // ------------------------------------------------------------------ the run

    private Result run(String newText, String description) {
        El root = scan();
        List<El> listWits = find(root, "listWit", new ArrayList<>());
        if (listWits.isEmpty()) throw new RefusedException("the edition has no listWit: collate its witnesses first");
        List<El> witnesses = find(listWits.get(0), "witness", new ArrayList<>());
        Set<String> declared = new LinkedHashSet<>();
        for (El lw : listWits) for (El w : find(lw, "witness", new ArrayList<>())) declared.add(w.attr(src, "xml:id"));
        if (declared.contains(siglum)) throw new RefusedException("the edition already has a witness " + siglum);
        // the reference witness is the copy-text, as te:copy-text decides: the declared one, else the first
        String ref = null;
        for (El w : witnesses) if (ref == null && w.attr(src, "ana") != null && w.attr(src, "ana").contains("#copy-text")) ref = w.attr(src, "xml:id");
        if (ref == null && !witnesses.isEmpty()) ref = witnesses.get(0).attr(src, "xml:id");
        if (ref == null) throw new RefusedException("the edition's listWit declares no witness");

        List<El> texts = new ArrayList<>();
        for (Object c : root.children) if (c instanceof El tei) for (Object d : tei.children) if (d instanceof El t && t.name.equals("text")) texts.add(t);
        if (texts.isEmpty()) throw new RefusedException("the edition has no text");
        for (El t : texts) text(t, ref, -1);

        List<Tok> a = tokens(refText);
        List<Tok> b = tokens(newText);
        if (a.isEmpty() || b.isEmpty()) throw new RefusedException("no text to align");
        b = trim(a, b, newText);
        List<int[]> table = align(a, b);
        boolean[] agree = agreement(a, b, table);

        // the slot of every reference token
        int[] slotOf = new int[a.size()];
        for (int i = 0; i < a.size(); i++) slotOf[i] = refChars.get(a.get(i).from())[2];
        // the reference token position of every slot: [first token, end token) (empty readings: where they stand)
        // (slots are in text order, so one pass over the tokens finds each slot's first)
        int[][] range = new int[slots.size()][];
        // an empty reading's slot by the token it stands before (the first such slot there)
        Map<Integer, Integer> emptyBefore = new HashMap<>();
        for (int k = 0, first = 0; k < slots.size(); k++) {
            int at = slotAt.get(k);
            while (first < a.size() && a.get(first).from() < at) first++;
            int end = first;
            while (end < a.size() && slotOf[end] == k) end++;
            range[k] = new int[] {first, end};
            if (first == end) emptyBefore.putIfAbsent(first, k);
        }
        // each row's owner: a slot, or -1 (plain text); new-witness-only rows go to a neighbouring slot
        int[] owner = new int[table.size()];
        int prevRef = -1;
        for (int r = 0; r < table.size(); r++) {
            int[] c = table.get(r);
            if (c[0] >= 0) {
                owner[r] = slotOf[c[0]];
                prevRef = c[0];
                continue;
            }
            int next = prevRef + 1; // the reference token this insertion stands before
            int o = emptyBefore.getOrDefault(next, -1);
            if (o < 0 && prevRef >= 0 && slotOf[prevRef] >= 0) o = slotOf[prevRef];
            if (o < 0 && next < a.size() && slotOf[next] >= 0) o = slotOf[next];
            owner[r] = o;
        }
        // the slots: the new witness's reading in each
        int[] firstTok = new int[slots.size()], lastTok = new int[slots.size()];
        Arrays.fill(firstTok, -1);
        for (int r = 0; r < table.size(); r++) {
            int k = owner[r], t = table.get(r)[1];
            if (k < 0 || t < 0) continue;
            if (firstTok[k] < 0) firstTok[k] = t;
            lastTok[k] = t;
        }
        for (int k = 0; k < slots.size(); k++) {
            String readingText = firstTok[k] < 0 ? "" : newText.substring(b.get(firstTok[k]).from(), b.get(lastTok[k]).to());
            slot(slots.get(k), readingText, ref);
        }
        // plain text: runs of rows that do not agree become new apps
        for (int r = 0; r < table.size(); ) {
            if (owner[r] >= 0 || agree[r]) {
                r++;
                continue;
            }
            int s = r;
            while (r < table.size() && owner[r] < 0 && !agree[r]) r++;
            newApp(a, b, table, s, r, newText, witnesses);
        }
        listWit(listWits.get(0), witnesses, description);
        return new Result(apply(), warnings);
    }

    /** The new witness's tokens from where it starts sharing the reference's text to where it stops (its framing left out). */
    private List<Tok> trim(List<Tok> a, List<Tok> b, String newText) {
        List<int[]> table = align(a, b);
        boolean[] agree = agreement(a, b, table);
        int first = -1, last = -1;
        for (int r = 0; r < agree.length && first < 0; r++) if (Collator.anchor(agree, r, 1)) first = r;
        for (int r = agree.length - 1; r >= 0 && last < 0; r--) if (Collator.anchor(agree, r, -1)) last = r;
        if (first < 0 || last < first) {
            throw new RefusedException("the new witness shares no run of " + Collator.ANCHOR + " words with the edition's text: is it the same text?");
        }
        int from = table.get(first)[1], to = table.get(last)[1];
        // the few tokens before and after in the same paragraph may be readings of the edition's first or last app
        // (an opening quotation mark): kept; the framing beyond a paragraph break is not
        for (int k = 0; k < EDGE && from > 0 && !paragraphBetween(newText, b.get(from - 1).to(), b.get(from).from()); k++) from--;
        for (int k = 0; k < EDGE && to < b.size() - 1 && !paragraphBetween(newText, b.get(to).to(), b.get(to + 1).from()); k++) to++;
        return new ArrayList<>(b.subList(from, to + 1));
    }

    /** Tokens beside the shared text that may still belong to it. */
    private static final int EDGE = 8;

    private static boolean paragraphBetween(String text, int from, int to) {
        return text.substring(from, to).matches("(?s).*\\n[ \\t\\r]*\\n.*");
    }

    /** One app or choice: the new siglum where the witness agrees, else a new reading (or a warning). */
    private void slot(El e, String reading, String ref) {
        String key = keys(reading);
        if (e.name.equals("app")) {
            for (El r : readings(e)) {
                if (keys(readingText(r, ref)).equals(key)) {
                    addSiglum(r, "wit");
                    return;
                }
            }
            String rdg = reading.isBlank() ? "<rdg wit=\"#" + siglum + "\"/>" : "<rdg wit=\"#" + siglum + "\">" + escape(reading) + "</rdg>";
            edits.add(new Edit(e.endStart, 0, rdg));
            return;
        }
        for (Object c : e.children) {
            if (!(c instanceof El k) || !keys(readingText(k, ref)).equals(key)) continue;
            if (k.name.equals("corr") || k.attrs.containsKey("source")) addSiglum(k, "source");
            else if (k.attrs.containsKey("wit")) addSiglum(k, "wit");
            return; // an editorial form (reg, expan) or the copy-text's implicit reading: nothing to record
        }
        warn(e, siglum + " reads \u201C" + reading.strip() + "\u201D here, which is none of this choice's readings: not encoded");
    }

    private void addSiglum(El e, String attr) {
        int[] v = e.attrs.get(attr);
        if (v != null) edits.add(new Edit(v[1], 0, (v[1] > v[0] ? " #" : "#") + siglum));
        else edits.add(new Edit(e.start + 1 + e.name.length() + qualifierLength(e), 0, " " + attr + "=\"#" + siglum + "\""));
    }

    /** The length of a prefix ("tei:") before the element's local name in its start tag. */
    private int qualifierLength(El e) {
        int i = e.start + 1;
        while (i < src.length() && !Character.isWhitespace(src.charAt(i)) && src.charAt(i) != '>' && src.charAt(i) != '/') i++;
        return i - (e.start + 1) - e.name.length();
    }

    /** Where the new witness alone differs in plain text: an app with the other witnesses' reading as lem. */
    private void newApp(List<Tok> a, List<Tok> b, List<int[]> table, int s, int e, String newText, List<El> witnesses) {
        List<int[]> rows = table.subList(s, e);
        int ra = -1, rb = -1, na = -1, nb = -1;
        for (int[] c : rows) {
            if (c[0] >= 0) { if (ra < 0) ra = c[0]; rb = c[0]; }
            if (c[1] >= 0) { if (na < 0) na = c[1]; nb = c[1]; }
        }
        String reading = na < 0 ? "" : newText.substring(b.get(na).from(), b.get(nb).to());
        int from, to;
        if (ra >= 0) {
            int[] first = refChars.get(a.get(ra).from()), last = refChars.get(a.get(rb).to() - 1);
            from = first[0];
            to = last[1];
        } else {
            // an addition: before the next reference token (the spacing before it stays outside the app)
            int next = -1;
            for (int r = e; r < table.size() && next < 0; r++) next = table.get(r)[0];
            if (next >= 0) {
                from = to = refChars.get(a.get(next).from())[0];
                reading = reading + " ";
            } else {
                from = to = refChars.get(a.get(a.size() - 1).to() - 1)[1];
                reading = " " + reading;
            }
        }
        if (from < 0 || to < 0 || src.substring(from, to).contains("<") || src.substring(from, to).contains("&")) {
            warn(from >= 0 ? from : 0, siglum + " reads \u201C" + reading.strip() + "\u201D where the text is \u201C"
                    + (ra < 0 ? "" : refText.substring(a.get(ra).from(), a.get(rb).to())) + "\u201D across markup: not encoded");
            return;
        }
        StringBuilder wits = new StringBuilder();
        for (El w : witnesses) wits.append(wits.length() == 0 ? "#" : " #").append(w.attr(src, "xml:id"));
        String base = src.substring(from, to);
        String app = "<app><lem wit=\"" + wits + "\"" + (base.isEmpty() ? "/>" : ">" + base + "</lem>")
                + (reading.isBlank() ? "<rdg wit=\"#" + siglum + "\"/>" : "<rdg wit=\"#" + siglum + "\">" + escape(reading) + "</rdg>") + "</app>";
        edits.add(new Edit(from, to - from, app));
    }

    private void listWit(El listWit, List<El> witnesses, String description) {
        String indent = "\n";
        int at = listWit.endStart;
        if (!witnesses.isEmpty()) {
            El last = witnesses.get(witnesses.size() - 1);
            int lineStart = src.lastIndexOf('\n', last.start);
            indent = src.substring(lineStart, last.start);
            at = last.end;
        }
        edits.add(new Edit(at, 0, indent + "<witness xml:id=\"" + siglum + "\">" + escape(description) + "</witness>"));
    }

    private String apply() {
        edits.sort(Comparator.comparingInt(Edit::at).reversed());
        StringBuilder b = new StringBuilder(src);
        for (Edit e : edits) b.replace(e.at(), e.at() + e.remove(), e.insert());
        return b.toString();
    }

    private void warn(El e, String message) {
        warn(e.start, message);
    }

    private void warn(int offset, String message) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.add(i + 1);
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int at = Math.min(offset, src.length());
        int line = Arrays.binarySearch(lineStarts, at);
        if (line < 0) line = -line - 2;
        warnings.add((line + 1) + ":" + (at - lineStarts[line] + 1) + ": warning: " + message);
    }

    /** Offsets where the source's lines start, made at the first warning. */
    private int[] lineStarts;

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
