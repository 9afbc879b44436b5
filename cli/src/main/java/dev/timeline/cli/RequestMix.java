package dev.timeline.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The share of home reads and posts in a load, such as Twitter's 300,000 home reads per 4,600 posts
 * in 2012. Posts are spread evenly among the reads by a fixed pattern, so any run of requests holds
 * the two kinds in the exact proportion, give or take one. Immutable.
 */
final class RequestMix
{
    /** Most reads or posts in a mix, so that the pattern's arithmetic stays within a {@code long}. */
    static final long MAX_PART = 1_000_000_000L;

    private final long reads;
    private final long posts;
    private final long period;
    private final long postsPerPeriod;

    /**
     * @param reads home reads per {@code reads + posts} requests, {@code 0..}{@link #MAX_PART}.
     * @param posts posts per {@code reads + posts} requests, {@code 0..}{@link #MAX_PART}; not both 0.
     */
    RequestMix(final long reads, final long posts)
    {
        if (reads < 0 || posts < 0 || reads > MAX_PART || posts > MAX_PART || reads + posts == 0)
        {
            throw new IllegalArgumentException("reads and posts must be 0 to " + MAX_PART + " and not both 0, were " +
                reads + " and " + posts);
        }
        this.reads = reads;
        this.posts = posts;
        final long divisor = gcd(reads, posts);
        this.period = (reads + posts) / divisor;
        this.postsPerPeriod = posts / divisor;
    }

    long reads()
    {
        return reads;
    }

    long posts()
    {
        return posts;
    }

    /** The share of posts among all requests, {@code 0..1}. */
    double postShare()
    {
        return posts / (double)(reads + posts);
    }

    /** Whether request {@code index} is a post; otherwise it is a home read. */
    boolean isPost(final long index)
    {
        final long position = index % period;
        return (position + 1) * postsPerPeriod / period > position * postsPerPeriod / period;
    }

    @Override
    public String toString()
    {
        return reads + ":" + posts;
    }

    private static long gcd(final long a, final long b)
    {
        return 0 == b ? a : gcd(b, a % b);
    }

    /** Reads {@code READS:POSTS}, such as {@code 300000:4600}. */
    static final class Converter implements ITypeConverter<RequestMix>
    {
        @Override
        public RequestMix convert(final String value)
        {
            final int colon = value.indexOf(':');
            try
            {
                if (colon < 0)
                {
                    throw new IllegalArgumentException("expected READS:POSTS");
                }
                return new RequestMix(
                    Long.parseLong(value.substring(0, colon).strip()), Long.parseLong(value.substring(colon + 1).strip()));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new TypeConversionException("'" + value + "' is not a mix of home reads to posts such as " +
                    "300000:4600 (two whole numbers 0 to " + Format.count(MAX_PART) + ", not both 0)");
            }
        }
    }
}
