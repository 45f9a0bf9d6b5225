package org.bluemarble.auth;

import java.time.Duration;

/**
 * One limit per {@link RateLimitKind}. {@link #DEFAULTS} follows the architecture document (API
 * 100/min, chat 10/s, trade 5/min) and, for logins, allows 10 attempts per account per 15 minutes
 * (a human mistypes a few times; a stuffing list tries one password per account and is slowed to a
 * crawl) and 100 per source address per 15 minutes (players behind one NAT share an address).
 */
public record RateLimitSettings(
    RateLimit api,
    RateLimit chat,
    RateLimit trade,
    RateLimit loginPerAccount,
    RateLimit loginPerAddress) {

  public static final RateLimitSettings DEFAULTS =
      new RateLimitSettings(
          new RateLimit(100, Duration.ofMinutes(1)),
          new RateLimit(10, Duration.ofSeconds(1)),
          new RateLimit(5, Duration.ofMinutes(1)),
          new RateLimit(10, Duration.ofMinutes(15)),
          new RateLimit(100, Duration.ofMinutes(15)));

  public RateLimitSettings {
    if (api == null
        || chat == null
        || trade == null
        || loginPerAccount == null
        || loginPerAddress == null) {
      throw new IllegalArgumentException(
          "every rate limit (api, chat, trade, loginPerAccount, loginPerAddress) is required");
    }
  }

  /** The limit for a kind. */
  public RateLimit of(RateLimitKind kind) {
    return switch (kind) {
      case API -> api;
      case CHAT -> chat;
      case TRADE -> trade;
      case LOGIN_ACCOUNT -> loginPerAccount;
      case LOGIN_ADDRESS -> loginPerAddress;
    };
  }
}
