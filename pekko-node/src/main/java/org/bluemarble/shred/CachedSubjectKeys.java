package org.bluemarble.shred;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.crypto.SecretKey;

/** The caching and the write rules of {@link SubjectKeys}; subclasses are the storage. */
abstract class CachedSubjectKeys implements SubjectKeys {
  private final KeyCache cache;
  private final Executor blocking;

  CachedSubjectKeys(KeyCache cache, Executor blocking) {
    this.cache = cache;
    this.blocking = blocking;
  }

  /** The stored lookup of a subject (a store round trip). */
  abstract Lookup load(String subject);

  /**
   * Stores {@code key} for a subject that has no row yet and returns what the store holds after
   * (the given key, or the row another writer stored first, or a tombstone).
   */
  abstract Lookup insertIfAbsent(String subject, SecretKey key);

  /** Replaces the subjects' keys by tombstones (inserting tombstones where no row exists). */
  abstract void tombstone(List<String> subjects);

  @Override
  public Lookup lookup(String subject) {
    Lookup cached = cache.get(subject);
    if (cached != null) {
      return cached;
    }
    Lookup loaded = load(subject);
    if (!(loaded instanceof Missing)) {
      cache.put(subject, loaded);
    }
    return loaded;
  }

  @Override
  public Lookup forWrite(String subject) {
    Lookup known = lookup(subject);
    if (!(known instanceof Missing)) {
      return known;
    }
    Lookup stored = insertIfAbsent(subject, PersonalCipher.newKey());
    cache.put(subject, stored);
    return stored;
  }

  @Override
  public CompletionStage<Void> ensure(String subject) {
    return CompletableFuture.runAsync(() -> forWrite(subject), blocking);
  }

  @Override
  public CompletionStage<Void> erase(Collection<String> subjects) {
    List<String> all = List.copyOf(subjects);
    return CompletableFuture.runAsync(
        () -> {
          tombstone(all);
          all.forEach(s -> cache.put(s, Erased.INSTANCE));
        },
        blocking);
  }
}
