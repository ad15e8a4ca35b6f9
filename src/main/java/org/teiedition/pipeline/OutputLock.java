package org.teiedition.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.teiedition.site.BuildCache;

/**
 * One build at a time per output folder ({@code serve} running and a {@code build} in another terminal would delete
 * each other's temporary files and write half an index): {@code OUT/.tei-edition/lock}, locked by the operating
 * system for as long as the build runs (so a killed build leaves no stale lock) and holding the holder's process id,
 * so that the one that waits can say whom it waits for. Builds in one process wait for each other on a plain lock,
 * since file locks belong to the process.
 */
final class OutputLock implements AutoCloseable {
    static final String FILE = "lock";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** Told once, before waiting, who holds the folder: a process id, or null if it is this process or unknown. */
    interface Waiting {
        void waitingFor(Path lockFile, String holder);
    }

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path out, Waiting waiting) throws IOException {
        Path dir = out.resolve(BuildCache.DIR);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(dir.toRealPath(), d -> new ReentrantLock());
        if (!inProcess.tryLock()) {
            waiting.waitingFor(file, null);
            inProcess.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = systemLock(channel, file, waiting);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new OutputLock(inProcess, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) channel.close();
            inProcess.unlock();
            throw e;
        }
    }

    /** The operating system's lock, waited for; null where the file system has none (some network shares). */
    private static FileLock systemLock(FileChannel channel, Path file, Waiting waiting) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            return null; // builds of this process are still one at a time
        }
        if (lock == null) {
            waiting.waitingFor(file, holder(channel));
            lock = channel.lock();
        }
        return lock;
    }

    /** The process id the holder wrote, if it is one. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        channel.read(b, 0);
        String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        return s.matches("[0-9]{1,19}") ? s : null;
    }

    @Override
    public void close() throws IOException {
        try {
            // no holder named once it is done
            channel.truncate(0);
            if (lock != null) lock.release();
            channel.close();
        } finally {
            inProcess.unlock();
        }
    }
}
