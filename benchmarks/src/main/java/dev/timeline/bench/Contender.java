package dev.timeline.bench;

import com.sun.management.OperatingSystemMXBean;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;

/**
 * One implementation in the comparison with the baselines, its follow graph loaded. Posts and reads
 * are driven from one calling thread; an implementation may use more threads of its own.
 */
interface Contender extends AutoCloseable
{
    /** This process, for its processor time. */
    OperatingSystemMXBean PROCESS = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();

    /** The most posts it has submitted and not yet seen acknowledged at any time. */
    int inFlight();

    /**
     * Posts {@code posts} {@code from} (inclusive) {@code to} (exclusive) and returns once every one
     * is acknowledged, recording each post's latency in nanoseconds, from its submission to its
     * acknowledgement, into {@code latency}.
     */
    void post(Posts posts, int from, int to, Recorder latency);

    /**
     * Processor time the implementation has taken so far, in nanoseconds: every thread of this
     * process, the calling thread's included, and any server it runs.
     */
    default long processorNanos()
    {
        return PROCESS.getProcessCpuTime();
    }

    /** Entries written into home timelines so far. */
    long deliveries();

    /**
     * Reads the {@code limit} newest tweets of {@code user}'s home timeline, with their authors and texts.
     *
     * @return how many tweets were read.
     */
    int home(long user, int limit);

    @Override
    void close();
}
