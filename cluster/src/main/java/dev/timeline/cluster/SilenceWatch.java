package dev.timeline.cluster;

/**
 * Whether a client's cluster has gone silent: commands sent and still waiting for an answer, and
 * nothing heard from the cluster for longer than a limit since the first of them was sent or the
 * cluster last spoke. Owned by the client's agent thread.
 */
final class SilenceWatch
{
    private long limitNs;
    private boolean waiting;
    private long waitingSinceNs;

    /** A session was opened: nothing waits on it yet, and it is silent after {@code limitNs}. */
    void opened(final long limitNs)
    {
        this.limitNs = limitNs;
        waiting = false;
    }

    /** Commands were sent at {@code nowNs}. */
    void sent(final long nowNs)
    {
        if (!waiting)
        {
            waiting = true;
            waitingSinceNs = nowNs;
        }
    }

    /** The cluster spoke at {@code nowNs}: whatever waits, waits from now. */
    void heard(final long nowNs)
    {
        waitingSinceNs = nowNs;
    }

    /** Every command sent was answered or given up. */
    void allAnswered()
    {
        waiting = false;
    }

    /** Whether commands have waited for longer than the limit with nothing heard. */
    boolean isSilent(final long nowNs)
    {
        return waiting && nowNs - waitingSinceNs > limitNs;
    }
}
