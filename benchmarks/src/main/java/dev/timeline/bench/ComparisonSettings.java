package dev.timeline.bench;

import dev.timeline.workload.Workload;

/**
 * What a comparison with the baselines runs: the same for every implementation.
 *
 * @param workload           the users, their follow graph and the stream the posts are drawn from.
 * @param posts              posts measured, after {@link #warmupPosts()} that are not.
 * @param reads              home reads measured, after {@link #warmupReads()} that are not.
 * @param window             posts in flight for the engine (async window) and Redis (pipelined batch).
 * @param naiveThreads       threads posting into the naive baseline, each one post at a time.
 * @param celebrityThreshold followers from which the hybrid engine pulls an author's posts.
 * @param partitions         the engine's partitions, each with a writer thread of its own.
 */
record ComparisonSettings(
    Workload workload, int posts, int reads, int window, int naiveThreads, int celebrityThreshold, int partitions)
{
    /** Tweets each home read asks for. */
    static final int READ_LIMIT = 20;
    /** Unmeasured operations before the measured ones, as a fraction of them: the code under test gets compiled. */
    private static final int WARMUP_DIVISOR = 10;

    /** Posts made first and not measured. */
    int warmupPosts()
    {
        return posts / WARMUP_DIVISOR;
    }

    /**
     * Seconds, at least, of home reads made first and not measured, however few {@link #warmupReads()}
     * are: a read takes a microsecond or two, so a tenth of 50,000 would measure the reads while they
     * are being compiled.
     */
    static final int WARMUP_READ_SECONDS = 1;

    /** Home reads made first and not measured, at least; see {@link #WARMUP_READ_SECONDS}. */
    int warmupReads()
    {
        return reads / WARMUP_DIVISOR;
    }
}
