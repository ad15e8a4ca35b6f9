package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.cli.Main;

/** tei-edition serve on loopback: build, serve, edit a source, rebuild, reload counter, no traversal. */
class ServeTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(180)
    void servesRebuildsAfterAnEditAndSignalsReload(@TempDir Path dir) throws Exception {
        Path src = SiteFixtures.corpus(dir);
        Path out = dir.resolve("out");
        StringWriter log = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(log, true),
                "serve", "--port", "0", "--stop-after", "150", "--no-validate", "-e", "reading,diplomatic", "-j", "1",
                "-o", out.toString(), src.toString())));
        serve.start();
        try {
            int port = waitForPort(log);
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> index = get(base + "/");
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("Letter c from Carl"), index.body());
            assertTrue(index.body().contains(DevServer.RELOAD_SCRIPT), "served HTML gets the reload script");
            assertFalse(Files.readString(out.resolve("index.html")).contains("__reload"), "the file on disk does not");
            assertEquals("text/javascript; charset=utf-8", get(base + "/search-index.js").headers().firstValue("Content-Type").orElse(""));
            String before = generation(base);

            Path c = src.resolve("c.xml");
            Files.writeString(c, Files.readString(c).replace("Carl &lt;i&gt;Chor&lt;/i&gt;", "Carla Chor"));
            String after = before;
            for (int i = 0; i < 600 && after.equals(before); i++) {
                Thread.sleep(100);
                after = generation(base);
            }
            assertEquals(Long.parseLong(before) + 1, Long.parseLong(after), "one rebuild, one reload signal:\n" + log);
            assertTrue(get(base + "/index.html").body().contains("Letter c from Carla Chor"));
            assertTrue(get(base + "/c/reading.html").body().contains(DevServer.RELOAD_SCRIPT));
            assertTrue(log.toString().contains("1 rebuilt, 2 up to date"), log.toString());
            assertTrue(log.toString().matches("(?s).*rebuilt in \\d+ ms.*"), log.toString());
            assertEquals(after + "\n", get(base + "/__reload").body(), "no errors to show");

            // a save that breaks the document: the old page stays, the reload channel carries the error to show over it
            String good = Files.readString(c);
            Files.writeString(c, good.replace("</TEI>", ""));
            String broken = waitForGeneration(base, after);
            String problems = get(base + "/__reload").body();
            assertTrue(problems.startsWith(broken + "\n" + c + ":"), problems);
            assertTrue(problems.contains(": error: "), problems);
            assertTrue(get(base + "/c/reading.html").body().contains("Carla Chor"), "the last good page is still served");
            // fixed again: the error goes
            Files.writeString(c, good);
            String fixed = waitForGeneration(base, broken);
            assertEquals(fixed + "\n", get(base + "/__reload").body(), log.toString());

            for (String bad : new String[] {"/../letters/a.xml", "/%2e%2e/letters/a.xml", "/.tei-edition/summaries/a.xml",
                    "/nothing.html", "/a/..%2f..%2fletters%2fa.xml"}) {
                assertEquals(404, get(base + bad).statusCode(), bad);
            }
        } finally {
            serve.interrupt();
            serve.join(20_000);
        }
        assertFalse(serve.isAlive(), "serve stops when interrupted");
        assertEquals(0, code.get());
    }

    @Test
    void resolvesOnlyFilesUnderTheOutputFolder(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("index.html"), "<!DOCTYPE html><title>x</title><body></body>");
        Files.writeString(dir.resolve("secret.txt"), "no");
        Path root = out.toAbsolutePath().normalize();
        assertEquals(root.resolve("index.html"), DevServer.resolve(root, "/"));
        assertNull(DevServer.resolve(root, "/../secret.txt"));
        assertNull(DevServer.resolve(root, "/x/../../secret.txt"));
        assertNull(DevServer.resolve(root, "/..\\secret.txt"));
        Files.createSymbolicLink(out.resolve("link.txt"), dir.resolve("secret.txt"));
        assertNull(DevServer.resolve(root, "/link.txt"), "no way out through a symbolic link");
    }

    private static String generation(String base) throws Exception {
        return get(base + "/__reload").body().lines().findFirst().orElse("");
    }

    private static String waitForGeneration(String base, String before) throws Exception {
        for (int i = 0; i < 600; i++) {
            String now = generation(base);
            if (!now.equals(before)) return now;
            Thread.sleep(100);
        }
        throw new AssertionError("no rebuild after generation " + before);
    }

    @Test
    @Timeout(60)
    void aBusyPortIsAnErrorBeforeAnyBuild(@TempDir Path dir) throws Exception {
        Path src = SiteFixtures.corpus(dir);
        Path out = dir.resolve("out");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "serve", "--port",
                    Integer.toString(taken.getLocalPort()), "-o", out.toString(), src.toString());
            assertEquals(1, code, err.toString());
            assertTrue(err.toString().startsWith("error: cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": "), err.toString());
            assertTrue(err.toString().contains("choose another with --port"), err.toString());
        }
        assertFalse(Files.exists(out.resolve("index.html")), "nothing was built");
    }

    @Test
    void aPortOutOfRangeIsAUsageError(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "serve", "--port", "99999",
                "-o", out.toString(), SiteFixtures.corpus(dir).toString());
        assertEquals(2, code, err.toString());
        assertEquals("error: --port 99999: not a port (0-65535) (see 'tei-edition serve --help')", err.toString().strip());
        assertFalse(Files.exists(out), "nothing was built");
    }

    private static int waitForPort(StringWriter log) throws InterruptedException {
        Pattern p = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 1200; i++) {
            Matcher m = p.matcher(log.toString());
            if (m.find()) return Integer.parseInt(m.group(1));
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start:\n" + log);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
