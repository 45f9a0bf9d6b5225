package org.bluemarble.market.holdings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.market.MarketError;
import org.bluemarble.node.CborSerializable;

/**
 * The idempotency keys a {@link Holdings} entity has settled, newest last: applied, or voided (a
 * refusal that stands for good, so a copy of the leg still in flight can never be applied late).
 *
 * <p>A coordinator re-posts a leg until it has persisted the answer, so a key may come back as long
 * as its coordinator has not: every retry interval while it runs, and once more when it recovers
 * after a crash, however many legs the player settled meanwhile. A count alone therefore cannot
 * bound the window safely. A key is forgotten only when both hold: more than {@code capacity} keys
 * are newer, and it was settled more than {@code retention} before the newest one (a coordinator
 * that cannot re-post within the retention, one day by default, has been down for that long).
 * {@code hardCap} bounds memory whatever the rate (a player settling more legs than that within the
 * retention loses the guarantee for the oldest; rate limits keep players far below it). Entries
 * without a time (snapshots older than the field) count as old. Mutable, owned by the actor.
 */
public final class KeyWindow {
  /**
   * One remembered key; {@code error} is null for an applied key; {@code at} when it was settled
   * (null in snapshots older than the field).
   */
  public record Entry(String key, MarketError error, String message, Instant at)
      implements CborSerializable {
    public Entry(String key, MarketError error, String message) {
      this(key, error, message, null);
    }
  }

  private final int capacity;
  private final Duration retention;
  private final int hardCap;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  /** A count-only window (no retention): for tests of the count bound. */
  public KeyWindow(int capacity) {
    this(capacity, Duration.ZERO, capacity);
  }

  public KeyWindow(int capacity, Duration retention, int hardCap) {
    if (capacity < 1 || hardCap < capacity) {
      throw new IllegalArgumentException(
          "key window capacity must be >= 1 and <= its hard cap, was " + capacity + "/" + hardCap);
    }
    this.capacity = capacity;
    this.retention = retention;
    this.hardCap = hardCap;
  }

  /** The settled outcome of {@code key}, or null when it is new (or long forgotten). */
  public Entry get(String key) {
    return entries.get(key);
  }

  /** Remembers {@code entry}; false when its key was already there (nothing changes then). */
  public boolean remember(Entry entry) {
    if (entries.containsKey(entry.key())) {
      return false;
    }
    entries.put(entry.key(), entry);
    Instant horizon = entry.at() == null ? null : entry.at().minus(retention);
    while (entries.size() > capacity) {
      Map.Entry<String, Entry> eldest = entries.entrySet().iterator().next();
      Instant at = eldest.getValue().at();
      boolean old = at == null || (horizon != null && at.isBefore(horizon));
      if (!old && entries.size() <= hardCap) {
        break;
      }
      entries.remove(eldest.getKey());
    }
    return true;
  }

  public int size() {
    return entries.size();
  }

  /** Oldest first, for a snapshot. */
  public List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }
}
