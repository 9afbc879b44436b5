package dev.timeline.workload;

import java.util.Locale;

/**
 * How follows are spread over accounts: which accounts a new follow is likely to point at.
 */
public enum FollowerDistribution
{
    /** Every account is equally likely to be followed: no celebrities at all. */
    UNIFORM,
    /** The account of popularity rank {@code k} is followed in proportion to {@code 1 / (k + 1)}. */
    ZIPF,
    /** {@link #ZIPF}, plus a few celebrities that each user follows with a high probability. */
    CELEBRITY;

    /** The lower-case name used on command lines. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The distribution called {@code label}, ignoring case.
     *
     * @throws IllegalArgumentException listing the valid names when there is no such distribution.
     */
    public static FollowerDistribution of(final String label)
    {
        for (final FollowerDistribution distribution : values())
        {
            if (distribution.label().equalsIgnoreCase(label))
            {
                return distribution;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + label + "', expected one of uniform, zipf, celebrity");
    }
}
