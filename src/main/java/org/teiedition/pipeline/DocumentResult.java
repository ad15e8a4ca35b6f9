package org.teiedition.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.teiedition.Diagnostic;
import org.teiedition.site.Summary;

/**
 * What became of one document.
 *
 * @param written the files written (none if up to date or failed)
 * @param summary its record for the corpus pages and the build cache, null if it failed
 */
public record DocumentResult(Path source, Status status, List<Diagnostic> diagnostics, List<Path> written, Summary summary) {
    public enum Status {
        /** Its editions were written. */
        REBUILT,
        /** Its editions were already there, from the same source and options. */
        UP_TO_DATE,
        /** Not built: it does not validate (and nothing else went wrong). */
        INVALID,
        /** Not built: unreadable, malformed, an edition failed, or its files could not be written. */
        FAILED
    }

    public DocumentResult {
        diagnostics = List.copyOf(diagnostics);
        written = List.copyOf(written);
    }

    static DocumentResult failed(Path source, List<Diagnostic> diagnostics) {
        return new DocumentResult(source, Status.FAILED, diagnostics, List.of(), null);
    }

    public boolean failed() {
        return status == Status.FAILED || status == Status.INVALID;
    }
}
