package dev.timeline.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the CLI writes latencies: never a tiny one as nothing. */
class FormatTest
{
    @Test
    void aLatencyUnderATenthOfAMicrosecondIsWrittenInNanoseconds()
    {
        assertEquals("0.0 µs", Format.micros(0));
        assertEquals("26 ns", Format.micros(26));
        assertEquals("0.1 µs", Format.micros(100));
        assertEquals("22.5 µs", Format.micros(22_500));
        assertEquals("1,988 µs", Format.micros(1_988_000));
        assertEquals("12 ms", Format.latency(12_000_000));
    }
}
