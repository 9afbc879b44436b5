package dev.timeline.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three members in processes of their own under a write load from a client: the leader killed with
 * SIGKILL, each member stopped and restarted in turn, all three stopped and restarted. Every write
 * the client sent is acknowledged, none fails beyond the client's own retries, and every member ends
 * with every acknowledged post exactly once, with the id it was acknowledged with, ids increasing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FailoverTest
{
    private static final long AUTHOR = 1;
    private static final int IN_FLIGHT = 16;
    private static final int WRITES_BETWEEN = 150;

    @TempDir
    Path data;

    private final Members members = Members.onLoopback(3);
    private final List<MemberProcess> processes = new ArrayList<>();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private TimelineClient client;
    private Thread writer;

    @AfterEach
    void stopEverything() throws InterruptedException
    {
        writing.set(false);
        if (writer != null)
        {
            writer.join();
        }
        if (client != null)
        {
            client.close();
        }
        for (final MemberProcess process : processes)
        {
            process.close();
        }
    }

    @Test
    void theLeaderKilledUnderLoadLosesNothingAndRepeatsNothing() throws Exception
    {
        startMembersAndLoad();
        final MemberProcess leader = leader();
        leader.kill();
        awaitMoreWrites();
        processes.set(leader.id(), LocalCluster.start(leader.id(), members, data.resolve("m" + leader.id())));
        awaitMoreWrites();
        assertEveryMemberHoldsExactlyTheAcknowledgedPosts();
    }

    @Test
    void eachMemberStoppedAndRestartedInTurnLosesNothing() throws Exception
    {
        startMembersAndLoad();
        for (int id = 0; id < processes.size(); id++)
        {
            processes.get(id).stop();
            awaitMoreWrites();
            processes.set(id, LocalCluster.start(id, members, data.resolve("m" + id)));
            awaitMoreWrites();
        }
        assertEveryMemberHoldsExactlyTheAcknowledgedPosts();
    }

    @Test
    void allMembersStoppedAndRestartedHoldTheSameState() throws Exception
    {
        startMembersAndLoad();
        stopWriting();
        for (final MemberProcess process : processes)
        {
            process.stop();
        }
        for (int id = 0; id < processes.size(); id++)
        {
            processes.set(id, LocalCluster.start(id, members, data.resolve("m" + id)));
        }
        final long newest = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        final long after = client.post(AUTHOR, "after the restart");
        assertTrue(after > newest, "ids keep increasing across the restart");
        acknowledged.put("after the restart", after);
        assertEveryMemberHoldsExactlyTheAcknowledgedPosts();
    }

    private void startMembersAndLoad() throws Exception
    {
        for (int id = 0; id < 3; id++)
        {
            processes.add(LocalCluster.start(id, members, data.resolve("m" + id)));
        }
        client = TimelineClient.connect(new ClientConfig().members(members).secret(LocalCluster.SECRET));
        writer = new Thread(this::write, "writer");
        writer.start();
        awaitMoreWrites();
    }

    /** Posts numbered texts with a window of posts in flight until told to stop, recording each acknowledgement. */
    private void write()
    {
        final Semaphore window = new Semaphore(IN_FLIGHT);
        int next = 0;
        try
        {
            while (writing.get() && failure.get() == null)
            {
                window.acquire();
                final String text = "post " + next++;
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
            window.acquire(IN_FLIGHT);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitMoreWrites() throws InterruptedException
    {
        final int target = acknowledged.size() + WRITES_BETWEEN;
        while (acknowledged.size() < target && failure.get() == null)
        {
            Thread.sleep(10);
        }
        assertNull(failure.get(), "no write failed");
    }

    private void stopWriting() throws InterruptedException
    {
        writing.set(false);
        writer.join();
        assertNull(failure.get(), "no write failed");
    }

    private MemberProcess leader() throws InterruptedException
    {
        while (true)
        {
            for (final MemberProcess process : processes)
            {
                if (process.isLeader())
                {
                    return process;
                }
            }
            Thread.sleep(10);
        }
    }

    private void assertEveryMemberHoldsExactlyTheAcknowledgedPosts() throws Exception
    {
        if (writing.get())
        {
            stopWriting();
        }
        for (final MemberProcess process : processes)
        {
            process.sync();
            final List<String> tweets = process.tweets(AUTHOR);
            final Map<String, Long> held = new ConcurrentHashMap<>();
            long previous = Long.MAX_VALUE;
            for (final String tweet : tweets)
            {
                final int space = tweet.indexOf(' ');
                final long id = Long.parseLong(tweet.substring(0, space));
                assertTrue(id < previous, "member " + process.id() + ": ids increase");
                previous = id;
                assertNull(held.put(tweet.substring(space + 1), id), "member " + process.id() + " holds " + tweet + " twice");
            }
            assertEquals(acknowledged, held, "member " + process.id() + " holds exactly the acknowledged posts");
        }
    }
}
