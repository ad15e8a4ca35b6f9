package org.teiedition.bench;

import java.util.Locale;
import java.util.Random;

/**
 * Synthetic TEI documents of the three workloads of the scaling benchmark, at any size: an apparatus-dense critical
 * text (many {@code app}/{@code lem}/{@code rdg}, a {@code listWit} of many witnesses, sic/corr choices, textual
 * notes, witness-specific line breaks), a note-dense documentary volume (many {@code div type="document"} with
 * footnotes, {@code pb}s and names keyed to a register in {@code back}), and plain prose. The same seed gives the same
 * document, so runs compare.
 */
final class TeiGenerator {
    enum Kind {
        APPARATUS("apparatus-dense"), VOLUME("note-dense volume"), PROSE("plain prose");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris "
            + "nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat "
            + "nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim "
            + "id est laborum").split(" ");
    private static final int PEOPLE = 200;

    private final Random random = new Random(15);
    private final StringBuilder out = new StringBuilder();

    private TeiGenerator() {
    }

    /** A document of the kind, of about {@code bytes} bytes (UTF-8; all ASCII). */
    static String generate(Kind kind, int bytes, int witnesses) {
        return new TeiGenerator().document(kind, bytes, witnesses);
    }

    private String document(Kind kind, int bytes, int witnesses) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"la\">\n")
                .append("<teiHeader><fileDesc><titleStmt><title type=\"main\">Synthetic ").append(kind.label)
                .append(" text</title><editor><persName>Bench Generator</persName></editor></titleStmt>\n")
                .append("<publicationStmt><publisher>tei-edition benchmark</publisher><date when=\"2026-12-01\">2026</date>"
                        + "</publicationStmt>\n<sourceDesc>");
        if (kind == Kind.APPARATUS) {
            out.append("<listWit>\n");
            for (int w = 0; w < witnesses; w++) {
                out.append("<witness xml:id=\"").append(siglum(w)).append('"')
                        .append(w == 0 ? " ana=\"#copy-text #authoritative\"" : "")
                        .append("><abbr type=\"siglum\">").append(siglum(w)).append("</abbr> Codex ")
                        .append(word()).append(' ').append(w + 1).append(", s. ").append(9 + w % 8).append("</witness>\n");
            }
            out.append("</listWit>");
        } else {
            out.append("<p>Generated.</p>");
        }
        out.append("</sourceDesc></fileDesc></teiHeader>\n<text><body>\n");
        String back = kind == Kind.VOLUME ? register() : "";
        int end = bytes - back.length() - 40;
        int div = 0;
        while (out.length() < end) {
            div++;
            switch (kind) {
                case APPARATUS -> chapter(div, witnesses);
                case VOLUME -> documentDiv(div);
                case PROSE -> proseDiv(div);
            }
        }
        out.append("</body>").append(back).append("</text>\n</TEI>\n");
        return out.toString();
    }

    /** A chapter of a critical text: paragraphs with an apparatus entry every dozen words or so. */
    private void chapter(int n, int witnesses) {
        out.append("<div type=\"chapter\" n=\"").append(n).append("\"><head>Caput ").append(n).append("</head>\n");
        for (int p = 0; p < 6; p++) {
            out.append("<p>");
            for (int s = 0; s < 8; s++) {
                words(6 + random.nextInt(10));
                out.append(' ');
                int r = random.nextInt(20);
                if (r == 0) {
                    out.append("<choice><sic>").append(word()).append("x</sic><corr>").append(word()).append("</corr></choice>");
                } else if (r == 1) {
                    out.append("<lb ed=\"#").append(siglum(random.nextInt(witnesses))).append("\"/>");
                    words(2);
                } else {
                    app(witnesses);
                    if (r == 2) {
                        out.append("<note type=\"textual\">").append(word()).append(' ').append(word()).append(" ").append("conj.</note>");
                    }
                }
                out.append(' ');
            }
            out.append("</p>\n");
        }
        out.append("</div>\n");
    }

    /** An apparatus entry: the lemma of most witnesses, two or three variant readings (one sometimes an omission). */
    private void app(int witnesses) {
        int variants = 2 + random.nextInt(2);
        StringBuilder lem = new StringBuilder();
        StringBuilder[] rdg = new StringBuilder[variants];
        for (int i = 0; i < variants; i++) rdg[i] = new StringBuilder();
        for (int w = 0; w < witnesses; w++) {
            int pick = random.nextInt(witnesses + variants);
            StringBuilder target = w == 0 || pick >= variants ? lem : rdg[pick];
            if (!target.isEmpty()) target.append(' ');
            target.append('#').append(siglum(w));
        }
        String lemma = word() + (random.nextBoolean() ? " " + word() : "");
        out.append("<app><lem wit=\"").append(lem).append("\">").append(lemma).append("</lem>");
        for (int i = 0; i < variants; i++) {
            if (rdg[i].isEmpty()) continue;
            out.append("<rdg wit=\"").append(rdg[i]).append("\">");
            if (random.nextInt(5) != 0) out.append(word());
            out.append("</rdg>");
        }
        out.append("</app>");
    }

    /** A document of a volume: heading, dateline, paragraphs with footnotes and names, page breaks. */
    private void documentDiv(int n) {
        out.append("<div type=\"document\" n=\"").append(n).append("\" xml:id=\"d").append(n).append("\">\n<head>")
                .append(n).append(". Memorandum from ").append(person()).append(" to ").append(person())
                .append("<note n=\"").append(n).append("\" type=\"source\">Source: file ").append(1000 + n)
                .append(". Secret.</note></head>\n<dateline>Washington, <date when=\"1962-")
                .append(String.format(Locale.ROOT, "%02d-%02d", 1 + n % 12, 1 + n % 28)).append("\">1962</date></dateline>\n");
        int paragraphs = 3 + random.nextInt(5);
        for (int p = 0; p < paragraphs; p++) {
            out.append("<p>");
            for (int s = 0; s < 5; s++) {
                words(8 + random.nextInt(12));
                out.append(". ");
                int r = random.nextInt(6);
                if (r == 0) {
                    out.append("<note n=\"").append(n).append('.').append(p).append('.').append(s).append("\">See ");
                    words(4);
                    out.append(", <hi rend=\"italic\">").append(word()).append("</hi>.</note> ");
                } else if (r == 1) {
                    out.append("<persName ref=\"#p").append(random.nextInt(PEOPLE)).append("\">").append(person())
                            .append("</persName> ");
                } else if (r == 2) {
                    out.append("<pb n=\"").append(random.nextInt(900)).append("\"/>");
                }
            }
            out.append("</p>\n");
        }
        out.append("<closer><signed>").append(person()).append("</signed></closer>\n</div>\n");
    }

    private String register() {
        StringBuilder b = new StringBuilder("<back><listPerson>\n");
        Random r = new Random(16);
        for (int i = 0; i < PEOPLE; i++) {
            b.append("<person xml:id=\"p").append(i).append("\"><persName>").append(WORDS[r.nextInt(WORDS.length)])
                    .append(' ').append(WORDS[r.nextInt(WORDS.length)]).append("</persName><birth when=\"")
                    .append(1900 + r.nextInt(30)).append("\"/></person>\n");
        }
        return b.append("</listPerson></back>").toString();
    }

    private void proseDiv(int n) {
        out.append("<div type=\"chapter\" n=\"").append(n).append("\"><head>Chapter ").append(n).append("</head>\n");
        for (int p = 0; p < 8; p++) {
            out.append("<p>");
            for (int s = 0; s < 6; s++) {
                words(10 + random.nextInt(15));
                out.append(random.nextInt(8) == 0 ? ", <hi rend=\"italic\">" + word() + "</hi>. " : ". ");
            }
            out.append("</p>\n");
        }
        out.append("</div>\n");
    }

    private void words(int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) out.append(' ');
            out.append(word());
        }
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String person() {
        String w = word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A, B, ... Z, A2, B2...: sigla of any number of witnesses. */
    private static String siglum(int w) {
        return (char) ('A' + w % 26) + (w < 26 ? "" : Integer.toString(w / 26 + 1));
    }
}
