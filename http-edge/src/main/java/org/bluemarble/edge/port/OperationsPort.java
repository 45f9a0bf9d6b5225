package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Cluster operations for admins: membership, shards, kick, announcements, maintenance. */
public interface OperationsPort {

  /** A cluster member. */
  record Member(String address, String status, List<String> roles, String dataCenter) {}

  /** The shards one node hosts for one entity type: shard id → number of live entities. */
  record Region(String address, Map<String, Integer> shards) {}

  /**
   * Cluster members and, per sharded entity type, where its shards live.
   *
   * @param failed regions that did not answer in time, per entity type
   */
  record ClusterView(
      String self,
      String leader,
      List<Member> members,
      Map<String, List<Region>> shards,
      Map<String, List<String>> failed) {}

  /** Maintenance mode: while on, only admins may log in; players see {@code message}. */
  record Maintenance(boolean on, String message, String by, Instant since) {}

  CompletionStage<ClusterView> cluster();

  /** Ends every session of the account on every node. */
  void kick(String accountId, String reason);

  /** Announces {@code message} to everyone online; {@code from} names the sender. */
  void broadcast(String message, String from);

  /** The maintenance state as this node knows it (replicated; may lag by a gossip round). */
  Maintenance maintenance();

  /** Switches maintenance mode cluster-wide; completes when a majority has it. */
  CompletionStage<Maintenance> setMaintenance(boolean on, String message, String by);
}
