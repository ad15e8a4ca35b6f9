package org.teiedition.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.teiedition.Diagnostic;
import org.teiedition.pipeline.DocumentResult.Status;

/**
 * What a build did.
 *
 * @param inputProblems  arguments that are not there or cannot be listed
 * @param documents      one result per document, in input order
 * @param corpusProblems the corpus pages could not be written
 * @param nanos          how long the build took
 */
public record BuildResult(List<Diagnostic> inputProblems, List<DocumentResult> documents, List<Diagnostic> corpusProblems,
        long nanos) {
    public BuildResult {
        inputProblems = List.copyOf(inputProblems);
        documents = List.copyOf(documents);
        corpusProblems = List.copyOf(corpusProblems);
    }

    public long count(Status status) {
        return documents.stream().filter(d -> d.status() == status).count();
    }

    /** Documents not built, and arguments that named nothing to build. */
    public long failed() {
        return documents.stream().filter(DocumentResult::failed).count() + inputProblems.size();
    }

    public int filesWritten() {
        return documents.stream().mapToInt(d -> d.written().size()).sum();
    }

    /** True if everything asked for was built or up to date. */
    public boolean ok() {
        return failed() == 0 && corpusProblems.stream().noneMatch(Diagnostic::isError);
    }

    /** Every problem of the run, in a stable order: the arguments, each document in input order, the corpus pages. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(inputProblems);
        documents.forEach(d -> all.addAll(d.diagnostics()));
        all.addAll(corpusProblems);
        return all;
    }
}
