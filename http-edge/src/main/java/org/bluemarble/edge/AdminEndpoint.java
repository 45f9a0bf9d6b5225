package org.bluemarble.edge;

import java.util.Objects;
import java.util.Set;
import org.bluemarble.auth.Role;

/**
 * One admin route as it is served and documented: every routes class under {@code /admin/v1}
 * declares its endpoints in a list of these, and a test compares that list with the OpenAPI
 * document (both directions) so the routes and the document cannot drift.
 *
 * @param method the HTTP method in upper case, e.g. {@code GET}
 * @param path the path template in OpenAPI form, e.g. {@code /admin/v1/players/{playerId}}
 * @param roles the roles that may call it besides {@link Role#ADMIN} (empty: Admin only)
 * @param summary one line for the document
 * @param auditedRead whether a read ({@code GET}) of it is written to the audit log too, as every
 *     other method is: reads that hand out a person's data (the GDPR export) are
 */
public record AdminEndpoint(
    String method, String path, Set<Role> roles, String summary, boolean auditedRead) {

  /** An endpoint whose reads are not audited (writes always are). */
  public AdminEndpoint(String method, String path, Set<Role> roles, String summary) {
    this(method, path, roles, summary, false);
  }

  public AdminEndpoint {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/admin/v1/")) {
      throw new IllegalArgumentException("admin path '" + path + "' must start with /admin/v1/");
    }
    roles = Set.copyOf(roles);
  }

  /** Whether an account holding {@code held} may call this endpoint. */
  public boolean allows(Set<Role> held) {
    return held.contains(Role.ADMIN) || held.stream().anyMatch(roles::contains);
  }
}
