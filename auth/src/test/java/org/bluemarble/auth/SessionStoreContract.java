package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bluemarble.auth.internal.OpaqueTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SessionStore} must have; one subclass per adapter. */
abstract class SessionStoreContract {
  private final Instant now = Instant.now();
  private SessionStore store;

  /** A store with no sessions in it. */
  protected abstract SessionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void findsAStoredSessionWithItsAccountAndRoles() {
    Session session = session("acc-1", Set.of(Role.PLAYER, Role.MODERATOR), Duration.ofHours(2));
    store.put(session);
    assertThat(store.find(session.sessionId(), now)).contains(session);
  }

  @Test
  void unknownAndExpiredSessionsAreNotFound() {
    Session session = session("acc-1", Set.of(Role.PLAYER), Duration.ofHours(2));
    store.put(session);
    assertThat(store.find(OpaqueTokens.newToken(), now)).isEmpty();
    assertThat(store.find(session.sessionId(), now.plus(Duration.ofHours(2)))).isEmpty();
  }

  @Test
  void revokeEndsOneSession() {
    Session a = session("acc-1", Set.of(Role.PLAYER), Duration.ofHours(2));
    Session b = session("acc-1", Set.of(Role.PLAYER), Duration.ofHours(2));
    store.put(a);
    store.put(b);
    assertThat(store.revoke(a.sessionId())).isTrue();
    assertThat(store.revoke(a.sessionId())).isFalse();
    assertThat(store.find(a.sessionId(), now)).isEmpty();
    assertThat(store.find(b.sessionId(), now)).isPresent();
  }

  @Test
  void revokeAllEndsEverySessionOfOneAccountOnly() {
    Session a = session("acc-1", Set.of(Role.PLAYER), Duration.ofHours(2));
    Session b = session("acc-1", Set.of(Role.ADMIN), Duration.ofHours(1));
    Session other = session("acc-2", Set.of(Role.PLAYER), Duration.ofHours(2));
    store.put(a);
    store.put(b);
    store.put(other);
    assertThat(store.revokeAllOf("acc-1")).isEqualTo(2);
    assertThat(store.find(a.sessionId(), now)).isEmpty();
    assertThat(store.find(b.sessionId(), now)).isEmpty();
    assertThat(store.find(other.sessionId(), now)).isPresent();
    assertThat(store.revokeAllOf("acc-1")).isZero();
  }

  @Test
  void openedSessionsHaveDistinctUrlSafeIds() {
    Session a = Session.open("acc-1", Set.of(Role.PLAYER), now, Duration.ofHours(2));
    Session b = Session.open("acc-1", Set.of(Role.PLAYER), now, Duration.ofHours(2));
    assertThat(a.sessionId()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.sessionId());
  }

  protected Session session(String account, Set<Role> roles, Duration ttl) {
    return Session.open(account, roles, now, ttl);
  }

  @Test
  void listsTheSessionIdsOfAnAccountOnly() {
    Session first = session("acc-ids", Set.of(Role.PLAYER), Duration.ofHours(2));
    Session second = session("acc-ids", Set.of(Role.PLAYER), Duration.ofHours(2));
    Session other = session("acc-other", Set.of(Role.PLAYER), Duration.ofHours(2));
    store.put(first);
    store.put(second);
    store.put(other);
    assertThat(store.idsOf("acc-ids"))
        .containsExactlyInAnyOrder(first.sessionId(), second.sessionId());
    assertThat(store.idsOf("acc-none")).isEmpty();
  }
}
