package dev.timeline.bench;

import dev.timeline.engine.Limits;
import dev.timeline.workload.TweetTexts;
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

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The limit of a home read: the memory a read of {@code limit} tweets must touch, with none of the
 * engine's work. For a random user it reads a slot of a user index, that user's 32-byte header, the
 * newest {@code limit} 16-byte entries of its ring, and for each entry a 32-byte tweet record and
 * the tweet's text, which it copies out ({@code text = copy}), or only the record, which says
 * where the text is ({@code text = view}, as a read into a {@code TimelineView} does). Entries
 * name random tweets, in regions as large as those of {@link HomeReadBenchmark}'s engine (100,000
 * users, 500,000 tweets of the workload's texts). Every load after the first depends on the one
 * before it, as in the engine. Engine reads are reported as a fraction of this rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RandomReadBenchmark
{
    private static final int HEADER_LENGTH = 32;
    private static final int ENTRY_LENGTH = 16;
    private static final int RECORD_LENGTH = 32;
    /** Room per copied text: the longest text, of code points of at most four bytes. */
    private static final int TEXT_SLOT = Limits.MAX_TEXT_CODE_POINTS * 4;

    @Param({"100000"})
    public int users;

    @Param({"500000"})
    public int tweets;

    /** Entries per user's ring: 128 holds about as many entries as that engine's timelines do. */
    @Param({"128"})
    public int capacity;

    @Param({"20"})
    public int limit;

    @Param({"copy", "view"})
    public String text;

    private UnsafeBuffer index;
    private int indexMask;
    private UnsafeBuffer headers;
    private UnsafeBuffer rings;
    private UnsafeBuffer records;
    private UnsafeBuffer texts;
    private final UnsafeBuffer copies = new UnsafeBuffer(new byte[Limits.MAX_LIMIT * TEXT_SLOT]);
    private long random = Xorshift.SEED;
    private boolean copy;

    @Setup(Level.Trial)
    public void allocate()
    {
        if (limit < 1 || limit > Limits.MAX_LIMIT || limit >= capacity)
        {
            throw new IllegalArgumentException(
                "limit must be 1.." + Limits.MAX_LIMIT + " and below the capacity, was " + limit);
        }
        copy = !"view".equals(text);
        final SplittableRandom seeded = new SplittableRandom(42);
        indexMask = Integer.highestOneBit(users * 2) * 2 - 1;
        index = region((long)(indexMask + 1) * Long.BYTES);
        headers = region((long)users * HEADER_LENGTH);
        rings = region((long)users * capacity * ENTRY_LENGTH);
        records = region((long)tweets * RECORD_LENGTH);
        final byte[][] encoded = new byte[tweets][];
        final StringBuilder text = new StringBuilder();
        long textBytes = 0;
        for (int tweet = 0; tweet < tweets; tweet++)
        {
            TweetTexts.next(seeded, text);
            encoded[tweet] = text.toString().getBytes(StandardCharsets.UTF_8);
            textBytes += encoded[tweet].length;
        }
        texts = region(textBytes);
        long at = 0;
        for (int tweet = 0; tweet < tweets; tweet++)
        {
            texts.putBytes((int)at, encoded[tweet]);
            records.putLong(tweet * RECORD_LENGTH, at);
            records.putInt(tweet * RECORD_LENGTH + 8, encoded[tweet].length);
            at += encoded[tweet].length;
        }
        for (int slot = 0; slot <= indexMask; slot++)
        {
            index.putLong(slot * Long.BYTES, seeded.nextInt(users));
        }
        for (int user = 0; user < users; user++)
        {
            headers.putLong(user * HEADER_LENGTH, (long)user * capacity * ENTRY_LENGTH);
            headers.putInt(user * HEADER_LENGTH + 8, seeded.nextInt(limit, capacity));
            for (int entry = 0; entry < capacity; entry++)
            {
                final long offset = ((long)user * capacity + entry) * ENTRY_LENGTH;
                rings.putLong((int)offset, entry);
                rings.putInt((int)offset + 8, seeded.nextInt(tweets));
            }
        }
    }

    @Benchmark
    public int read()
    {
        random = Xorshift.next(random);
        final int user = (int)index.getLong(((int)random & indexMask) * Long.BYTES);
        final long ring = headers.getLong(user * HEADER_LENGTH);
        final int newest = headers.getInt(user * HEADER_LENGTH + 8);
        int copied = 0;
        for (int i = 0; i < limit; i++)
        {
            final int tweet = rings.getInt((int)(ring + (long)(newest - i) * ENTRY_LENGTH) + 8);
            final long textAt = records.getLong(tweet * RECORD_LENGTH);
            final int length = records.getInt(tweet * RECORD_LENGTH + 8);
            if (copy)
            {
                copies.putBytes(i * TEXT_SLOT, texts, (int)textAt, length);
            }
            copied += length;
        }
        return copied;
    }

    private static UnsafeBuffer region(final long bytes)
    {
        if (bytes > Integer.MAX_VALUE - 64)
        {
            throw new IllegalArgumentException("a region of " + bytes + " bytes is too large for this probe");
        }
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned((int)Math.max(64, bytes), 64));
    }
}
