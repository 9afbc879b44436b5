package dev.timeline.engine.model;

/** A follow or an unfollow, on an engine or on the reference. */
@FunctionalInterface
public interface EdgeChange
{
    void apply(long follower, long followee);
}
