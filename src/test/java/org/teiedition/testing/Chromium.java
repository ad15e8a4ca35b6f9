package org.teiedition.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.teiedition.Json;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket client (no Selenium,
 * no downloaded browser). Records every protocol event, so tests can ask which dialogs opened and which requests the
 * pages made. JSON is read with patterns: only the few fields the tests need.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public Chromium() throws Exception {
        profile = Files.createTempDirectory("tei-edition-chromium");
        // the flags that keep a headless Chromium from phoning home on a closed network
        process = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String ws = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; ws == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            Matcher m = Pattern.compile("DevTools listening on (ws://\\S+)").matcher(line);
            if (m.find()) ws = m.group(1);
        }
        if (ws == null) throw new IOException("Chromium did not start its DevTools endpoint");
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                    String msg = buffer.toString();
                    buffer.setLength(0);
                    Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(msg);
                    CompletableFuture<String> reply = id.find() ? pending.remove(Integer.parseInt(id.group(1))) : null;
                    if (reply != null) reply.complete(msg);
                    else events.add(msg);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Sends a command (params as JSON text) in a session (null: the browser) and waits for its reply. */
    String send(String session, String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText("{\"id\":" + id + (session == null ? "" : ",\"sessionId\":\"" + session + "\"")
                + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        String r = reply.get(30, TimeUnit.SECONDS);
        if (r.contains("\"error\":{")) throw new IOException(method + ": " + r);
        return r;
    }

    /** A new tab with page, network and runtime events on. */
    public Page newPage() throws Exception {
        String target = field(send(null, "Target.createTarget", "{\"url\":\"about:blank\"}"), "targetId");
        String session = field(send(null, "Target.attachToTarget", "{\"targetId\":\"" + target + "\",\"flatten\":true}"), "sessionId");
        for (String domain : List.of("Page", "Network", "Runtime")) send(session, domain + ".enable", "{}");
        return new Page(session);
    }

    /** Forgets the events seen so far. */
    public void clearEvents() {
        events.clear();
    }

    /** JavaScript dialogs (alert, confirm, prompt) any page opened. */
    public List<String> dialogs() {
        return events.stream().filter(e -> e.contains("\"Page.javascriptDialogOpening\"")).toList();
    }

    /** URLs of every request the pages made. */
    public List<String> requests() {
        return events.stream().filter(e -> e.contains("\"Network.requestWillBeSent\"")).map(e -> {
            Matcher m = Pattern.compile("\"request\":\\{\"url\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(e);
            return m.find() ? unquote(m.group(1)) : e;
        }).toList();
    }

    /** Requests for anything but file:, data: and about:blank: what an edition must never make. */
    public List<String> remoteRequests() {
        return requests().stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:") && !u.equals("about:blank")).toList();
    }

    /** One tab. */
    public final class Page {
        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /** Sets the viewport, loads the file and waits until the document is complete. */
        public void open(Path file, int width, int height, boolean mobile) throws Exception {
            openUrl(file.toUri().toString(), width, height, mobile);
        }

        /** As {@link #open}, for a URL (a file: URL with a query, say). */
        public void openUrl(String url, int width, int height, boolean mobile) throws Exception {
            send(session, "Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height
                    + ",\"deviceScaleFactor\":1,\"mobile\":" + mobile + "}");
            send(session, "Page.navigate", "{\"url\":" + Json.quote(url) + "}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!"complete".equals(eval("document.readyState + (document.URL === " + Json.quote(url) + " ? '' : 'x')"))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("page did not load: " + url);
                Thread.sleep(50);
            }
        }

        /** The value of a JavaScript expression, as a string. */
        public String eval(String js) throws Exception {
            return value(send(session, "Runtime.evaluate", "{\"expression\":" + Json.quote("String(" + js + ")") + ",\"returnByValue\":true}"));
        }

        /** The value of a JavaScript expression that gives a promise (axe.run), once it settles, as a string. */
        public String evalAsync(String js) throws Exception {
            return value(send(session, "Runtime.evaluate", "{\"expression\":" + Json.quote("(async () => String(await (" + js + ")))()")
                    + ",\"returnByValue\":true,\"awaitPromise\":true}"));
        }

        private static String value(String reply) {
            Matcher m = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(reply);
            if (!m.find()) throw new IllegalStateException("no value: " + reply);
            return unquote(m.group(1));
        }

        /** Renders the page for a media type ("print", "screen"; "" restores the default). */
        public void emulateMedia(String media) throws Exception {
            send(session, "Emulation.setEmulatedMedia", "{\"media\":" + Json.quote(media) + "}");
        }

        /** A real mouse click in the middle of the first element matching the selector. */
        public void click(String selector) throws Exception {
            String xy = eval("(() => { const e = document.querySelector(" + Json.quote(selector) + "); e.scrollIntoView({block: 'center'});"
                    + " const r = e.getBoundingClientRect(); return Math.round(r.x + r.width / 2) + ',' + Math.round(r.y + r.height / 2); })()");
            String[] p = xy.split(",");
            for (String type : List.of("mousePressed", "mouseReleased")) {
                send(session, "Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + p[0] + ",\"y\":" + p[1]
                        + ",\"button\":\"left\",\"clickCount\":1}");
            }
        }

        /** A key press, e.g. {@code key("Escape", 27)}. */
        public void key(String key, int keyCode) throws Exception {
            send(session, "Input.dispatchKeyEvent", "{\"type\":\"keyDown\",\"key\":" + Json.quote(key) + ",\"code\":"
                    + Json.quote(key) + ",\"windowsVirtualKeyCode\":" + keyCode + "}");
        }

        /** Saves a PNG of the viewport and returns its bytes. */
        public byte[] screenshot(Path png) throws Exception {
            Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(send(session, "Page.captureScreenshot", "{\"format\":\"png\"}"));
            if (!m.find()) throw new IllegalStateException("no screenshot");
            byte[] bytes = Base64.getDecoder().decode(m.group(1).replace("\\/", "/"));
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, bytes);
            return bytes;
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
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

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the process is stopped below anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        deleteProfile();
    }

    /**
     * Chromium's helper processes may still write into the profile for a moment after the browser has ended (a file
     * appears or vanishes while it is walked): try again shortly; a profile left in the temporary folder harms nothing.
     */
    private void deleteProfile() throws InterruptedException {
        for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                Thread.sleep(200);
            }
        }
    }

    /** Waits a little for what a page does after loading (timers, clicks a script made). */
    public static void settle(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
