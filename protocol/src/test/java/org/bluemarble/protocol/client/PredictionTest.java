package org.bluemarble.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.junit.jupiter.api.Test;

class PredictionTest {

  private final MovementIntegrator integrator = new MovementIntegrator(6_371_000);
  private final MovementState start = new MovementState(45, 7, 0, 0);

  @Test
  void intentsAreClampedToTheClassTopSpeedFromEnteredWorld() {
    MovementIntent fast = new MovementIntent.Heading(90, 15);
    assertThat(fast.clampedTo(6.0)).isEqualTo(new MovementIntent.Heading(90, 6.0));
    assertThat(new MovementIntent.Target(45.1, 7.1, 9).clampedTo(5.5))
        .isEqualTo(new MovementIntent.Target(45.1, 7.1, 5.5));
    assertThat(fast.clampedTo(0.0)).as("a server that does not say").isSameAs(fast);
    assertThat(new MovementIntent.Heading(90, 4).clampedTo(6.0))
        .isEqualTo(new MovementIntent.Heading(90, 4));
    Prediction p = new Prediction(integrator, start);
    MovementState after = p.apply(1, fast.clampedTo(6.0));
    assertThat(after)
        .isEqualTo(new Prediction(integrator, start).apply(1, new MovementIntent.Heading(90, 6.0)));
  }

  @Test
  void reconcilingWithTheServerStateReplaysUnacknowledgedInputs() {
    Prediction prediction = new Prediction(integrator, start);
    MovementState server = start;
    List<MovementIntent> inputs = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 1; i <= 10; i++) {
      MovementIntent intent = new MovementIntent.Heading(random.nextInt(360), 5);
      inputs.add(intent);
      prediction.apply(i, intent);
    }
    MovementState predictedBefore = prediction.predicted();
    for (int i = 0; i < 4; i++) {
      server = integrator.step(server, inputs.get(i));
    }
    MovementState reconciled = prediction.reconcile(4, server);
    assertThat(reconciled).isEqualTo(predictedBefore);
    assertThat(prediction.pendingCount()).isEqualTo(6);
  }

  @Test
  void aCorrectionMovesThePredictionByTheSameOffset() {
    Prediction prediction = new Prediction(integrator, start);
    MovementIntent north = new MovementIntent.Heading(0, 5);
    prediction.apply(1, north);
    prediction.apply(2, north);
    MovementState corrected = new MovementState(45.001, 7, 0, 0);
    MovementState after = prediction.reconcile(1, corrected);
    assertThat(after).isEqualTo(integrator.step(corrected, north));
    assertThat(prediction.reconcile(0, start)).isEqualTo(after);
  }

  @Test
  void anAcknowledgementWithoutPositionDropsInputsButKeepsThePrediction() {
    Prediction prediction = new Prediction(integrator, start);
    MovementIntent east = new MovementIntent.Heading(90, 5);
    prediction.apply(1, east);
    prediction.apply(2, east);
    prediction.apply(3, east);
    MovementState before = prediction.predicted();
    assertThat(prediction.acknowledge(2)).isEqualTo(before);
    assertThat(prediction.pendingCount()).isEqualTo(1);
    assertThat(prediction.lastAcked()).isEqualTo(2);
    prediction.acknowledge(1);
    assertThat(prediction.pendingCount()).isEqualTo(1);
  }
}
