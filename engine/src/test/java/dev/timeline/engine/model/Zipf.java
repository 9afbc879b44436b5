package dev.timeline.engine.model;

import java.util.Arrays;
import java.util.Random;

/** Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^exponent}: rank 0 is drawn most. */
public final class Zipf
{
    private final double[] cumulative;

    public Zipf(final int n, final double exponent)
    {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++)
        {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
    }

    public int next(final Random random)
    {
        final double point = random.nextDouble() * cumulative[cumulative.length - 1];
        final int found = Arrays.binarySearch(cumulative, point);
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }
}
