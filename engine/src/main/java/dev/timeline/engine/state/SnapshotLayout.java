package dev.timeline.engine.state;

/**
 * Layout of a partition snapshot file: a fixed header and the graph (written by
 * {@code StateSnapshot.writeGraph}) as one section, the tweets and timelines (off-heap memory,
 * written by {@code StateSnapshot.writeMemory}) as another, each closed by a CRC32C of its bytes,
 * then the file position of the second section, so the two can be read at once. Little-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Magic "TLSN"                          |
 *  +---------------------------------------------------------------+
 *  |                         Layout Version                        |
 *  +---------------------------------------------------------------+
 *  |          Epoch: the same in every partition's snapshot        |
 *  |          taken at the same point                              |
 *  +---------------------------------------------------------------+
 *  |          Journal Index of the last event included, or -1      |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |          Journal events included                              |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |           Strategy (ordinal)  |       Timeline Capacity      ...
 *  +---------------------------------------------------------------+
 *  |                       Celebrity Threshold                     |
 *  +---------------------------------------------------------------+
 *  |  Graph: counts, users with their followees and followers     ...
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of every byte above                    |
 *  +---------------------------------------------------------------+
 *  |  Memory: tweet records, texts, timeline blocks               ...
 *  |  (raw, native little-endian)                                 ...
 *  +---------------------------------------------------------------+
 *  |         CRC32C of the memory section                          |
 *  +---------------------------------------------------------------+
 *  |         File position of the memory section                   |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * The timelines in a snapshot are only valid for the same strategy, capacity and threshold; a
 * snapshot written with other settings is ignored and the journal replayed whole instead.
 */
final class SnapshotLayout
{
    static final int MAGIC = 0x4E534C54;
    static final int VERSION = 4;
    static final int TRAILER_LENGTH = Long.BYTES;
    static final String SUFFIX = ".snapshot";

    private SnapshotLayout()
    {
    }
}
