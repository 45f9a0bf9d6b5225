package org.bluemarble.market.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;

/**
 * The tests' reference model of money: the copper of the rule classes' settlements is executed here
 * ({@link #settle}) to prove that they conserve money (the entities post the same legs to
 * holdings).
 *
 * <p>A double-entry ledger for one {@link Currency}: every movement is a transfer between two
 * accounts, so the sum of all balances is always zero. The mint is the only account that may go
 * negative (its balance is minus everything ever minted); the burn only receives. Hence the
 * invariant {@link #circulating()} == {@link #minted()} - {@link #burned()}, checked by {@link
 * #invariantHolds()}.
 *
 * <p>Use {@link #transfer} to validate a command into a {@link Transferred} event (the state is
 * unchanged), persist it, then {@link #apply} it; recovery replays {@link #apply} only. {@link
 * #execute} does both for callers without a journal. An idempotency key is applied at most once.
 * Not thread-safe: one entity owns one ledger.
 */
public final class Ledger {
  private final Currency currency;
  private final Map<LedgerAccount, Long> balances = new HashMap<>();
  private final Map<String, Transferred> applied = new HashMap<>();
  private long minted;
  private long burned;

  public Ledger(Currency currency) {
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  public Currency currency() {
    return currency;
  }

  /**
   * Validates a transfer. Empty when {@code idempotencyKey} was already applied with the same
   * accounts and amount (nothing to do); throws {@link MarketException} with {@link
   * MarketError#IDEMPOTENCY_CONFLICT} when it was applied with different ones, {@link
   * MarketError#INSUFFICIENT_FUNDS} when a non-mint balance would go negative, {@link
   * MarketError#NOT_TRADEABLE} for a non-tradeable currency moving between players, {@link
   * MarketError#INVALID_ACCOUNT} for payments into the mint, out of the burn or to the same
   * account.
   */
  public Optional<Transferred> transfer(
      LedgerAccount from, LedgerAccount to, long amount, String idempotencyKey) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new MarketException(MarketError.IDEMPOTENCY_CONFLICT, "idempotencyKey is blank");
    }
    Money.requirePositive("amount", amount);
    Transferred earlier = applied.get(idempotencyKey);
    if (earlier != null) {
      if (earlier.sameMovementAs(from, to, amount)) {
        return Optional.empty();
      }
      throw new MarketException(
          MarketError.IDEMPOTENCY_CONFLICT,
          "idempotencyKey '" + idempotencyKey + "' was already used for " + earlier);
    }
    checkAccounts(from, to);
    if (from.kind() != AccountKind.MINT && balance(from) < amount) {
      throw new MarketException(
          MarketError.INSUFFICIENT_FUNDS,
          from + " holds " + balance(from) + " " + currency + ", needs " + amount);
    }
    if (from.kind() == AccountKind.MINT && minted > Long.MAX_VALUE - amount) {
      throw new MarketException(MarketError.INVALID_AMOUNT, "the mint cannot issue " + amount);
    }
    return Optional.of(new Transferred(currency, from, to, amount, idempotencyKey));
  }

  private void checkAccounts(LedgerAccount from, LedgerAccount to) {
    if (from.equals(to)) {
      throw new MarketException(MarketError.INVALID_ACCOUNT, "from and to are both " + from);
    }
    if (to.kind() == AccountKind.MINT) {
      throw new MarketException(MarketError.INVALID_ACCOUNT, "nothing may be paid into the mint");
    }
    if (from.kind() == AccountKind.BURN) {
      throw new MarketException(MarketError.INVALID_ACCOUNT, "nothing leaves the burn");
    }
    if (!currency.tradeable()) {
      boolean viaEscrow = from.kind() == AccountKind.ESCROW || to.kind() == AccountKind.ESCROW;
      boolean walletToWallet = from.kind() == AccountKind.WALLET && to.kind() == AccountKind.WALLET;
      if (viaEscrow || walletToWallet) {
        throw new MarketException(
            MarketError.NOT_TRADEABLE, currency + " cannot move from " + from + " to " + to);
      }
    }
  }

  /** Applies a validated event (also used on replay); a repeated key is ignored. */
  public void apply(Transferred event) {
    if (event.currency() != currency) {
      throw new IllegalArgumentException(
          "event of " + event.currency() + " applied to the " + currency + " ledger");
    }
    if (applied.putIfAbsent(event.idempotencyKey(), event) != null) {
      return;
    }
    balances.merge(event.from(), -event.amount(), Math::addExact);
    balances.merge(event.to(), event.amount(), Math::addExact);
    if (event.from().kind() == AccountKind.MINT) {
      minted = Math.addExact(minted, event.amount());
    }
    if (event.to().kind() == AccountKind.BURN) {
      burned = Math.addExact(burned, event.amount());
    }
  }

  /** Validates and applies in one step; returns the event, or empty for an already applied key. */
  public Optional<Transferred> execute(
      LedgerAccount from, LedgerAccount to, long amount, String idempotencyKey) {
    Optional<Transferred> event = transfer(from, to, amount, idempotencyKey);
    event.ifPresent(this::apply);
    return event;
  }

  /**
   * Executes the copper of a rule's {@link Settlement} through {@code escrow}, leg by leg in the
   * settlement's order: a charge from the player's wallet into it, a payout from it to the player's
   * wallet; then the fee from it to the fee sink (under {@code feeKey}). A payout the escrow cannot
   * cover fails as {@link MarketError#INSUFFICIENT_FUNDS}, so a rule that pays out money it never
   * took is caught here.
   */
  public void settle(Settlement settlement, LedgerAccount escrow, String feeKey) {
    for (Leg leg : settlement.legs()) {
      if (leg.copper() == 0) {
        continue;
      }
      LedgerAccount wallet = LedgerAccount.wallet(leg.playerId());
      if (leg.direction() == Leg.Direction.OUT) {
        execute(wallet, escrow, leg.copper(), leg.key());
      } else {
        execute(escrow, wallet, leg.copper(), leg.key());
      }
    }
    if (settlement.fee() > 0) {
      execute(escrow, LedgerAccount.feeSink(), settlement.fee(), feeKey);
    }
  }

  /** The balance of {@code account}; zero for an account never used. */
  public long balance(LedgerAccount account) {
    return balances.getOrDefault(account, 0L);
  }

  /** Whether {@code idempotencyKey} has been applied. */
  public boolean isApplied(String idempotencyKey) {
    return applied.containsKey(idempotencyKey);
  }

  /** Everything ever paid out of the mint. */
  public long minted() {
    return minted;
  }

  /** Everything ever paid into the burn. */
  public long burned() {
    return burned;
  }

  /** Sum of all balances except the mint and the burn: the money players and escrows hold. */
  public long circulating() {
    long sum = 0;
    for (Map.Entry<LedgerAccount, Long> e : balances.entrySet()) {
      AccountKind kind = e.getKey().kind();
      if (kind != AccountKind.MINT && kind != AccountKind.BURN) {
        sum = Math.addExact(sum, e.getValue());
      }
    }
    return sum;
  }

  /**
   * The admin check: circulating money equals minted minus burned, all balances together are zero
   * and no account but the mint is negative.
   */
  public boolean invariantHolds() {
    long total = 0;
    for (Map.Entry<LedgerAccount, Long> e : balances.entrySet()) {
      if (e.getKey().kind() != AccountKind.MINT && e.getValue() < 0) {
        return false;
      }
      total = Math.addExact(total, e.getValue());
    }
    return total == 0
        && circulating() == minted - burned
        && balance(LedgerAccount.mint()) == -minted
        && balance(LedgerAccount.burn()) == burned;
  }

  /** A copy of all non-zero balances, for admin views. */
  public Map<LedgerAccount, Long> balances() {
    Map<LedgerAccount, Long> copy = new HashMap<>();
    balances.forEach(
        (account, amount) -> {
          if (amount != 0) {
            copy.put(account, amount);
          }
        });
    return Map.copyOf(copy);
  }
}
