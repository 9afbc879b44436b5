package dev.timeline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.timeline.journal.JournalHandler;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Prints journal events one per line, readable or as JSON, and stops a replay once it has printed
 * its limit by throwing {@link LimitReached}. Each event is gathered into fields, then printed.
 */
final class JournalEventPrinter implements JournalHandler
{
    private final PrintWriter out;
    private final boolean json;
    private final Integer partition;
    private final long limit;
    private final JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private long printed;

    private long index;
    private long time;
    private String type;
    private String firstName;
    private long first;
    private String secondName;
    private long second;
    private String text;

    /**
     * @param partition the partition to name on each JSON line, or null to name none.
     * @param limit     the most events to print.
     */
    JournalEventPrinter(final PrintWriter out, final boolean json, final Integer partition, final long limit)
    {
        this.out = out;
        this.json = json;
        this.partition = partition;
        this.limit = limit;
    }

    /** Events printed so far. */
    long printed()
    {
        return printed;
    }

    @Override
    public void onFollow(final long index, final long time, final long follower, final long followee)
    {
        event(index, time, "follow").fields("follower", follower, "followee", followee, null).print();
    }

    @Override
    public void onUnfollow(final long index, final long time, final long follower, final long followee)
    {
        event(index, time, "unfollow").fields("follower", follower, "followee", followee, null).print();
    }

    @Override
    public void onPost(
        final long index,
        final long time,
        final long tweetId,
        final long author,
        final DirectBuffer text,
        final int offset,
        final int length)
    {
        event(index, time, "post")
            .fields("id", tweetId, "author", author, text.getStringWithoutLengthUtf8(offset, length))
            .print();
    }

    @Override
    public void onDelete(final long index, final long time, final long tweetId)
    {
        event(index, time, "delete").fields("id", tweetId, null, 0, null).print();
    }

    private JournalEventPrinter event(final long index, final long time, final String type)
    {
        if (printed == limit)
        {
            throw LimitReached.INSTANCE;
        }
        this.index = index;
        this.time = time;
        this.type = type;
        return this;
    }

    private JournalEventPrinter fields(
        final String firstName, final long first, final String secondName, final long second, final String text)
    {
        this.firstName = firstName;
        this.first = first;
        this.secondName = secondName;
        this.second = second;
        this.text = text;
        return this;
    }

    private void print()
    {
        if (json)
        {
            printJson();
        }
        else
        {
            out.printf("%#14x  %-24s  %-8s  %s=%d%s%s%n", index, Instant.ofEpochMilli(time), type, firstName, first,
                null == secondName ? "" : " " + secondName + "=" + second,
                null == text ? "" : " text=\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"");
        }
        printed++;
    }

    private void printJson()
    {
        try (JsonGenerator generator = factory.createGenerator(out))
        {
            generator.writeStartObject();
            if (partition != null)
            {
                generator.writeNumberField("partition", partition);
            }
            generator.writeNumberField("index", index);
            generator.writeStringField("time", Instant.ofEpochMilli(time).toString());
            generator.writeStringField("type", type);
            generator.writeNumberField(firstName, first);
            if (secondName != null)
            {
                generator.writeNumberField(secondName, second);
            }
            if (text != null)
            {
                generator.writeStringField("text", text);
            }
            generator.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out.println();
    }

    /** Thrown through the journal's replay to stop it once the limit is printed; carries no stack trace. */
    static final class LimitReached extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        static final LimitReached INSTANCE = new LimitReached();

        private LimitReached()
        {
            super("limit reached", null, false, false);
        }
    }
}
