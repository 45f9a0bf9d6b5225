package org.bluemarble.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SessionStore} in Redis, shared by every node.
 *
 * <p>Keys: {@code <prefix>session:<id>} → {@code
 * <roles,comma-separated>|<expiresMillis>|<accountId>} expiring with the session; {@code
 * <prefix>account:<accountId>} → set of that account's session ids, expiring with its latest
 * session. A session created while {@link #revokeAllOf} runs may survive it; callers that must be
 * sure (bans) also refuse new logins first.
 */
public final class RedisSessionStore implements SessionStore {
  private final UnifiedJedis redis;
  private final String prefix;

  /**
   * @param prefix key prefix, e.g. {@code bm:} (the seed's {@code session:{id}} keys then read
   *     {@code bm:session:{id}})
   */
  public RedisSessionStore(UnifiedJedis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public void put(Session session) {
    long expiresMillis = session.expiresAt().toEpochMilli();
    String roles =
        session.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    redis.set(
        sessionKey(session.sessionId()),
        roles + "|" + expiresMillis + "|" + session.accountId(),
        SetParams.setParams().pxAt(expiresMillis));
    String accountKey = accountKey(session.accountId());
    redis.sadd(accountKey, session.sessionId());
    Long ttl = redis.pttl(accountKey);
    long remaining = expiresMillis - System.currentTimeMillis();
    if (ttl == null || ttl < remaining) {
      redis.pexpireAt(accountKey, expiresMillis);
    }
  }

  @Override
  public Optional<Session> find(String sessionId, Instant now) {
    String value = redis.get(sessionKey(sessionId));
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\|", 3);
    if (parts.length != 3) {
      throw new IllegalStateException("session record " + sessionId + " is corrupt");
    }
    Instant expires = Instant.ofEpochMilli(Long.parseLong(parts[1]));
    if (!now.isBefore(expires)) {
      return Optional.empty();
    }
    Set<Role> roles =
        parts[0].isEmpty()
            ? Set.of()
            : Arrays.stream(parts[0].split(",")).map(Role::valueOf).collect(Collectors.toSet());
    return Optional.of(new Session(sessionId, parts[2], roles, expires));
  }

  @Override
  public boolean revoke(String sessionId) {
    String key = sessionKey(sessionId);
    String value = redis.get(key);
    if (value == null) {
      return false;
    }
    String accountId = value.split("\\|", 3)[2];
    redis.srem(accountKey(accountId), sessionId);
    return redis.del(key) > 0;
  }

  @Override
  public int revokeAllOf(String accountId) {
    String accountKey = accountKey(accountId);
    Set<String> ids = redis.smembers(accountKey);
    int count = 0;
    for (String id : ids) {
      count += (int) redis.del(sessionKey(id));
    }
    redis.del(accountKey);
    return count;
  }

  @Override
  public Set<String> idsOf(String accountId) {
    return redis.smembers(accountKey(accountId));
  }

  private String sessionKey(String sessionId) {
    return prefix + "session:" + sessionId;
  }

  private String accountKey(String accountId) {
    return prefix + "account:" + accountId;
  }
}
