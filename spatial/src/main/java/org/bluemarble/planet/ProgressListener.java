package org.bluemarble.planet;

/**
 * Receives generation progress. Calls come from the generating thread, in stage order, with a
 * non-decreasing percentage; the last call is {@code (FINALIZING, 100)}. Implementations must be
 * quick (they run inside generation).
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (stage, percent) -> {};

  /**
   * @param stage the stage running now
   * @param percent overall progress, 0..100
   */
  void onProgress(GenerationStage stage, int percent);
}
