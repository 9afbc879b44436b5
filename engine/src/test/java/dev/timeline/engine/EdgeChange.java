package dev.timeline.engine;

/** A follow or an unfollow, on an engine or on the reference. */
@FunctionalInterface
interface EdgeChange
{
    void apply(long follower, long followee);
}
