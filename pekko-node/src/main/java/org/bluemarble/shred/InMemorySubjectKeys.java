package org.bluemarble.shred;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.crypto.SecretKey;

/**
 * Keys kept only in memory: for actor systems without a journal database (unit tests with the
 * in-memory journal). A node never uses it: its keys must outlive the process.
 */
public final class InMemorySubjectKeys extends CachedSubjectKeys {
  private final ConcurrentHashMap<String, Lookup> rows = new ConcurrentHashMap<>();

  public InMemorySubjectKeys(Executor blocking) {
    super(new KeyCache(1_000_000, Long.MAX_VALUE, System::nanoTime), blocking);
  }

  @Override
  Lookup load(String subject) {
    return rows.getOrDefault(subject, Missing.INSTANCE);
  }

  @Override
  Lookup insertIfAbsent(String subject, SecretKey key) {
    return rows.computeIfAbsent(subject, s -> new Present(key));
  }

  @Override
  void tombstone(List<String> subjects) {
    subjects.forEach(s -> rows.put(s, Erased.INSTANCE));
  }
}
