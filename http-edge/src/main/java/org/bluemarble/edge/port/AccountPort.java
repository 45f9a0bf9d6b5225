package org.bluemarble.edge.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.Role;

/**
 * Accounts as the edge's auth routes need them: registration with a cluster-wide unique name and
 * the credential lookups of login and refresh. Passwords arrive already hashed; the port never sees
 * a plain password.
 */
public interface AccountPort {

  /** What {@link #register} did. */
  sealed interface Registration {}

  /** The account exists now under {@code accountId}. */
  record Registered(String accountId, String username) implements Registration {}

  /** Another account holds the name (compared case-insensitively); nothing was stored. */
  record UsernameTaken(String username) implements Registration {}

  /**
   * Claims {@code username} cluster-wide, then creates the account. Input must already satisfy
   * {@code AccountRules}.
   */
  CompletionStage<Registration> register(
      String username, String email, String passwordHash, Set<Role> roles);

  /** The credentials of the account holding {@code usernameKey}, or empty when none does. */
  CompletionStage<Optional<PasswordLogin.Credentials>> findByUsernameKey(String usernameKey);

  /** The credentials of an account by id, or empty when there is no such account. */
  CompletionStage<Optional<PasswordLogin.Credentials>> findById(UUID accountId);

  /** Replaces the stored hash (after a login found it made with old Argon2 parameters). */
  CompletionStage<Boolean> changePasswordHash(UUID accountId, String passwordHash);

  /** The account's characters in creation order (NOT_FOUND when there is no such account). */
  CompletionStage<List<PlayerView>> characters(UUID accountId);

  /**
   * Creates a character and links it to the account; fails with INVALID_INPUT for a refused name or
   * class and CONFLICT when the account already holds the maximum (10).
   */
  CompletionStage<PlayerView> createCharacter(UUID accountId, String name, String characterClass);

  /** Unlinks one of the account's characters (NOT_FOUND when it is not the account's). */
  CompletionStage<Void> deleteCharacter(UUID accountId, UUID playerId);
}
