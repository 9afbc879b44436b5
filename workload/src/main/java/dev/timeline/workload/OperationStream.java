package dev.timeline.workload;

import java.util.SplittableRandom;

/**
 * An endless, reproducible stream of posts and home reads by uniformly chosen users. Reuses one
 * text buffer, so drawing operations allocates nothing. Not thread-safe: one stream per thread.
 */
public final class OperationStream
{
    /** What an operation does. */
    public enum Kind
    {
        /** {@link #user()} posts {@link #text()}. */
        POST,
        /** {@link #user()} reads their home timeline. */
        HOME
    }

    private final UserIds userIds;
    private final SplittableRandom random;
    private final double readFraction;
    private final StringBuilder text = new StringBuilder(TweetTexts.MAX_CODE_POINTS * 2);
    private long user;

    OperationStream(final UserIds userIds, final long seed, final double readFraction)
    {
        if (!(readFraction >= 0 && readFraction <= 1))
        {
            throw new IllegalArgumentException("read fraction must be in 0..1, was " + readFraction);
        }
        this.userIds = userIds;
        this.random = new SplittableRandom(seed);
        this.readFraction = readFraction;
    }

    /** Draws the next operation; its {@link #user()} and {@link #text()} hold until the next call. */
    public Kind next()
    {
        user = userIds.id(random.nextInt(userIds.count()));
        if (readFraction == 1 || readFraction > 0 && random.nextDouble() < readFraction)
        {
            text.setLength(0);
            return Kind.HOME;
        }
        TweetTexts.next(random, text);
        return Kind.POST;
    }

    /** The user of the current operation. */
    public long user()
    {
        return user;
    }

    /** The text of the current post, empty for a read; overwritten by the next call to {@link #next()}. */
    public CharSequence text()
    {
        return text;
    }
}
