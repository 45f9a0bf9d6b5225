package org.bluemarble.protocol.client;

import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.v1.GeoPosition;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.MovementInput;
import org.bluemarble.protocol.v1.TargetIntent;

/**
 * Maps movement values to and from protobuf in one place. Intents are rounded to what the wire can
 * carry (heading in 1/65536 turn, speed as float) so client prediction integrates exactly what the
 * server will receive.
 */
public final class WireMapping {

  private WireMapping() {}

  /** A protobuf position from a movement state. */
  public static GeoPosition toProto(MovementState s) {
    return GeoPosition.newBuilder()
        .setLatDeg(s.latDeg())
        .setLngDeg(s.lngDeg())
        .setAltM(s.altM())
        .build();
  }

  /** A movement state from a protobuf position and a heading in 1/65536 turn. */
  public static MovementState fromProto(GeoPosition p, int heading) {
    return new MovementState(
        p.getLatDeg(), p.getLngDeg(), p.getAltM(), Quantiser.headingDeg(heading));
  }

  /** The intent as the receiver of its protobuf form will see it. */
  public static MovementIntent asSent(MovementIntent intent) {
    double speed = (float) intent.speedMps();
    if (intent instanceof MovementIntent.Heading h) {
      return new MovementIntent.Heading(
          Quantiser.headingDeg(Quantiser.quantiseHeading(h.headingDeg())), speed);
    }
    MovementIntent.Target t = (MovementIntent.Target) intent;
    return new MovementIntent.Target(t.latDeg(), t.lngDeg(), speed);
  }

  /** Fills a MovementInput's intent. */
  public static MovementInput.Builder withIntent(MovementInput.Builder b, MovementIntent intent) {
    if (intent instanceof MovementIntent.Heading h) {
      return b.setHeading(
          HeadingIntent.newBuilder()
              .setHeading(Quantiser.quantiseHeading(h.headingDeg()))
              .setSpeedMps((float) h.speedMps()));
    }
    MovementIntent.Target t = (MovementIntent.Target) intent;
    return b.setTarget(
        TargetIntent.newBuilder()
            .setTarget(GeoPosition.newBuilder().setLatDeg(t.latDeg()).setLngDeg(t.lngDeg()))
            .setSpeedMps((float) t.speedMps()));
  }

  /**
   * The intent of a received MovementInput.
   *
   * @throws IllegalArgumentException when the intent is missing or out of range
   */
  public static MovementIntent intentOf(MovementInput input) {
    return switch (input.getIntentCase()) {
      case HEADING ->
          new MovementIntent.Heading(
              Quantiser.headingDeg(input.getHeading().getHeading()),
              input.getHeading().getSpeedMps());
      case TARGET ->
          new MovementIntent.Target(
              input.getTarget().getTarget().getLatDeg(),
              input.getTarget().getTarget().getLngDeg(),
              input.getTarget().getSpeedMps());
      case INTENT_NOT_SET ->
          throw new IllegalArgumentException(
              "MovementInput " + input.getSequence() + " has no intent");
    };
  }
}
