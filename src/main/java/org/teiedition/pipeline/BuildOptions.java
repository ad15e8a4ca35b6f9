package org.teiedition.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.site.Shard;

/**
 * What one build is asked to do.
 *
 * @param inputs   documents and folders of documents (empty: {@code tei/})
 * @param output   the output folder
 * @param editions the editions to build (empty: all registered ones)
 * @param witness  the witness the diplomatic view shows (null: the copy-text)
 * @param validate false: no validation work at all, invalid documents are built too
 * @param jobs     parallel workers (at least 1)
 * @param shard    build only this shard of the inputs and no corpus pages (null: all of them)
 * @param baseUrl  the absolute URL OUT is published at, ending in "/" ({@link SiteConfig#baseUrl}); null: the one
 *                 the sources' {@value SiteConfig#FILE} names, else none (links stay relative)
 */
public record BuildOptions(List<Path> inputs, Path output, List<Edition> editions, String witness, boolean validate,
        int jobs, Shard shard, String baseUrl) {
    public BuildOptions {
        inputs = List.copyOf(inputs.isEmpty() ? List.of(Path.of("tei")) : inputs);
        editions = List.copyOf(editions.isEmpty() ? Editions.ALL : editions);
        jobs = Math.max(1, jobs);
        baseUrl = baseUrl == null ? null : SiteConfig.baseUrl(baseUrl);
    }

    public BuildOptions(List<Path> inputs, Path output, List<Edition> editions, String witness, boolean validate,
            int jobs, Shard shard) {
        this(inputs, output, editions, witness, validate, jobs, shard, null);
    }

    /** Every edition of {@code inputs} into {@code output}, validated, on all cores. */
    public static BuildOptions of(Path output, List<Path> inputs) {
        return new BuildOptions(inputs, output, List.of(), null, true, Parallel.defaultJobs(), null);
    }

    public BuildOptions withEditions(List<Edition> chosen) {
        return new BuildOptions(inputs, output, chosen, witness, validate, jobs, shard, baseUrl);
    }

    public BuildOptions withValidation(boolean on) {
        return new BuildOptions(inputs, output, editions, witness, on, jobs, shard, baseUrl);
    }

    public BuildOptions withJobs(int n) {
        return new BuildOptions(inputs, output, editions, witness, validate, n, shard, baseUrl);
    }
}
