package org.bluemarble.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bluemarble.protocol.ProtocolErrors;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.MovementInput;
import org.junit.jupiter.api.Test;

class WireMappingTest {

  @Test
  void aNanSpeedIsInvalidInput() {
    MovementInput input =
        MovementInput.newBuilder()
            .setSequence(1)
            .setHeading(HeadingIntent.newBuilder().setHeading(0).setSpeedMps(Float.NaN))
            .build();
    assertThatThrownBy(() -> WireMapping.intentOf(input))
        .satisfies(
            e ->
                assertThat(ProtocolErrors.fromThrowable(e).code())
                    .isEqualTo(Error.Code.CODE_INVALID_INPUT))
        .hasMessageContaining("speedMps");
  }

  @Test
  void anInputWithoutIntentIsInvalid() {
    assertThatThrownBy(
            () -> WireMapping.intentOf(MovementInput.newBuilder().setSequence(9).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9");
  }

  @Test
  void theIntentAsSentSurvivesTheWire() {
    MovementIntent sent = WireMapping.asSent(new MovementIntent.Heading(33.3, 4.2));
    MovementInput input =
        WireMapping.withIntent(MovementInput.newBuilder().setSequence(1), sent).build();
    assertThat(WireMapping.intentOf(input)).isEqualTo(sent);
  }
}
