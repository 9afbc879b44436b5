package dev.timeline.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * Reads counted by caller threads, striped so that readers on many threads do not contend on one
 * cache line. The writer publishes their sums to the counters file, with the rejections its
 * {@link dev.timeline.engine.state.CommandGate} counted.
 */
final class CallerCounts
{
    final LongAdder homeReads = new LongAdder();
    final LongAdder tweetReads = new LongAdder();
}
