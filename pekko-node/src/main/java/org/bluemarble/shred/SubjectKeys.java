package org.bluemarble.shred;

import java.util.Collection;
import java.util.concurrent.CompletionStage;
import javax.crypto.SecretKey;

/**
 * The per-subject keys of crypto-shredding (a subject is an account id or a character id). Reads
 * are served from a cache; only a subject not seen on this node since the cache dropped it costs a
 * store round trip, on the calling thread. {@link #ensure} and {@link #erase} run on a blocking
 * executor and never on the caller's thread.
 */
public interface SubjectKeys {

  /** What the store knows about a subject. */
  sealed interface Lookup permits Present, Erased, Missing {}

  /** The subject's key. */
  record Present(SecretKey key) implements Lookup {}

  /** The subject was erased: its key is gone for good. */
  enum Erased implements Lookup {
    INSTANCE
  }

  /** The subject never had a key. */
  enum Missing implements Lookup {
    INSTANCE
  }

  /** The subject's key, a tombstone, or nothing (cached; a miss asks the store). */
  Lookup lookup(String subject);

  /**
   * The key to write the subject's personal fields with: its key, created now if it had none, or
   * {@link Erased} once erased (the field is then written as the erased marker).
   */
  Lookup forWrite(String subject);

  /** Creates the subject's key (if it has none) and caches it, off the caller's thread. */
  CompletionStage<Void> ensure(String subject);

  /** Deletes the subjects' keys for good (a tombstone row remains), off the caller's thread. */
  CompletionStage<Void> erase(Collection<String> subjects);
}
