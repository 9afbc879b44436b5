package dev.timeline.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client posting numbered texts by one author to a cluster, a window of posts in flight, until
 * stopped, recording each acknowledged post with its id; and the check that a member holds exactly
 * the acknowledged posts, each once, with the id it was acknowledged with, ids increasing.
 */
final class WriteLoad implements AutoCloseable
{
    static final long AUTHOR = 1;

    private final TimelineClient client;
    private final int inFlight;
    private final String padding;
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Thread writer;

    /**
     * Starts posting to {@code members}: texts of the post's number and {@code padding} more
     * characters, {@code inFlight} posts at a time.
     */
    WriteLoad(final Members members, final int inFlight, final int padding)
    {
        this.inFlight = inFlight;
        this.padding = padding == 0 ? "" : " " + "x".repeat(padding);
        client = TimelineClient.connect(new ClientConfig().members(members).secret(LocalCluster.SECRET));
        writer = new Thread(this::write, "writer");
        writer.start();
    }

    /** Waits until {@code writes} more posts are acknowledged; fails if one failed. */
    void awaitMore(final int writes) throws InterruptedException
    {
        final int target = acknowledged.size() + writes;
        while (acknowledged.size() < target && failure.get() == null)
        {
            Thread.sleep(10);
        }
        assertNull(failure.get(), "no write failed");
    }

    /** Stops posting, waits for the posts in flight and fails if one failed. */
    void stop() throws InterruptedException
    {
        if (writing.getAndSet(false))
        {
            writer.join();
        }
        assertNull(failure.get(), "no write failed");
    }

    /** Posts {@code text} once the load stopped, and records it. */
    long post(final String text)
    {
        final long id = client.post(AUTHOR, text);
        acknowledged.put(text, id);
        return id;
    }

    /** The newest acknowledged id. */
    long newest()
    {
        return acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** Stops posting and checks that {@code member}, synced, holds exactly the acknowledged posts. */
    void assertHeldExactlyBy(final MemberProcess member) throws InterruptedException, IOException
    {
        stop();
        member.sync();
        final List<String> tweets = member.tweets(AUTHOR);
        final Map<String, Long> held = new ConcurrentHashMap<>();
        long previous = Long.MAX_VALUE;
        for (final String tweet : tweets)
        {
            final int space = tweet.indexOf(' ');
            final long id = Long.parseLong(tweet.substring(0, space));
            assertTrue(id < previous, "member " + member.id() + ": ids increase");
            previous = id;
            assertNull(held.put(tweet.substring(space + 1), id), "member " + member.id() + " holds " + tweet + " twice");
        }
        assertEquals(acknowledged, held, "member " + member.id() + " holds exactly the acknowledged posts");
    }

    @Override
    public void close() throws InterruptedException
    {
        writing.set(false);
        writer.join();
        client.close();
    }

    private void write()
    {
        final Semaphore window = new Semaphore(inFlight);
        int next = 0;
        try
        {
            while (writing.get() && failure.get() == null)
            {
                window.acquire();
                final String text = "post " + next++ + padding;
                final CompletableFuture<Long> post = client.postAsync(AUTHOR, text);
                post.whenComplete((id, error) ->
                {
                    if (error != null)
                    {
                        failure.compareAndSet(null, error);
                    }
                    else
                    {
                        acknowledged.put(text, id);
                    }
                    window.release();
                });
            }
            window.acquire(inFlight);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
