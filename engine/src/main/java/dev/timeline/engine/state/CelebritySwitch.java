package dev.timeline.engine.state;

import dev.timeline.engine.Strategy;

/**
 * Under {@link Strategy#HYBRID}, switches an author between pushed (its posts fanned out into its
 * followers' timelines) and pulled (merged at read time), exactly: once the author has this
 * partition's share of the celebrity threshold among its followers here it is pulled, and below it
 * pushed again, its tweets back-filled into every follower's timeline. An evenly followed
 * celebrity is so merged in every partition. Writer only.
 */
final class CelebritySwitch
{
    private final PartitionState state;
    private final Backfill backfill;
    private final int threshold;

    CelebritySwitch(final PartitionState state, final Backfill backfill)
    {
        this.state = state;
        this.backfill = backfill;
        final int partitions = state.partitioner.count();
        threshold = Math.max(1, (state.celebrityThreshold + partitions - 1) / partitions);
    }

    /** After {@code author} gained a follower: pulls it if it reached the threshold. */
    void followed(final UserTable table, final int author)
    {
        if (state.strategy == Strategy.HYBRID && !table.isPulled[author] &&
            table.followerCounts[author] >= threshold)
        {
            switchTo(table, author, true);
        }
    }

    /** After {@code author} lost a follower: pushes it again if it fell below the threshold. */
    void unfollowed(final UserTable table, final int author)
    {
        if (state.strategy == Strategy.HYBRID && table.isPulled[author] &&
            table.followerCounts[author] < threshold)
        {
            switchTo(table, author, false);
        }
    }

    private void switchTo(final UserTable table, final int author, final boolean pulled)
    {
        table.isPulled[author] = pulled;
        state.celebrities += pulled ? 1 : -1;
        if (state.isHome(table, author))
        {
            setPulled(table, author, author, pulled);
        }
        final int[] followers = table.followers[author];
        for (int i = 0, n = table.followerCounts[author]; i < n; i++)
        {
            setPulled(table, followers[i], author, pulled);
        }
    }

    private void setPulled(final UserTable table, final int user, final int author, final boolean pulled)
    {
        table.beginWrite(user);
        if (pulled)
        {
            table.pulled(user, SortedInts.with(table.pulled(user), author));
        }
        else
        {
            table.pulled(user, SortedInts.without(table.pulled(user), author));
            backfill.fill(table, user, author);
        }
        table.endWrite(user);
    }
}
