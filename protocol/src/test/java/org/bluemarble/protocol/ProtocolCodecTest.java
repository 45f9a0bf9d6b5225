package org.bluemarble.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.Hello;
import org.bluemarble.protocol.v1.MovementInput;
import org.junit.jupiter.api.Test;

class ProtocolCodecTest {

  private final ProtocolCodec codec = new ProtocolCodec(1024);

  private static Envelope hello() {
    return Envelope.newBuilder()
        .setCorrelationId(7)
        .setHello(Hello.newBuilder().setProtocolVersion(1).setClientName("test"))
        .build();
  }

  @Test
  void roundTripsAnEnvelope() {
    Envelope input =
        Envelope.newBuilder()
            .setMovementInput(
                MovementInput.newBuilder()
                    .setSequence(3)
                    .setHeading(HeadingIntent.newBuilder().setHeading(16384).setSpeedMps(5f)))
            .build();
    assertThat(codec.decode(codec.encode(input))).isEqualTo(input);
  }

  @Test
  void decodesFromAByteBufferAndConsumesIt() {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(codec.encode(hello()));
    assertThat(codec.decode(buffer)).isEqualTo(hello());
    assertThat(buffer.hasRemaining()).isFalse();
  }

  @Test
  void rejectsOversizedFrameWithFrameTooLarge() {
    assertThatThrownBy(() -> codec.decode(new byte[1025]))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_FRAME_TOO_LARGE))
        .hasMessageContaining("1025");
  }

  @Test
  void rejectsTruncatedFrameAsMalformed() {
    byte[] frame = codec.encode(hello());
    byte[] truncated = Arrays.copyOf(frame, frame.length - 2);
    assertThatThrownBy(() -> codec.decode(truncated))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_MALFORMED_FRAME));
  }

  @Test
  void rejectsEmptyEnvelopeAsUnknownMessage() {
    assertThatThrownBy(() -> codec.decode(new byte[0]))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_UNKNOWN_MESSAGE));
  }

  @Test
  void rejectsUnknownOneofFieldAsUnknownMessage() {
    // field 99, wire type 0 (varint), value 1: a message from a newer protocol
    byte[] frame = {(byte) 0x98, 0x06, 0x01};
    assertThatThrownBy(() -> codec.decode(frame))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_UNKNOWN_MESSAGE))
        .hasMessageContaining("99");
  }

  @Test
  void neverThrowsAnythingButProtocolExceptionOnRandomGarbage() {
    Random random = new Random(42);
    byte[] valid = codec.encode(hello());
    int decoded = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] frame;
      if (i % 2 == 0) {
        frame = new byte[random.nextInt(64)];
        random.nextBytes(frame);
      } else {
        frame = valid.clone();
        frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
      }
      try {
        codec.decode(frame);
        decoded++;
      } catch (ProtocolException e) {
        assertThat(e.code()).isNotEqualTo(Error.Code.CODE_INTERNAL);
      }
    }
    assertThat(decoded).isLessThan(20_000);
  }

  @Test
  void rejectsUnsupportedVersionNamingTheRange() {
    assertThatThrownBy(() -> ProtocolVersion.requireSupported(99))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_PROTOCOL_VERSION))
        .hasMessageContaining("99");
    assertThat(ProtocolVersion.isSupported(ProtocolVersion.CURRENT)).isTrue();
  }

  @Test
  void mapsFailuresToCodesInOnePlace() {
    assertThat(ProtocolErrors.fromThrowable(new IllegalArgumentException("x")).code())
        .isEqualTo(Error.Code.CODE_INVALID_INPUT);
    assertThat(ProtocolErrors.fromThrowable(new NullPointerException()).code())
        .isEqualTo(Error.Code.CODE_INTERNAL);
    assertThat(ProtocolErrors.closesConnection(Error.Code.CODE_PROTOCOL_VERSION)).isTrue();
    assertThat(ProtocolErrors.closesConnection(Error.Code.CODE_RATE_LIMITED)).isFalse();
  }
}
