package dev.timeline.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The snapshots of one partition: {@code snapshot-<epoch>.snapshot} files laid out as
 * {@link SnapshotLayout}. The partitions of an engine snapshot together, at a point where no
 * delivery is in flight between them, under one epoch number; recovery loads one epoch in every
 * partition. A snapshot is written to a temporary file, forced to storage and then renamed into
 * place, so a crash while writing one leaves the previous one usable; the newest two are kept.
 * A snapshot is loaded on two threads: the graph on the opening one, the tweets and timelines on
 * another ({@link SnapshotMemoryLoad}).
 */
final class Snapshots
{
    private static final int KEEP = 2;

    private final Path directory;
    private final EngineConfig config;
    private final ErrorLog errorLog;

    /** A snapshot loaded into a fresh state. */
    record Loaded(PartitionState state, long epoch, long journalIndex, long journalEvents)
    {
    }

    Snapshots(final Path directory, final EngineConfig config, final ErrorLog errorLog)
    {
        this.directory = directory;
        this.config = config;
        this.errorLog = errorLog;
    }

    /**
     * Writes snapshot {@code epoch} of {@code state}, which holds the journal's events up to and
     * including {@code journalIndex}; on the state's owning thread.
     */
    void write(final PartitionState state, final long epoch, final long journalIndex, final long journalEvents)
        throws IOException
    {
        Files.createDirectories(directory);
        final Path file = file(epoch);
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
            temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))
        {
            final SnapshotOutput out = new SnapshotOutput(channel);
            out.putInt(SnapshotLayout.MAGIC);
            out.putInt(SnapshotLayout.VERSION);
            out.putLong(epoch);
            out.putLong(journalIndex);
            out.putLong(journalEvents);
            out.putInt(config.strategy().ordinal());
            out.putInt(config.timelineCapacity());
            out.putInt(config.celebrityThreshold());
            StateSnapshot.writeGraph(state, out);
            out.putChecksum();
            final long memory = out.position();
            StateSnapshot.writeMemory(state, out);
            out.putChecksum();
            out.finish(memory);
            channel.force(true);
        }
        try
        {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
        final List<Path> snapshots = list();
        for (int i = KEEP; i < snapshots.size(); i++)
        {
            Files.deleteIfExists(snapshots.get(i));
        }
    }

    /** The epochs of the snapshots on disk, newest first; none if the directory cannot be listed. */
    List<Long> epochs()
    {
        try
        {
            final List<Long> epochs = new ArrayList<>();
            for (final Path file : list())
            {
                final String name = file.getFileName().toString();
                final String hex = name.substring("snapshot-".length(), name.length() - SnapshotLayout.SUFFIX.length());
                try
                {
                    epochs.add(Long.parseUnsignedLong(hex, 16));
                }
                catch (final NumberFormatException ex)
                {
                    errorLog.record(new IOException("ignoring snapshot file with an unexpected name: " + file, ex));
                }
            }
            return epochs;
        }
        catch (final IOException | IndexOutOfBoundsException ex)
        {
            errorLog.record(ex);
            return List.of();
        }
    }

    /**
     * Snapshot {@code epoch} loaded into {@code state}, which must be fresh; null if it is unusable
     * (damaged, or written with other settings), noted in the error log.
     */
    Loaded load(final long epoch, final PartitionState state)
    {
        final Path file = file(epoch);
        try
        {
            return load(file, state);
        }
        catch (final IOException | RuntimeException ex)
        {
            errorLog.record(new IOException("snapshot " + file + " is unusable, trying an older one", ex));
            return null;
        }
    }

    private Loaded load(final Path file, final PartitionState state) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long memoryEnd = channel.size() - SnapshotLayout.TRAILER_LENGTH;
            final long memoryStart = memoryEnd < 0 ? -1 : new SnapshotInput(channel, memoryEnd, channel.size()).getLong();
            if (memoryStart < 0 || memoryStart > memoryEnd)
            {
                throw new IOException("not a snapshot of this version, or a damaged one");
            }
            final SnapshotInput in = new SnapshotInput(channel, 0, memoryStart);
            if (in.getInt() != SnapshotLayout.MAGIC || in.getInt() != SnapshotLayout.VERSION)
            {
                throw new IOException("not a snapshot of this version");
            }
            final long epoch = in.getLong();
            final long journalIndex = in.getLong();
            final long journalEvents = in.getLong();
            if (in.getInt() != config.strategy().ordinal() ||
                in.getInt() != config.timelineCapacity() ||
                in.getInt() != config.celebrityThreshold())
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
            return new Loaded(state, epoch, journalIndex, journalEvents);
        }
    }

    private Path file(final long epoch)
    {
        return directory.resolve(String.format("snapshot-%016x%s", epoch, SnapshotLayout.SUFFIX));
    }

    /** Snapshot files, newest (highest epoch) first. */
    private List<Path> list() throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory))
        {
            final List<Path> snapshots = new ArrayList<>(
                files.filter(file -> file.getFileName().toString().endsWith(SnapshotLayout.SUFFIX)).toList());
            snapshots.sort(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed());
            return snapshots;
        }
    }

    private void forceDirectory()
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            errorLog.record(ex);
        }
    }
}
