package org.bluemarble.edge.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.bluemarble.protocol.v1.Error;

/**
 * Issues UDP connect tokens for authenticated sessions: the issuer with the deployment's server
 * key, the UDP edge's public "host:port", lifetimes, and a per-account rate: {@link #BURST} tokens
 * at once, then one every {@link #REFILL_MS} (10 a minute), so one account cannot mint tokens (and
 * with them handshakes) without bound. Thread-safe; accounts whose budget is full again are
 * forgotten once more than {@link #TRACKED_ACCOUNTS} are tracked.
 */
public final class UdpTokens {

  /** Tokens an account may get at once. */
  public static final int BURST = 5;

  /** One more token per account after this long. */
  public static final long REFILL_MS = 6_000;

  /** Accounts tracked before the full (forgettable) budgets are purged. */
  static final int TRACKED_ACCOUNTS = 10_000;

  private record Budget(double tokens, long atMs) {}

  private final ConnectTokenIssuer issuer;
  private final String publicAddress;
  private final long lifetimeMs;
  private final int timeoutMs;
  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

  /**
   * @param lifetimeMs how long a token may be used to connect
   * @param timeoutMs idle timeout of the UDP connection it opens
   */
  public UdpTokens(
      ConnectTokenIssuer issuer, String publicAddress, long lifetimeMs, int timeoutMs) {
    this.issuer = issuer;
    this.publicAddress = publicAddress;
    this.lifetimeMs = lifetimeMs;
    this.timeoutMs = timeoutMs;
  }

  /**
   * A token admitting {@code playerId} (a character of {@code accountId}) at {@code nowMs}.
   *
   * @throws ProtocolException CODE_RATE_LIMITED when the account used up its token budget
   */
  public ConnectToken issue(String accountId, String playerId, long nowMs) {
    boolean[] granted = new boolean[1];
    budgets.compute(
        accountId,
        (k, b) -> {
          double tokens = b == null ? BURST : refilled(b, nowMs);
          granted[0] = tokens >= 1;
          return new Budget(granted[0] ? tokens - 1 : tokens, nowMs);
        });
    if (!granted[0]) {
      throw new ProtocolException(
          Error.Code.CODE_RATE_LIMITED,
          "too many UDP connect tokens for this account (at most "
              + BURST
              + " at once, one more every "
              + REFILL_MS / 1000
              + " s)");
    }
    if (budgets.size() > TRACKED_ACCOUNTS) {
      budgets.values().removeIf(b -> refilled(b, nowMs) >= BURST);
    }
    return issuer.issue(playerId, publicAddress, nowMs, lifetimeMs, timeoutMs);
  }

  private static double refilled(Budget b, long nowMs) {
    return Math.min(BURST, b.tokens() + Math.max(0, nowMs - b.atMs()) / (double) REFILL_MS);
  }

  /** The issuer (shared with the UDP endpoint, which opens the tokens). */
  public ConnectTokenIssuer issuer() {
    return issuer;
  }

  /** The UDP edge's public "host:port" written into tokens. */
  public String publicAddress() {
    return publicAddress;
  }

  /** How long a token may be used to connect. */
  public long lifetimeMs() {
    return lifetimeMs;
  }

  /** Idle timeout of the connections tokens open. */
  public int timeoutMs() {
    return timeoutMs;
  }

  /** Accounts whose budget is tracked now (bounded, see {@link #TRACKED_ACCOUNTS}). */
  int trackedAccounts() {
    return budgets.size();
  }
}
