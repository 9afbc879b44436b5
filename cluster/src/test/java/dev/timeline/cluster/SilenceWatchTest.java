package dev.timeline.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a client gives up on its session: commands waiting, and the cluster silent past the limit. */
class SilenceWatchTest
{
    private static final long LIMIT = 1_500;

    private final SilenceWatch silence = new SilenceWatch();

    @Test
    void anIdleSessionIsNeverSilentHoweverLongNothingIsHeard()
    {
        silence.opened(LIMIT);
        assertFalse(silence.isSilent(1_000_000));
    }

    @Test
    void commandsWaitingPastTheLimitWithNothingHeardMakeTheSessionSilent()
    {
        silence.opened(LIMIT);
        silence.sent(100);
        silence.sent(1_000);
        assertFalse(silence.isSilent(100 + LIMIT), "at the limit");
        assertTrue(silence.isSilent(101 + LIMIT), "counted from the first command sent, not the last");
    }

    @Test
    void anythingHeardFromTheClusterStartsTheWaitAgain()
    {
        silence.opened(LIMIT);
        silence.sent(0);
        silence.heard(1_000);
        assertFalse(silence.isSilent(1_000 + LIMIT));
        assertTrue(silence.isSilent(1_001 + LIMIT));
    }

    @Test
    void everyCommandAnsweredOrANewSessionLeavesNothingWaiting()
    {
        silence.opened(LIMIT);
        silence.sent(0);
        silence.allAnswered();
        assertFalse(silence.isSilent(10 * LIMIT), "all answered");

        silence.sent(20 * LIMIT);
        silence.opened(LIMIT);
        assertFalse(silence.isSilent(30 * LIMIT), "a new session");
        silence.sent(30 * LIMIT);
        assertTrue(silence.isSilent(32 * LIMIT), "what is sent on the new session waits from then");
    }
}
