package org.bluemarble.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  @Test
  void expiredEntriesAreInvisibleAtOnceAndSweptByALaterWrite() {
    ExpiringMap<String, String> map = new ExpiringMap<>(clock, 1_000);
    for (int i = 0; i < 50; i++) {
      map.put("k" + i, "v", now.get().plusSeconds(5));
    }
    now.set(now.get().plusSeconds(6));
    assertThat(map.get("k0")).isEmpty();
    assertThat(map.size()).isEqualTo(50);

    now.set(now.get().plus(ExpiringMap.SWEEP_INTERVAL));
    map.put("fresh", "v", now.get().plusSeconds(60));

    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get("fresh")).contains("v");
  }

  @Test
  void aFloodOfLiveKeysStaysWithinTheBound() {
    ExpiringMap<String, String> map = new ExpiringMap<>(clock, 100);
    for (int i = 0; i < 10_000; i++) {
      map.put("k" + i, "v", now.get().plus(Duration.ofHours(1)).plusMillis(i));
    }
    assertThat(map.size()).isLessThanOrEqualTo(100);
    // The entries that expire last are the ones kept.
    assertThat(map.get("k9999")).contains("v");
  }

  @Test
  void putIfAbsentRefusesALiveKeyAndAcceptsAnExpiredOne() {
    ExpiringMap<String, Boolean> map = new ExpiringMap<>(clock, 100);
    assertThat(map.putIfAbsent("nonce", true, now.get().plusSeconds(10))).isTrue();
    assertThat(map.putIfAbsent("nonce", true, now.get().plusSeconds(10))).isFalse();
    now.set(now.get().plusSeconds(11));
    assertThat(map.putIfAbsent("nonce", true, now.get().plusSeconds(10))).isTrue();
  }
}
