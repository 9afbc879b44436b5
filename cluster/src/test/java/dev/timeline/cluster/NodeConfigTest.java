package dev.timeline.cluster;

import io.aeron.cluster.client.AeronCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log's term length: a client's largest batch fits a message of the shortest term. */
@Timeout(10)
class NodeConfigTest
{
    @TempDir
    Path data;

    @Test
    void theLargestBatchFitsAMessageOfTheShortestTerm()
    {
        assertTrue(IngressLayout.MAX_BATCH_LENGTH + AeronCluster.SESSION_HEADER_LENGTH <=
            NodeConfig.MIN_LOG_TERM_LENGTH / 8);
        assertEquals(NodeConfig.MIN_LOG_TERM_LENGTH,
            LocalCluster.config(Members.parse("localhost:20000"), 0, data).logTermLength(NodeConfig.MIN_LOG_TERM_LENGTH)
                .conclude().logTermLength());
    }

    @Test
    void aTermTooShortForABatchOrTooLongForASegmentIsRefused()
    {
        for (final int length : new int[] {NodeConfig.MIN_LOG_TERM_LENGTH / 2, NodeConfig.MAX_LOG_TERM_LENGTH * 2})
        {
            final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalCluster.config(Members.parse("localhost:20000"), 0, data).logTermLength(length).conclude());
            assertEquals("logTermLength must be a power of two from 1 MiB to 256 MiB, was " + length,
                refused.getMessage());
        }
    }
}
