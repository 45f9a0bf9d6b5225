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
}
