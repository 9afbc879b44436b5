package dev.timeline.bench.baseline;

/**
 * A tweet as the baselines keep it and return it from a home read.
 *
 * @param id     the baseline's own id: 1, 2, 3... in posting order.
 * @param author the author's user id.
 * @param text   the text as posted.
 */
public record StoredTweet(long id, long author, String text)
{
}
