package org.bluemarble.market.ledger;

import java.util.Objects;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/**
 * The typed id of one ledger account, e.g. {@code wallet("p-17")} or {@code escrow("listing:42")}.
 * The fee sink, mint and burn are singletons with an empty owner.
 */
public record LedgerAccount(AccountKind kind, String owner) {
  private static final LedgerAccount FEE_SINK = new LedgerAccount(AccountKind.FEE_SINK, "");
  private static final LedgerAccount MINT = new LedgerAccount(AccountKind.MINT, "");
  private static final LedgerAccount BURN = new LedgerAccount(AccountKind.BURN, "");

  public LedgerAccount {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    boolean singleton =
        kind == AccountKind.FEE_SINK || kind == AccountKind.MINT || kind == AccountKind.BURN;
    if (singleton != owner.isEmpty()) {
      throw new MarketException(
          MarketError.INVALID_ACCOUNT,
          "owner of a " + kind + " account must be " + (singleton ? "empty" : "non-empty"));
    }
  }

  /** The wallet of player {@code playerId}. */
  public static LedgerAccount wallet(String playerId) {
    return new LedgerAccount(AccountKind.WALLET, playerId);
  }

  /** The escrow account for {@code purpose}, e.g. {@code "listing:42"}. */
  public static LedgerAccount escrow(String purpose) {
    return new LedgerAccount(AccountKind.ESCROW, purpose);
  }

  public static LedgerAccount feeSink() {
    return FEE_SINK;
  }

  public static LedgerAccount mint() {
    return MINT;
  }

  public static LedgerAccount burn() {
    return BURN;
  }

  @Override
  public String toString() {
    return owner.isEmpty() ? kind.name() : kind + ":" + owner;
  }
}
