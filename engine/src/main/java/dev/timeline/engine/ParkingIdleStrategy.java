package dev.timeline.engine;

import org.agrona.concurrent.IdleStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer's idle strategy by default: after work, spins for a short while in case more comes at
 * once, then parks until a thread that left it work wakes it ({@link #wake}) or until the longest
 * park is over, so an idle writer costs next to nothing and a command that finds it parked pays one
 * unpark, as the Disruptor's blocking wait strategies do. It never yields: on a machine whose
 * processors are all busy, a yield hands the processor to another thread for a whole time slice,
 * milliseconds, during which a waker finds the writer neither running nor parked.
 * <p>
 * No wake is lost: before it parks, the writer announces it (a volatile store) and takes one more
 * look for work (the next duty cycle); a waker publishes the work and then, past a full fence, looks
 * whether the writer announced a park. One of the two sees the other's store, so either the writer
 * finds the work or the waker unparks it, and an unpark that comes before the park leaves a permit
 * that ends the park at once. Of several wakers only the one that takes the announcement back
 * unparks.
 * <p>
 * {@link #idle}, {@link #reset} and {@link #stop} on the writer's side; {@link #wake} from any thread.
 */
public final class ParkingIdleStrategy implements IdleStrategy
{
    /** The longest park by default: how often an idle writer looks up, to publish its heartbeat. */
    public static final long DEFAULT_MAX_PARK_NANOS = 100_000_000;
    /** A longest park that never ends: only a wake ends the park. */
    public static final long PARK_UNTIL_WOKEN = Long.MAX_VALUE;
    /** Idle rounds that spin before the writer starts looking at the clock for the end of its spin. */
    static final int SPINS_BEFORE_TIMING = 100;

    private static final VarHandle PARKED;

    static
    {
        try
        {
            PARKED = MethodHandles.lookup().findVarHandle(ParkingIdleStrategy.class, "parked", boolean.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final long spinNanos;
    private final long maxParkNanos;
    private volatile boolean parked;
    private volatile boolean stopped;
    private Thread writer;
    private boolean announced;
    private int idleRounds;
    private long idleSinceNanos;

    /**
     * @param spinNanos    how long to spin after the last work before parking.
     * @param maxParkNanos the longest park, {@link #PARK_UNTIL_WOKEN} for none.
     */
    public ParkingIdleStrategy(final long spinNanos, final long maxParkNanos)
    {
        if (spinNanos < 0 || maxParkNanos < 1)
        {
            throw new IllegalArgumentException(
                "spin must be 0 or more and the longest park positive, were " + spinNanos + " and " + maxParkNanos);
        }
        this.spinNanos = spinNanos;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (announced)
        {
            park();
        }
        else if (idleRounds < SPINS_BEFORE_TIMING)
        {
            if (idleRounds++ == 0)
            {
                idleSinceNanos = System.nanoTime();
            }
            Thread.onSpinWait();
        }
        else if (stopped || System.nanoTime() - idleSinceNanos < spinNanos)
        {
            Thread.onSpinWait();
        }
        else
        {
            writer = Thread.currentThread();
            announce();
        }
    }

    @Override
    public void reset()
    {
        idleRounds = 0;
        if (announced)
        {
            announced = false;
            parked = false;
        }
    }

    /**
     * Any thread, after it published work for the writer (a command, a delivery, a raised watermark):
     * unparks the writer if it is parked or about to park.
     */
    public void wake()
    {
        VarHandle.fullFence();
        if (parked && PARKED.compareAndSet(this, true, false))
        {
            LockSupport.unpark(writer);
        }
    }

    /** Any thread: the writer never parks again, and one that is parked is woken. */
    public void stop()
    {
        stopped = true;
        wake();
    }

    private void announce()
    {
        announced = true;
        parked = true;
    }

    /**
     * Parks while the announcement stands; once a waker took it back, announces again and returns,
     * so the next duty cycle looks for the work it left, seen through the waker's store.
     */
    private void park()
    {
        if (stopped)
        {
            reset();
        }
        else if (!parked)
        {
            announce();
        }
        else if (maxParkNanos == PARK_UNTIL_WOKEN)
        {
            LockSupport.park(this);
        }
        else
        {
            LockSupport.parkNanos(this, maxParkNanos);
        }
    }
}
