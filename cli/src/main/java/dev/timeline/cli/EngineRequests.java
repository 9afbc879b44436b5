package dev.timeline.cli;

import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.Timelines;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;

import java.util.concurrent.CompletableFuture;

/**
 * One thread's requests to an engine, or any {@link Timelines}: home reads of {@link #READ_LIMIT} tweets into the thread's own
 * buffer, allocating nothing, and asynchronous posts; users and texts come from the workload's
 * streams, so a seed gives the same requests.
 */
final class EngineRequests implements LoadRequests
{
    /** Tweets each home read asks for: a page of a timeline. */
    static final int READ_LIMIT = 20;
    /** The workload's operation stream of the posts made before the load; the threads' follow it. */
    static final int PREFILL_STREAM = 0;

    private final Timelines timelines;
    private final OperationStream readers;
    private final OperationStream posters;
    private final TimelineBuffer buffer = new TimelineBuffer();

    /**
     * @param thread which sending thread, from 0: each has streams of its own.
     */
    EngineRequests(final Timelines timelines, final Workload workload, final int thread)
    {
        this.timelines = timelines;
        this.readers = workload.operations(PREFILL_STREAM + 1 + 2 * thread, 1);
        this.posters = workload.operations(PREFILL_STREAM + 2 + 2 * thread, 0);
    }

    @Override
    public void read()
    {
        readers.next();
        timelines.home(readers.user(), READ_LIMIT, Long.MAX_VALUE, buffer);
    }

    @Override
    public CompletableFuture<?> post()
    {
        posters.next();
        return timelines.postAsync(posters.user(), posters.text());
    }
}
