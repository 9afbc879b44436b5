package dev.timeline.bench;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The limit of fan-out: random 16-byte writes into a large off-heap region, which is what one
 * delivery into a home timeline costs at the very least (an id, an author and a tweet reference
 * written into a timeline that is almost never in cache). Engine fan-out is reported as a fraction
 * of this rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class RandomWriteBenchmark
{
    private static final int ENTRY_LENGTH = 16;

    /** Size of the region, as large as the timelines of a 100,000-user engine. */
    @Param({"1073741824"})
    public int regionBytes;

    private UnsafeBuffer region;
    private int entryMask;
    private long random = 0x9E3779B97F4A7C15L;
    private long value;

    @Setup(Level.Trial)
    public void allocate()
    {
        region = new UnsafeBuffer(BufferUtil.allocateDirectAligned(regionBytes, 64));
        entryMask = regionBytes / ENTRY_LENGTH - 1;
        for (int i = 0; i < regionBytes; i += 4096)
        {
            region.putByte(i, (byte)1);
        }
    }

    @Benchmark
    public void write16Bytes()
    {
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        final int offset = ((int)random & entryMask) * ENTRY_LENGTH;
        region.putLong(offset, ++value);
        region.putLong(offset + 8, random);
    }
}
