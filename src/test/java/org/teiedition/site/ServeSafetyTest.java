package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.SmallLetter;

/**
 * The preview server over real sockets: it answers only requests for its own host names (a page on another origin
 * whose name re-resolves to 127.0.0.1 must not read OUT: DNS rebinding), and clients that do not read what they
 * asked for cannot hold the threads that answer everyone else.
 */
class ServeSafetyTest {
    @TempDir
    Path out;

    /** Status line and body of one raw HTTP/1.1 request with this Host header (null: none sent). */
    static String request(int port, String path, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            String req = "GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void answersOnlyItsOwnHostNames() throws Exception {
        Files.writeString(out.resolve("index.html"), "<html><body>the edition</body></html>");
        try (DevServer server = new DevServer(out)) {
            int port = server.start(0);
            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST")) {
                String r = request(port, "/", host);
                assertTrue(r.startsWith("HTTP/1.1 200") && r.contains("the edition"), host + ":\n" + r);
            }
            for (String host : List.of("evil.example:" + port, "evil.example", "localhost.evil.example", "127.0.0.1.nip.io",
                    "[::2]", "")) {
                String r = request(port, "/", host);
                assertTrue(r.startsWith("HTTP/1.1 421") && !r.contains("the edition"), host + ":\n" + r);
                assertTrue(r.contains("only answers requests for localhost, 127.0.0.1, [::1]"), host + ":\n" + r);
            }
            String r = request(port, DevServer.RELOAD_PATH, "evil.example:" + port);
            assertTrue(r.startsWith("HTTP/1.1 421"), "the reload channel too:\n" + r);
            r = request(port, "/", null);
            assertTrue(r.startsWith("HTTP/1.1 400") || r.startsWith("HTTP/1.1 421"), "no Host header:\n" + r);
        }
    }

    @Test
    void aNameGivenWithHostIsAnsweredToo() throws Exception {
        Files.writeString(out.resolve("index.html"), "<html><body>the edition</body></html>");
        try (DevServer server = new DevServer(out, List.of("Edition.test"), DevServer.HANDLER_LIMIT)) {
            int port = server.start(0);
            assertTrue(request(port, "/", "edition.test:" + port).contains("the edition"));
            assertTrue(request(port, "/", "other.test:" + port).startsWith("HTTP/1.1 421"));
        }
    }

    @Test
    void clientsThatDoNotReadCannotHoldTheServer() throws Exception {
        byte[] big = new byte[64 * 1024 * 1024];
        Files.write(out.resolve("big.pdf"), big);
        Files.writeString(out.resolve("index.html"), "<html><body>the edition</body></html>");
        List<Socket> stalled = new ArrayList<>();
        try (DevServer server = new DevServer(out, List.of(), java.time.Duration.ofSeconds(1))) {
            int port = server.start(0);
            // twice as many stalled downloads as the server has threads for sending files
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.setReceiveBufferSize(4096);
                s.getOutputStream().write(("GET /big.pdf HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s); // and never read
            }
            Thread.sleep(500);
            String reload = request(port, DevServer.RELOAD_PATH, "localhost:" + port);
            assertTrue(reload.startsWith("HTTP/1.1 200"), "the reload channel answers:\n" + reload);
            String page = request(port, "/", "localhost:" + port);
            assertTrue(page.startsWith("HTTP/1.1 200") || page.startsWith("HTTP/1.1 503"), page);
            // Past the handler limit the stalled downloads are cut off and pages are served again: a page is sent by
            // the same threads, which the stalled clients held until then (64 MB do not fit in the sockets' buffers,
            // so nothing else frees them). The wait is generous: a loaded machine may run the watchdog late, and
            // without it the limit is never.
            String again = page;
            for (long end = System.nanoTime() + 20_000_000_000L; !again.contains("the edition") && System.nanoTime() < end; Thread.sleep(200)) {
                again = request(port, "/", "localhost:" + port);
            }
            assertTrue(again.contains("the edition"), "pages are served again once the stalled downloads are cut off:\n" + again);
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    /**
     * More clients than the server has request threads send part of a request and then nothing. The JDK server reads
     * a request's headers on one of those threads, so without a bound on that time they would hold all of them for
     * good; serve bounds it: every one is dropped, and the server answers again. Run as {@code serve} in a JVM of its
     * own, since the JDK reads that bound once per JVM, when its first server starts (here another test's may have).
     */
    @Test
    void clientsThatNeverFinishTheirRequestAreDropped() throws Exception {
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.teiedition.cli.Main", "serve", "--port", "0", "--stop-after", "300",
                "--no-validate", "-e", "reading", "-o", out.resolve("site").toString(), SmallLetter.PATH.toString())
                .redirectErrorStream(true).start();
        List<Socket> slow = new ArrayList<>();
        try {
            int port = port(serve);
            for (int i = 0; i < DevServer.REQUEST_THREADS + 8; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream o = s.getOutputStream();
                o.write("GET / HTTP/1.1\r\nHost: localh".getBytes(StandardCharsets.US_ASCII)); // and never more
                o.flush();
                slow.add(s);
            }
            for (Socket s : slow) {
                // far longer than the bound: a connection still open then is held for good
                s.setSoTimeout(3 * DevServer.REQUEST_HEADER_SECONDS * 1000);
                assertTrue(closedByServer(s.getInputStream()), "a client that never finished its request was not dropped");
            }
            String reload = request(port, DevServer.RELOAD_PATH, "localhost:" + port);
            assertTrue(reload.startsWith("HTTP/1.1 200"), reload);
        } finally {
            for (Socket s : slow) s.close();
            serve.destroyForcibly().waitFor();
        }
    }

    /** The port serve says it listens on, once it has built the site. */
    private static int port(Process serve) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher m = Pattern.compile("^serving .* at http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        throw new AssertionError("serve did not start:\n" + said);
    }

    /** Whether the server closes the connection (end of stream or reset) before the socket's time-out. */
    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }
}
