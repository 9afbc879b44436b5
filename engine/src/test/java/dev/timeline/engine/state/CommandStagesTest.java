package dev.timeline.engine.state;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener gets each write's stages once, in the order they were passed, and the next write of the slot starts clean. */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CommandStagesTest
{
    @AfterEach
    void removeListener()
    {
        CommandStages.listener(null);
    }

    @Test
    void theListenerGetsTheStagesOfTheAnsweredSlotThenTheyAreCleared()
    {
        final List<long[]> heard = new ArrayList<>();
        CommandStages.listener((stamps, offset) ->
            heard.add(Arrays.copyOfRange(stamps, offset, offset + CommandStages.COUNT)));
        final CommandStages stages = new CommandStages(2);
        stages.stamp(1, CommandStages.SUBMITTED);
        stages.stamp(1, CommandStages.PICKED_UP);
        stages.stamp(1, CommandStages.ACKNOWLEDGED);
        stages.stamp(0, CommandStages.SUBMITTED);
        stages.answer(1);
        stages.answer(1);

        assertEquals(2, heard.size());
        final long[] first = heard.get(0);
        assertTrue(first[CommandStages.SUBMITTED] > 0);
        assertTrue(first[CommandStages.PICKED_UP] >= first[CommandStages.SUBMITTED]);
        assertEquals(0, first[CommandStages.JOURNALED], "a stage not passed reads 0");
        assertTrue(first[CommandStages.ANSWERED] >= first[CommandStages.ACKNOWLEDGED]);
        assertEquals(0, heard.get(1)[CommandStages.SUBMITTED], "answered stamps are cleared");
    }
}
