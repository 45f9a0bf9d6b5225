package org.bluemarble.edge.port;

/**
 * What the admin API needs from the game besides players and the world: the audit log, account
 * administration and cluster operations. {@link #unavailable()} stands in where a test's game has
 * none.
 */
public interface AdminPort {

  /** The append-only admin audit log. */
  AuditPort audit();

  /** Accounts as admins manage them: view, ban, roles, export, erasure. */
  AccountAdminPort accounts();

  /** The cluster: members, shards, kick, broadcast, maintenance mode. */
  OperationsPort operations();

  /** Daily analytics counters; {@link AnalyticsPort#OFF} where the node keeps none. */
  default AnalyticsPort analytics() {
    return AnalyticsPort.OFF;
  }

  /** Chat moderation: mutes, the degraded switch, history. */
  default ChatAdminPort chat() {
    return ChatAdminPort.unavailable();
  }

  /** The event journals for designers; none unless the node provides them. */
  default JournalPort journal() {
    return JournalPort.UNAVAILABLE;
  }

  /** Batches of ready-to-play accounts for load tests; off unless the node switches them on. */
  default LoadTestPort loadTest() {
    return LoadTestPort.OFF;
  }

  /** An admin port whose every call fails with UNAVAILABLE (stand-in games of other tests). */
  static AdminPort unavailable() {
    return UnavailableAdmin.INSTANCE;
  }
}
