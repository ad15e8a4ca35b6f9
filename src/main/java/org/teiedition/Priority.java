package org.teiedition;

import java.util.function.Supplier;

/**
 * Work off a cold build's critical path runs at a lower scheduling priority. On a small machine a single letter's
 * build is a chain (compile the model and print.xsl, build the model, two FOP layouts) beside a heap of shorter
 * work (validation, the HTML editions, the JIT compiler); at equal priority the chain gets a fair share of the
 * cores, not the core it needs. Java priorities reach Linux only with {@code -XX:ThreadPriorityPolicy=1} (set by
 * the launcher): a lower priority is a higher nice value, which any user may set. Raising it back needs privilege,
 * so only threads that do nothing else afterwards are lowered: no thread of a shared pool.
 */
public final class Priority {
    private Priority() {
    }

    /** Runs {@code work} on the current thread at the lowest priority; the thread stays there. */
    public static <T> T background(Supplier<T> work) {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        return work.get();
    }
}
