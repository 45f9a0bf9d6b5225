package org.bluemarble.play;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.v1.Authenticate;
import org.bluemarble.protocol.v1.EnterWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.GeoPosition;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.Hello;
import org.bluemarble.protocol.v1.LeaveWorld;
import org.bluemarble.protocol.v1.MovementInput;
import org.bluemarble.protocol.v1.Ping;
import org.bluemarble.protocol.v1.RequestConnectToken;
import org.bluemarble.protocol.v1.SnapshotAck;
import org.bluemarble.protocol.v1.TargetIntent;

/** Random and mutated frames for the fuzz tests: garbage, valid messages, and broken ones. */
final class Frames {
  private final SplittableRandom random;

  Frames(long seed) {
    random = new SplittableRandom(seed);
  }

  static Envelope hello() {
    return Envelope.newBuilder()
        .setCorrelationId(1)
        .setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.CURRENT))
        .build();
  }

  /** One frame: a third garbage, a third valid messages with random values, a third mutated. */
  byte[] next() {
    int kind = random.nextInt(100);
    if (kind < 33) {
      return garbage(kind == 0 && random.nextInt(10) == 0 ? 70_000 : random.nextInt(300));
    }
    byte[] valid = message().toByteArray();
    return kind < 66 ? valid : mutate(valid);
  }

  byte[] garbage(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  Envelope message() {
    Envelope.Builder e = Envelope.newBuilder().setCorrelationId(random.nextLong());
    switch (random.nextInt(10)) {
      case 0 -> e.setHello(Hello.newBuilder().setProtocolVersion(random.nextInt(3)));
      case 1 -> e.setAuthenticate(Authenticate.newBuilder().setToken(text()));
      case 2 -> e.setEnterWorld(EnterWorld.newBuilder().setPlayerId(text()));
      case 3, 4 ->
          e.setMovementInput(
              MovementInput.newBuilder()
                  .setSequence(random.nextInt())
                  .setHeading(
                      HeadingIntent.newBuilder()
                          .setHeading(random.nextInt())
                          .setSpeedMps(Float.intBitsToFloat(random.nextInt())))
                  .setLastSnapshotId(random.nextInt()));
      case 5 ->
          e.setMovementInput(
              MovementInput.newBuilder()
                  .setSequence(random.nextInt())
                  .setTarget(
                      TargetIntent.newBuilder()
                          .setTarget(
                              GeoPosition.newBuilder()
                                  .setLatDeg(Double.longBitsToDouble(random.nextLong()))
                                  .setLngDeg(random.nextDouble() * 1000 - 500))
                          .setSpeedMps(random.nextInt(50))));
      case 6 -> e.setSnapshotAck(SnapshotAck.newBuilder().setSnapshotId(random.nextInt()));
      case 7 -> e.setPing(Ping.newBuilder().setClientTimeMs(random.nextLong()));
      case 8 -> e.setRequestConnectToken(RequestConnectToken.getDefaultInstance());
      default -> e.setLeaveWorld(LeaveWorld.getDefaultInstance());
    }
    return e.build();
  }

  private String text() {
    return ByteString.copyFrom(garbage(random.nextInt(40))).toStringUtf8();
  }

  byte[] mutate(byte[] valid) {
    byte[] b = valid.clone();
    if (b.length == 0) {
      return garbage(8);
    }
    switch (random.nextInt(3)) {
      case 0 -> {
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      }
      case 1 -> {
        return Arrays.copyOf(b, random.nextInt(b.length));
      }
      default -> {
        byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(16));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        return longer;
      }
    }
  }
}
