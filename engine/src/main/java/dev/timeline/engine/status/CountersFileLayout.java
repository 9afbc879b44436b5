package dev.timeline.engine.status;

/**
 * Layout of {@code counters.dat} in a data directory: a header, then the metadata and values
 * buffers of an Agrona {@code CountersManager}. Memory-mapped by the running engine and by any
 * process that reads its counters.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        Magic "TLCN"                           |
 *  +---------------------------------------------------------------+
 *  |                        Layout Version                         |
 *  +---------------------------------------------------------------+
 *  |                   Process Id of the engine                    |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                Start Time (ms since the epoch)                |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                    Metadata Buffer Length                     |
 *  +---------------------------------------------------------------+
 *  |                     Values Buffer Length                      |
 *  +---------------------------------------------------------------+
 *  |              Engine State (1 running, 2 closed)               |
 *  +---------------------------------------------------------------+
 *  |              Padding to HEADER_LENGTH (128 bytes)            ...
 *  +---------------------------------------------------------------+
 *  |                    Metadata Buffer                           ...
 *  +---------------------------------------------------------------+
 *  |                    Values Buffer                             ...
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class CountersFileLayout
{
    static final int MAGIC = 0x4E434C54;
    static final int VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PID_OFFSET = 8;
    static final int START_TIME_OFFSET = 16;
    static final int METADATA_LENGTH_OFFSET = 24;
    static final int VALUES_LENGTH_OFFSET = 28;
    static final int STATE_OFFSET = 32;
    static final int HEADER_LENGTH = 128;

    static final int RUNNING = 1;
    static final int CLOSED = 2;

    static final String FILE_NAME = "counters.dat";

    private CountersFileLayout()
    {
    }
}
