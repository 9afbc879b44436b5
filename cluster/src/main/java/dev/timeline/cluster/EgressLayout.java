package dev.timeline.cluster;

/**
 * Layout of the cluster's answers to a client (egress): the outcome of a command, or a page of
 * tweets, which may take several messages.
 * <pre>
 *   Outcome:
 *  +---------------------------------------------------------------+
 *  |                       Type (OUTCOME)                          |
 *  +---------------------------------------------------------------+
 *  |              Outcome (the engine's outcome codes)             |
 *  +---------------------------------------------------------------+
 *  |                         Client Id                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                          Sequence                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |            Value: the tweet id of a post, or 0                |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |            Message (UTF-8) of a refusal, to the end          ...
 *  +---------------------------------------------------------------+
 *
 *   Page of tweets:
 *  +---------------------------------------------------------------+
 *  |                        Type (PAGE)                            |
 *  +---------------------------------------------------------------+
 *  |                 Tweets in this message                        |
 *  +---------------------------------------------------------------+
 *  |                         Client Id                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                          Sequence                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                Flags (LAST: the page's last message)          |
 *  +---------------------------------------------------------------+
 *  |                           Padding                             |
 *  +---------------------------------------------------------------+
 *  |    Tweets: id (8), author (8), text length (4), UTF-8 text   ...
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class EgressLayout
{
    static final int OUTCOME = 101;
    static final int PAGE = 102;
    /** Outcomes of a batch of commands: the count, then each outcome as its length (an int) and its bytes. */
    static final int OUTCOMES = 103;
    static final int BATCH_HEADER_LENGTH = 8;

    static final int TYPE_OFFSET = 0;
    static final int OUTCOME_OFFSET = 4;
    static final int COUNT_OFFSET = 4;
    static final int CLIENT_OFFSET = 8;
    static final int SEQUENCE_OFFSET = 16;
    static final int VALUE_OFFSET = 24;
    static final int MESSAGE_OFFSET = 32;
    static final int FLAGS_OFFSET = 24;
    static final int TWEETS_OFFSET = 32;

    static final int LAST = 1;

    static final int TWEET_ID_OFFSET = 0;
    static final int TWEET_AUTHOR_OFFSET = 8;
    static final int TWEET_TEXT_LENGTH_OFFSET = 16;
    static final int TWEET_TEXT_OFFSET = 20;

    private EgressLayout()
    {
    }
}
