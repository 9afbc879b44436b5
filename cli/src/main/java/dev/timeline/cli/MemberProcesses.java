package dev.timeline.cli;

import dev.timeline.cluster.Members;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every member of a cluster in a child process of its own, their data directories below one
 * directory. On close, and also when this process is stopped (Ctrl-C), every member is asked to stop
 * with SIGTERM, killed if it lingers, and the directory is deleted unless it is to be kept.
 */
final class MemberProcesses implements AutoCloseable
{
    /** How long members may take to stop: a snapshot, then leaving the cluster. */
    private static final long STOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final List<MemberProcess> members = new ArrayList<>();
    private final Path directory;
    private final boolean keep;
    private final Thread onExit = new Thread(this::stopQuietly, "member-processes-cleanup");
    private boolean stopped;

    /**
     * @param directory where member N keeps its data, in {@code member-N}.
     * @param keep      whether the directory stays after the members stopped.
     * @param secret    the cluster's secret.
     */
    MemberProcesses(final Members members, final Path directory, final boolean keep, final String secret)
    {
        this.directory = directory;
        this.keep = keep;
        for (int id = 0; id < members.count(); id++)
        {
            this.members.add(new MemberProcess(id, members, directory.resolve("member-" + id), secret));
        }
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    MemberProcess get(final int id)
    {
        return members.get(id);
    }

    List<MemberProcess> all()
    {
        return members;
    }

    /** Stops every member and deletes the directory unless it is kept. */
    @Override
    public void close() throws IOException, InterruptedException
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the hook runs already
        }
        stop();
    }

    private synchronized void stop() throws IOException, InterruptedException
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        members.forEach(MemberProcess::terminate);
        final long deadline = System.nanoTime() + STOP_TIMEOUT_NANOS;
        for (final MemberProcess member : members)
        {
            member.awaitStop(deadline);
        }
        if (!keep)
        {
            DataDirectories.delete(directory);
        }
    }

    private void stopQuietly()
    {
        try
        {
            stop();
        }
        catch (final IOException | UncheckedIOException | InterruptedException ignore)
        {
            // the process is exiting: nothing more can be done about it
        }
    }
}
