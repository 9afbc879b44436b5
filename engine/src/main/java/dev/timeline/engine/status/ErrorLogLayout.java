package dev.timeline.engine.status;

/**
 * Layout of {@code errors.dat} in a data directory: a header, then the buffer of an Agrona
 * {@code DistinctErrorLog}, each distinct error once with its count and first and last times.
 * Memory-mapped by the running engine and by any process that reads its errors.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        Magic "TLER"                           |
 *  +---------------------------------------------------------------+
 *  |                        Layout Version                         |
 *  +---------------------------------------------------------------+
 *  |                      Error Log Length                         |
 *  +---------------------------------------------------------------+
 *  |              Padding to HEADER_LENGTH (64 bytes)             ...
 *  +---------------------------------------------------------------+
 *  |                      Distinct Error Log                      ...
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class ErrorLogLayout
{
    static final int MAGIC = 0x52454C54;
    static final int VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int LOG_LENGTH_OFFSET = 8;
    static final int HEADER_LENGTH = 64;
    static final int LOG_LENGTH = 1 << 20;

    static final String FILE_NAME = "errors.dat";
    /** Where the errors of earlier runs are kept, as text. */
    static final String HISTORY_FILE_NAME = "errors.log";

    private ErrorLogLayout()
    {
    }
}
