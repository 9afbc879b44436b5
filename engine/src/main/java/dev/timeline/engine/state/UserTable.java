package dev.timeline.engine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Per-user state of a partition in parallel arrays indexed by dense user index.
 * <p>
 * Concurrency contract: one writer thread changes everything; readers on any thread read the
 * home-timeline state of a user ({@link #followees}, {@link #pulled}, the timeline header laid out
 * as {@link TimelineLayout} and the timeline's entries) inside a seqlock: {@link #readVersion} before, {@link #isUnchanged} after, and retry if it
 * changed. The writer brackets every change of that state with {@link #beginWrite} and
 * {@link #endWrite}. {@link #head} is published on its own with release/acquire. Arrays never
 * shrink; a larger table is built by the writer and published whole by {@link Users}, after which
 * the old one is never written again, so readers also check the table they read is still current.
 */
final class UserTable
{
    static final int[] NONE = new int[0];
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle INT_ARRAYS = MethodHandles.arrayElementVarHandle(int[][].class);

    final long[] userIds;
    /** Each user's timeline header, {@link TimelineLayout#HOME_LONGS} longs, its seqlock version first. */
    private final long[] homes;
    /** Latest tweet (tweet index) by each user, or -1. */
    private final int[] heads;
    /** Whom each user follows, sorted by user index; replaced, never mutated. */
    private final int[][] followees;
    /** The followees (and the user itself) whose tweets are merged at read time, sorted; replaced, never mutated. */
    private final int[][] pulled;
    /** Writer only: each user's followers, the first {@link #followerCounts} of each array. */
    final int[][] followers;
    /** Writer only. */
    final int[] followerCounts;
    /** Writer only: whether each user's tweets are merged at read time rather than pushed. */
    final boolean[] isPulled;

    UserTable(final int capacity)
    {
        userIds = new long[capacity];
        homes = new long[capacity * TimelineLayout.HOME_LONGS];
        heads = new int[capacity];
        followees = new int[capacity][];
        pulled = new int[capacity][];
        followers = new int[capacity][];
        followerCounts = new int[capacity];
        isPulled = new boolean[capacity];
        clear(0, capacity);
    }

    private UserTable(final UserTable from, final int capacity)
    {
        userIds = Arrays.copyOf(from.userIds, capacity);
        homes = Arrays.copyOf(from.homes, capacity * TimelineLayout.HOME_LONGS);
        heads = Arrays.copyOf(from.heads, capacity);
        followees = Arrays.copyOf(from.followees, capacity);
        pulled = Arrays.copyOf(from.pulled, capacity);
        followers = Arrays.copyOf(from.followers, capacity);
        followerCounts = Arrays.copyOf(from.followerCounts, capacity);
        isPulled = Arrays.copyOf(from.isPulled, capacity);
        clear(from.capacity(), capacity);
    }

    int capacity()
    {
        return userIds.length;
    }

    /** Writer only: a copy with room for {@code capacity} users. */
    UserTable grow(final int capacity)
    {
        return new UserTable(this, capacity);
    }

    long readVersion(final int user)
    {
        return (long)LONGS.getAcquire(homes, home(user) + TimelineLayout.VERSION_INDEX);
    }

    /** True if no write to {@code user}'s home state began since {@link #readVersion} returned {@code version}. */
    boolean isUnchanged(final int user, final long version)
    {
        VarHandle.loadLoadFence();
        return (version & 1) == 0 && (long)LONGS.getOpaque(homes, home(user) + TimelineLayout.VERSION_INDEX) == version;
    }

    void beginWrite(final int user)
    {
        final int at = home(user) + TimelineLayout.VERSION_INDEX;
        LONGS.setOpaque(homes, at, homes[at] + 1);
        VarHandle.storeStoreFence();
    }

    void endWrite(final int user)
    {
        final int at = home(user) + TimelineLayout.VERSION_INDEX;
        LONGS.setRelease(homes, at, homes[at] + 1);
    }

    /** Largest id trimmed from {@code user}'s timeline, 0 if none. */
    long horizon(final int user)
    {
        return homes[home(user) + TimelineLayout.HORIZON_INDEX];
    }

    /** Start and count of {@code user}'s timeline ring, packed as {@link TimelineLayout#ring}. */
    long ring(final int user)
    {
        return homes[home(user) + TimelineLayout.RING_INDEX];
    }

    /** {@code user}'s timeline block (see {@link TimelineLayout#block}), or -1 before its first delivery. */
    long block(final int user)
    {
        return homes[home(user) + TimelineLayout.BLOCK_INDEX];
    }

    /** Writer only, inside the user's write section. */
    void horizon(final int user, final long horizon)
    {
        homes[home(user) + TimelineLayout.HORIZON_INDEX] = horizon;
    }

    /** Writer only, inside the user's write section. */
    void ring(final int user, final long ring)
    {
        homes[home(user) + TimelineLayout.RING_INDEX] = ring;
    }

    /** Writer only, inside the user's write section. */
    void block(final int user, final long block)
    {
        homes[home(user) + TimelineLayout.BLOCK_INDEX] = block;
    }

    private static int home(final int user)
    {
        return user * TimelineLayout.HOME_LONGS;
    }

    int head(final int user)
    {
        return (int)INTS.getAcquire(heads, user);
    }

    void head(final int user, final int tweet)
    {
        INTS.setRelease(heads, user, tweet);
    }

    int[] followees(final int user)
    {
        return (int[])INT_ARRAYS.getAcquire(followees, user);
    }

    /** Writer only, inside the user's write section. */
    void followees(final int user, final int[] sortedFollowees)
    {
        INT_ARRAYS.setRelease(followees, user, sortedFollowees);
    }

    int[] pulled(final int user)
    {
        return (int[])INT_ARRAYS.getAcquire(pulled, user);
    }

    /** Writer only, inside the user's write section. */
    void pulled(final int user, final int[] sortedPulled)
    {
        INT_ARRAYS.setRelease(pulled, user, sortedPulled);
    }

    private void clear(final int from, final int to)
    {
        for (int user = from; user < to; user++)
        {
            homes[home(user) + TimelineLayout.BLOCK_INDEX] = -1;
        }
        Arrays.fill(heads, from, to, TweetLayout.NONE);
        Arrays.fill(followees, from, to, NONE);
        Arrays.fill(pulled, from, to, NONE);
        Arrays.fill(followers, from, to, NONE);
    }
}
