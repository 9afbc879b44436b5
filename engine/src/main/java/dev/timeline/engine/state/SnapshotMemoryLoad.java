package dev.timeline.engine.state;

import dev.timeline.engine.MemoryLimitException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads the memory section of a snapshot (tweets and timelines: most of its bytes, and of the time
 * to load it) into a state on a thread of its own, while the opening thread reads the graph section.
 * The opening thread must {@link #await} it before it uses or frees the state.
 */
final class SnapshotMemoryLoad
{
    private final FutureTask<Boolean> task;

    /** Starts reading the section from file position {@code start} to {@code end} into {@code state}. */
    SnapshotMemoryLoad(final FileChannel channel, final long start, final long end, final PartitionState state)
    {
        task = new FutureTask<>(() ->
        {
            try (SnapshotInput in = new SnapshotInput(channel, start, end))
            {
                StateSnapshot.readMemory(state, in);
                return in.checksumMatches();
            }
        });
        final Thread thread = new Thread(task, "snapshot-memory-load");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits, uninterruptibly, for the read to end: true if the section's checksum matched.
     *
     * @throws MemoryLimitException if the section does not fit in the memory left.
     */
    boolean await() throws IOException
    {
        boolean interrupted = false;
        try
        {
            while (true)
            {
                try
                {
                    return task.get();
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof MemoryLimitException tooLittle)
            {
                throw tooLittle;
            }
            throw new IOException("the tweets and timelines could not be read", ex.getCause());
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
