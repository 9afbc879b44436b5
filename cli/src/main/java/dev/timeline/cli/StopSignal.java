package dev.timeline.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and SIGINT as a request to stop, for a command that runs until stopped: the JVM's
 * shutdown waits, a while at most, until the command has closed what it runs, so that it stops
 * cleanly. The command may also ask itself to stop, as at the end of its input.
 */
final class StopSignal implements AutoCloseable
{
    /** How long the JVM's shutdown waits for the command to close what it runs. */
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "timeline-stop");

    StopSignal()
    {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Asks to stop. Any thread. */
    void request()
    {
        requested.countDown();
    }

    /** Waits up to {@code millis} for a request to stop; true once there is one. */
    boolean await(final long millis) throws InterruptedException
    {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The command has closed what it runs: the JVM may exit. */
    @Override
    public void close()
    {
        closed.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the hook is running or has run: it returns now
        }
    }

    private void onShutdown()
    {
        request();
        try
        {
            closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
