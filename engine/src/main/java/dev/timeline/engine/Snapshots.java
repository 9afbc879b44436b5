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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The snapshots of one partition: {@code snapshot-<journal index>.snapshot} files laid out as
 * {@link SnapshotLayout}. A snapshot is written to a temporary file, forced to storage and then
 * renamed into place, so a crash while writing one leaves the previous one usable; the newest two
 * are kept. Loading takes the newest one whose checksum and settings match, and falls back to older
 * ones, then to none.
 */
final class Snapshots
{
    private static final int KEEP = 2;

    private final Path directory;
    private final EngineConfig config;
    private final ErrorLog errorLog;

    /** A snapshot loaded into a fresh state. */
    record Loaded(EngineState state, long journalIndex, long journalEvents)
    {
    }

    Snapshots(final Path directory, final EngineConfig config, final ErrorLog errorLog)
    {
        this.directory = directory;
        this.config = config;
        this.errorLog = errorLog;
    }

    /**
     * Writes a snapshot of {@code state}, which holds the journal's events up to and including
     * {@code journalIndex}; on the state's owning thread.
     */
    void write(final EngineState state, final long journalIndex, final long journalEvents) throws IOException
    {
        Files.createDirectories(directory);
        final Path file = directory.resolve(String.format("snapshot-%016x%s", journalIndex, SnapshotLayout.SUFFIX));
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
            temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))
        {
            final SnapshotOutput out = new SnapshotOutput(channel);
            out.putInt(SnapshotLayout.MAGIC);
            out.putInt(SnapshotLayout.VERSION);
            out.putLong(journalIndex);
            out.putLong(journalEvents);
            out.putInt(config.strategy().ordinal());
            out.putInt(config.timelineCapacity());
            out.putInt(config.celebrityThreshold());
            state.writeTo(out);
            out.finish();
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

    /**
     * The newest usable snapshot loaded into a state made by {@code freshState}, or null if there is
     * none; every unusable one found on the way is noted in the error log.
     */
    Loaded loadLatest(final Supplier<EngineState> freshState)
    {
        final List<Path> snapshots;
        try
        {
            snapshots = list();
        }
        catch (final IOException ex)
        {
            errorLog.record(ex);
            return null;
        }
        for (final Path file : snapshots)
        {
            final EngineState state = freshState.get();
            try
            {
                final Loaded loaded = load(file, state);
                if (loaded != null)
                {
                    return loaded;
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                errorLog.record(new IOException("snapshot " + file + " is unusable, trying an older one", ex));
            }
            state.free();
        }
        return null;
    }

    private Loaded load(final Path file, final EngineState state) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final SnapshotInput in = new SnapshotInput(channel);
            if (in.getInt() != SnapshotLayout.MAGIC || in.getInt() != SnapshotLayout.VERSION)
            {
                throw new IOException("not a snapshot of this version");
            }
            final long journalIndex = in.getLong();
            final long journalEvents = in.getLong();
            if (in.getInt() != config.strategy().ordinal() ||
                in.getInt() != config.timelineCapacity() ||
                in.getInt() != config.celebrityThreshold())
            {
                return null;
            }
            state.takeOwnership();
            state.readFrom(in);
            if (!in.checksumMatches())
            {
                throw new IOException("checksum mismatch");
            }
            return new Loaded(state, journalIndex, journalEvents);
        }
    }

    /** Snapshot files, newest first. */
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
