package org.bluemarble.market.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.market.MarketError;
import org.bluemarble.node.CborSerializable;

/**
 * The idempotency keys a {@link Holdings} entity has settled, newest last: applied, or voided (a
 * refusal that stands for good, so a copy of the leg still in flight can never be applied late).
 * Bounded to {@code capacity} keys, oldest dropped first: coordinators re-post a leg every retry
 * interval until it is answered, so a key is only asked about again within seconds of its first
 * answer; a capacity of thousands of legs per player leaves hours of margin. Mutable, owned by the
 * actor.
 */
public final class KeyWindow {
  /** One remembered key; {@code error} is null for an applied key. */
  public record Entry(String key, MarketError error, String message) implements CborSerializable {}

  private final int capacity;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  KeyWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("key window capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The settled outcome of {@code key}, or null when it is new (or long forgotten). */
  Entry get(String key) {
    return entries.get(key);
  }

  /** Remembers {@code entry}; false when its key was already there (nothing changes then). */
  boolean remember(Entry entry) {
    if (entries.containsKey(entry.key())) {
      return false;
    }
    entries.put(entry.key(), entry);
    if (entries.size() > capacity) {
      Map.Entry<String, Entry> eldest = entries.entrySet().iterator().next();
      entries.remove(eldest.getKey());
    }
    return true;
  }

  int size() {
    return entries.size();
  }

  /** Oldest first, for a snapshot. */
  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }
}
