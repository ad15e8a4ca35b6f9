package org.teiedition.cli;

import java.io.PrintWriter;
import org.teiedition.Diagnostic;
import org.teiedition.pipeline.BuildOptions;
import org.teiedition.pipeline.BuildResult;
import org.teiedition.pipeline.DocumentResult.Status;

/** What build and serve print after a build: every problem, one line each, then two summary lines. */
final class BuildReport {
    private BuildReport() {
    }

    static void print(PrintWriter err, BuildResult r, BuildOptions options) {
        r.diagnostics().forEach(d -> err.println(d.format()));
        err.printf("%d rebuilt, %d up to date%n", r.count(Status.REBUILT), r.count(Status.UP_TO_DATE));
        int documents = r.documents().size();
        long failed = r.failed();
        // the hint helps only where validation was the reason
        String hint = r.count(Status.INVALID) > 0 ? " (--no-validate builds invalid documents anyway)" : "";
        err.printf("built %s from %d of %s into %s in %.1f s%s%n", count(r.filesWritten(), "file", "files"),
                documents - r.documents().stream().filter(d -> d.failed()).count(), count(documents, "document", "documents"),
                options.output(), r.nanos() / 1e9, failed == 0 ? "" : "; " + failed + " failed, not built" + hint);
        err.flush();
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The problems of a build as plain lines (serve shows them over the open pages). */
    static String problems(BuildResult r) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : r.diagnostics()) if (d.isError()) b.append(d.format()).append('\n');
        return b.toString();
    }
}
