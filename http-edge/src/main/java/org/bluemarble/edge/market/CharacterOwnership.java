package org.bluemarble.edge.market;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.PlayerAdminPort;

/**
 * Whether a character (player id) belongs to an account, for the marketplace's {@code
 * X-Character-Id} header. Asked once per request and never cached: a deleted or moved character
 * stops acting at once.
 */
public interface CharacterOwnership {

  /** The answer for one account and character. */
  enum Verdict {
    /** A character of the account. */
    OWNED,
    /** An existing character of another account. */
    NOT_YOURS,
    /** No such character. */
    UNKNOWN
  }

  CompletionStage<Verdict> check(String accountId, String characterId);

  /**
   * The check through the accounts port (the account's characters) and the players port (whether
   * the character exists at all, to tell 403 from 404).
   */
  static CharacterOwnership of(AccountPort accounts, PlayerAdminPort players) {
    return (accountId, characterId) -> {
      UUID account;
      UUID character;
      try {
        account = UUID.fromString(accountId);
        character = UUID.fromString(characterId);
      } catch (IllegalArgumentException e) {
        return CompletableFuture.completedFuture(Verdict.UNKNOWN);
      }
      return accounts
          .characters(account)
          .thenCompose(
              mine ->
                  mine.stream().anyMatch(p -> p.id().equals(character.toString()))
                      ? CompletableFuture.completedFuture(Verdict.OWNED)
                      : players
                          .find(character)
                          .thenApply(p -> p.isPresent() ? Verdict.NOT_YOURS : Verdict.UNKNOWN));
    };
  }
}
