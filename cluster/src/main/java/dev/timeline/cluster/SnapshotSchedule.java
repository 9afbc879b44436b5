package dev.timeline.cluster;

import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.RecordingLog;
import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps a member's log bounded: while the member leads, it asks for a snapshot of every member each
 * time the log has grown by the interval since the last one (only a leader can); and each time this
 * member has taken a snapshot, it purges its archived log before the older of its last two
 * snapshots, so that a member down during the newest one can still catch up from this one. An agent
 * that does its work every few milliseconds at most.
 */
final class SnapshotSchedule implements Agent
{
    private static final int SNAPSHOT_ENTRY = 1;
    private static final int RESPONSE_STREAM_ID = 1_000_201;

    private final ConsensusModule.Context consensus;
    private final long interval;
    private final File clusterDirectory;
    private final Supplier<AeronArchive.Context> archives;
    private final ErrorHandler errors;
    private long snapshotsSeen;
    private long lastSnapshotPosition = -1;
    private AeronArchive archive;

    SnapshotSchedule(
        final ConsensusModule.Context consensus, final long interval, final Supplier<AeronArchive.Context> archives,
        final ErrorHandler errors)
    {
        this.consensus = consensus;
        this.interval = interval;
        this.clusterDirectory = consensus.clusterDir();
        this.archives = archives;
        this.errors = errors;
    }

    @Override
    public int doWork()
    {
        final long snapshots = consensus.snapshotCounter().get();
        if (snapshots != snapshotsSeen || lastSnapshotPosition < 0)
        {
            snapshotsSeen = snapshots;
            lastSnapshotPosition = purgeBeforeOlderSnapshot(snapshots > 0);
            return 1;
        }
        if (interval > 0 && Cluster.Role.get(consensus.clusterNodeRoleCounter()) == Cluster.Role.LEADER &&
            consensus.commitPositionCounter().get() - lastSnapshotPosition >= interval &&
            ClusterControl.ToggleState.SNAPSHOT.toggle(consensus.controlToggleCounter()))
        {
            lastSnapshotPosition = consensus.commitPositionCounter().get();
            return 1;
        }
        return 0;
    }

    @Override
    public void onClose()
    {
        CloseHelper.quietClose(archive);
    }

    @Override
    public String roleName()
    {
        return "timeline-snapshots";
    }

    /**
     * Reads where the snapshots are and, if {@code purge}, purges the log before the older of the
     * last two; returns the position of the newest snapshot, 0 if none.
     */
    private long purgeBeforeOlderSnapshot(final boolean purge)
    {
        final List<Long> positions = new ArrayList<>();
        final long logRecordingId;
        try (RecordingLog recordingLog = new RecordingLog(clusterDirectory, false))
        {
            for (final RecordingLog.Entry entry : recordingLog.entries())
            {
                if (entry.type == SNAPSHOT_ENTRY && entry.serviceId == ConsensusModule.Configuration.SERVICE_ID)
                {
                    positions.add(entry.logPosition);
                }
            }
            logRecordingId = recordingLog.findLastTermRecordingId();
        }
        if (purge && positions.size() >= 2 && logRecordingId >= 0)
        {
            purge(logRecordingId, positions.get(positions.size() - 2));
        }
        return positions.isEmpty() ? 0 : positions.get(positions.size() - 1);
    }

    private void purge(final long logRecordingId, final long keepFrom)
    {
        try
        {
            if (archive == null)
            {
                archive = AeronArchive.connect(archives.get().controlResponseStreamId(RESPONSE_STREAM_ID));
            }
            final long[] descriptor = new long[3];
            archive.listRecording(logRecordingId, (controlSessionId, correlationId, recordingId, startTimestamp,
                stopTimestamp, startPosition, stopPosition, initialTermId, segmentFileLength, termBufferLength,
                mtuLength, sessionId, streamId, strippedChannel, originalChannel, sourceIdentity) ->
            {
                descriptor[0] = startPosition;
                descriptor[1] = termBufferLength;
                descriptor[2] = segmentFileLength;
            });
            final long newStart = AeronArchive.segmentFileBasePosition(
                descriptor[0], keepFrom, (int)descriptor[1], (int)descriptor[2]);
            if (newStart > descriptor[0])
            {
                archive.purgeSegments(logRecordingId, newStart);
            }
        }
        catch (final RuntimeException ex)
        {
            errors.onError(ex);
            CloseHelper.quietClose(archive);
            archive = null;
        }
    }
}
