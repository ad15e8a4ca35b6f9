package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.teiedition.cli.Main;

/** Shared pieces of the hostile-input tests: a counting HTTP server, payload letters, leak checks. */
final class Hostile {
    private Hostile() {
    }

    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");
    static final Path PASSWD = Path.of("/etc/passwd");

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A local server that answers everything with a small DTD/text and counts what it was asked. */
    static final class CountingServer implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger requests = new AtomicInteger();

        CountingServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                requests.incrementAndGet();
                byte[] body = "<!ENTITY leak \"LEAKED-FROM-SERVER\">".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The small test letter with a DOCTYPE (may be empty) and {@code inText} inserted into its first paragraph. */
    static String letter(String doctype, String inText) throws IOException {
        String s = Files.readString(LETTER);
        s = s.replaceFirst("\\?>\\s*<TEI", "?>\n" + java.util.regex.Matcher.quoteReplacement(doctype) + "\n<TEI");
        return s.replaceFirst("<p>The garden", "<p>" + java.util.regex.Matcher.quoteReplacement(inText) + " The garden");
    }

    /** Lines of /etc/passwd-like content ("name:x:0:0:"), the signature of a leak. */
    static List<String> secretMarkers() throws IOException {
        List<String> m = new ArrayList<>(List.of("root:x:0:0", "LEAKED-FROM-SERVER"));
        if (Files.isReadable(PASSWD)) {
            Files.readAllLines(PASSWD).stream().filter(l -> l.contains(":x:")).limit(3).forEach(m::add);
        }
        return m;
    }

    static void assertNoSecrets(String where, String text) throws IOException {
        for (String marker : secretMarkers()) {
            assertFalse(text.contains(marker), where + " leaks \"" + marker + "\":\n" + text);
        }
    }

    /** Every file under {@code dir}, as text (PDFs: their extracted text and raw bytes), checked for leaks. */
    static void assertNoSecretsUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertNoSecrets(f.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
            if (f.toString().endsWith(".pdf")) assertNoSecrets(f + " (text)", pdfText(bytes));
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /** Every regular file under {@code root} (what a run created is the difference of two of these). */
    static java.util.Set<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
