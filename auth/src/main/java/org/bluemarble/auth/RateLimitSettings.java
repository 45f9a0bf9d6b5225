package org.bluemarble.auth;

import java.time.Duration;

/**
 * One limit per {@link RateLimitKind}. {@link #DEFAULTS} follows the architecture document (API
 * 100/min, chat 10/s, trade 5/min) and, for logins, allows 10 attempts per account per 15 minutes
 * (a human mistypes a few times; a stuffing list tries one password per account and is slowed to a
 * crawl) and 100 per source address per 15 minutes (players behind one NAT share an address).
 * Registrations: 5 per source address per hour.
 */
public record RateLimitSettings(
    RateLimit api,
    RateLimit chat,
    RateLimit trade,
    RateLimit loginPerAccount,
    RateLimit loginPerAddress,
    RateLimit registration) {

  /** The default registration limit: 5 per source address per hour. */
  public static final RateLimit DEFAULT_REGISTRATION = new RateLimit(5, Duration.ofHours(1));

  public static final RateLimitSettings DEFAULTS =
      new RateLimitSettings(
          new RateLimit(100, Duration.ofMinutes(1)),
          new RateLimit(10, Duration.ofSeconds(1)),
          new RateLimit(5, Duration.ofMinutes(1)),
          new RateLimit(10, Duration.ofMinutes(15)),
          new RateLimit(100, Duration.ofMinutes(15)),
          DEFAULT_REGISTRATION);

  public RateLimitSettings {
    if (api == null
        || chat == null
        || trade == null
        || loginPerAccount == null
        || loginPerAddress == null
        || registration == null) {
      throw new IllegalArgumentException(
          "every rate limit (api, chat, trade, loginPerAccount, loginPerAddress, registration)"
              + " is required");
    }
  }

  /** Limits with the default registration limit. */
  public RateLimitSettings(
      RateLimit api,
      RateLimit chat,
      RateLimit trade,
      RateLimit loginPerAccount,
      RateLimit loginPerAddress) {
    this(api, chat, trade, loginPerAccount, loginPerAddress, DEFAULT_REGISTRATION);
  }

  /** The limit for a kind. */
  public RateLimit of(RateLimitKind kind) {
    return switch (kind) {
      case API -> api;
      case CHAT -> chat;
      case TRADE -> trade;
      case LOGIN_ACCOUNT -> loginPerAccount;
      case LOGIN_ADDRESS -> loginPerAddress;
      case REGISTRATION -> registration;
    };
  }
}
