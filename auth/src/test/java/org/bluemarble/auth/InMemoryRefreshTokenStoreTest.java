package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluemarble.auth.internal.ExpiringMap;
import org.junit.jupiter.api.Test;

class InMemoryRefreshTokenStoreTest extends RefreshTokensContract {
  private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(clock);

  @Override
  protected RefreshTokenStore newStore() {
    return store;
  }

  @Test
  void savingNewTokensForgetsExpiredOnes() {
    for (int i = 0; i < 100; i++) {
      store.save(new StoredRefreshToken("old-" + i, "f", "a", clock.instant().plusSeconds(1)));
    }
    assertThat(store.size()).isEqualTo(100);
    clock.advance(InMemoryRefreshTokenStore.KEEP_EXPIRED.plus(ExpiringMap.SWEEP_INTERVAL));

    // Only the ordinary write path runs: no purge method is called.
    store.save(new StoredRefreshToken("new", "f", "a", clock.instant().plusSeconds(60)));

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.markUsed("old-0", clock.instant()).status())
        .isEqualTo(RefreshTokenStore.UseStatus.UNKNOWN);
    assertThat(store.markUsed("new", clock.instant()).status())
        .isEqualTo(RefreshTokenStore.UseStatus.FRESH);
  }
}
