package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;

/**
 * Seeded, deterministic fuzzing of the Kennedy letter: 1,000 mutants (byte flips, deletions, duplicated elements,
 * shuffled attributes, truncation, inserted markup). Every mutant is parsed and validated; every 10th accepted one
 * is also rendered as the reading and diplomatic editions. Nothing may throw, hang, or fail without a location.
 */
class FuzzTest {
    static final Path KENNEDY = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");
    static final long SEED = 19621027L;
    static final int MUTANTS = 1_000;
    static final List<Edition> HTML = List.of(Editions.READING, Editions.DIPLOMATIC);
    static final String[] JUNK = {"&", "<", ">", "]]>", "&#0;", "&#xD800;", "\u0000", "<!--", "&undefined;", "<![CDATA[",
        "<p>", "</p>", "\"", "'", "<?xml version=\"1.0\"?>", "<!DOCTYPE TEI>", "xml:id=\"p1\"", "\uFEFF", "\u00e9", "&amp;"};
    static final Pattern START_TAG = Pattern.compile("<([A-Za-z][\\w:.-]*)((?:\\s+[\\w:.-]+\\s*=\\s*\"[^\"]*\"){2,})\\s*(/?)>");
    static final Pattern ATTR = Pattern.compile("\\s+[\\w:.-]+\\s*=\\s*\"[^\"]*\"");

    @Test
    void thousandMutantsOfTheKennedyLetter(@TempDir Path dir) throws Exception {
        byte[] original = Files.readAllBytes(KENNEDY);
        Random random = new Random(SEED);
        Toolkit toolkit = new Toolkit();
        // the schemas and stylesheets compile here, on the letter itself, not inside the first mutant's time limit
        assertTrue(check(toolkit, KENNEDY, true).failure == null, "the letter itself is valid");
        int accepted = 0;
        int rejected = 0;
        int rendered = 0;
        long start = System.nanoTime();
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = original;
            int rounds = 1 + random.nextInt(3);
            StringBuilder how = new StringBuilder();
            for (int r = 0; r < rounds; r++) mutant = mutate(mutant, random, how);
            Path file = dir.resolve("mutant-" + i + ".xml");
            Files.write(file, mutant);
            String label = "mutant " + i + " (" + how.toString().trim() + ")";
            boolean render = accepted % 10 == 0;
            Result result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(toolkit, file, render), label);
            if (result.failure != null) {
                rejected++;
                Diagnostic d = result.failure;
                assertTrue(d.line() > 0 || mutant.length == 0 || d.message().startsWith("the file is empty"),
                        label + ": no location: " + d.format());
                assertFalse(d.message().contains("Exception") || Pattern.compile("\\b[A-Z]{4}\\d{4}\\b").matcher(d.message()).find(),
                        label + ": " + d.format());
                assertFalse(d.format().contains("\n"), label + ": one line: " + d.format());
            } else {
                accepted++;
                if (render) rendered++;
            }
            Files.delete(file);
        }
        System.out.printf("fuzz: %d mutants, %d rejected with a located error, %d accepted, %d rendered (reading+diplomatic), %.1f s%n",
                MUTANTS, rejected, accepted, rendered, (System.nanoTime() - start) / 1e9);
        assertTrue(rejected > 100 && accepted > 20, "the mutations exercise both paths");
    }

    record Result(Diagnostic failure) {
    }

    private static Result check(Toolkit toolkit, Path file, boolean render) {
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException e) {
            return new Result(e.diagnostic());
        }
        List<Diagnostic> problems = toolkit.validate(doc);
        Diagnostic firstError = problems.stream().filter(Diagnostic::isError).findFirst().orElse(null);
        if (firstError != null) return new Result(firstError);
        if (render) {
            for (Edition e : HTML) {
                try {
                    String html = new String(toolkit.renderer().render(doc, e, null), StandardCharsets.UTF_8);
                    if (html.length() < 100 || !html.contains("</html>")) fail(file + " " + e.name() + ": not an HTML page:\n" + html);
                } catch (Exception ex) {
                    fail(file + ": the " + e.name() + " edition threw " + ex, ex);
                }
            }
        }
        return new Result(null);
    }

    static byte[] mutate(byte[] in, Random random, StringBuilder how) {
        if (in.length == 0) return in;
        int kind = random.nextInt(7);
        switch (kind) {
            case 0 -> { // byte flips
                byte[] out = in.clone();
                int n = 1 + random.nextInt(4);
                for (int k = 0; k < n; k++) out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                how.append(" flip").append(n);
                return out;
            }
            case 1 -> { // deletion
                int at = random.nextInt(in.length);
                int len = Math.min(in.length - at, 1 + random.nextInt(60));
                how.append(" delete@").append(at).append('+').append(len);
                return splice(in, at, len, new byte[0]);
            }
            case 2 -> { // truncation
                int at = random.nextInt(in.length);
                how.append(" truncate@").append(at);
                return java.util.Arrays.copyOf(in, at);
            }
            case 3 -> { // inserted markup or characters
                int at = random.nextInt(in.length + 1);
                String junk = JUNK[random.nextInt(JUNK.length)];
                how.append(" insert@").append(at);
                return splice(in, at, 0, junk.getBytes(StandardCharsets.UTF_8));
            }
            case 4, 5 -> { // duplicated element: a start tag up to its first matching end tag
                String s = new String(in, StandardCharsets.UTF_8);
                List<int[]> spans = new ArrayList<>();
                Matcher m = Pattern.compile("<([A-Za-z][\\w:.-]*)[^>]*>").matcher(s);
                while (m.find()) {
                    int end = s.indexOf("</" + m.group(1) + ">", m.end());
                    if (end > 0) spans.add(new int[] {m.start(), end + m.group(1).length() + 3});
                }
                if (spans.isEmpty()) return in;
                int[] span = spans.get(random.nextInt(spans.size()));
                how.append(" duplicate@").append(span[0]);
                return (s.substring(0, span[1]) + s.substring(span[0], span[1]) + s.substring(span[1])).getBytes(StandardCharsets.UTF_8);
            }
            default -> { // shuffled attributes of one start tag
                String s = new String(in, StandardCharsets.UTF_8);
                List<int[]> tags = new ArrayList<>();
                Matcher m = START_TAG.matcher(s);
                while (m.find()) tags.add(new int[] {m.start(2), m.end(2)});
                if (tags.isEmpty()) return in;
                int[] t = tags.get(random.nextInt(tags.size()));
                List<String> attrs = new ArrayList<>();
                Matcher a = ATTR.matcher(s.substring(t[0], t[1]));
                while (a.find()) attrs.add(a.group());
                Collections.shuffle(attrs, random);
                how.append(" shuffle@").append(t[0]);
                return (s.substring(0, t[0]) + String.join("", attrs) + s.substring(t[1])).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, at);
        out.writeBytes(insert);
        out.write(in, at + remove, in.length - at - remove);
        return out.toByteArray();
    }
}
