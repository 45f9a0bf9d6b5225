package org.bluemarble.zone;

import org.bluemarble.node.CborSerializable;

/**
 * A movement intent in a form that crosses the wire (commands between nodes): a kind and two
 * numbers instead of a sealed hierarchy. Values are carried as received, untrusted; {@link
 * MovementRules} validates them after {@link #toIntent()}.
 *
 * @param kind what the numbers mean
 * @param a the bearing in degrees (HEADING) or the target latitude in degrees (TARGET)
 * @param b the speed in m/s (HEADING) or the target longitude in degrees (TARGET)
 */
public record WireIntent(Kind kind, double a, double b) implements CborSerializable {

  /** The shape of an intent. */
  public enum Kind {
    HEADING,
    TARGET,
    STOP
  }

  /** Requires a kind. */
  public WireIntent {
    if (kind == null) {
      throw new IllegalArgumentException("kind must be one of HEADING, TARGET, STOP, was null");
    }
  }

  /** Stand still. */
  public static final WireIntent STOP = new WireIntent(Kind.STOP, 0.0, 0.0);

  /** Walk at {@code bearingDeg} with {@code speedMps}. */
  public static WireIntent heading(double bearingDeg, double speedMps) {
    return new WireIntent(Kind.HEADING, bearingDeg, speedMps);
  }

  /** Walk to a point. */
  public static WireIntent target(double latitudeDeg, double longitudeDeg) {
    return new WireIntent(Kind.TARGET, latitudeDeg, longitudeDeg);
  }

  /** The wire form of {@code intent}; null stays null (no intent in force). */
  public static WireIntent of(MovementInput.Intent intent) {
    if (intent == null) {
      return null;
    }
    if (intent instanceof MovementInput.Heading h) {
      return heading(h.bearingDeg(), h.speedMps());
    }
    if (intent instanceof MovementInput.Target t) {
      return target(t.latitudeDeg(), t.longitudeDeg());
    }
    return STOP;
  }

  /** The domain intent. */
  public MovementInput.Intent toIntent() {
    return switch (kind) {
      case HEADING -> new MovementInput.Heading(a, b);
      case TARGET -> new MovementInput.Target(a, b);
      case STOP -> MovementInput.Stop.INSTANCE;
    };
  }
}
