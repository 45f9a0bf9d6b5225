package org.bluemarble.persistence.terrain;

/**
 * A {@link TerrainStore} call was given bad input (a malformed planet id, samples that do not fit
 * the config). The message names the field, the value and what is allowed.
 */
public final class InvalidTerrainRequestException extends IllegalArgumentException {

  /** {@code field} had {@code value}, which breaks {@code rule}. */
  public InvalidTerrainRequestException(String field, Object value, String rule) {
    super(field + " = " + value + ": " + rule);
  }
}
