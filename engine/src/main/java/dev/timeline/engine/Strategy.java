package dev.timeline.engine;

/**
 * How posts reach home timelines. Every strategy returns identical answers; they differ only in
 * where the work is done.
 */
public enum Strategy
{
    /** Fan out every post into every follower's timeline at write time. */
    PUSH,
    /** Fan out nothing; every home read merges the followed authors' tweet lists. */
    PULL,
    /** Push authors below the celebrity threshold, merge celebrities at read time. */
    HYBRID
}
