package org.teiedition.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The preview server of {@code tei-edition serve}: serves the files under OUT on 127.0.0.1 only, nothing else
 * (no directory listings, no hidden files, no path outside OUT). HTML responses get a small script that polls
 * {@code /__reload} (the build generation, then the errors of the last build, one per line): it reloads the page
 * when a rebuild finished, and shows the errors over the page while there are any (a broken save leaves the last
 * good page, visibly out of date). The files on disk never contain it.
 */
public final class DevServer implements AutoCloseable {
    public static final String RELOAD_PATH = "/__reload";
    /** Shown as text (never parsed as HTML): the errors may quote the document. */
    static final String RELOAD_SCRIPT = """
            <script>(function () {
              var seen = null, box = null;
              function show(problems) {
                if (!problems) { if (box) { box.remove(); box = null; } return; }
                if (!box) {
                  box = document.createElement('pre');
                  box.id = 'tei-edition-problems';
                  box.setAttribute('role', 'alert');
                  box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;'
                    + 'padding:1em;background:#fff0f0;color:#600;border-top:3px solid #c00;font:13px/1.4 monospace;'
                    + 'white-space:pre-wrap;z-index:2147483647';
                  document.body.appendChild(box);
                }
                box.textContent = 'The last build reported errors; the pages of the documents named here are from an earlier build.\\n\\n' + problems;
              }
              function poll() {
                fetch('%s', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (t) {
                  var nl = t.indexOf('\\n'), generation = nl < 0 ? t : t.slice(0, nl);
                  if (seen !== null && generation !== seen) { location.reload(); return; }
                  seen = generation;
                  show(nl < 0 ? '' : t.slice(nl + 1));
                }).catch(function () {});
              }
              poll();
              setInterval(poll, 500);
            })();</script>
            """.formatted(RELOAD_PATH);
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json",
            "css", "text/css; charset=utf-8", "pdf", "application/pdf", "txt", "text/plain; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg", "xml", "application/xml");

    private final Path root;
    private final AtomicLong generation = new AtomicLong();
    private volatile String problems = "";
    private HttpServer server;

    public DevServer(Path out) {
        this.root = out.toAbsolutePath().normalize();
    }

    /** Starts listening on 127.0.0.1:port (0: any free port) and returns the port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tei-edition-serve");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server.getAddress().getPort();
    }

    /** Tells open pages to reload. */
    public void reloaded() {
        generation.incrementAndGet();
    }

    /** The errors of the last build, one per line (empty: none), shown over the open pages until a build has none. */
    public void problems(String lines) {
        problems = lines == null ? "" : lines;
    }

    public long generation() {
        return generation.get();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (RELOAD_PATH.equals(path)) {
                send(ex, 200, "text/plain; charset=utf-8", (generation.get() + "\n" + problems).getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = resolve(root, path);
            if (file == null) {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String ext = extension(file);
            if (ext.equals("html")) body = inject(body);
            send(ex, 200, type(file, ext), body);
        }
    }

    /** TEI (each document's source, cmif.xml, the DTS documents) as TEI, the DTS API's JSON as JSON-LD. */
    static String type(Path file, String ext) {
        if (ext.equals("xml") && !file.getFileName().toString().equals("sitemap.xml")) return "application/tei+xml";
        if (ext.equals("jsonld")) return "application/ld+json";
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * The file under root for a request path, or null: decoded segments only, no "..", no hidden segments (the build
     * state in .tei-edition), no file outside root even through a symbolic link; a folder means its index.html.
     */
    static Path resolve(Path root, String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/") || requestPath.indexOf('\0') >= 0
                || requestPath.indexOf('\\') >= 0) {
            return null;
        }
        Path p = root;
        for (String segment : requestPath.substring(1).split("/", -1)) {
            if (segment.isEmpty()) continue;
            if (segment.startsWith(".")) return null;
            p = p.resolve(segment);
        }
        p = p.normalize();
        if (!p.startsWith(root)) return null;
        if (Files.isDirectory(p)) p = p.resolve("index.html");
        try {
            if (!Files.isRegularFile(p) || !p.toRealPath().startsWith(root.toRealPath())) return null;
        } catch (IOException e) {
            return null;
        }
        return p;
    }

    static byte[] inject(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        int at = s.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? s + RELOAD_SCRIPT : s.substring(0, at) + RELOAD_SCRIPT + s.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }
}
