package dev.timeline.engine;

/**
 * A point-in-time summary of an engine's state.
 *
 * @param users         distinct user ids seen in any command.
 * @param follows       follow edges now in place.
 * @param tweets        tweets posted and not deleted.
 * @param deletedTweets tweets deleted.
 * @param celebrities   authors currently merged at read time rather than fanned out.
 * @param deliveries    entries written into home timelines by posts (fan-out work) since the
 *                      data directory was created.
 * @param offHeapBytes  off-heap memory reserved for timelines and tweets.
 */
public record EngineStats(
    long users, long follows, long tweets, long deletedTweets, long celebrities, long deliveries, long offHeapBytes)
{
}
