package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore newStore() {
    return new InMemorySessionStore();
  }

  @Test
  void expiredSessionsAreSweptSoMemoryFollowsLiveSessions() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemorySessionStore store = new InMemorySessionStore(clock);
    store.put(Session.open("short", Set.of(Role.PLAYER), clock.instant(), Duration.ofMinutes(1)));
    store.put(Session.open("long", Set.of(Role.PLAYER), clock.instant(), Duration.ofHours(2)));
    clock.advance(Duration.ofMinutes(2));
    for (int i = 2; i < InMemorySessionStore.SWEEP_EVERY; i++) {
      store.put(
          Session.open("other-" + i, Set.of(Role.PLAYER), clock.instant(), Duration.ofHours(2)));
    }
    // Without the sweep "short" would still be held (and counted) until revoked.
    assertThat(store.revokeAllOf("short")).isZero();
    assertThat(store.revokeAllOf("long")).isEqualTo(1);
  }
}
