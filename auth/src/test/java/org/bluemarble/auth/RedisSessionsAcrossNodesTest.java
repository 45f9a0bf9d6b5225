package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Two nodes (each its own Redis client, stores and token service, one shared signing key) on one
 * real redis-server: a logout or a ban on one node ends the session on the other.
 */
class RedisSessionsAcrossNodesTest {
  private static EmbeddedRedis redis;
  private static RedisClient clientA;
  private static RedisClient clientB;

  private final String prefix = "test:" + UUID.randomUUID() + ":";
  private final KeyRing sharedKey = KeyRing.generate();

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start();
    clientA = redis.client();
    clientB = redis.client();
  }

  @AfterAll
  static void stopRedis() {
    clientA.close();
    clientB.close();
    redis.close();
  }

  /** What one node holds. */
  private record Node(SessionLogins logins, TokenService tokens) {}

  private Node node(RedisClient client) {
    Clock clock = Clock.systemUTC();
    SessionStore sessions = new RedisSessionStore(client, prefix);
    TokenService tokens =
        new TokenService(
            TokenSettings.of("https://bluemarble.test/", "game"),
            sharedKey,
            clock,
            new CachedSessionCheck(sessions, Duration.ZERO, clock));
    RefreshTokens refresh =
        new RefreshTokens(new RedisRefreshTokenStore(client, prefix), Duration.ofDays(30), clock);
    return new Node(
        new SessionLogins(tokens, refresh, sessions, Duration.ofHours(2), clock), tokens);
  }

  @Test
  void aLogoutOnNodeAEndsTheAccessTokenOnNodeB() throws Exception {
    Node a = node(clientA);
    Node b = node(clientB);
    SessionLogins.Issued login = a.logins().open("acc-1", "alice", Set.of(Role.PLAYER));
    assertThat(b.tokens().verify(login.access().token()).accountId()).isEqualTo("acc-1");

    assertThat(a.logins().logout(login.refresh().token())).isTrue();

    assertThatThrownBy(() -> b.tokens().verify(login.access().token()))
        .isInstanceOfSatisfying(
            InvalidTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejection.SESSION_REVOKED));
  }

  @Test
  void endingAnAccountsSessionsOnNodeBRefusesItsTokensOnNodeA() throws Exception {
    Node a = node(clientA);
    Node b = node(clientB);
    SessionLogins.Issued login = a.logins().open("acc-2", "bob", Set.of(Role.PLAYER));
    assertThat(b.logins().endAll("acc-2")).isEqualTo(1);
    assertThatThrownBy(() -> a.tokens().verify(login.access().token()))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("SESSION_REVOKED");
  }
}
