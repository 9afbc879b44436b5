package dev.timeline.workload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserIdsTest
{
    @Test
    void idsAreNonNegativeIncreasingAndMapBackToTheirIndex()
    {
        for (final int count : new int[]{ 1, 2, 1000, 3_000_000 })
        {
            final UserIds ids = new UserIds(42, count);
            long previous = -1;
            for (int i = 0; i < count; i += Math.max(1, count / 5000))
            {
                final long id = ids.id(i);
                assertTrue(id > previous, "ids grow with the index");
                assertEquals(i, ids.indexOf(id));
                previous = id;
            }
            assertEquals(count - 1, ids.indexOf(ids.id(count - 1)));
        }
    }

    @Test
    void idsAreSparseLikeSnowflakeIds()
    {
        final UserIds ids = new UserIds(7, 10_000);
        assertTrue(ids.id(9_999) > 1L << 50, "ids spread over the 64-bit range");
        assertEquals(-1, ids.indexOf(ids.id(5) + 1));
        assertEquals(-1, ids.indexOf(-3));
        assertEquals(-1, ids.indexOf(Long.MAX_VALUE));
    }

    @Test
    void theSeedDecidesTheIds()
    {
        assertEquals(new UserIds(1, 100).id(50), new UserIds(1, 100).id(50));
        assertNotEquals(new UserIds(1, 100).id(50), new UserIds(2, 100).id(50));
    }

    @Test
    void rejectsAnEmptyPopulationAndIndexesOutOfRange()
    {
        assertThrows(IllegalArgumentException.class, () -> new UserIds(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> new UserIds(1, 10).id(10));
    }
}
