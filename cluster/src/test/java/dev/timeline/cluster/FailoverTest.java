package dev.timeline.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    private static final int IN_FLIGHT = 16;
    private static final int WRITES_BETWEEN = 150;

    @TempDir
    Path data;

    private final Members members = Members.onLoopback(3);
    private final List<MemberProcess> processes = new ArrayList<>();
    private WriteLoad load;

    @AfterEach
    void stopEverything() throws InterruptedException
    {
        if (load != null)
        {
            load.close();
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
        load.awaitMore(WRITES_BETWEEN);
        processes.set(leader.id(), LocalCluster.start(leader.id(), members, data.resolve("m" + leader.id())));
        load.awaitMore(WRITES_BETWEEN);
        assertEveryMemberHoldsExactlyTheAcknowledgedPosts();
    }

    @Test
    void eachMemberStoppedAndRestartedInTurnLosesNothing() throws Exception
    {
        startMembersAndLoad();
        for (int id = 0; id < processes.size(); id++)
        {
            processes.get(id).stop();
            load.awaitMore(WRITES_BETWEEN);
            processes.set(id, LocalCluster.start(id, members, data.resolve("m" + id)));
            load.awaitMore(WRITES_BETWEEN);
        }
        assertEveryMemberHoldsExactlyTheAcknowledgedPosts();
    }

    @Test
    void allMembersStoppedAndRestartedHoldTheSameState() throws Exception
    {
        startMembersAndLoad();
        load.stop();
        for (final MemberProcess process : processes)
        {
            process.stop();
        }
        for (int id = 0; id < processes.size(); id++)
        {
            processes.set(id, LocalCluster.start(id, members, data.resolve("m" + id)));
        }
        final long newest = load.newest();
        assertTrue(load.post("after the restart") > newest, "ids keep increasing across the restart");
        assertEveryMemberHoldsExactlyTheAcknowledgedPosts();
    }

    private void startMembersAndLoad() throws Exception
    {
        for (int id = 0; id < 3; id++)
        {
            processes.add(LocalCluster.start(id, members, data.resolve("m" + id)));
        }
        load = new WriteLoad(members, IN_FLIGHT, 0);
        load.awaitMore(WRITES_BETWEEN);
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
        for (final MemberProcess process : processes)
        {
            load.assertHeldExactlyBy(process);
        }
    }
}
