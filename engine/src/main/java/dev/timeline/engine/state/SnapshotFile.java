package dev.timeline.engine.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A {@link PartitionState} in a file laid out as {@link SnapshotLayout}, with the place in the log it
 * was taken at. Written aside, forced to storage and renamed into place, so a crash while writing
 * leaves no partial file under the name; loaded on two threads, the graph on the calling one and the
 * tweets and timelines on another ({@link SnapshotMemoryLoad}).
 */
public final class SnapshotFile
{
    /** The file name ending of snapshots. */
    public static final String SUFFIX = SnapshotLayout.SUFFIX;

    /**
     * Where in the log a snapshot was taken.
     *
     * @param epoch     the number of the snapshot, the same in every partition's at one point.
     * @param logIndex  the index of the last log event the state includes, or -1.
     * @param logEvents how many log events the state includes.
     */
    public record Position(long epoch, long logIndex, long logEvents)
    {
    }

    private SnapshotFile()
    {
    }

    /**
     * Writes {@code state}, taken at {@code position}, to {@code file} and forces it to storage; on
     * the state's owning thread. If it cannot be written (no disk space, no memory for the staging
     * buffer), the file is left as it was and nothing of the attempt remains.
     */
    public static void write(final Path file, final PartitionState state, final Position position) throws IOException
    {
        write(file, state, position, true);
    }

    /**
     * As {@link #write(Path, PartitionState, Position)}, but forces the file to storage only if
     * {@code force}: not for a file that is only a step on the state's way elsewhere.
     */
    public static void write(final Path file, final PartitionState state, final Position position, final boolean force)
        throws IOException
    {
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            writeAside(temporary, state, position, force);
        }
        catch (final IOException | RuntimeException ex)
        {
            Files.deleteIfExists(temporary);
            throw ex;
        }
        try
        {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeAside(
        final Path temporary, final PartitionState state, final Position position, final boolean force) throws IOException
    {
        try (FileChannel channel = FileChannel.open(
            temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            SnapshotOutput out = new SnapshotOutput(channel))
        {
            out.putInt(SnapshotLayout.MAGIC);
            out.putInt(SnapshotLayout.VERSION);
            out.putLong(position.epoch());
            out.putLong(position.logIndex());
            out.putLong(position.logEvents());
            out.putInt(state.strategy.ordinal());
            out.putInt(state.timelines.timelineCapacity());
            out.putInt(state.celebrityThreshold);
            StateSnapshot.writeGraph(state, out);
            out.putChecksum();
            final long memory = out.position();
            StateSnapshot.writeMemory(state, out);
            out.putChecksum();
            out.finish(memory);
            if (force)
            {
                channel.force(true);
            }
        }
    }

    /**
     * Loads {@code file} into {@code state}, which must be fresh, and makes the calling thread its
     * owner.
     *
     * @return where the snapshot was taken, or null if it was written with other settings than the
     *         state's (strategy, capacity, threshold), whose timelines would differ.
     * @throws IOException if the file is not a snapshot of this version, or damaged.
     */
    public static Position load(final Path file, final PartitionState state) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long memoryEnd = channel.size() - SnapshotLayout.TRAILER_LENGTH;
            final long memoryStart = memoryEnd < 0 ? -1 : trailer(channel, memoryEnd);
            if (memoryStart < 0 || memoryStart > memoryEnd)
            {
                throw new IOException("not a snapshot of this version, or a damaged one");
            }
            return load(channel, memoryStart, memoryEnd, state);
        }
    }

    private static Position load(
        final FileChannel channel, final long memoryStart, final long memoryEnd, final PartitionState state)
        throws IOException
    {
        try (SnapshotInput in = new SnapshotInput(channel, 0, memoryStart))
        {
            if (in.getInt() != SnapshotLayout.MAGIC || in.getInt() != SnapshotLayout.VERSION)
            {
                throw new IOException("not a snapshot of this version");
            }
            final Position position = new Position(in.getLong(), in.getLong(), in.getLong());
            if (in.getInt() != state.strategy.ordinal() ||
                in.getInt() != state.timelines.timelineCapacity() ||
                in.getInt() != state.celebrityThreshold)
            {
                return null;
            }
            state.takeOwnership();
            final SnapshotMemoryLoad memory = new SnapshotMemoryLoad(channel, memoryStart, memoryEnd, state);
            boolean intact = false;
            try
            {
                StateSnapshot.readGraph(state, in);
                intact = in.checksumMatches();
            }
            finally
            {
                intact &= memory.await();
            }
            if (!intact)
            {
                throw new IOException("checksum mismatch");
            }
            return position;
        }
    }

    private static long trailer(final FileChannel channel, final long at) throws IOException
    {
        try (SnapshotInput in = new SnapshotInput(channel, at, channel.size()))
        {
            return in.getLong();
        }
    }
}
