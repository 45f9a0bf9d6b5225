package org.bluemarble.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * A concurrent map whose entries carry an expiry, for the in-process (embedded, single node) stores
 * keyed by client input: refresh tokens, OIDC nonces, rate-limit buckets. Expired entries are
 * invisible at once and removed by a sweep that every write runs when {@link #SWEEP_INTERVAL} has
 * passed since the last one, so memory follows the live entries without a timer. The map is also
 * bounded: a write that finds {@code maxEntries} entries after a sweep first drops the entries that
 * expire soonest (a tenth of the map), so a flood of new keys costs bounded memory.
 */
public final class ExpiringMap<K, V> {
  /** Longest time between two sweeps while the map is written to. */
  public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

  private record Entry<V>(V value, Instant expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxEntries;
  private final AtomicReference<Instant> lastSweep;

  /**
   * @param maxEntries the bound (at least 10)
   */
  public ExpiringMap(Clock clock, int maxEntries) {
    if (maxEntries < 10) {
      throw new IllegalArgumentException("maxEntries must be at least 10, was " + maxEntries);
    }
    this.clock = clock;
    this.maxEntries = maxEntries;
    this.lastSweep = new AtomicReference<>(clock.instant());
  }

  /** The live value of {@code key}, if any. */
  public Optional<V> get(K key) {
    return get(key, clock.instant());
  }

  /** The value of {@code key} live at {@code now}, if any. */
  public Optional<V> get(K key, Instant now) {
    Entry<V> e = entries.get(key);
    return e == null || !now.isBefore(e.expiresAt()) ? Optional.empty() : Optional.of(e.value());
  }

  /** Stores {@code value} until {@code expiresAt}, replacing any earlier value. */
  public void put(K key, V value, Instant expiresAt) {
    maintain();
    entries.put(key, new Entry<>(value, expiresAt));
  }

  /**
   * Stores {@code value} until {@code expiresAt} unless a live value is there; true when stored.
   */
  public boolean putIfAbsent(K key, V value, Instant expiresAt) {
    maintain();
    Instant now = clock.instant();
    Entry<V> fresh = new Entry<>(value, expiresAt);
    Entry<V> result =
        entries.compute(
            key, (k, old) -> old == null || !now.isBefore(old.expiresAt()) ? fresh : old);
    return result == fresh;
  }

  /**
   * Atomically computes the live value of {@code key} from the old one (null when absent or
   * expired) and stores it until {@code expiresAt}.
   */
  public V compute(K key, BiFunction<K, V, V> remap, Instant expiresAt) {
    maintain();
    Instant now = clock.instant();
    Entry<V> result =
        entries.compute(
            key,
            (k, old) ->
                new Entry<>(
                    remap.apply(
                        k, old == null || !now.isBefore(old.expiresAt()) ? null : old.value()),
                    expiresAt));
    return result.value();
  }

  /** A copy of the entries live at {@code now} (for saving a store's state). */
  public Map<K, V> live(Instant now) {
    Map<K, V> copy = new java.util.HashMap<>();
    entries.forEach(
        (k, e) -> {
          if (now.isBefore(e.expiresAt())) {
            copy.put(k, e.value());
          }
        });
    return copy;
  }

  /** Removes {@code key}. */
  public void remove(K key) {
    entries.remove(key);
  }

  /** Entries held, expired ones not yet swept included (for tests and metrics). */
  public int size() {
    return entries.size();
  }

  private void maintain() {
    Instant now = clock.instant();
    Instant last = lastSweep.get();
    if (!now.isBefore(last.plus(SWEEP_INTERVAL)) && lastSweep.compareAndSet(last, now)) {
      sweep(now);
    }
    if (entries.size() >= maxEntries) {
      sweep(now);
      if (entries.size() >= maxEntries) {
        entries.entrySet().stream()
            .sorted(Comparator.comparing(e -> e.getValue().expiresAt()))
            .limit(Math.max(1, maxEntries / 10))
            .map(Map.Entry::getKey)
            .toList()
            .forEach(entries::remove);
      }
    }
  }

  private void sweep(Instant now) {
    entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
  }
}
