package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bluemarble.auth.Role;

/**
 * An account as admins see it (never the password hash).
 *
 * @param characters ids of the account's player characters
 * @param ban the ban in force, or null
 */
public record AccountView(
    String accountId,
    String username,
    String email,
    Set<Role> roles,
    List<String> characters,
    Instant registeredAt,
    Ban ban) {

  /**
   * A ban: why, until when (null: until lifted), who imposed it and when.
   *
   * @param by the admin's account id
   */
  public record Ban(String reason, Instant until, String by, Instant at) {}
}
