package dev.timeline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.timeline.engine.Tweet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Answers each shell line with one JSON object on its own line, flushed at once. */
final class JsonShellReply implements ShellReply
{
    private final PrintWriter out;
    private final JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    JsonShellReply(final PrintWriter out)
    {
        this.out = out;
    }

    @Override
    public void ok()
    {
        write(json -> json.writeBooleanField("ok", true));
    }

    @Override
    public void posted(final long id)
    {
        write(json -> json.writeNumberField("id", id));
    }

    @Override
    public void tweets(final List<Tweet> tweets)
    {
        write(json ->
        {
            json.writeArrayFieldStart("tweets");
            for (final Tweet tweet : tweets)
            {
                json.writeStartObject();
                json.writeNumberField("id", tweet.id());
                json.writeNumberField("author", tweet.author());
                json.writeStringField("text", tweet.text());
                json.writeStringField("time", tweet.time().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    @Override
    public void help(final List<String> commands)
    {
        write(json ->
        {
            json.writeArrayFieldStart("help");
            for (final String command : commands)
            {
                json.writeString(command);
            }
            json.writeEndArray();
        });
    }

    @Override
    public void error(final String message)
    {
        write(json -> json.writeStringField("error", message));
    }

    private void write(final Fields fields)
    {
        try (JsonGenerator json = factory.createGenerator(out))
        {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out.println();
        out.flush();
    }

    /** Writes the fields of one reply object. */
    @FunctionalInterface
    private interface Fields
    {
        void write(JsonGenerator json) throws IOException;
    }
}
