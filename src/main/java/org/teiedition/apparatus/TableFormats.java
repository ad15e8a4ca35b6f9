package org.teiedition.apparatus;

import java.util.ArrayList;
import java.util.List;
import org.teiedition.Json;
import org.teiedition.apparatus.ApparatusTable.Entry;
import org.teiedition.apparatus.ApparatusTable.Reading;

/** The proofreading table written out: wrapped text, a standalone HTML page, CSV for a spreadsheet, JSON. */
public final class TableFormats {
    /** The default width of the text layout, in characters. */
    public static final int WIDTH = 100;

    private TableFormats() {
    }

    static String readings(Entry e) {
        return String.join("; ", e.readings().stream().map(TableFormats::reading).toList());
    }

    static String reading(Reading r) {
        return (r.text().isEmpty() ? "om." : r.text()) + (r.witnesses().isEmpty() ? "" : " " + String.join(" ", r.witnesses()));
    }

    static String lemma(Entry e) {
        return (e.lemma().isEmpty() ? "om." : e.lemma()) + (e.lemmaWitnesses().isEmpty() ? "" : " " + String.join(" ", e.lemmaWitnesses()));
    }

    // ------------------------------------------------------------------ text

    /**
     * One block per entry, as in a printed apparatus: the letter (- for a silent entry), the location and the type
     * in columns of their own, then {@code lemma] readings} wrapped at {@code width} under itself, then the note,
     * wrapped the same way.
     */
    public static String text(List<Entry> entries, int width) {
        int letterWidth = 1, locWidth = 3, typeWidth = 4;
        for (Entry e : entries) {
            letterWidth = Math.max(letterWidth, length(e.letter()));
            locWidth = Math.max(locWidth, length(e.loc()));
            typeWidth = Math.max(typeWidth, length(e.type()));
        }
        int indent = letterWidth + 2 + locWidth + 2 + typeWidth + 2;
        int room = Math.max(20, width - indent);
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            String head = pad(e.letter().isEmpty() ? "-" : e.letter(), letterWidth + 2) + pad(e.loc(), locWidth + 2)
                    + pad(e.type(), typeWidth + 2);
            List<String> lines = wrap(lemma(e) + "] " + readings(e), room);
            if (!e.note().isEmpty()) lines.addAll(wrap("Note: " + e.note(), room));
            for (int i = 0; i < lines.size(); i++) {
                b.append(i == 0 ? head : " ".repeat(indent)).append(lines.get(i)).append('\n');
            }
        }
        return b.toString();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String pad(String s, int to) {
        return s + " ".repeat(Math.max(1, to - length(s)));
    }

    /** Greedy word wrap; a word longer than the line stands on a line of its own. */
    static List<String> wrap(String text, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) continue;
            if (line.length() > 0 && length(line.toString()) + 1 + length(word) > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    // ------------------------------------------------------------------ HTML

    /** A page that opens from disk: no script, nothing loaded, everything escaped. */
    public static String html(String title, List<Entry> entries) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Apparatus: ").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:serif;margin:2em}table{border-collapse:collapse}th,td{border-bottom:1px solid #ccc;")
                .append("padding:.3em .6em;text-align:left;vertical-align:top}th{position:sticky;top:0;background:#fff}")
                .append(".sigla{font-style:italic}.type{white-space:nowrap;color:#555}\n</style>\n</head>\n<body>\n<h1>Apparatus: ")
                .append(escape(title)).append("</h1>\n<table>\n<thead><tr><th>entry</th><th>location</th><th>lemma</th>")
                .append("<th>readings</th><th>type</th><th>note</th></tr></thead>\n<tbody>\n");
        for (Entry e : entries) {
            b.append("<tr id=\"").append(escape(e.id())).append("\"><td>").append(escape(e.letter())).append("</td><td>")
                    .append(escape(e.loc())).append("</td><td>").append(escape(e.lemma().isEmpty() ? "om." : e.lemma()))
                    .append(sigla(e.lemmaWitnesses())).append("]</td><td>");
            for (int i = 0; i < e.readings().size(); i++) {
                Reading r = e.readings().get(i);
                b.append(i == 0 ? "" : "; ").append(escape(r.text().isEmpty() ? "om." : r.text())).append(sigla(r.witnesses()));
            }
            b.append("</td><td class=\"type\">").append(escape(e.type())).append("</td><td>").append(escape(e.note())).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    private static String sigla(List<String> witnesses) {
        return witnesses.isEmpty() ? "" : " <span class=\"sigla\">" + escape(String.join(" ", witnesses)) + "</span>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ CSV

    /**
     * RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. A field
     * that a spreadsheet would take for a formula (it starts with = + - @, a tab or a CR) gets a leading apostrophe,
     * which spreadsheets show as text.
     */
    public static String csv(List<Entry> entries) {
        StringBuilder b = new StringBuilder("entry,loc,lemma,lemmaWitnesses,readings,type,note\r\n");
        for (Entry e : entries) {
            String[] f = {e.letter(), e.loc(), e.lemma(), String.join(" ", e.lemmaWitnesses()), readings(e), e.type(), e.note()};
            for (int i = 0; i < f.length; i++) {
                if (i > 0) b.append(',');
                b.append(csvField(f[i]));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    static String csvField(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.matches("(?s).*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    // ------------------------------------------------------------------ JSON

    /** One JSON array of objects: id, letter (null when silent), loc, lemma, lemmaWitnesses, readings, type, note. */
    public static String json(List<Entry> entries) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("  {\"id\": ").append(Json.quote(e.id()))
                    .append(", \"letter\": ").append(e.letter().isEmpty() ? "null" : Json.quote(e.letter()))
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
