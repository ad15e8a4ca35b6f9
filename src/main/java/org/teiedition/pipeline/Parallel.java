package org.teiedition.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs independent per-document work on N threads and returns the results in input order (stable reports). */
public final class Parallel {
    private Parallel() {
    }

    public static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static <T, R> List<R> map(List<T> items, int jobs, Function<T, R> work) {
        if (jobs <= 1 || items.size() < 2) return items.stream().map(work).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()), r -> {
            Thread t = new Thread(r, "tei-edition-worker");
            t.setDaemon(true);
            // a worker that runs out of memory between tasks is replaced; the task's own failure is reported by its caller
            t.setUncaughtExceptionHandler((thread, e) -> {
                if (!(e instanceof OutOfMemoryError)) thread.getThreadGroup().uncaughtException(thread, e);
            });
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> work.apply(item)));
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error; // out of memory stays out of memory for the caller
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
