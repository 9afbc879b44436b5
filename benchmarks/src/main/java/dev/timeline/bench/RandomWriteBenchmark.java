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
 * <p>
 * {@link #write16Bytes} writes at addresses it knows in advance, so the processor overlaps many
 * writes. A delivery must first read where its timeline's next entry goes: {@link #headerThenEntry}
 * reads a random user's 32-byte header, writes the entry where it points and counts it, the least a
 * delivery into a ring can do.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class RandomWriteBenchmark
{
    private static final int ENTRY_LENGTH = 16;
    private static final int HEADER_LENGTH = 32;
    /** Users of {@link #headerThenEntry}, about as many as the engine's benchmarks hold. */
    private static final int USERS = 1 << 17;

    /** Size of the region, as large as the timelines of a 100,000-user engine. */
    @Param({"1073741824"})
    public int regionBytes;

    private UnsafeBuffer region;
    private UnsafeBuffer headers;
    private int entryMask;
    private int ringMask;
    private long random = Xorshift.SEED;
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
        headers = new UnsafeBuffer(BufferUtil.allocateDirectAligned(USERS * HEADER_LENGTH, 64));
        final int ringBytes = regionBytes / USERS;
        ringMask = ringBytes / ENTRY_LENGTH - 1;
        for (int user = 0; user < USERS; user++)
        {
            headers.putLong(user * HEADER_LENGTH, (long)user * ringBytes);
        }
    }

    @Benchmark
    public void write16Bytes()
    {
        random = Xorshift.next(random);
        final int offset = ((int)random & entryMask) * ENTRY_LENGTH;
        region.putLong(offset, ++value);
        region.putLong(offset + 8, random);
    }

    @Benchmark
    public void headerThenEntry()
    {
        random = Xorshift.next(random);
        final int header = ((int)random & (USERS - 1)) * HEADER_LENGTH;
        final long ring = headers.getLong(header);
        final int count = headers.getInt(header + 8);
        final int offset = (int)(ring + (long)(count & ringMask) * ENTRY_LENGTH);
        region.putLong(offset, ++value);
        region.putLong(offset + 8, random);
        headers.putInt(header + 8, count + 1);
    }
}
