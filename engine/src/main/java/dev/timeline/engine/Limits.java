package dev.timeline.engine;

/** The bounds of the contract that every call is checked against. */
public final class Limits
{
    /** Longest tweet, in Unicode code points. */
    public static final int MAX_TEXT_CODE_POINTS = 280;
    /** Most tweets one read returns. */
    public static final int MAX_LIMIT = 200;

    private Limits()
    {
    }
}
