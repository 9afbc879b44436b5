package dev.timeline.cluster;

import dev.timeline.engine.model.ModelRun;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The model test's random workload through three members and a client: every write through any of
 * them succeeds or fails as the reference says, every read on any member (synced) or through the
 * client returns what the reference returns, and so after each rolling restart of the members.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterModelTest
{
    private static final int STEPS = Integer.getInteger("timeline.cluster.model.steps", 400);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void everyMemberAnswersAsTheReference(final long seed, @TempDir final Path data)
    {
        try (ModelRun run = new ModelRun(new ClusterTarget(data), seed))
        {
            run.run(STEPS, 1);
        }
    }
}
