package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovementRulesTest {
  private static final Sphere EARTH = Sphere.EARTH;
  private final ZoneSettings settings = ZoneSettings.defaults(EARTH);
  private final double dt = settings.tickSeconds();
  private final MovementRules flat = new MovementRules(settings, TestTerrains.flat("grassland"));

  private static MovementInput heading(long seq, double bearing, double speed) {
    return new MovementInput(seq, new MovementInput.Heading(bearing, speed), 0L);
  }

  private static MovementInput target(long seq, double lat, double lng) {
    return new MovementInput(seq, new MovementInput.Target(lat, lng), 0L);
  }

  @Test
  void clampsSpeedHackToTheClassLimit() {
    Mover m = new Mover(1, CharacterClass.MAGE, GeoPosition.of(10, 20), 0);
    GeoPosition start = m.position();

    assertThat(flat.accept(m, heading(1, 90, 500.0))).isEqualTo(InputVerdict.CLAMPED);
    assertThat(flat.advance(m, dt)).isEqualTo(StepOutcome.MOVED);

    double moved = EARTH.distanceMeters(start, m.position());
    assertThat(moved).isCloseTo(5.5 * dt, within(1e-6));
  }

  @Test
  void farTargetIsApproachedOnlyAtTopSpeedNotTeleported() {
    Mover m = new Mover(1, CharacterClass.RANGER, GeoPosition.of(0, 0), 0);

    assertThat(flat.accept(m, target(1, 0, 1.0))).isEqualTo(InputVerdict.APPLIED);
    for (int i = 0; i < 60; i++) {
      assertThat(flat.advance(m, dt)).isEqualTo(StepOutcome.MOVED);
    }

    assertThat(EARTH.distanceMeters(GeoPosition.of(0, 0), m.position()))
        .isCloseTo(7.0, within(1e-6));
  }

  @Test
  void nearTargetIsReachedExactlyAndThenStops() {
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0), 0);
    GeoPosition goal = Sphere.EARTH.destination(GeoPosition.of(0, 0), 45, 0.05);

    flat.accept(m, target(1, goal.latitudeDeg(), goal.longitudeDeg()));

    assertThat(flat.advance(m, dt)).isEqualTo(StepOutcome.ARRIVED);
    assertThat(EARTH.distanceMeters(goal, m.position())).isLessThan(1e-6);
    assertThat(flat.advance(m, dt)).isEqualTo(StepOutcome.STILL);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 361.0})
  void rejectsNonFiniteOrOutOfRangeBearingAndStops(double bearing) {
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0), 0);
    flat.accept(m, heading(1, 0, 3));

    assertThat(flat.accept(m, heading(2, bearing, 3))).isEqualTo(InputVerdict.REJECTED);

    assertThat(m.isMoving()).isFalse();
    assertThat(m.lastSequence()).isEqualTo(2);
    assertThat(flat.advance(m, dt)).isEqualTo(StepOutcome.STILL);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -1.0})
  void rejectsNonFiniteOrNegativeSpeed(double speed) {
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0), 0);

    assertThat(flat.accept(m, heading(1, 0, speed))).isEqualTo(InputVerdict.REJECTED);
    assertThat(m.isMoving()).isFalse();
  }

  @Test
  void rejectsTargetsOutsideTheGlobeOrAtTheAntipode() {
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0), 0);

    assertThat(flat.accept(m, target(1, Double.NaN, 0))).isEqualTo(InputVerdict.REJECTED);
    assertThat(flat.accept(m, target(2, 91, 0))).isEqualTo(InputVerdict.REJECTED);
    assertThat(flat.accept(m, target(3, 0, 181))).isEqualTo(InputVerdict.REJECTED);
    assertThat(flat.accept(m, target(4, 0, -180))).isEqualTo(InputVerdict.REJECTED);
    assertThat(m.isMoving()).isFalse();
  }

  @Test
  void ignoresInputsWhoseSequenceWasAlreadyProcessed() {
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0), 5);

    assertThat(flat.accept(m, heading(5, 0, 3))).isEqualTo(InputVerdict.DUPLICATE);
    assertThat(flat.accept(m, heading(4, 0, 3))).isEqualTo(InputVerdict.DUPLICATE);
    assertThat(m.isMoving()).isFalse();
    assertThat(flat.accept(m, heading(6, 0, 3))).isEqualTo(InputVerdict.APPLIED);
    assertThat(flat.accept(m, heading(6, 180, 3))).isEqualTo(InputVerdict.DUPLICATE);

    assertThat(m.lastSequence()).isEqualTo(6);
    flat.advance(m, 1.0);
    assertThat(m.position().latitudeDeg()).isGreaterThan(0.0);
  }

  @Test
  void refusesToWalkOntoDeepOcean() {
    MovementRules rules = new MovementRules(settings, TestTerrains.oceanWest());
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0.000002), 0);
    GeoPosition before = m.position();

    rules.accept(m, heading(1, 270, 6));
    StepOutcome outcome = StepOutcome.MOVED;
    for (int i = 0; i < 20 && outcome == StepOutcome.MOVED; i++) {
      outcome = rules.advance(m, dt);
    }

    assertThat(outcome).isEqualTo(StepOutcome.BLOCKED_DEEP_OCEAN);
    assertThat(outcome.needsCorrection()).isTrue();
    assertThat(m.position().longitudeDeg()).isGreaterThanOrEqualTo(0.0);
    assertThat(m.isMoving()).isFalse();
    assertThat(EARTH.distanceMeters(before, m.position())).isLessThan(0.25);
  }

  @Test
  void refusesGroundSteeperThanTheSlopeLimit() {
    MovementRules rules = new MovementRules(settings, TestTerrains.hillNorthOfEquator());
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(-0.00001, 0), 0);

    rules.accept(m, heading(1, 0, 6));
    StepOutcome outcome = StepOutcome.MOVED;
    for (int i = 0; i < 20 && outcome == StepOutcome.MOVED; i++) {
      outcome = rules.advance(m, dt);
    }

    assertThat(outcome).isEqualTo(StepOutcome.BLOCKED_SLOPE);
    assertThat(m.position().latitudeDeg()).isLessThanOrEqualTo(0.0);
  }

  @Test
  void walksAlongTheGentleSideOfTheHill() {
    MovementRules rules = new MovementRules(settings, TestTerrains.hillNorthOfEquator());
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(-0.00001, 0), 0);

    rules.accept(m, heading(1, 90, 6));

    assertThat(rules.advance(m, dt)).isEqualTo(StepOutcome.MOVED);
  }

  @Test
  void measuresTheSlopeOverFiveMetresSoSmallBumpsDoNotBlock() {
    // 8 cm bumps every 20 cm: 38° to 58° over one 0.1 m step, flat over 5 m.
    Terrain bumpy =
        new Terrain() {
          @Override
          public double elevationMeters(double latitudeDeg, double longitudeDeg) {
            return 0.08 * Math.sin(longitudeDeg * 111_194.9 * Math.PI / 0.1);
          }

          @Override
          public String biome(double latitudeDeg, double longitudeDeg) {
            return "grassland";
          }
        };
    MovementRules rules = new MovementRules(settings, bumpy);
    Mover m = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(0, 0.001), 0);

    rules.accept(m, heading(1, 90, 6));
    StepOutcome outcome = StepOutcome.MOVED;
    for (int i = 0; i < 120 && outcome == StepOutcome.MOVED; i++) {
      outcome = rules.advance(m, dt);
    }

    assertThat(outcome).isEqualTo(StepOutcome.MOVED);
    assertThat(bumpy.slopeDeg(0, 0.001, 0, 0.001 + 0.1 / 111_194.9 / 2, 0.05))
        .isGreaterThan(settings.maxSlopeDeg());
  }
}
