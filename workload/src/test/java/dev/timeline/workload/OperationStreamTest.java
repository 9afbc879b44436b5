package dev.timeline.workload;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationStreamTest
{
    @Test
    void aStreamIsReproducibleAndStreamsDiffer()
    {
        final Workload workload = Workload.named("zipf", 1_000, 3);
        assertEquals(draw(workload.operations(0, 0.5)), draw(Workload.named("zipf", 1_000, 3).operations(0, 0.5)));
        assertNotEquals(draw(workload.operations(0, 0.5)), draw(workload.operations(1, 0.5)));
    }

    @Test
    void theReadFractionSetsTheMix()
    {
        final OperationStream stream = Workload.named("uniform", 1_000, 3).operations(0, 0.9);
        int reads = 0;
        for (int i = 0; i < 10_000; i++)
        {
            if (stream.next() == OperationStream.Kind.HOME)
            {
                reads++;
                assertEquals(0, stream.text().length());
            }
        }
        assertTrue(reads > 8_800 && reads < 9_200, "reads " + reads);

        final OperationStream posts = Workload.named("uniform", 10, 3).operations(0, 0);
        final OperationStream homes = Workload.named("uniform", 10, 3).operations(0, 1);
        for (int i = 0; i < 100; i++)
        {
            assertEquals(OperationStream.Kind.POST, posts.next());
            assertEquals(OperationStream.Kind.HOME, homes.next());
        }
    }

    @Test
    void usersAreUsersOfTheWorkload()
    {
        final Workload workload = Workload.named("uniform", 500, 3);
        final OperationStream stream = workload.operations(2, 0.5);
        for (int i = 0; i < 1_000; i++)
        {
            stream.next();
            assertTrue(workload.userIds().indexOf(stream.user()) >= 0);
        }
    }

    @Test
    void textsHaveRealisticLengthsWithinTheLimitAndIncludeNonAscii()
    {
        final SplittableRandom random = new SplittableRandom(5);
        final StringBuilder text = new StringBuilder();
        long totalCodePoints = 0;
        int nonAscii = 0;
        int supplementary = 0;
        int longest = 0;
        final int samples = 20_000;
        for (int i = 0; i < samples; i++)
        {
            final int codePoints = TweetTexts.next(random, text);
            assertEquals(text.codePoints().count(), codePoints);
            assertTrue(codePoints >= 1 && codePoints <= TweetTexts.MAX_CODE_POINTS, "length " + codePoints);
            totalCodePoints += codePoints;
            longest = Math.max(longest, codePoints);
            nonAscii += text.chars().anyMatch(c -> c > 127) ? 1 : 0;
            supplementary += text.codePoints().anyMatch(Character::isSupplementaryCodePoint) ? 1 : 0;
        }
        final double mean = (double)totalCodePoints / samples;
        assertTrue(mean > 35 && mean < 70, "mean length " + mean);
        assertTrue(longest > 200, "long tail " + longest);
        assertTrue(nonAscii > samples / 2, "non-ASCII texts " + nonAscii);
        assertTrue(supplementary > samples / 10, "texts with emoji " + supplementary);
    }

    @Test
    void rejectsAReadFractionOutsideZeroToOne()
    {
        final Workload workload = Workload.named("uniform", 10, 1);
        assertThrows(IllegalArgumentException.class, () -> workload.operations(0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> workload.operations(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> workload.operations(-1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Workload.named("viral", 10, 1));
    }

    private static List<String> draw(final OperationStream stream)
    {
        final List<String> operations = new ArrayList<>();
        for (int i = 0; i < 200; i++)
        {
            operations.add(stream.next() + " " + stream.user() + " " + stream.text());
        }
        return operations;
    }
}
