package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRefreshTokenStoreTest extends RefreshTokensContract {
  private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();

  @Override
  protected RefreshTokenStore newStore() {
    return store;
  }

  @Test
  void purgeForgetsExpiredTokens() {
    store.save(new StoredRefreshToken("h", "f", "a", clock.instant().plusSeconds(1)));
    store.purgeExpired(clock.instant().plus(Duration.ofSeconds(1)));
    assertThat(store.markUsed("h", clock.instant()).status())
        .isEqualTo(RefreshTokenStore.UseStatus.UNKNOWN);
  }
}
