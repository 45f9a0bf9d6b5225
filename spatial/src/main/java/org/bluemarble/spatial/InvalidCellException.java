package org.bluemarble.spatial;

/**
 * Thrown for an S2 cell request that cannot be answered: a level outside [0, 30], an invalid cell
 * id, a parent level finer than the cell, children of a leaf cell.
 */
public class InvalidCellException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the field, the value and the allowed range
   */
  public InvalidCellException(String message) {
    super(message);
  }
}
