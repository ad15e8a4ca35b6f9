package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real browser: headless Chromium driven over the DevTools protocol with the JDK's WebSocket
 * client (no Selenium). A note marker opens its note in place, the marker button hides the markers, nothing is
 * requested from the network, and screenshots go to target/screenshots/.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static Process browser;
    static Path profile;
    static Cdp cdp;
    static Path pages;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is absent (apt-get install chromium)");
        pages = Path.of("target/browser-pages").toAbsolutePath();
        Files.createDirectories(pages);
        Files.writeString(pages.resolve("reading.html"), EditionSupport.render(EditionSupport.LETTER, Editions.READING, null));
        Files.writeString(pages.resolve("diplomatic.html"), EditionSupport.render(EditionSupport.LETTER, Editions.DIPLOMATIC, null));
        profile = Files.createTempDirectory("tei-edition-chromium");
        browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files",
                "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (System.nanoTime() > deadline || !browser.isAlive()) throw new IllegalStateException("chromium did not start");
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"type\":\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\":\\s*\"([^\"]+)\"").matcher(list);
        if (!m.find()) {
            m = Pattern.compile("\"webSocketDebuggerUrl\":\\s*\"(ws://[^\"]+/page/[^\"]+)\"").matcher(list);
            assertTrue(m.find(), list);
        }
        cdp = new Cdp(http, m.group(1));
        cdp.call("Page.enable", "{}");
        cdp.call("Network.enable", "{}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cdp != null) {
            try {
                cdp.call("Browser.close", "{}");
            } catch (Exception ignored) {
                // the browser may close before it answers
            }
        }
        if (browser != null) {
            browser.destroy();
            if (!browser.waitFor(10, TimeUnit.SECONDS)) browser.destroyForcibly();
        }
        if (profile != null) {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void open(String page, int width, int height, boolean mobile) throws Exception {
        cdp.call("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height
                + ",\"deviceScaleFactor\":1,\"mobile\":" + mobile + "}");
        cdp.call("Page.navigate", "{\"url\":\"" + pages.resolve(page).toUri() + "\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"complete".equals(eval("document.readyState + (document.URL.endsWith('" + page + "') ? '' : 'x')"))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("page did not load");
            Thread.sleep(50);
        }
    }

    static String eval(String js) throws Exception {
        String r = cdp.call("Runtime.evaluate", "{\"expression\":" + Cdp.quote("String(" + js + ")") + ",\"returnByValue\":true}");
        Matcher m = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(r);
        if (!m.find()) throw new IllegalStateException("no value: " + r);
        return Cdp.unquote(m.group(1));
    }

    /** A real mouse click in the middle of the first element matching the selector. */
    static void click(String selector) throws Exception {
        String xy = eval("(() => { const e = document.querySelector(" + Cdp.quote(selector) + "); e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return Math.round(r.x + r.width / 2) + ',' + Math.round(r.y + r.height / 2); })()");
        String[] p = xy.split(",");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            cdp.call("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + p[0] + ",\"y\":" + p[1]
                    + ",\"button\":\"left\",\"clickCount\":1}");
        }
    }

    static void screenshot(String name) throws Exception {
        String r = cdp.call("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(r);
        assertTrue(m.find());
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        byte[] png = Base64.getDecoder().decode(m.group(1).replace("\\/", "/"));
        Files.write(dir.resolve(name), png);
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void readingEditionNotesOpenInPlaceAndMarkersToggle() throws Exception {
        open("reading.html", 1200, 1600, false);
        screenshot("reading.png");
        assertEquals("", eval("document.querySelector('#toggle-app').hidden ? 'hidden' : ''"), "the button appears with JS");
        click("a.note-ref");
        assertEquals("true", eval("document.querySelector('a.note-ref').getAttribute('aria-expanded')"));
        String shown = eval("document.querySelector('.popover') ? document.querySelector('.popover').innerText : 'none'");
        String note = eval("document.getElementById('n1').querySelector('.entry-body').innerText");
        assertTrue(shown.startsWith(note.substring(0, 40)), shown);
        assertEquals("true", eval("document.querySelector('.popover').getBoundingClientRect().height > 20"));
        assertEquals("true", eval("document.activeElement === document.querySelector('.popover')"), "focus moves to the note");
        screenshot("reading-note-open.png");
        cdp.call("Input.dispatchKeyEvent", "{\"type\":\"keyDown\",\"key\":\"Escape\",\"code\":\"Escape\",\"windowsVirtualKeyCode\":27}");
        assertEquals("0", eval("document.querySelectorAll('.popover').length"), "Escape closes the note");
        assertEquals("true", eval("document.activeElement === document.querySelector('a.note-ref')"), "focus returns to the marker");

        // an apparatus marker shows its entry: lemma ] FRUS; om. DH
        click("#p4 a.app-ref");
        assertTrue(eval("document.querySelector('.popover').innerText").contains("]"), "apparatus entry in place");

        click("#toggle-app");
        assertEquals("false", eval("document.querySelector('#toggle-app').getAttribute('aria-pressed')"));
        assertEquals("none", eval("getComputedStyle(document.querySelector('a.app-ref')).display"));
        assertEquals("none", eval("getComputedStyle(document.querySelector('a.note-ref')).display"));
        assertEquals("0", eval("document.querySelectorAll('.popover').length"));
        screenshot("reading-markers-hidden.png");
        click("#toggle-app");
        assertEquals("inline", eval("getComputedStyle(document.querySelector('a.app-ref')).display"));

        open("reading.html", 390, 844, true);
        screenshot("reading-phone.png");
        assertEquals("true", eval("document.documentElement.scrollWidth <= 390"), "no horizontal scrolling on a phone");
        assertEquals(List.of(), cdp.remoteRequests(), "no request to any other host");
    }

    @Test
    void diplomaticEditionNotesOpenInPlace() throws Exception {
        open("diplomatic.html", 1200, 1600, false);
        screenshot("diplomatic.png");
        assertTrue(eval("document.getElementById('text').innerText").contains("would surely lead to the peace of the world"));
        click("a.note-ref");
        assertEquals("true", eval("document.querySelectorAll('.popover').length == 1"));
        click("#toggle-app");
        assertEquals("none", eval("getComputedStyle(document.querySelector('a.note-ref')).display"));
        assertEquals(List.of(), cdp.remoteRequests(), "no request to any other host");
    }

    /** A minimal DevTools protocol client: numbered calls, answers matched by id. */
    static final class Cdp implements WebSocket.Listener {
        private final WebSocket ws;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        private final StringBuilder partial = new StringBuilder();

        Cdp(HttpClient http, String url) {
            ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), this).join();
        }

        String call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<String> f = new CompletableFuture<>();
            pending.put(id, f);
            ws.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
            String r = f.get(30, TimeUnit.SECONDS);
            if (r.contains("\"error\":{")) throw new IOException(method + ": " + r);
            return r;
        }

        /** URLs the pages asked for that are not file: or data: URLs. */
        List<String> remoteRequests() {
            synchronized (requests) {
                return requests.stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:")
                        && !u.equals("about:blank")).toList();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String msg = partial.toString();
                partial.setLength(0);
                Matcher id = Pattern.compile("^\\{\"id\":(\\d+),").matcher(msg);
                if (id.find()) {
                    CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1)));
                    if (f != null) f.complete(msg);
                } else if (msg.contains("\"method\":\"Network.requestWillBeSent\"")) {
                    Matcher u = Pattern.compile("\"request\":\\{\"url\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(msg);
                    if (u.find()) requests.add(unquote(u.group(1)));
                }
            }
            webSocket.request(1);
            return null;
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                        else b.append(c);
                    }
                }
            }
            return b.append('"').toString();
        }

        static String unquote(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> b.append(n);
                }
            }
            return b.toString();
        }
    }
}
