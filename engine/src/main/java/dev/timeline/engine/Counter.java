package dev.timeline.engine;

/** The counters an engine keeps in its counters file, in file order. */
public enum Counter
{
    POSTS("posts"),
    FOLLOWS("follows"),
    UNFOLLOWS("unfollows"),
    DELETES("deletes"),
    DELIVERIES("deliveries: entries written to home timelines"),
    HOME_READS("home reads"),
    TWEET_READS("user timeline reads"),
    INBOX_DEPTH("inbox depth (bytes waiting)"),
    REJECTIONS("writes rejected (inbox full or too many in flight)"),
    ERRORS("errors (see errors.log)"),
    JOURNAL_INDEX("journal index of the last event appended"),
    USERS("users"),
    LIVE_TWEETS("live tweets"),
    HEARTBEAT("writer heartbeat (ms since the epoch)"),
    LAST_SNAPSHOT("last snapshot written (ms since the epoch), 0 if none");

    private final String label;

    Counter(final String label)
    {
        this.label = label;
    }

    /** What the counter counts, as shown by {@code timeline stat}. */
    public String label()
    {
        return label;
    }
}
