package org.bluemarble.auth;

import java.time.Instant;

/**
 * A ban on an account as login and refresh see it.
 *
 * @param until when it ends; null: until an admin lifts it
 */
public record AccountBan(String reason, Instant until) {

  /** Whether the ban still holds at {@code now}. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }
}
