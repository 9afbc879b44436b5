package dev.timeline.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryProbesTest
{
    @Test
    void aReadProbeCopiesLimitTextsOfTheWorkloadsLengths()
    {
        final RandomReadBenchmark probe = readProbe(50, 2_000, 32, 20);
        probe.allocate();
        long copied = 0;
        for (int read = 0; read < 1_000; read++)
        {
            copied += probe.read();
        }
        final double bytesPerText = copied / 20_000.0;
        assertTrue(bytesPerText > 10 && bytesPerText < 400, "mean text of " + bytesPerText + " bytes");
    }

    @Test
    void aReadProbeRefusesALimitItCannotServe()
    {
        final RandomReadBenchmark probe = readProbe(10, 100, 16, 16);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, probe::allocate);
        assertEquals("limit must be 1..200 and below the capacity, was 16", error.getMessage());
    }

    private static RandomReadBenchmark readProbe(final int users, final int tweets, final int capacity, final int limit)
    {
        final RandomReadBenchmark probe = new RandomReadBenchmark();
        probe.users = users;
        probe.tweets = tweets;
        probe.capacity = capacity;
        probe.limit = limit;
        return probe;
    }
}
