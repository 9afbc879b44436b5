package dev.timeline.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads ASCII lines from a stream, dropping a last line cut short without its newline, as a killed process leaves it. */
final class TerminatedLines
{
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final InputStream in;

    TerminatedLines(final InputStream in)
    {
        this.in = in;
    }

    /** The next whole line, or {@code null} at the end of the stream. */
    String next()
    {
        try
        {
            for (int b = in.read(); b != -1; b = in.read())
            {
                if (b == '\n')
                {
                    final String whole = line.toString(StandardCharsets.US_ASCII);
                    line.reset();
                    return whole;
                }
                line.write(b);
            }
            return null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
