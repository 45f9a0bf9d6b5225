package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

/**
 * Walks a player once around a small planet through the real handoff code: every cell crossing
 * produces a handoff report and the neighbour cell takes the player over with its intent.
 */
class WorldWalkTest {
  private static final Sphere SMALL = new Sphere(1_000_000.0);
  private static final double SPEED = 100.0;
  private static final ZoneSettings SETTINGS = smallSettings();

  private static ZoneSettings smallSettings() {
    Map<CharacterClass, Double> speeds = new EnumMap<>(CharacterClass.class);
    for (CharacterClass c : CharacterClass.values()) {
      speeds.put(c, SPEED);
    }
    return new ZoneSettings(
        SMALL,
        SpatialCells.zoneLevel(SMALL, 250),
        1,
        1,
        250,
        speeds,
        45,
        -2,
        Duration.ofSeconds(10));
  }

  private record WalkResult(long handoffs, long cellChanges, GeoPosition end, double maxStep) {}

  private static WalkResult walk(GeoPosition start, double bearing) {
    Terrain land = TestTerrains.flat("Grassland");
    long ticks = Math.round(2 * Math.PI * SMALL.radiusMeters() / SPEED);
    CellSimulation cell =
        new CellSimulation(SpatialCells.cellAt(start, SETTINGS.zoneLevel()), SETTINGS, land, 1L);
    cell.enter(7L, CharacterClass.MAGE, start, 0L, new MovementInput.Heading(bearing, SPEED));
    GeoPosition previous = start;
    S2CellId previousCell = cell.cellId();
    long handoffs = 0;
    long changes = 0;
    double maxStep = 0;
    for (long t = 0; t < ticks; t++) {
      TickReport report = cell.tick(0L);
      GeoPosition now;
      if (report.handoffs().isEmpty()) {
        now = cell.positionOf(7L);
      } else {
        assertThat(report.handoffs()).hasSize(1);
        assertThat(cell.positionOf(7L)).isNull();
        TickReport.Handoff h = report.handoffs().get(0);
        handoffs++;
        cell = new CellSimulation(h.targetCell(), SETTINGS, land, 1L);
        cell.enter(h.playerId(), h.characterClass(), h.position(), h.lastSequence(), h.intent());
        now = h.position();
      }
      S2CellId owner = SpatialCells.cellAt(now, SETTINGS.zoneLevel());
      assertThat(owner).isEqualTo(cell.cellId());
      if (!owner.equals(previousCell)) {
        changes++;
        previousCell = owner;
      }
      maxStep = Math.max(maxStep, SMALL.distanceMeters(previous, now));
      previous = now;
    }
    return new WalkResult(handoffs, changes, previous, maxStep);
  }

  @Test
  void walksThroughBothPolesAndBackContinuouslyWithOneHandoffPerCrossing() {
    GeoPosition start = GeoPosition.of(0.0, 179.9995);

    WalkResult r = walk(start, 0.0);

    assertThat(r.maxStep()).isLessThanOrEqualTo(SPEED + 1e-6);
    assertThat(r.handoffs()).isEqualTo(r.cellChanges()).isGreaterThan(1000);
    assertThat(SMALL.distanceMeters(start, r.end())).isLessThan(SPEED);
  }

  @Test
  void walksAlongTheEquatorAcrossTheAntimeridianAndEveryCubeFace() {
    GeoPosition start = GeoPosition.of(0.0001, 170.0);

    WalkResult r = walk(start, 90.0);

    assertThat(r.maxStep()).isLessThanOrEqualTo(SPEED + 1e-6);
    assertThat(r.handoffs()).isEqualTo(r.cellChanges()).isGreaterThan(1000);
    assertThat(SMALL.distanceMeters(start, r.end())).isLessThan(SPEED);
  }
}
