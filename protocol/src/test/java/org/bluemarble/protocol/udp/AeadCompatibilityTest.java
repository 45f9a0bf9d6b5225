package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Aead} (Bouncy Castle) against the JDK's ChaCha20-Poly1305 ({@link JdkAead}, what the UDP
 * wire used before): the same key, nonce, AAD and plaintext give the same bytes, each opens what
 * the other sealed, and a changed byte anywhere fails to open.
 */
class AeadCompatibilityTest {

  @Property(tries = 200)
  void sealsTheSameBytesAsTheJdkAndOpensWhatItSealed(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = UdpWire.MAX_PAYLOAD_BYTES) int length,
      @ForAll @IntRange(min = 0, max = 40) int offset) {
    Random random = new Random(seed);
    byte[] key = bytes(random, Aead.KEY_BYTES);
    byte[] nonce = Aead.sequenceNonce(random.nextLong());
    byte[] aad = bytes(random, 9);
    byte[] plain = bytes(random, offset + length);

    byte[] ours = new byte[length + Aead.TAG_BYTES];
    byte[] theirs = new byte[length + Aead.TAG_BYTES];
    int written = new Aead().seal(key, nonce, aad, plain, offset, length, ours, 0);
    new JdkAead().seal(key, nonce, aad, plain, offset, length, theirs, 0);

    assertThat(written).isEqualTo(length + Aead.TAG_BYTES);
    assertThat(ours).isEqualTo(theirs);
    byte[] expected = Arrays.copyOfRange(plain, offset, offset + length);
    assertThat(new Aead().open(key, nonce, aad, theirs, 0, theirs.length)).isEqualTo(expected);
    assertThat(new JdkAead().open(key, nonce, aad, ours, 0, ours.length)).isEqualTo(expected);
  }

  @Property(tries = 200)
  void aChangedByteDoesNotOpen(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int length) {
    Random random = new Random(seed);
    byte[] key = bytes(random, Aead.KEY_BYTES);
    byte[] nonce = Aead.sequenceNonce(random.nextLong());
    byte[] aad = bytes(random, 9);
    byte[] sealed = new byte[length + Aead.TAG_BYTES];
    Aead aead = new Aead();
    aead.seal(key, nonce, aad, bytes(random, length), 0, length, sealed, 0);
    sealed[random.nextInt(sealed.length)] ^= (byte) (1 + random.nextInt(255));

    assertThat(aead.open(key, nonce, aad, sealed, 0, sealed.length)).isNull();
  }

  @Test
  void opensTheSamePacketTwiceAndRefusesTooShortInput() {
    byte[] key = bytes(new Random(1), Aead.KEY_BYTES);
    byte[] nonce = Aead.sequenceNonce(7);
    byte[] aad = {1, 2, 3};
    byte[] sealed = new byte[5 + Aead.TAG_BYTES];
    Aead aead = new Aead();
    aead.seal(key, nonce, aad, new byte[] {9, 8, 7, 6, 5}, 0, 5, sealed, 0);

    assertThat(aead.open(key, nonce, aad, sealed, 0, sealed.length)).containsExactly(9, 8, 7, 6, 5);
    assertThat(aead.open(key, nonce, aad, sealed, 0, sealed.length)).containsExactly(9, 8, 7, 6, 5);
    assertThat(aead.open(key, nonce, aad, sealed, 0, Aead.TAG_BYTES - 1)).isNull();
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
