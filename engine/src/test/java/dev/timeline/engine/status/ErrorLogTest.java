package dev.timeline.engine.status;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors go to a mapped distinct-error log that another reader sees while it is written: each
 * distinct error once with how often it was seen, every error counted; a new log keeps the errors of
 * the last run in the text history.
 */
class ErrorLogTest
{
    @TempDir
    Path directory;

    @Test
    void eachDistinctErrorIsLoggedOnceWithItsCountAndEveryErrorIsCounted() throws IOException
    {
        final AtomicCounter errors = counter();
        try (ErrorLog log = ErrorLog.create(directory, () -> 1_000, errors);
            ErrorLogFile reader = ErrorLogFile.open(directory))
        {
            final IllegalStateException repeated = new IllegalStateException("repeated");
            log.onError(repeated);
            log.onError(repeated);
            log.onError(new IllegalArgumentException("once"));
            log.log(new IllegalStateException("logged, counted elsewhere"));

            assertEquals(3, log.count());
            final List<String> seen = new ArrayList<>();
            assertEquals(3, reader.read((count, first, last, error) -> seen.add(count + " " + error.lines().findFirst()
                .orElseThrow())));
            assertEquals(List.of(
                "2 java.lang.IllegalStateException: repeated",
                "1 java.lang.IllegalArgumentException: once",
                "1 java.lang.IllegalStateException: logged, counted elsewhere"), seen);
        }
    }

    @Test
    void aNewLogKeepsTheErrorsOfTheLastRunInTheHistory() throws IOException
    {
        try (ErrorLog log = ErrorLog.create(directory, () -> 1_000, counter()))
        {
            log.onError(new IllegalStateException("before the restart"));
        }
        try (ErrorLog log = ErrorLog.create(directory, () -> 2_000, counter());
            ErrorLogFile reader = ErrorLogFile.open(directory))
        {
            assertEquals(0, reader.read((count, first, last, error) -> {}), "the new log starts empty");
        }
        final String history = Files.readString(directory.resolve("errors.log"));
        assertTrue(history.contains("IllegalStateException: before the restart"), history);
    }

    private static AtomicCounter counter()
    {
        return new AtomicCounter(new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH)), 0);
    }
}
