package org.bluemarble.player;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of player input: pure functions returning the reason a value is refused, or empty when
 * it is fine.
 */
public final class PlayerRules {
  public static final int MIN_NAME = 3;
  public static final int MAX_NAME = 32;

  /** Deepest trench to highest flight, metres. */
  public static final double MIN_ALTITUDE = -12_000;

  public static final double MAX_ALTITUDE = 100_000;

  /** Letters and digits of any script, inner spaces, apostrophes, hyphens and underscores. */
  private static final Pattern NAME =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '_-]*[\\p{L}\\p{N}]");

  private PlayerRules() {}

  /** Why {@code name} cannot be a character name, if it cannot. */
  public static Optional<String> nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("name must not be empty");
    }
    int length = name.codePointCount(0, name.length());
    if (length < MIN_NAME || length > MAX_NAME) {
      return Optional.of(
          "name must be " + MIN_NAME + "-" + MAX_NAME + " characters, was " + length);
    }
    if (!NAME.matcher(name).matches() || name.contains("  ")) {
      return Optional.of(
          "name may contain letters, digits, single inner spaces, ' - and _, and must start and end with a"
              + " letter or digit");
    }
    return Optional.empty();
  }

  /** Why a position cannot be stored, if it cannot. */
  public static Optional<String> positionProblem(
      double latitude, double longitude, double altitude) {
    if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
      return Optional.of(
          "latitude must be a finite number of degrees in [-90, 90], was " + latitude);
    }
    if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
      return Optional.of(
          "longitude must be a finite number of degrees in [-180, 180], was " + longitude);
    }
    if (!Double.isFinite(altitude) || altitude < MIN_ALTITUDE || altitude > MAX_ALTITUDE) {
      return Optional.of(
          "altitude must be a finite number of metres in ["
              + (long) MIN_ALTITUDE
              + ", "
              + (long) MAX_ALTITUDE
              + "], was "
              + altitude);
    }
    return Optional.empty();
  }
}
