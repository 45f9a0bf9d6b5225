package org.bluemarble.presence;

import java.time.Instant;
import java.util.Optional;
import org.bluemarble.account.Account;
import org.bluemarble.account.AccountState;
import org.bluemarble.edge.port.PortException;

/**
 * Whether an account's ban keeps it out of the game: asked when a connection authenticates and when
 * a presence starts, so an unexpired access token does not outlive a ban.
 */
final class BanCheck {
  private BanCheck() {}

  /** The refusal for a banned account at {@code now}, or empty when it may play. */
  static Optional<PortException> refusal(Account.Summary account, Instant now) {
    AccountState.BanRecord ban = account.ban();
    if (ban == null || !ban.activeAt(now)) {
      return Optional.empty();
    }
    String until = ban.until() == null ? "until lifted" : "until " + ban.until();
    return Optional.of(
        new PortException(
            PortException.Code.BANNED,
            "account " + account.accountId() + " is banned " + until + ": " + ban.reason()));
  }
}
