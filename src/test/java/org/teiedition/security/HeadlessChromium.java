package org.teiedition.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: opens a page in headless Chromium and records
 * JavaScript dialogs and network requests. Only what the hostile-page check needs; JSON is read with patterns.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    HeadlessChromium(Path profile) throws Exception {
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
                    if (id.find() && pending.containsKey(Integer.parseInt(id.group(1)))) {
                        pending.remove(Integer.parseInt(id.group(1))).complete(msg);
                    } else {
                        events.add(msg);
                    }
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Sends a command (params as JSON text) and waits for its reply. */
    String send(String sessionId, String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String msg = "{\"id\":" + id + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"")
                + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
        socket.sendText(msg, true).get(10, TimeUnit.SECONDS);
        String r = reply.get(30, TimeUnit.SECONDS);
        if (r.contains("\"error\":")) throw new IOException(method + ": " + r);
        return r;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Opens {@code file} in a new tab, waits for the load event and {@code settle}, runs {@code script}. */
    String open(Path file, String script, Duration settle) throws Exception {
        String target = field(send(null, "Target.createTarget", "{\"url\":\"about:blank\"}"), "targetId");
        String session = field(send(null, "Target.attachToTarget", "{\"targetId\":\"" + target + "\",\"flatten\":true}"), "sessionId");
        send(session, "Page.enable", "{}");
        send(session, "Network.enable", "{}");
        send(session, "Runtime.enable", "{}");
        send(session, "Page.navigate", "{\"url\":\"" + file.toUri() + "\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(e -> e.contains("\"Page.loadEventFired\"")) && System.nanoTime() < deadline) Thread.sleep(50);
        if (script != null) {
            send(session, "Runtime.evaluate", "{\"expression\":" + quote(script) + "}");
        }
        Thread.sleep(settle.toMillis());
        return session;
    }

    List<String> dialogs() {
        return events.stream().filter(e -> e.contains("\"Page.javascriptDialogOpening\"")).toList();
    }

    /** URLs of requests the page made. */
    List<String> requests() {
        return events.stream().filter(e -> e.contains("\"Network.requestWillBeSent\"")).map(e -> {
            Matcher m = Pattern.compile("\"request\":\\{\"url\":\"([^\"]*)\"").matcher(e);
            return m.find() ? m.group(1) : e;
        }).toList();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
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
    }
}
