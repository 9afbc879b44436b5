/**
 * The replicated engine: the timeline state machine applied by every member of an Aeron Cluster
 * (Raft) from the same committed log, so that every member holds the same timelines and the loss
 * of one member loses nothing acknowledged.
 * <p>
 * The map:
 * <ul>
 *   <li><b>API.</b> {@link dev.timeline.cluster.TimelineNode} is one member in the caller's process
 *       ({@link dev.timeline.cluster.NodeConfig}): writes through the cluster, reads from its own
 *       replica. {@link dev.timeline.cluster.TimelineClient} is a process with no replica
 *       ({@link dev.timeline.cluster.ClientConfig}): writes and reads through the log. Both share the
 *       write half ({@code ClusterWrites}) and implement {@link dev.timeline.engine.Timelines}.</li>
 *   <li><b>Service.</b> {@code TimelineService} applies the log to the engine's
 *       {@link dev.timeline.engine.state.TimelineStateMachine}; {@code ClientSessions} remembers each
 *       client's answers so a write sent again is applied once; {@code Replies} answers;
 *       {@code SnapshotTransfer} streams the state into Aeron's snapshots and back.</li>
 *   <li><b>Wire.</b> {@code IngressLayout} (commands, sent in batches) and {@code EgressLayout}
 *       (outcomes and pages); {@code IngressClient} is the one thread per process that numbers,
 *       sends and resends commands, {@code ClusterCommands} the callers' side of it.</li>
 *   <li><b>Member.</b> {@code MemberContexts} sets up Aeron's media driver, archive, consensus module
 *       and service container; {@code SnapshotSchedule} asks for snapshots as the log grows and
 *       purges the log behind them; {@link dev.timeline.cluster.Members} names the members and their
 *       ports; {@link dev.timeline.cluster.SharedSecret} lets in only clients that hold the secret.</li>
 *   <li><b>Processes.</b> {@link dev.timeline.cluster.MemberMain} runs a member as a process of its
 *       own and {@link dev.timeline.cluster.MemberProcess} starts and kills one, for tests and
 *       benchmarks.</li>
 * </ul>
 * The design and its operation are in {@code docs/cluster.md}.
 */
package dev.timeline.cluster;
