package org.bluemarble.spatial;

/**
 * Thrown when a coordinate handed to the spatial library is not a usable number: NaN, infinite, a
 * latitude beyond ±90°, or a planar coordinate that is not finite. The message names the field and
 * the offending value so that API layers can pass it on unchanged.
 */
public class InvalidCoordinateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final double value;

  /**
   * @param field the name of the rejected field, e.g. {@code latitudeDeg}
   * @param value the rejected value
   * @param reason what was expected, e.g. {@code "must be within [-90, 90]"}
   */
  public InvalidCoordinateException(String field, double value, String reason) {
    super(field + " = " + value + " " + reason);
    this.field = field;
    this.value = value;
  }

  /** The name of the rejected field. */
  public String field() {
    return field;
  }

  /** The rejected value. */
  public double value() {
    return value;
  }
}
