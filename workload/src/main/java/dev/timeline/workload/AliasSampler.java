package dev.timeline.workload;

import java.util.random.RandomGenerator;

/**
 * Draws indexes {@code 0..n-1} with probabilities proportional to fixed weights in constant time
 * (Vose's alias method): one table slot is drawn uniformly, then a biased coin picks the slot or its alias.
 */
final class AliasSampler
{
    private final double[] probability;
    private final int[] alias;

    /**
     * @param weights positive weights, one per index; not kept.
     */
    AliasSampler(final double[] weights)
    {
        final int n = weights.length;
        probability = new double[n];
        alias = new int[n];

        double sum = 0;
        for (final double weight : weights)
        {
            sum += weight;
        }

        final int[] work = new int[n];
        int small = 0;
        int large = n;
        for (int i = 0; i < n; i++)
        {
            probability[i] = weights[i] * n / sum;
            if (probability[i] < 1)
            {
                work[small++] = i;
            }
            else
            {
                work[--large] = i;
            }
        }

        while (small > 0 && large < n)
        {
            final int less = work[--small];
            final int more = work[large];
            alias[less] = more;
            probability[more] += probability[less] - 1;
            if (probability[more] < 1)
            {
                large++;
                work[small++] = more;
            }
        }

        while (small > 0)
        {
            probability[work[--small]] = 1;
        }
        while (large < n)
        {
            probability[work[large++]] = 1;
        }
    }

    /** An index drawn with probability proportional to its weight. */
    int sample(final RandomGenerator random)
    {
        final int slot = random.nextInt(probability.length);
        return random.nextDouble() < probability[slot] ? slot : alias[slot];
    }
}
