package org.bluemarble.persistence.terrain;

/**
 * The database behind a {@link TerrainStore} failed, or returned data that cannot be a stored
 * planet (a missing or malformed chunk). Stages of the store complete exceptionally with it.
 */
public final class TerrainStoreException extends RuntimeException {

  /** A failure with a message naming the operation and the planet. */
  public TerrainStoreException(String message) {
    super(message);
  }

  /** A failure caused by the database driver. */
  public TerrainStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
