package dev.timeline.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The state of follow edges changed by one thread while others read, as a version per edge: even
 * while the edge is certainly absent, odd from just before a follow is submitted until an unfollow
 * is acknowledged. A reader that sees the same even version before and after its read knows the
 * edge was absent throughout it.
 */
final class FollowVersions
{
    private final AtomicLongArray versions;

    FollowVersions(final int edges)
    {
        versions = new AtomicLongArray(edges);
    }

    boolean mayFollow(final int edge)
    {
        return (versions.get(edge) & 1) == 1;
    }

    /** Call just before submitting a follow of an absent edge. */
    void following(final int edge)
    {
        versions.incrementAndGet(edge);
    }

    /** Call once an unfollow of a present edge is acknowledged. */
    void unfollowed(final int edge)
    {
        versions.incrementAndGet(edge);
    }

    long version(final int edge)
    {
        return versions.get(edge);
    }

    static boolean absentThroughout(final long versionBefore, final long versionAfter)
    {
        return versionBefore == versionAfter && (versionBefore & 1) == 0;
    }
}
