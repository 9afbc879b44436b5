package dev.timeline.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts kept by caller threads (reads, rejected writes), striped so that readers on many threads
 * do not contend on one cache line. The writer publishes their sums to the counters file.
 */
final class CallerCounts
{
    final LongAdder homeReads = new LongAdder();
    final LongAdder tweetReads = new LongAdder();
    final LongAdder inboxFull = new LongAdder();
    final LongAdder inFlight = new LongAdder();
}
