package dev.timeline.workload;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowGraphTest
{
    private static final int USERS = 20_000;

    @Test
    void theSameSeedGivesTheSameEdgesAndAnotherSeedOthers()
    {
        final Workload workload = Workload.named("celebrity", 5_000, 11);
        assertEquals(checksum(workload), checksum(Workload.named("celebrity", 5_000, 11)));
        assertEquals(checksum(workload), checksum(workload));
        assertNotEquals(checksum(workload), checksum(Workload.named("celebrity", 5_000, 12)));
    }

    @Test
    void nobodyFollowsThemselfOrTheSameAccountTwiceAndEveryIdIsAUser()
    {
        for (final FollowerDistribution distribution : FollowerDistribution.values())
        {
            final Workload workload = new Workload(distribution, 3_000, 30, 5);
            final UserIds ids = workload.userIds();
            final Set<Long> perFollower = new HashSet<>();
            final long[] currentFollower = { -1 };
            workload.followGraph().forEachFollow((follower, followee) ->
            {
                assertNotEquals(follower, followee, "self-follow");
                assertTrue(ids.indexOf(follower) >= 0 && ids.indexOf(followee) >= 0, "unknown user");
                if (follower != currentFollower[0])
                {
                    assertTrue(follower > currentFollower[0], "followers come in index order");
                    currentFollower[0] = follower;
                    perFollower.clear();
                }
                assertTrue(perFollower.add(followee), "duplicate follow");
            });
        }
    }

    @Test
    void theMeanNumberOfFollowsIsAboutTheOneAskedFor()
    {
        final long edges = new Workload(FollowerDistribution.UNIFORM, USERS, 20, 3).followGraph()
            .forEachFollow((follower, followee) -> {});
        final double mean = (double)edges / USERS;
        assertTrue(mean > 18 && mean < 22, "mean follows " + mean);
    }

    @Test
    void zipfConcentratesFollowersOnTheTopAccountAndUniformDoesNot()
    {
        final double uniform = topAccountShare(new Workload(FollowerDistribution.UNIFORM, USERS, 20, 1));
        final double zipf = topAccountShare(new Workload(FollowerDistribution.ZIPF, USERS, 20, 1));
        assertTrue(uniform < 0.001, "uniform top share " + uniform);
        assertTrue(zipf > 0.02, "zipf top share " + zipf);
    }

    @Test
    void theZipfTopRankIsTheMostFollowedAccount()
    {
        final Workload workload = new Workload(FollowerDistribution.ZIPF, USERS, 20, 9);
        final Map<Long, Integer> followers = followerCounts(workload);
        final long top = workload.followGraph().userAtRank(0);
        final int most = followers.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(most, followers.get(top));
    }

    @Test
    void celebritiesAreFollowedByAboutHalfOfAllUsers()
    {
        final Workload workload = Workload.named("celebrity", USERS, 4);
        assertEquals(Workload.MAX_CELEBRITIES, workload.celebrities());
        final Map<Long, Integer> followers = followerCounts(workload);
        final FollowGraph graph = workload.followGraph();
        for (int rank = 0; rank < workload.celebrities(); rank++)
        {
            final double reach = followers.get(graph.userAtRank(rank)) / (double)USERS;
            assertTrue(reach > 0.45, "celebrity reach " + reach);
        }
        assertTrue(followers.get(graph.userAtRank(workload.celebrities())) < USERS / 5, "non-celebrity");
    }

    @Test
    void generatesAMillionEdgesWithoutHoldingThem()
    {
        final FollowGraph graph = new Workload(FollowerDistribution.ZIPF, 50_000, 20, 8).followGraph();
        final long edges = graph.forEachFollow((follower, followee) -> {});
        assertTrue(edges > 900_000, "edges " + edges);
    }

    private static double topAccountShare(final Workload workload)
    {
        final Map<Long, Integer> followers = followerCounts(workload);
        final long edges = followers.values().stream().mapToLong(Integer::longValue).sum();
        return followers.values().stream().mapToInt(Integer::intValue).max().orElseThrow() / (double)edges;
    }

    private static Map<Long, Integer> followerCounts(final Workload workload)
    {
        final Map<Long, Integer> followers = new HashMap<>();
        workload.followGraph().forEachFollow((follower, followee) -> followers.merge(followee, 1, Integer::sum));
        return followers;
    }

    private static long checksum(final Workload workload)
    {
        final long[] sum = { 17 };
        workload.followGraph().forEachFollow((follower, followee) -> sum[0] = 31 * (31 * sum[0] + follower) + followee);
        return sum[0];
    }
}
