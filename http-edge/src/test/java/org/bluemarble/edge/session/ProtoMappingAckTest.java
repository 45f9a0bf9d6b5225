package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.v1.Correction;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.InputAck;
import org.junit.jupiter.api.Test;

class ProtoMappingAckTest {
  private static final PlayPosition AT = new PlayPosition(-21.0, -27.0, 2040.5);

  @Test
  void anAckCarriesTheAuthoritativePositionHeadingAndServerTick() {
    Envelope e = ProtoMapping.inputAck(42, AT, 90.0, 1234L);

    InputAck ack = e.getInputAck();
    assertThat(ack.getSequence()).isEqualTo(42);
    assertThat(ack.getPosition().getLatDeg()).isEqualTo(-21.0);
    assertThat(ack.getPosition().getLngDeg()).isEqualTo(-27.0);
    assertThat(ack.getPosition().getAltM()).isEqualTo(2040.5);
    assertThat(ack.getHeading()).isEqualTo(Quantiser.quantiseHeading(90.0)).isEqualTo(16384);
    assertThat(ack.getServerTick()).isEqualTo(1234L);
  }

  @Test
  void aCorrectionCarriesTheAuthoritativeHeading() {
    Envelope e = ProtoMapping.correction(7, AT, "CLAMPED", 180.0);

    Correction c = e.getCorrection();
    assertThat(c.getSequence()).isEqualTo(7);
    assertThat(c.getHeading()).isEqualTo(32768);
    assertThat(c.getReason()).isEqualTo(Correction.Reason.REASON_SPEED);
    assertThat(c.getPosition().getAltM()).isEqualTo(2040.5);
  }
}
