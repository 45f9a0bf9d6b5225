package org.bluemarble.planet;

/**
 * Thrown when a {@link PlanetConfig} or {@link ClimateConfig} field is out of its allowed range. It
 * names the field, the rejected value and the rule, so the HTTP layer can map it to {@code
 * INVALID_PLANET_CONFIG} (400) with {@code details {field, value, reason}}.
 */
public final class InvalidPlanetConfigException extends IllegalArgumentException {

  private final String field;
  private final String value;
  private final String reason;

  /**
   * @param field the config field, dotted for nested ones (e.g. {@code climate.precipitationBase})
   * @param value the rejected value (rendered with {@link String#valueOf(Object)})
   * @param reason the rule it broke, e.g. "must be between 3 and 50"
   */
  public InvalidPlanetConfigException(String field, Object value, String reason) {
    super("Invalid planet config: " + field + " = " + value + " " + reason);
    this.field = field;
    this.value = String.valueOf(value);
    this.reason = reason;
  }

  /** The config field that was rejected. */
  public String field() {
    return field;
  }

  /** The rejected value as text. */
  public String value() {
    return value;
  }

  /** The rule the value broke. */
  public String reason() {
    return reason;
  }
}
