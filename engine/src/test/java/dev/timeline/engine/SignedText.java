package dev.timeline.engine;

/**
 * Tweet texts that name their author and a serial number and whose length and characters follow
 * from the serial, so that a reader can tell a torn or misattributed tweet from a whole one.
 */
final class SignedText
{
    private static final int[] FILLERS = {'a', ' ', '\t', 0xE9, 0x4E2D, 0x1F600};

    private SignedText()
    {
    }

    static String of(final long author, final long serial)
    {
        final String filler = new String(Character.toChars(FILLERS[(int)(serial % FILLERS.length)]));
        return author + "/" + serial + "/" + filler.repeat((int)(serial % 97));
    }

    /** Whether {@code tweet} holds exactly the text {@link #of} gives for its author and serial. */
    static boolean isWhole(final Tweet tweet)
    {
        final String[] parts = tweet.text().split("/", 3);
        return parts.length == 3 && parts[1].matches("[0-9]{1,18}") &&
            tweet.text().equals(of(tweet.author(), Long.parseLong(parts[1])));
    }
}
