package dev.timeline.engine.state;

import dev.timeline.engine.Limits;

/**
 * The checks every command's arguments pass before it is submitted, whoever submits it, so that
 * every way into the engine refuses the same input with the same message. Each throws
 * {@link IllegalArgumentException} naming what is wrong. Texts are checked by {@link TweetText}.
 */
public final class CommandChecks
{
    private CommandChecks()
    {
    }

    /** A follow or unfollow ({@code what}) of {@code followee} by {@code follower}. */
    public static void checkPair(final long follower, final long followee, final String what)
    {
        checkUser(follower, "follower");
        checkUser(followee, "followee");
        if (follower == followee)
        {
            throw new IllegalArgumentException("user " + follower + " cannot " + what + " themselves");
        }
    }

    /** A user id in the role {@code role} (author, user, ...). */
    public static void checkUser(final long user, final String role)
    {
        if (user < 0)
        {
            throw new IllegalArgumentException(role + " id must be 0.." + Long.MAX_VALUE + ", was " + user);
        }
    }

    public static void checkTweetId(final long tweetId)
    {
        if (tweetId < 0)
        {
            throw new IllegalArgumentException("tweet id must not be negative, was " + tweetId);
        }
    }

    /** A read of {@code limit} tweets of {@code user} below {@code before}. */
    public static void checkRead(final long user, final int limit, final long before)
    {
        checkUser(user, "user");
        if (limit < 1 || limit > Limits.MAX_LIMIT)
        {
            throw new IllegalArgumentException("limit must be 1.." + Limits.MAX_LIMIT + ", was " + limit);
        }
        if (before < 0)
        {
            throw new IllegalArgumentException("before must be a tweet id (not negative), was " + before);
        }
    }
}
