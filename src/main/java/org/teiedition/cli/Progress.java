package org.teiedition.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on stderr while work runs over several files: a redrawn bar on a terminal, plain lines otherwise
 * (logs and CI). Silent for a single file.
 */
final class Progress {
    private final PrintWriter err;
    private final int total;
    private final boolean terminal = System.console() != null;
    private final AtomicInteger done = new AtomicInteger();

    Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    synchronized void finished(String what, boolean ok) {
        int n = done.incrementAndGet();
        if (total < 2) return;
        if (terminal) {
            int width = 30;
            int filled = (int) ((long) width * n / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " " + trim(what));
            if (n == total) err.println();
        } else {
            err.println("[" + n + "/" + total + "] " + what + (ok ? "" : " (failed)"));
        }
        err.flush();
    }

    private static String trim(String s) {
        String t = s.length() > 40 ? "…" + s.substring(s.length() - 39) : s;
        return String.format("%-40s", t);
    }
}
