package org.teiedition.cli;

import org.teiedition.Diagnostic;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.teiedition.editions.Edition;
import org.teiedition.editions.LayoutProgress;
import org.teiedition.pipeline.BuildListener;
import org.teiedition.pipeline.DocumentResult;

/**
 * Progress on stderr while work runs: for several files a redrawn bar on a terminal, plain {@code [n/N]} lines
 * otherwise (logs and CI); for a large document, each edition as it starts and ends and, while one runs, a line
 * every {@link #TICK} seconds, or for the PDF the pages laid out so far. Silent for a small single file.
 */
final class Progress implements BuildListener {
    /** A document at least this large (bytes) takes seconds per edition: its editions are reported. */
    static final long LARGE = 100 * 1024;

    /** Seconds between the lines that say a large document's edition is still being made. */
    static final long TICK = 20;

    /** Seconds at least between two lines on the pages of a large document's PDF laid out so far. */
    static final long PAGES = 5;

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private final long tickMillis;
    private final long pagesNanos;
    /** The large documents' editions being rendered, with when each started. */
    private final Map<String, Long> running = new ConcurrentHashMap<>();
    /** When the last line on an edition's pages was said (the ticker is quiet while these come). */
    private final Map<String, Long> paged = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    Progress(PrintWriter err) {
        this(err, TICK * 1000, PAGES * 1000);
    }

    Progress(PrintWriter err, long tickMillis, long pagesMillis) {
        this.err = err;
        this.tickMillis = tickMillis;
        this.pagesNanos = pagesMillis * 1_000_000L;
    }

    /** For commands that report files themselves ({@code validate}). */
    static Progress ofFiles(PrintWriter err, int total) {
        Progress p = new Progress(err);
        p.total = total;
        return p;
    }

    @Override
    public void waitingForOutput(Path output, Path lockFile, String holder) {
        line(output + ": waiting for " + (holder == null ? "another build" : "process " + holder)
                + " (building into this folder; lock file " + lockFile + ")");
    }

    @Override
    public void started(int documents) {
        total = documents;
    }

    @Override
    public void editionStarted(Path source, Edition edition) {
        if (!large(source)) return;
        line(source + ": the " + edition.name() + " edition...");
        running.put(source + ": the " + edition.name() + " edition", System.nanoTime());
        startTicking();
    }

    /** A large document's PDF: the layout, unit and pages so far, at most one line every {@link #PAGES} seconds. */
    @Override
    public void editionProgress(Path source, Edition edition, LayoutProgress progress) {
        String what = source + ": the " + edition.name() + " edition";
        Long since = running.get(what);
        if (since == null) return;
        long now = System.nanoTime();
        Long last = paged.get(what);
        if (now - (last != null ? last : since) < pagesNanos) return;
        paged.put(what, now);
        line(String.format("%s, %s, unit %d of %d, %d pages so far...", what, progress.layout(), progress.unit(),
                progress.units(), progress.pages()));
    }

    @Override
    public void editionFinished(Path source, Edition edition, long nanos, boolean ok) {
        if (!large(source)) return;
        synchronized (this) { // a tick running now says nothing more of it (see startTicking)
            running.remove(source + ": the " + edition.name() + " edition");
            paged.remove(source + ": the " + edition.name() + " edition");
            line(String.format("%s: the %s edition %s in %.1f s", source, edition.name(), ok ? "rendered" : "failed", nanos / 1e9));
        }
    }

    private synchronized void startTicking() {
        if (ticker != null) return;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tei-edition-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> running.forEach((what, since) -> {
            Long pages = paged.get(what);
            if (pages != null && System.nanoTime() - pages < tickMillis * 1_000_000L) return;
            synchronized (this) { // only while it still runs: never "so far" after "rendered"
                if (since.equals(running.get(what))) line(String.format("%s, %d s so far...", what, (System.nanoTime() - since) / 1_000_000_000L));
            }
        }), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void documentFinished(DocumentResult document, int n, int of) {
        finished(document.source().toString(), !document.failed());
        if (n == of) stopTicking();
    }

    private synchronized void stopTicking() {
        if (ticker != null) ticker.shutdownNow();
        ticker = null;
    }

    synchronized void finished(String what, boolean ok) {
        int n = done.incrementAndGet();
        if (total < 2) return;
        if (terminal) {
            int width = 30;
            int filled = (int) ((long) width * n / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " " + trim(Diagnostic.printable(what)));
            if (n == total) err.println();
        } else {
            err.println("[" + n + "/" + total + "] " + Diagnostic.printable(what) + (ok ? "" : " (failed)"));
        }
        err.flush();
    }

    private synchronized void line(String s) {
        // a bar being redrawn is ended first, and drawn again by the next document
        if (terminal && done.get() > 0 && done.get() < total) err.println();
        err.println(Diagnostic.printable(s));
        err.flush();
    }

    private static boolean large(Path source) {
        try {
            return Files.size(source) >= LARGE;
        } catch (IOException e) {
            return false;
        }
    }

    private static String trim(String s) {
        String t = s.length() > 40 ? "…" + s.substring(s.length() - 39) : s;
        return String.format("%-40s", t);
    }
}
