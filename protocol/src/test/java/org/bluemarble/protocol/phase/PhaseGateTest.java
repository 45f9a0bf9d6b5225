package org.bluemarble.protocol.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.junit.jupiter.api.Test;

class PhaseGateTest {

  @Test
  void rejectsInputBeforeAuthenticationAsOutOfPhase() {
    assertThatThrownBy(
            () -> PhaseGate.check(SessionPhase.GREETED, Envelope.MessageCase.MOVEMENT_INPUT))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_OUT_OF_PHASE))
        .hasMessageContaining("IN_WORLD");
  }

  @Test
  void allowsEachClientMessageFromItsPhaseOn() {
    assertThatCode(
            () -> {
              PhaseGate.check(SessionPhase.NEW, Envelope.MessageCase.HELLO);
              PhaseGate.check(SessionPhase.GREETED, Envelope.MessageCase.AUTHENTICATE);
              PhaseGate.check(SessionPhase.AUTHENTICATED, Envelope.MessageCase.ENTER_WORLD);
              PhaseGate.check(SessionPhase.IN_WORLD, Envelope.MessageCase.MOVEMENT_INPUT);
              PhaseGate.check(SessionPhase.IN_WORLD, Envelope.MessageCase.PING);
            })
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsServerMessagesFromClientsAsUnknownAndASecondHello() {
    assertThatThrownBy(() -> PhaseGate.check(SessionPhase.IN_WORLD, Envelope.MessageCase.SNAPSHOT))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_UNKNOWN_MESSAGE));
    assertThatThrownBy(() -> PhaseGate.check(SessionPhase.IN_WORLD, Envelope.MessageCase.HELLO))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_OUT_OF_PHASE));
  }

  @Test
  void answersAnIncompatibleHelloWithAVersionError() {
    Envelope rejected = PhaseGate.answerHello(3, ProtocolVersion.CURRENT + 1, "test");
    assertThat(rejected.getCorrelationId()).isEqualTo(3);
    assertThat(rejected.getHelloRejected().getError().getCode())
        .isEqualTo(Error.Code.CODE_PROTOCOL_VERSION);
    assertThat(rejected.getHelloRejected().getMaxProtocolVersion())
        .isEqualTo(ProtocolVersion.CURRENT);
    assertThat(PhaseGate.answerHello(4, ProtocolVersion.CURRENT, "test").hasHelloAccepted())
        .isTrue();
  }
}
