package org.teiedition.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The preview server of {@code tei-edition serve}: serves the files under OUT on 127.0.0.1 only, nothing else
 * (no directory listings, no hidden files, no path outside OUT), and only to requests whose Host is its own
 * (localhost, 127.0.0.1, [::1] or a --host name): a web page whose name re-resolves to 127.0.0.1 gets nothing. HTML responses get a small script that polls
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

    /** The Host names every server answers; others are refused (DNS rebinding). */
    static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");
    /** Longest time one response may take; a client that reads slower is cut off. */
    public static final Duration HANDLER_LIMIT = Duration.ofSeconds(30);
    /** Threads that read requests and answer the small ones (the reload channel, errors). */
    static final int REQUEST_THREADS = 64;
    /** Longest time a client may take to send its request's headers (then its connection is closed). */
    static final int REQUEST_HEADER_SECONDS = 10;
    /** Threads that send files, and how many sends may wait for one; beyond that the answer is 503. */
    private static final int FILE_THREADS = 4;
    private static final int FILE_QUEUE = 16;

    static {
        // The JDK server reads a request's headers on an executor thread: a client that never finishes them would
        // hold it for good. This bounds that time (the server's own documented property), unless the user set it.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_HEADER_SECONDS));
        }
    }

    private final Path root;
    private final Set<String> hosts;
    private final Duration limit;
    private final AtomicLong generation = new AtomicLong();
    private volatile String problems = "";
    private HttpServer server;
    private ThreadPoolExecutor requests;
    private ThreadPoolExecutor files;
    private ScheduledExecutorService watchdog;

    public DevServer(Path out) {
        this(out, List.of(), HANDLER_LIMIT);
    }

    /**
     * @param extraHosts Host names answered besides localhost, 127.0.0.1 and [::1] (serve's --host)
     * @param limit      longest time one response may take
     */
    public DevServer(Path out, List<String> extraHosts, Duration limit) {
        this.root = out.toAbsolutePath().normalize();
        Set<String> names = new LinkedHashSet<>(LOCAL_HOSTS);
        for (String h : extraHosts) names.add(h.toLowerCase(Locale.ROOT));
        this.hosts = Set.copyOf(names);
        this.limit = limit;
    }

    /** Starts listening on 127.0.0.1:port (0: any free port) and returns the port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::handle);
        requests = pool("tei-edition-serve", REQUEST_THREADS, new LinkedBlockingQueue<>());
        files = pool("tei-edition-serve-file", FILE_THREADS, new ArrayBlockingQueue<>(FILE_QUEUE));
        watchdog = Executors.newSingleThreadScheduledExecutor(daemon("tei-edition-serve-watchdog"));
        server.setExecutor(requests);
        server.start();
        return server.getAddress().getPort();
    }

    private static ThreadPoolExecutor pool(String name, int threads, BlockingQueue<Runnable> queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, queue, daemon(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
        if (files != null) files.shutdownNow();
        if (requests != null) requests.shutdownNow();
        if (watchdog != null) watchdog.shutdownNow();
    }

    /**
     * Runs on a request thread: refuses foreign hosts and other methods, answers the reload channel, and hands a file
     * to the file pool, so that clients which do not read a large file hold file threads only, for at most the limit.
     */
    private void handle(HttpExchange ex) throws IOException {
        String host = host(ex.getRequestHeaders().getFirst("Host"));
        if (!hosts.contains(host)) {
            try (ex) {
                send(ex, 421, text("tei-edition serve only answers requests for " + String.join(", ", LOCAL_HOSTS)
                        + " and the names given with --host, not for \"" + printable(host) + "\"\n"));
            }
            return;
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            try (ex) {
                send(ex, 405, text("method not allowed\n"));
            }
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (RELOAD_PATH.equals(path)) {
            try (ex) {
                send(ex, 200, text(generation.get() + "\n" + problems));
            }
            return;
        }
        try {
            files.execute(() -> sendFile(ex, path));
        } catch (RejectedExecutionException busy) {
            try (ex) {
                send(ex, 503, text("busy: too many files are being sent; try again\n"));
            }
        }
    }

    private void sendFile(HttpExchange ex, String path) {
        // Cut off a client that reads slower than the limit allows: closing the exchange closes its connection,
        // which ends a write blocked on it.
        ScheduledFuture<?> cutOff = watchdog.schedule(ex::close, limit.toMillis(), TimeUnit.MILLISECONDS);
        try (ex) {
            Path file = resolve(root, path);
            if (file == null) {
                send(ex, 404, text("not found\n"));
                return;
            }
            String ext = extension(file);
            String type = type(file, ext);
            if (ext.equals("html")) {
                send(ex, 200, new Body(type, inject(Files.readAllBytes(file))));
            } else {
                headers(ex, type);
                boolean head = ex.getRequestMethod().equals("HEAD");
                ex.sendResponseHeaders(200, head ? -1 : Files.size(file));
                if (!head) {
                    try (InputStream in = Files.newInputStream(file); OutputStream o = ex.getResponseBody()) {
                        in.transferTo(o);
                    }
                }
            }
        } catch (IOException e) {
            // the client went away or was cut off: nothing to answer
        } finally {
            cutOff.cancel(false);
        }
    }

    /** The host name of a Host header, lower case, without the port; "" when absent. */
    static String host(String header) {
        if (header == null) return "";
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** TEI (each document's source, cmif.xml, the DTS documents) as TEI, the DTS API's JSON as JSON-LD. */
    static String type(Path file, String ext) {
        if (ext.equals("xml") && !file.getFileName().toString().equals("sitemap.xml")) return "application/tei+xml";
        if (ext.equals("jsonld")) return "application/ld+json";
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
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

    private record Body(String type, byte[] bytes) {
    }

    private static Body text(String s) {
        return new Body("text/plain; charset=utf-8", s.getBytes(StandardCharsets.UTF_8));
    }

    private static void headers(HttpExchange ex, String type) {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }

    private static void send(HttpExchange ex, int status, Body body) throws IOException {
        headers(ex, body.type());
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.bytes().length);
        if (!head) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body.bytes());
            }
        }
    }
}
