package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.protocol.client.Prediction;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's prediction (the protocol's {@link MovementIntegrator} and {@link Prediction}) and
 * the real cell code walk the same path from the same inputs, and acks let a client reconcile.
 */
class ClientServerPathTest {
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final long NOW = 1_700_000_000_000_000_000L;
  private static final Terrain LAND = TestTerrains.flat("Grassland");
  private static final GeoPosition START =
      SpatialCells.centreOf(
          SpatialCells.cellAt(GeoPosition.of(-21.0, -27.0), SETTINGS.zoneLevel()));
  private static final double CENTIMETRES = 0.03;

  private record Sent(int sequence, double headingDeg, double speedMps) {}

  private static List<Sent> randomInputs(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Sent> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      // Below the ranger's 7 m/s, so nothing is clamped.
      out.add(new Sent(i, random.nextDouble(360.0), random.nextDouble(0.5, 6.5)));
    }
    return out;
  }

  private static CellSimulation cellWith(List<Sent> inputs) {
    return cellWith(SETTINGS, inputs);
  }

  private static CellSimulation cellWith(ZoneSettings settings, List<Sent> inputs) {
    CellSimulation sim =
        new CellSimulation(SpatialCells.cellAt(START, settings.zoneLevel()), settings, LAND, 42L);
    sim.enter(1L, CharacterClass.RANGER, START, 0L, null);
    for (Sent s : inputs) {
      assertThat(
              sim.offer(
                  1L,
                  new MovementInput(
                      s.sequence(), new MovementInput.Heading(s.headingDeg(), s.speedMps()), 0L)))
          .isTrue();
    }
    return sim;
  }

  /** Ticks until the ack of {@code sequence} arrives; returns every ack seen on the way. */
  private static List<TickReport.Ack> ticksUntilAcked(CellSimulation sim, long sequence) {
    List<TickReport.Ack> acks = new ArrayList<>();
    for (int t = 0; t < 10_000; t++) {
      TickReport report = sim.tick(NOW);
      assertThat(report.corrections()).isEmpty();
      acks.addAll(report.acks());
      if (!acks.isEmpty() && acks.get(acks.size() - 1).sequence() >= sequence) {
        return acks;
      }
    }
    throw new AssertionError("input " + sequence + " was never acknowledged");
  }

  private static MovementState stateOf(TickReport.Ack ack) {
    GeoPosition p = ack.position();
    return new MovementState(
        p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters(), ack.headingDeg());
  }

  private static double metresBetween(MovementState a, GeoPosition b) {
    return Sphere.EARTH.distanceMeters(GeoPosition.of(a.latDeg(), a.lngDeg()), b);
  }

  @Test
  void aClientReplayOfTheInputsLandsWhereTheCellAcknowledgesTheLastOne() {
    List<Sent> inputs = randomInputs(7L, 30);
    CellSimulation sim = cellWith(inputs);
    MovementIntegrator integrator = new MovementIntegrator(Sphere.EARTH.radiusMeters());
    MovementState client =
        new MovementState(START.latitudeDeg(), START.longitudeDeg(), START.altitudeMeters(), 0.0);
    for (Sent s : inputs) {
      client = integrator.step(client, new MovementIntent.Heading(s.headingDeg(), s.speedMps()));
    }

    List<TickReport.Ack> acks = ticksUntilAcked(sim, inputs.size());

    TickReport.Ack last = acks.get(acks.size() - 1);
    assertThat(last.sequence()).isEqualTo(inputs.size());
    assertThat(metresBetween(client, last.position())).isLessThan(CENTIMETRES);
    double headingError = Math.abs(client.headingDeg() - last.headingDeg());
    assertThat(Math.min(headingError, 360.0 - headingError)).isLessThan(0.01);
    // Acks come at most once per snapshot interval (every third tick), not once per input.
    int ticks = (int) (inputs.size() * PlayerSlot.INPUT_SECONDS * SETTINGS.tickHz());
    assertThat(acks.size()).isLessThanOrEqualTo(inputs.size());
    assertThat(acks.size()).isGreaterThanOrEqualTo(ticks / 6 / 3);
  }

  @ParameterizedTest(name = "at {0} Hz")
  @ValueSource(ints = {30, 64, 90})
  void theReplayMatchesAlsoWhenInputsEndBetweenTicks(int tickHz) {
    List<Sent> inputs = randomInputs(5L, 20);
    CellSimulation sim = cellWith(SETTINGS.withTickHz(tickHz), inputs);
    MovementIntegrator integrator = new MovementIntegrator(Sphere.EARTH.radiusMeters());
    MovementState client =
        new MovementState(START.latitudeDeg(), START.longitudeDeg(), START.altitudeMeters(), 0.0);
    for (Sent s : inputs) {
      client = integrator.step(client, new MovementIntent.Heading(s.headingDeg(), s.speedMps()));
    }

    List<TickReport.Ack> acks = ticksUntilAcked(sim, inputs.size());

    assertThat(metresBetween(client, acks.get(acks.size() - 1).position())).isLessThan(CENTIMETRES);
  }

  @ParameterizedTest(name = "one input every {0} ticks")
  @ValueSource(ints = {1, 3, 4, 5, 6})
  void inputsArrivingWhileTheirPredecessorRunsStillLandOnThePrediction(int ticksBetween) {
    List<Sent> inputs = randomInputs(13L, 24);
    CellSimulation sim = cellWith(List.of());
    MovementIntegrator integrator = new MovementIntegrator(Sphere.EARTH.radiusMeters());
    MovementState client =
        new MovementState(START.latitudeDeg(), START.longitudeDeg(), START.altitudeMeters(), 0.0);
    List<TickReport.Ack> acks = new ArrayList<>();
    for (Sent s : inputs) {
      client = integrator.step(client, new MovementIntent.Heading(s.headingDeg(), s.speedMps()));
      assertThat(
              sim.offer(
                  1L,
                  new MovementInput(
                      s.sequence(), new MovementInput.Heading(s.headingDeg(), s.speedMps()), 0L)))
          .isTrue();
      for (int t = 0; t < ticksBetween; t++) {
        TickReport report = sim.tick(NOW);
        assertThat(report.corrections()).isEmpty();
        acks.addAll(report.acks());
      }
    }
    acks.addAll(ticksUntilAcked(sim, inputs.size()));

    assertThat(metresBetween(client, acks.get(acks.size() - 1).position())).isLessThan(CENTIMETRES);
  }

  @Test
  void aPredictionReconciledFromAnIntermediateAckMatchesTheServer() {
    List<Sent> inputs = randomInputs(11L, 25);
    CellSimulation sim = cellWith(inputs);
    Prediction prediction =
        new Prediction(
            new MovementIntegrator(Sphere.EARTH.radiusMeters()),
            new MovementState(
                START.latitudeDeg(), START.longitudeDeg(), START.altitudeMeters(), 0.0));
    for (Sent s : inputs) {
      prediction.apply(s.sequence(), new MovementIntent.Heading(s.headingDeg(), s.speedMps()));
    }

    List<TickReport.Ack> acks = ticksUntilAcked(sim, 10);
    TickReport.Ack intermediate = acks.get(acks.size() - 1);
    MovementState reconciled =
        prediction.reconcile((int) intermediate.sequence(), stateOf(intermediate));
    List<TickReport.Ack> rest = ticksUntilAcked(sim, inputs.size());
    TickReport.Ack last = rest.get(rest.size() - 1);

    assertThat(intermediate.sequence()).isBetween(10L, (long) inputs.size() - 1);
    assertThat(prediction.pendingCount()).isEqualTo(inputs.size() - (int) intermediate.sequence());
    assertThat(metresBetween(reconciled, last.position())).isLessThan(CENTIMETRES);
  }

  @Test
  void aWaitingInputStartsAtOnceThenTheQueueDrainsOneInputPerPeriodAndStaysBounded() {
    List<Sent> inputs = randomInputs(3L, CellSimulation.MAX_QUEUED_INPUTS);
    CellSimulation sim = cellWith(inputs);

    assertThat(sim.offer(1L, new MovementInput(99, MovementInput.Stop.INSTANCE, 0L))).isFalse();
    int perInput = (int) Math.round(PlayerSlot.INPUT_SECONDS * SETTINGS.tickHz());
    for (int t = 0; t < perInput; t++) {
      sim.tick(NOW);
    }
    // Inputs 1 and 2 were each finished early because the next was waiting (together the lead of
    // one input period), and input 3 took over at once: three places freed up.
    assertThat(sim.offer(1L, new MovementInput(100, MovementInput.Stop.INSTANCE, 0L))).isTrue();
    assertThat(sim.offer(1L, new MovementInput(101, MovementInput.Stop.INSTANCE, 0L))).isTrue();
    assertThat(sim.offer(1L, new MovementInput(102, MovementInput.Stop.INSTANCE, 0L))).isTrue();
    assertThat(sim.offer(1L, new MovementInput(103, MovementInput.Stop.INSTANCE, 0L))).isFalse();
    for (int t = 0; t < perInput; t++) {
      sim.tick(NOW);
    }
    // The lead is used up: from now on one input per input period, never faster than real time.
    assertThat(sim.offer(1L, new MovementInput(104, MovementInput.Stop.INSTANCE, 0L))).isTrue();
    assertThat(sim.offer(1L, new MovementInput(105, MovementInput.Stop.INSTANCE, 0L))).isFalse();
  }
}
