package dev.timeline.engine.state;

import java.io.IOException;

/**
 * Writes a {@link PartitionState} into a snapshot and reads it back, in the two sections of
 * {@link SnapshotLayout}: the graph (counts, every user's id, header, followees and followers) and
 * the off-heap memory (tweets and timelines). What users merge at read time is derived on reading.
 */
final class StateSnapshot
{
    private StateSnapshot()
    {
    }

    /** Writes the counts, every user's id and whether it is pulled, then each user's state, followees and followers. */
    static void writeGraph(final PartitionState state, final SnapshotOutput out) throws IOException
    {
        assert state.isOwner();
        out.putLong(state.lastTweetId);
        out.putLong(state.follows);
        out.putLong(state.deliveries);
        out.putLong(state.celebrities);
        final UserTable table = state.users.table();
        final int userCount = state.users.size();
        out.putInt(userCount);
        for (int user = 0; user < userCount; user++)
        {
            out.putLong(table.userIds[user]);
            out.putInt(table.isPulled[user] ? 1 : 0);
        }
        for (int user = 0; user < userCount; user++)
        {
            out.putInt(table.head(user));
            out.putLong(table.block(user));
            out.putLong(table.horizon(user));
            out.putLong(table.ring(user));
            final int[] followees = table.followees(user);
            out.putInt(followees.length);
            out.putInts(followees, followees.length);
            out.putInt(table.followerCounts[user]);
            out.putInts(table.followers[user], table.followerCounts[user]);
        }
    }

    /** Writes the off-heap memory: tweets and timelines. */
    static void writeMemory(final PartitionState state, final SnapshotOutput out) throws IOException
    {
        assert state.isOwner();
        state.tweets.writeTo(out);
        state.timelines.writeTo(out);
    }

    /** Reads back what {@link #writeGraph} wrote into an empty state, deriving what users merge at read time. */
    static void readGraph(final PartitionState state, final SnapshotInput in) throws IOException
    {
        assert state.isOwner();
        state.lastTweetId = in.getLong();
        state.follows = in.getLong();
        state.deliveries = in.getLong();
        state.celebrities = in.getLong();
        final int userCount = in.getCount(Long.BYTES + Integer.BYTES);
        state.users.reserve(userCount);
        final UserTable table = state.users.table();
        for (int user = 0; user < userCount; user++)
        {
            if (state.intern(in.getLong()) != user)
            {
                throw new IOException("a user appears twice in the snapshot");
            }
            table.isPulled[user] = in.getInt() != 0;
        }
        for (int user = 0; user < userCount; user++)
        {
            table.head(user, in.getInt());
            table.block(user, in.getLong());
            table.horizon(user, in.getLong());
            table.ring(user, in.getLong());
            final int[] followees = readUsers(in);
            table.followees(user, followees);
            table.pulled(user, pulledBy(table.isPulled, user, followees));
            table.followers[user] = readUsers(in);
            table.followerCounts[user] = table.followers[user].length;
        }
    }

    /**
     * Reads back what {@link #writeMemory} wrote into an empty state. It touches only the tweets and
     * timelines, so it may run on another thread while {@link #readGraph} runs on the owner, which
     * then waits for it to finish before going on.
     */
    static void readMemory(final PartitionState state, final SnapshotInput in) throws IOException
    {
        state.tweets.readFrom(in);
        state.timelines.readFrom(in);
    }

    private static int[] readUsers(final SnapshotInput in) throws IOException
    {
        final int count = in.getCount(Integer.BYTES);
        if (count == 0)
        {
            return UserTable.NONE;
        }
        final int[] users = new int[count];
        in.getInts(users);
        return users;
    }

    /** Of {@code user} and its sorted {@code followees}, those whose tweets are merged at read time, sorted. */
    private static int[] pulledBy(final boolean[] isPulled, final int user, final int[] followees)
    {
        int count = isPulled[user] ? 1 : 0;
        for (final int followee : followees)
        {
            count += isPulled[followee] ? 1 : 0;
        }
        if (count == 0)
        {
            return UserTable.NONE;
        }
        final int[] pulled = new int[count];
        int length = 0;
        boolean selfPending = isPulled[user];
        for (final int followee : followees)
        {
            if (selfPending && user < followee)
            {
                pulled[length++] = user;
                selfPending = false;
            }
            if (isPulled[followee])
            {
                pulled[length++] = followee;
            }
        }
        if (selfPending)
        {
            pulled[length] = user;
        }
        return pulled;
    }
}
