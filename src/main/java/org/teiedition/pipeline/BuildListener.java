package org.teiedition.pipeline;

import java.nio.file.Path;
import org.teiedition.editions.Edition;
import org.teiedition.editions.LayoutProgress;

/** What a running build reports as it goes (called from worker threads; implementations synchronise). */
public interface BuildListener {
    BuildListener NONE = new BuildListener() {
    };

    /**
     * Another build holds the output folder: this one waits until it is done. {@code holder}: its process id, or
     * null if it is a build of this process or unknown.
     */
    default void waitingForOutput(Path output, Path lockFile, String holder) {
    }

    /** The inputs are known: {@code documents} will be built or found up to date. */
    default void started(int documents) {
    }

    /** An edition of {@code source} starts rendering. */
    default void editionStarted(Path source, Edition edition) {
    }

    /** A page of the PDF edition of {@code source} is laid out (called for every page: a listener thins them out). */
    default void editionProgress(Path source, Edition edition, LayoutProgress progress) {
    }

    /** An edition of {@code source} is rendered (in memory; written once all its editions are). */
    default void editionFinished(Path source, Edition edition, long nanos, boolean ok) {
    }

    /** One document is done: {@code done} of {@code total}. */
    default void documentFinished(DocumentResult document, int done, int total) {
    }
}
