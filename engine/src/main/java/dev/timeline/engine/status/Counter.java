package dev.timeline.engine.status;

/**
 * The counters an engine keeps in its counters file, in file order, each with what its value is and
 * the name it is exported under as a Prometheus metric.
 */
public enum Counter
{
    POSTS("posts", Kind.COUNT, "timeline_posts_total"),
    FOLLOWS("follows", Kind.COUNT, "timeline_follows_total"),
    UNFOLLOWS("unfollows", Kind.COUNT, "timeline_unfollows_total"),
    DELETES("deletes", Kind.COUNT, "timeline_deletes_total"),
    DELIVERIES("deliveries: entries written to home timelines", Kind.COUNT, "timeline_deliveries_total"),
    HOME_READS("home reads", Kind.COUNT, "timeline_home_reads_total"),
    TWEET_READS("user timeline reads", Kind.COUNT, "timeline_user_timeline_reads_total"),
    INBOX_DEPTH("inbox depth (bytes waiting)", Kind.LEVEL, "timeline_inbox_depth_bytes"),
    REJECTED_INBOX_FULL("writes rejected: inbox full", Kind.COUNT, "timeline_rejected_inbox_full_total"),
    REJECTED_IN_FLIGHT("writes rejected: too many in flight", Kind.COUNT, "timeline_rejected_in_flight_total"),
    REJECTED_MEMORY("writes rejected: out of off-heap memory", Kind.COUNT, "timeline_rejected_memory_total"),
    REJECTED_DISK("writes rejected: journal disk full", Kind.COUNT, "timeline_rejected_disk_full_total"),
    ERRORS("errors (timeline stat --errors)", Kind.COUNT, "timeline_errors_total"),
    JOURNAL_INDEX("journal index of the last event appended", Kind.LEVEL, "timeline_journal_index"),
    USERS("users", Kind.LEVEL, "timeline_users"),
    LIVE_TWEETS("live tweets", Kind.LEVEL, "timeline_live_tweets"),
    TIMELINES_SHORTENED(
        "timelines kept shorter for lack of memory (reads merge the rest)", Kind.COUNT,
        "timeline_timelines_shortened_total"),
    OFF_HEAP("off-heap memory of tweets and timelines", Kind.BYTES, "timeline_off_heap_bytes"),
    DIRECT_MEMORY("direct memory in use by the process", Kind.BYTES, "timeline_direct_memory_bytes"),
    DIRECT_MEMORY_LIMIT("direct memory limit", Kind.BYTES, "timeline_direct_memory_limit_bytes"),
    HEARTBEAT("writer heartbeat", Kind.TIME, "timeline_writer_heartbeat_timestamp_seconds"),
    LAST_SNAPSHOT("last snapshot written", Kind.TIME, "timeline_last_snapshot_timestamp_seconds");

    /** What a counter's value is, which decides how it is shown and exported. */
    public enum Kind
    {
        /** Events counted since the engine opened, so it only grows while the engine runs: a Prometheus counter. */
        COUNT,
        /** A level that goes up and down, or an index: a Prometheus gauge. */
        LEVEL,
        /** A time in ms since the epoch, 0 for never: a Prometheus gauge, in seconds. */
        TIME,
        /** An amount of memory in bytes: a Prometheus gauge. */
        BYTES
    }

    private final String label;
    private final Kind kind;
    private final String metricName;

    Counter(final String label, final Kind kind, final String metricName)
    {
        this.label = label;
        this.kind = kind;
        this.metricName = metricName;
    }

    /** What the counter counts, as shown by {@code timeline stat}. */
    public String label()
    {
        return label;
    }

    /** What the value is: a count, a level or a time. */
    public Kind kind()
    {
        return kind;
    }

    /** The counter's Prometheus metric name: snake case, {@code timeline_} first, {@code _total} last for counts. */
    public String metricName()
    {
        return metricName;
    }
}
