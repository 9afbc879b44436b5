package dev.timeline.workload;

/**
 * A stateless 64-bit mixing function: turns a seed and a counter into well-spread bits, so that
 * values can be derived from {@code (seed, index)} without storing them.
 */
final class Mix
{
    private Mix()
    {
    }

    /** Well-spread bits derived from {@code seed} and {@code index}. */
    static long mix(final long seed, final long index)
    {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
