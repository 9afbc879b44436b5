package dev.timeline.workload;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncWindowTest
{
    @Test
    void waitsForTheOldestOnlyWhenFull()
    {
        final AsyncWindow window = new AsyncWindow(2);
        final Write first = new Write();
        final Write second = new Write();
        final Write third = new Write();

        window.add(first);
        window.add(second);
        assertEquals(2, window.inFlight());
        assertFalse(first.awaited || second.awaited, "nothing waited for while there is room");

        window.add(third);
        assertTrue(first.awaited, "the oldest is waited for to make room");
        assertFalse(second.awaited || third.awaited);
        assertEquals(2, window.inFlight());

        window.awaitAll();
        assertTrue(second.awaited && third.awaited);
        assertEquals(0, window.inFlight());
    }

    @Test
    void rethrowsTheCauseOfAFailureWhenItIsWaitedFor()
    {
        final AsyncWindow window = new AsyncWindow(1);
        final IllegalStateException failure = new IllegalStateException("refused");
        window.add(CompletableFuture.failedFuture(failure));

        assertSame(failure, assertThrows(IllegalStateException.class, () -> window.add(new Write())));
        assertEquals(1, window.inFlight(), "the failed write left the window, the new one is in it");
    }

    @Test
    void wrapsACheckedCauseAndGoesOnAfterIt()
    {
        final AsyncWindow window = new AsyncWindow(4);
        window.add(CompletableFuture.failedFuture(new IOException("disk")));
        final Write after = new Write();
        window.add(after);

        final CompletionException thrown = assertThrows(CompletionException.class, window::awaitAll);
        assertTrue(thrown.getCause() instanceof IOException);
        assertEquals(1, window.inFlight());
        window.awaitAll();
        assertTrue(after.awaited);
    }

    @Test
    void needsRoomForOneWrite()
    {
        assertThrows(IllegalArgumentException.class, () -> new AsyncWindow(0));
        assertEquals(3, new AsyncWindow(3).capacity());
    }

    /** A write acknowledged when it is waited for, which records that it was. */
    private static final class Write extends CompletableFuture<Void>
    {
        boolean awaited;

        @Override
        public Void join()
        {
            awaited = true;
            complete(null);
            return super.join();
        }
    }
}
