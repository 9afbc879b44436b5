package dev.timeline.engine;

/**
 * A point-in-time summary of an engine's state, summed over its partitions.
 *
 * @param users         distinct user ids seen in any command; with several partitions, an account
 *                      that has only been followed counts once it follows or posts.
 * @param follows       follow edges now in place.
 * @param tweets        tweets posted and not deleted.
 * @param deletedTweets tweets deleted.
 * @param celebrities   authors currently merged at read time rather than fanned out, once per
 *                      partition that merges them (each partition counts its own followers).
 * @param deliveries    entries written into home timelines by posts (fan-out work) since the
 *                      data directory was created.
 * @param offHeapBytes  off-heap memory reserved for timelines and tweets.
 */
public record EngineStats(
    long users, long follows, long tweets, long deletedTweets, long celebrities, long deliveries, long offHeapBytes)
{
    /** The field-by-field sum of this and {@code other}: two partitions' shares of one engine. */
    public EngineStats plus(final EngineStats other)
    {
        return new EngineStats(
            users + other.users,
            follows + other.follows,
            tweets + other.tweets,
            deletedTweets + other.deletedTweets,
            celebrities + other.celebrities,
            deliveries + other.deliveries,
            offHeapBytes + other.offHeapBytes);
    }
}
