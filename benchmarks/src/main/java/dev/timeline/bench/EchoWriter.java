package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.ParkingIdleStrategy;
import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.DirectMemory;
import dev.timeline.engine.state.Outcomes;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.util.concurrent.TimeUnit;

/**
 * The floor under a write's round trip: a writer thread that does no work, fed and answered the way
 * the engine's writers are, through a command gate, an inbox of the engine's size, the writer's idle
 * strategy, woken as the engine wakes its writers, and acknowledgement slots with the engine's
 * callers' wait, so what a blocking call to it costs is the hand-over to the writer and back, with
 * nothing journaled or applied. Callers on any thread; close once.
 */
final class EchoWriter implements AutoCloseable
{
    private static final int MESSAGE_TYPE = 1;
    private static final int MESSAGE_LENGTH = 24;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RingBuffer inbox;
    private final AckSlots acks;
    private final CommandGate gate;
    private final ParkingIdleStrategy parking;
    private final AgentRunner runner;

    /** A writer idling as {@code config}'s writers do, started on a thread of its own. */
    EchoWriter(final EngineConfig config)
    {
        inbox = new ManyToOneRingBuffer(new UnsafeBuffer(
            DirectMemory.allocate(config.inboxBytes() + RingBufferDescriptor.TRAILER_LENGTH)));
        acks = new AckSlots(config.maxInFlight(), config.callerSpinNanos());
        gate = new CommandGate(config.maxInFlight(), config.inboxBytes());
        final IdleStrategy idleStrategy = config.idleStrategy().get();
        parking = idleStrategy instanceof ParkingIdleStrategy ? (ParkingIdleStrategy)idleStrategy : null;
        runner = new AgentRunner(idleStrategy, Throwable::printStackTrace, null, new Echo(inbox, acks));
        AgentRunner.startOnThread(runner);
    }

    /** Sends a command with no work to the writer and waits for its answer. */
    long call()
    {
        final int slot = gate.enter(acks, null);
        final int index = gate.claim(inbox, acks, MESSAGE_TYPE, MESSAGE_LENGTH, slot);
        inbox.buffer().putInt(index, slot);
        gate.commit(inbox, index, slot);
        if (parking != null)
        {
            parking.wake();
        }
        return acks.await(slot, System::nanoTime, System.nanoTime() + TIMEOUT_NANOS);
    }

    @Override
    public void close()
    {
        gate.close();
        if (parking != null)
        {
            parking.stop();
        }
        CloseHelper.close(runner);
    }

    /** Answers each command with its slot, doing nothing else. */
    private static final class Echo implements Agent, MessageHandler
    {
        private final RingBuffer inbox;
        private final AckSlots acks;

        Echo(final RingBuffer inbox, final AckSlots acks)
        {
            this.inbox = inbox;
            this.acks = acks;
        }

        @Override
        public int doWork()
        {
            return inbox.read(this);
        }

        @Override
        public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length)
        {
            final int slot = buffer.getInt(index);
            acks.complete(slot, Outcomes.OK, slot, null);
        }

        @Override
        public String roleName()
        {
            return "echo-writer";
        }
    }
}
