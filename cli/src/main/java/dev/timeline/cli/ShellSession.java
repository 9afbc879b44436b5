package dev.timeline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The shell's conversation: reads lines until the end of the input or {@code quit}, and answers
 * each through a {@link ShellInterpreter}, in words or, with {@code json}, one JSON object per line.
 * A person at a terminal is greeted and prompted; empty lines are skipped but in JSON.
 */
final class ShellSession
{
    private final InputStream stdin;
    private final PrintWriter out;
    private final boolean json;

    ShellSession(final InputStream stdin, final PrintWriter out, final boolean json)
    {
        this.stdin = stdin;
        this.out = out;
        this.json = json;
    }

    /**
     * Answers every line until the end of the input or {@code quit}.
     *
     * @param target what the greeting says the shell talks to, such as {@code /tmp/tl}.
     */
    void run(final ShellInterpreter interpreter, final String target) throws IOException
    {
        final boolean interactive = !json && Terminal.stdinIsTerminal();
        final ShellReply reply = json ? new JsonShellReply(out) : new TextShellReply(out);
        final BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        if (interactive)
        {
            out.println("timeline shell on " + target + ": type 'help' for the commands, 'quit' to leave");
        }
        while (true)
        {
            if (interactive)
            {
                out.print("timeline> ");
                out.flush();
            }
            final String line = in.readLine();
            if (null == line)
            {
                return;
            }
            if ((json || !line.isBlank()) && !interpreter.execute(line, reply))
            {
                return;
            }
        }
    }
}
