package org.teiedition;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A timeline of a run for finding where the time goes: {@code TEI_EDITION_TRACE=1 ./tei-edition build ...} prints
 * "milliseconds since the JVM started [thread, its CPU time so far] event" on stderr for parsing, validation, each
 * compilation, rendering and a document's files (citation files made, written, summarised, cached), and at exit the
 * CPU time of the process's threads by name (on Linux, the JIT compiler's included).
 * Off by default: one boolean test per event.
 */
public final class Trace {
    private static final boolean ON = !System.getenv().getOrDefault("TEI_EDITION_TRACE", "").isEmpty();
    private static final long START = ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    static {
        if (ON) Runtime.getRuntime().addShutdownHook(new Thread(Trace::cpuByThread));
    }

    private Trace() {
    }

    public static void at(String event) {
        if (ON) System.err.printf("%6d ms [%s, cpu %d ms] %s%n", System.currentTimeMillis() - START, Thread.currentThread().getName(),
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000, event);
    }

    /** CPU milliseconds of the threads still alive, summed by name without its number ("C1 CompilerThread"). */
    private static void cpuByThread() {
        Map<String, Long> cpu = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "").trim();
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime, 100 per second
                if (ticks > 0) cpu.merge(name, ticks * 10, Long::sum);
            }
        } catch (Exception e) {
            return; // not Linux: no per-thread figures
        }
        System.err.println("CPU ms by thread (threads alive at exit): " + cpu);
    }
}
