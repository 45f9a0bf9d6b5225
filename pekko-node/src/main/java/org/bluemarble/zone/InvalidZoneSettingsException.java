package org.bluemarble.zone;

/** Thrown when a {@link ZoneSettings} value is outside its allowed range; names the field. */
public final class InvalidZoneSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A message naming {@code field}, its {@code value} and what is allowed. */
  public InvalidZoneSettingsException(String field, Object value, String allowed) {
    super(field + " = " + value + " " + allowed);
    this.field = field;
  }

  /** The settings field at fault, e.g. {@code aoiRadiusMeters} or {@code maxSpeedMps.MAGE}. */
  public String field() {
    return field;
  }
}
