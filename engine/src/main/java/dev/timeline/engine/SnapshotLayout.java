package dev.timeline.engine;

/**
 * Layout of a partition snapshot file: a fixed header, the state written by
 * {@code EngineState.writeTo}, and a CRC32C of every byte before it. Little-endian.
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
 *  |  State: counts, users with their follows, tweet records,     ...
 *  |  texts, timeline blocks (raw, native little-endian)          ...
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of every byte above                    |
 *  +---------------------------------------------------------------+
 * </pre>
 * The timelines in a snapshot are only valid for the same strategy, capacity and threshold; a
 * snapshot written with other settings is ignored and the journal replayed whole instead.
 */
final class SnapshotLayout
{
    static final int MAGIC = 0x4E534C54;
    static final int VERSION = 2;
    static final String SUFFIX = ".snapshot";

    private SnapshotLayout()
    {
    }
}
