package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.bluemarble.auth.Role;

/**
 * Account administration. Refusals fail the stage with {@link PortException} (NOT_FOUND for an
 * unknown account, INVALID_INPUT for a refused change).
 */
public interface AccountAdminPort {

  /** The account, or empty when there is none. */
  CompletionStage<Optional<AccountView>> find(UUID accountId);

  /** The account holding {@code username} (compared ignoring case), or empty. */
  CompletionStage<Optional<AccountView>> findByName(String username);

  /**
   * Bans the account until {@code until} (null: until lifted) and ends its sessions.
   *
   * @param by the admin's account id
   */
  CompletionStage<AccountView> ban(UUID accountId, String reason, Instant until, String by);

  /** Lifts the account's ban (no-op when there is none). */
  CompletionStage<AccountView> unban(UUID accountId, String by);

  CompletionStage<AccountView> grantRole(UUID accountId, Role role);

  CompletionStage<AccountView> revokeRole(UUID accountId, Role role);

  /**
   * Everything stored about an account (GDPR export): the account, its characters, its economy
   * (wallets, listings, orders, transactions, trades of the account bank and the characters) and
   * the audit entries that name it as actor or target.
   */
  record AccountExport(
      AccountView account,
      List<PlayerView> characters,
      EconomyExport economy,
      List<AuditPort.Entry> audit,
      Instant exportedAt) {}

  /** The export, or empty when there is no such account. */
  CompletionStage<Optional<AccountExport>> export(UUID accountId);

  /**
   * Erases the account (GDPR): its open listings, orders and trades are cancelled, the wallet
   * history of its bank and characters is forgotten and their trading frozen, a tombstone event
   * empties the account, its name is released, its sessions are kicked; completes false when there
   * was no such account.
   */
  CompletionStage<Boolean> erase(UUID accountId, String by);
}
