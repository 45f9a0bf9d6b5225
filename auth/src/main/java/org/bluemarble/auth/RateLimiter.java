package org.bluemarble.auth;

/**
 * Port: token-bucket rate limits. {@link Bucket4jRateLimiter#inProcess} serves the embedded
 * profile; {@link Bucket4jRateLimiter#redis} keeps buckets in Redis so that every node draws from
 * the same bucket.
 */
public interface RateLimiter {

  /**
   * Takes one token from the bucket of {@code (kind, key)}.
   *
   * @param key who is limited: an account id, an account name's uniqueness key or a source address
   */
  RateLimitDecision tryAcquire(RateLimitKind kind, String key);

  /**
   * Whether the bucket of {@code (kind, key)} has a token, without taking one: for limits that
   * count only some outcomes (failed logins), checked before the work and paid with {@link
   * #tryAcquire} after a failure.
   */
  RateLimitDecision check(RateLimitKind kind, String key);
}
