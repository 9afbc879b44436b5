package dev.timeline.engine;

import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.SnapshotFile;
import dev.timeline.engine.status.ErrorLog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The snapshots of one partition: {@code snapshot-<epoch>.snapshot} files, each a
 * {@link SnapshotFile}, so a crash while writing one leaves the previous one usable; the newest two
 * are kept. The partitions of an engine snapshot together, at a point where no delivery is in flight
 * between them, under one epoch number; recovery loads one epoch in every partition.
 */
final class Snapshots
{
    private static final int KEEP = 2;

    private final Path directory;
    private final ErrorLog errorLog;

    /** A snapshot loaded into a fresh state. */
    record Loaded(PartitionState state, long epoch, long journalIndex, long journalEvents)
    {
    }

    Snapshots(final Path directory, final ErrorLog errorLog)
    {
        this.directory = directory;
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
        SnapshotFile.write(file(epoch), state, new SnapshotFile.Position(epoch, journalIndex, journalEvents));
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
                final String hex = name.substring("snapshot-".length(), name.length() - SnapshotFile.SUFFIX.length());
                try
                {
                    epochs.add(Long.parseUnsignedLong(hex, 16));
                }
                catch (final NumberFormatException ex)
                {
                    errorLog.onError(new IOException("ignoring snapshot file with an unexpected name: " + file, ex));
                }
            }
            return epochs;
        }
        catch (final IOException | IndexOutOfBoundsException ex)
        {
            errorLog.onError(ex);
            return List.of();
        }
    }

    /**
     * Snapshot {@code epoch} loaded into {@code state}, which must be fresh; null if it is unusable
     * (damaged, or written with other settings) or does not fit in the memory left, noted in the error
     * log. Replaying the journal instead may fit, as timelines then keep only what memory allows.
     */
    Loaded load(final long epoch, final PartitionState state)
    {
        final Path file = file(epoch);
        try
        {
            return load(file, state);
        }
        catch (final MemoryLimitException tooLittle)
        {
            errorLog.onError(new IOException("snapshot " + file + " does not fit in memory, replaying instead", tooLittle));
            return null;
        }
        catch (final IOException | RuntimeException ex)
        {
            errorLog.onError(new IOException("snapshot " + file + " is unusable, trying an older one", ex));
            return null;
        }
    }

    private static Loaded load(final Path file, final PartitionState state) throws IOException
    {
        final SnapshotFile.Position position = SnapshotFile.load(file, state);
        return position == null ?
            null : new Loaded(state, position.epoch(), position.logIndex(), position.logEvents());
    }

    private Path file(final long epoch)
    {
        return directory.resolve(String.format("snapshot-%016x%s", epoch, SnapshotFile.SUFFIX));
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
                files.filter(file -> file.getFileName().toString().endsWith(SnapshotFile.SUFFIX)).toList());
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
            errorLog.onError(ex);
        }
    }
}
