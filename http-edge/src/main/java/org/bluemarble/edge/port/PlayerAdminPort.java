package org.bluemarble.edge.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Creating and reading player characters (admin API). */
public interface PlayerAdminPort {

  /**
   * Creates a character with a new id; fails with {@link PortException} (INVALID_INPUT) when the
   * game refuses it.
   */
  CompletionStage<PlayerView> create(String name, String characterClass);

  /** The character's profile, or empty when there is no such player. */
  CompletionStage<Optional<PlayerView>> find(UUID playerId);

  /**
   * Characters whose name contains {@code nameContains} (ignoring case), at most {@code limit}, in
   * creation order.
   */
  CompletionStage<List<PlayerView>> search(String nameContains, int limit);

  /**
   * A character as the admin search summarises it (from the event stream's read model).
   *
   * @param level 1 until the first level-up
   * @param lastSeen the newest position checkpoint (creation time before the first)
   * @param accountId the account holding the character, or null (none, or erased)
   * @param accountName that account's username, or null
   * @param accountCharacters the ids of that account's characters (empty without an account)
   * @param wealth copper in the character's wallet
   * @param tradeVolume copper of the market purchases and sales it took part in
   * @param kills kills credited to it
   */
  record PlayerSummary(
      String playerId,
      String name,
      String characterClass,
      int level,
      java.time.Instant lastSeen,
      String accountId,
      String accountName,
      List<String> accountCharacters,
      long wealth,
      long tradeVolume,
      long kills) {
    public PlayerSummary {
      accountCharacters = List.copyOf(accountCharacters);
    }
  }

  /**
   * Summaries of the characters whose name contains {@code nameContains} (ignoring case), at most
   * {@code limit}, in creation order. The default has none (games without the read model).
   */
  default CompletionStage<List<PlayerSummary>> summaries(String nameContains, int limit) {
    return java.util.concurrent.CompletableFuture.completedFuture(List.of());
  }
}
