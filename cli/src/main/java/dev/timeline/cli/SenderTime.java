package dev.timeline.cli;

/**
 * Where the sending threads of a load spent their time: on their own work (keeping the schedule,
 * recording latencies), inside the requests (the engine's calls, and drawing users and texts),
 * and the rest waiting for the next request to be due or off the processor. Summed over the threads.
 *
 * @param requests     requests sent, warm-up included.
 * @param ownNanos     time in the load generator's own work.
 * @param requestNanos time inside the requests.
 * @param runningNanos time from each thread's start to its end.
 */
record SenderTime(long requests, long ownNanos, long requestNanos, long runningNanos)
{
    /** No time spent yet. */
    static final SenderTime NONE = new SenderTime(0, 0, 0, 0);

    SenderTime plus(final SenderTime other)
    {
        return new SenderTime(requests + other.requests, ownNanos + other.ownNanos,
            requestNanos + other.requestNanos, runningNanos + other.runningNanos);
    }

    /** The load generator's own work per request, in nanoseconds. */
    long ownNanosPerRequest()
    {
        return requests == 0 ? 0 : ownNanos / requests;
    }

    /** The most requests a second one thread could send, were every request answered at once. */
    long maxPerThread()
    {
        return ownNanos == 0 ? Long.MAX_VALUE : Math.round(requests * 1e9 / ownNanos);
    }

    /** Whether threads that do nothing but send could keep to {@code perThread} requests a second. */
    boolean keepsUpWith(final double perThread)
    {
        return maxPerThread() >= perThread;
    }

    /** The share of the threads' time spent on {@code nanos}, in percent. */
    double percentOfTime(final long nanos)
    {
        return runningNanos == 0 ? 0 : 100.0 * nanos / runningNanos;
    }
}
