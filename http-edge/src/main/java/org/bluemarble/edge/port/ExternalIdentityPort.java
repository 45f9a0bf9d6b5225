package org.bluemarble.edge.port;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.bluemarble.auth.ExternalIdentity;
import org.bluemarble.auth.PasswordLogin;

/**
 * Links between external identities (an OpenID Connect provider and its subject) and accounts. A
 * link is unique in the whole cluster: one {@code (provider, subject)} belongs to at most one
 * account. The edge verifies the ID token first; this port only sees verified identities.
 */
public interface ExternalIdentityPort {

  /** What {@link #signIn} did. */
  sealed interface SignIn {}

  /**
   * The identity is linked to {@code account}.
   *
   * @param created whether this call created the account
   */
  record SignedIn(PasswordLogin.Credentials account, boolean created) implements SignIn {}

  /** The identity was new and the username asked for is held by another account. */
  record UsernameTaken(String username) implements SignIn {}

  /** What {@link #link} did. */
  sealed interface LinkOutcome {}

  /** The identity is linked to the account now (or was already). */
  record Linked(String accountId) implements LinkOutcome {}

  /** Another account holds the identity; nothing changed. */
  record LinkedElsewhere() implements LinkOutcome {}

  /**
   * The account linked to the identity; when there is none, creates an account and links it.
   * Concurrent calls for one new identity, on any nodes, end in one account.
   *
   * @param username the name for a new account, or empty to derive one from the identity
   * @param passwordHash the Argon2 hash a new account gets (of a secret nobody knows: such an
   *     account logs in through its provider only)
   */
  CompletionStage<SignIn> signIn(
      ExternalIdentity identity, Optional<String> username, String passwordHash);

  /** The account linked to the identity, if a live one is. */
  CompletionStage<Optional<PasswordLogin.Credentials>> linked(ExternalIdentity identity);

  /** Links the identity to an existing account. */
  CompletionStage<LinkOutcome> link(ExternalIdentity identity, UUID accountId);
}
