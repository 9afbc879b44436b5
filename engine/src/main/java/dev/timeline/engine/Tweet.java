package dev.timeline.engine;

import java.time.Instant;

/**
 * One tweet as returned by the convenience read methods.
 *
 * @param id     unique id; encodes the post time and orders tweets in real time.
 * @param author the author's user id.
 * @param text   the text exactly as posted.
 * @param time   when it was posted, as encoded in the id.
 */
public record Tweet(long id, long author, String text, Instant time)
{
}
