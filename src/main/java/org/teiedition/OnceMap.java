package org.teiedition;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Values made at most once per key, however many threads ask (compiled stylesheets and schemas). Unlike
 * {@code ConcurrentHashMap.computeIfAbsent}, a slow computation blocks only the threads asking for the same key:
 * computeIfAbsent locks a whole hash bin, so two stylesheets compiling on two threads could wait for each other.
 * A failed computation is not kept: the next caller tries again and gets its own error.
 */
public final class OnceMap<K, V> {
    private final Map<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();

    public V get(K key, Function<K, V> make) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = values.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(make.apply(key));
            } catch (RuntimeException | Error e) {
                values.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw new IllegalStateException(e.getCause());
        }
    }
}
