package dev.timeline.bench;

import org.HdrHistogram.Histogram;

/**
 * What one implementation did in a comparison with the baselines.
 *
 * @param implementation     which one.
 * @param inFlight           the most posts in flight while posting.
 * @param posts              posts measured.
 * @param postNanos          time they took, until the last was acknowledged.
 * @param postProcessorNanos processor time they took, every thread's (see {@link Contender#processorNanos}).
 * @param deliveries         entries they wrote into home timelines.
 * @param postLatency        each post's latency in nanoseconds, submission to acknowledgement.
 * @param reads              home reads measured.
 * @param readNanos          time they took.
 * @param readLatency        each read's latency in nanoseconds.
 */
record Measurement(
    Implementation implementation, int inFlight, long posts, long postNanos, long postProcessorNanos, long deliveries,
    Histogram postLatency, long reads, long readNanos, Histogram readLatency)
{
}
