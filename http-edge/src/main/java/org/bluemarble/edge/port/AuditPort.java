package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The admin audit log: every admin action (non-GET under {@code /admin}) is recorded before it
 * runs; records are journal events and cannot be changed or removed through the API.
 */
public interface AuditPort {

  /**
   * One admin action.
   *
   * @param actorId account id of the caller (the token's {@code sub})
   * @param actorName the caller's username at the time
   * @param action method and path template, e.g. {@code POST /admin/v1/accounts/{accountId}/ban}
   * @param target the path's variables, e.g. {@code accountId=...}; empty when there are none
   * @param details a short excerpt of the request body (at most {@link #MAX_DETAILS} characters)
   * @param remoteAddress the TCP peer the request came from
   */
  record Entry(
      String actorId,
      String actorName,
      String action,
      String target,
      String details,
      String remoteAddress,
      Instant at) {}

  /** How many characters of a request body an entry keeps. */
  int MAX_DETAILS = 300;

  /**
   * A filter over the log; null fields match everything. {@code actor} matches the actor's id or
   * name exactly, {@code action} and {@code target} are case-insensitive substrings, the time range
   * is [from, to).
   */
  record Query(
      String actor,
      String action,
      String target,
      Instant from,
      Instant to,
      int offset,
      int limit) {}

  /** One page of matching entries, newest first, and how many match in total. */
  record Page(List<Entry> entries, int offset, int limit, long total) {}

  /** Stores an entry; completes once it is in the journal. */
  CompletionStage<Entry> record(Entry entry);

  /** The entries matching {@code query}. */
  CompletionStage<Page> find(Query query);
}
