package dev.timeline.cli;

import dev.timeline.engine.RecoveryListener;

/** A progress bar of a journal replay, drawn on a {@link ProgressLine}; nothing when there is nothing to replay. */
final class ReplayProgress implements RecoveryListener
{
    private static final int BAR_WIDTH = 30;

    private final ProgressLine progress;

    ReplayProgress(final ProgressLine progress)
    {
        this.progress = progress;
    }

    @Override
    public void onProgress(final long replayed, final long total)
    {
        if (total > 0 && progress.due())
        {
            final double fraction = Math.min(1, (double)replayed / total);
            final int filled = (int)Math.round(fraction * BAR_WIDTH);
            progress.show(String.format("replaying [%s%s] %3d%%  %s / %s events",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), Math.round(fraction * 100),
                Format.count(replayed), Format.count(total)));
        }
    }
}
