package dev.timeline.bench;

/**
 * The memory probes' source of addresses: Marsaglia's 64-bit xorshift, a few instructions with no
 * memory access, so that the probes measure the memory they touch and not their random numbers.
 */
final class Xorshift
{
    /** A nonzero state to start from. */
    static final long SEED = 0x9E3779B97F4A7C15L;

    private Xorshift()
    {
    }

    /** The state after {@code state}, itself the next random value; never 0 for a nonzero state. */
    static long next(final long state)
    {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
