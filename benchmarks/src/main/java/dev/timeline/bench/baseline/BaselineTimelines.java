package dev.timeline.bench.baseline;

import java.util.List;

/** What every baseline does: keeps who follows whom, counts its deliveries, reads home timelines. */
public interface BaselineTimelines
{
    /** Records that {@code follower} follows {@code followee}. */
    void follow(long follower, long followee);

    /** The {@code limit} newest tweets of {@code user}'s home timeline, newest first. */
    List<StoredTweet> home(long user, int limit);

    /** Entries written into home timelines so far. */
    long deliveries();
}
