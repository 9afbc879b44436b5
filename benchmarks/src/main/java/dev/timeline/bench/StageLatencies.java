package dev.timeline.bench;

import dev.timeline.engine.state.CommandStages;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The latency of each stage of the blocking writes one thread makes, from the engine's
 * {@link CommandStages}: how late the call went out, the submission, the writer's pick-up, the
 * journal, the apply, the wait for the acknowledgement and the caller's wake-up. Its listener must
 * run on the calling thread, as it does for blocking writes, and records only between
 * {@link #calling} and {@link #returned}; single-threaded.
 */
final class StageLatencies implements CommandStages.Listener
{
    /** One stage: its name, and the histogram of its latencies in nanoseconds. */
    record Stage(String name, String tag, Histogram latency)
    {
        Stage(final String name, final String tag)
        {
            this(name, tag, new Histogram(3));
        }
    }

    private final Stage sendLag = new Stage("send lag (probe)", "send-lag");
    private final Stage submit = new Stage("submit", "submit");
    private final Stage pickUp = new Stage("writer pick-up", "pick-up");
    private final Stage journal = new Stage("journal", "journal");
    private final Stage apply = new Stage("apply", "apply");
    private final Stage acknowledge = new Stage("acknowledge", "acknowledge");
    private final Stage wakeUp = new Stage("caller wake-up", "wake-up");
    private final Stage returned = new Stage("return", "return");
    private long intendedNanos;
    private long callNanos;
    private long answeredNanos;
    private boolean recording;

    /** The stages in order. */
    private List<Stage> stages()
    {
        return List.of(sendLag, submit, pickUp, journal, apply, acknowledge, wakeUp, returned);
    }

    /** A call due at {@code intendedNanos} goes out now, at {@code callNanos}; recorded if {@code measured}. */
    void calling(final long intendedNanos, final long callNanos, final boolean measured)
    {
        this.intendedNanos = intendedNanos;
        this.callNanos = callNanos;
        recording = measured;
    }

    /** The call returned at {@code nanos}; writes answered after it are not this thread's calls. */
    void returned(final long nanos)
    {
        if (recording)
        {
            record(sendLag, callNanos - intendedNanos);
            record(returned, nanos - answeredNanos);
            recording = false;
        }
    }

    @Override
    public void onStages(final long[] stamps, final int offset)
    {
        answeredNanos = stamps[offset + CommandStages.ANSWERED];
        if (recording)
        {
            record(submit, stamps[offset + CommandStages.SUBMITTED] - callNanos);
            record(pickUp, stamps[offset + CommandStages.PICKED_UP] - stamps[offset + CommandStages.SUBMITTED]);
            record(journal, stamps[offset + CommandStages.JOURNALED] - stamps[offset + CommandStages.PICKED_UP]);
            record(apply, stamps[offset + CommandStages.APPLIED] - stamps[offset + CommandStages.JOURNALED]);
            record(acknowledge, stamps[offset + CommandStages.ACKNOWLEDGED] - stamps[offset + CommandStages.APPLIED]);
            record(wakeUp, answeredNanos - stamps[offset + CommandStages.ACKNOWLEDGED]);
        }
    }

    /** Every stage with at least one value. */
    List<Stage> recorded()
    {
        final List<Stage> recorded = new ArrayList<>();
        for (final Stage stage : stages())
        {
            if (stage.latency().getTotalCount() > 0)
            {
                recorded.add(stage);
            }
        }
        return recorded;
    }

    private static void record(final Stage stage, final long nanos)
    {
        stage.latency().recordValue(Math.max(0, nanos));
    }
}
