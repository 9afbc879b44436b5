package dev.timeline.engine.state;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.timeline.engine.MemoryLimitException;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

/**
 * The JVM's direct memory, where the engine's off-heap stores live: its limit
 * ({@code -XX:MaxDirectMemorySize}, by default the maximum heap), how much of it is in use, and
 * allocation that refuses up front with a {@link MemoryLimitException} when a request would pass
 * the limit, instead of letting the JDK collect garbage, sleep and throw {@link OutOfMemoryError}.
 * Thread-safe.
 */
public final class DirectMemory
{
    private static final long LIMIT = readLimit();
    private static final BufferPoolMXBean DIRECT = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
        .stream().filter(pool -> "direct".equals(pool.getName())).findFirst().orElseThrow();
    private static final double MIB = 1 << 20;

    private DirectMemory()
    {
    }

    /** The most direct memory the JVM hands out, in bytes. */
    public static long limit()
    {
        return LIMIT;
    }

    /** Direct memory in use now, in bytes, by the engine and anything else in the process. */
    public static long used()
    {
        return DIRECT.getTotalCapacity();
    }

    /**
     * A new direct buffer of {@code bytes}.
     *
     * @throws MemoryLimitException if it would take the direct memory in use past the limit.
     */
    public static ByteBuffer allocate(final int bytes)
    {
        return allocate(bytes, 0);
    }

    /** As {@link #allocate(int)}, leaving {@code headroom} bytes free besides. */
    static ByteBuffer allocate(final int bytes, final long headroom)
    {
        if (bytes + headroom > LIMIT - used())
        {
            throw refused(bytes + headroom);
        }
        try
        {
            return ByteBuffer.allocateDirect(bytes);
        }
        catch (final OutOfMemoryError ex)
        {
            throw refused(bytes);
        }
    }

    /** What to tell of a write that needed {@code bytes} more than the limit leaves. */
    static MemoryLimitException refused(final long bytes)
    {
        return new MemoryLimitException(String.format(
            "out of direct memory: %.1f MiB more are needed and %.1f of the limit of %.1f MiB are in use; " +
            "raise the limit with -XX:MaxDirectMemorySize (for the timeline command, in TIMELINE_JAVA_OPTS)",
            bytes / MIB, used() / MIB, LIMIT / MIB), true);
    }

    private static long readLimit()
    {
        final String option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .getVMOption("MaxDirectMemorySize").getValue();
        final long limit = Long.parseLong(option);
        return limit > 0 ? limit : Runtime.getRuntime().maxMemory();
    }
}
