package org.bluemarble.auth;

import java.util.Locale;

/**
 * What a rate limit counts; each kind has its own limit in {@link RateLimitSettings} and its own
 * buckets.
 */
public enum RateLimitKind {
  /** HTTP API requests, per user. */
  API,
  /** Chat messages, per user. */
  CHAT,
  /** Trade requests, per user. */
  TRADE,
  /** Login attempts, per account name (credential stuffing against one account). */
  LOGIN_ACCOUNT,
  /** Login attempts, per source address (one source trying many accounts). */
  LOGIN_ADDRESS,
  /** Account registrations, per source address (one source mass-creating accounts). */
  REGISTRATION;

  /** The key segment, e.g. {@code login_account}. */
  public String keySegment() {
    return name().toLowerCase(Locale.ROOT);
  }
}
