package org.bluemarble.shred;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A bounded least-recently-used cache of key lookups with an age limit. The age limit bounds how
 * long another node keeps using a key after an erasure on this one; the size bounds memory (an
 * entry is about 200 bytes).
 */
final class KeyCache {
  private record Entry(SubjectKeys.Lookup lookup, long loadedAt) {}

  private final int maxEntries;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<String, Entry> entries;

  KeyCache(int maxEntries, long maxAgeNanos, LongSupplier nanoTime) {
    this.maxEntries = maxEntries;
    this.maxAgeNanos = maxAgeNanos;
    this.nanoTime = nanoTime;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > KeyCache.this.maxEntries;
          }
        };
  }

  /** The cached lookup, or null when absent or too old. */
  synchronized SubjectKeys.Lookup get(String subject) {
    Entry e = entries.get(subject);
    if (e == null) {
      return null;
    }
    if (nanoTime.getAsLong() - e.loadedAt() > maxAgeNanos) {
      entries.remove(subject);
      return null;
    }
    return e.lookup();
  }

  synchronized void put(String subject, SubjectKeys.Lookup lookup) {
    entries.put(subject, new Entry(lookup, nanoTime.getAsLong()));
  }

  synchronized int size() {
    return entries.size();
  }
}
