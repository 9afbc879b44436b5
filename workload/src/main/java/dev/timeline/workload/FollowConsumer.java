package dev.timeline.workload;

/** Receives the edges of a {@link FollowGraph}, one call per follow. */
@FunctionalInterface
public interface FollowConsumer
{
    /**
     * @param follower the id of the user who follows.
     * @param followee the id of the user followed; never {@code follower}.
     */
    void onFollow(long follower, long followee);
}
