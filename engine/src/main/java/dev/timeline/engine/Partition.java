package dev.timeline.engine;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.DirectMemory;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.TimelineReader;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.engine.status.ErrorLog;
import dev.timeline.journal.Journal;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;


/**
 * The parts of one partition that the engine routes to: the state and its reader, the journal and,
 * for a writable engine, the command inbox, the acknowledgement slots and the writer that owns
 * everything else.
 */
final class Partition
{
    final int index;
    final TimelineStateMachine machine;
    final PartitionState state;
    final TimelineReader reader;
    final Journal journal;
    /** Null if the engine is read-only, as are the slots, the writer and its runner. */
    final RingBuffer inbox;
    final AckSlots acks;
    private PartitionWriter writer;
    private AgentRunner runner;

    Partition(
        final TimelineStateMachine machine, final TimelineReader reader, final Journal journal, final EngineConfig config)
    {
        this.machine = machine;
        state = machine.state();
        index = state.partition();
        this.reader = reader;
        this.journal = journal;
        inbox = config.readOnly() ? null : new ManyToOneRingBuffer(new UnsafeBuffer(
            DirectMemory.allocate(config.inboxBytes() + RingBufferDescriptor.TRAILER_LENGTH)));
        acks = config.readOnly() ? null : new AckSlots(config.maxInFlight(), config.callerSpinNanos());
    }

    /** Starts {@code writer} on a thread of its own. */
    void start(final PartitionWriter writer, final IdleStrategy idleStrategy, final ErrorLog errorLog)
    {
        this.writer = writer;
        runner = new AgentRunner(idleStrategy, errorLog::log, errorLog.counter(), writer);
        AgentRunner.startOnThread(runner);
    }

    PartitionWriter writer()
    {
        return writer;
    }

    /** Stops the writer's thread once its current duty cycle ends; the writer is then the caller's. */
    void stopWriter()
    {
        CloseHelper.quietClose(runner);
    }
}
