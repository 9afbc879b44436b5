package dev.timeline.cluster;

import dev.timeline.engine.DiskFullException;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The free space of a member's data directory, where the archive records the log and snapshots,
 * against the reserve the member keeps free: a member whose free space falls to the reserve stops
 * applying the log, so that nothing it records or maps ever meets a full disk. Also the free space
 * its media driver needs in its Aeron directory to start. Thread-safe but for {@link #check}, which
 * one thread calls.
 */
final class DiskSpace
{
    private static final long CHECK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final double MIB = 1 << 20;

    private final Path directory;
    private final FileStore store;
    private final long reserve;
    private final String use;
    private long nextCheckNs;

    /**
     * @param directory the member's data directory, or another that exists.
     * @param reserve   bytes the member keeps free.
     * @param use       what the reserve is for, as in "a member keeps free for its log".
     * @throws IOException if the directory's file system cannot be found.
     */
    DiskSpace(final Path directory, final long reserve, final String use) throws IOException
    {
        this.directory = directory;
        this.store = Files.getFileStore(directory);
        this.reserve = reserve;
        this.use = use;
    }

    /** Why the member must stop, if no more than the reserve is free; null otherwise. */
    DiskFullException exhausted()
    {
        final long free;
        try
        {
            free = store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            return new DiskFullException("cannot tell the free space of " + directory + ": " + ex.getMessage(), ex);
        }
        return free > reserve ? null : new DiskFullException(String.format(
            "the disk of %s is full: %.2f MiB free, no more than the %.2f MiB a member keeps free %s; " +
            "free space and start the member again", directory, Math.floor(free * 100 / MIB) / 100, reserve / MIB, use));
    }

    /** As {@link #exhausted()}, looking at most once a millisecond, at {@code nowNs}; null between looks. */
    DiskFullException check(final long nowNs)
    {
        if (nowNs - nextCheckNs < 0)
        {
            return null;
        }
        nextCheckNs = nowNs + CHECK_INTERVAL_NS;
        return exhausted();
    }

    /** Why the member must stop when a write into its data directory found the disk full. */
    DiskFullException full(final Throwable cause)
    {
        final DiskFullException exhausted = exhausted();
        return exhausted != null ? exhausted : new DiskFullException(
            "the disk of " + directory + " is full: " + cause.getMessage() + "; free space and start the member again",
            cause);
    }
}
