package org.bluemarble.edge.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape an Idempotency-Key header must have. */
class IdempotencyKeysTest {
  @Test
  void idempotencyKeysAreOneToSixtyFourLettersDigitsUnderscoresOrDashes() {
    assertThat(IdempotencyKeys.SHAPE.matcher("a").matches()).isTrue();
    assertThat(IdempotencyKeys.SHAPE.matcher("A-z_09".repeat(10) + "abcd").matches()).isTrue();
    assertThat(IdempotencyKeys.SHAPE.matcher("x".repeat(65)).matches()).isFalse();
    assertThat(IdempotencyKeys.SHAPE.matcher("").matches()).isFalse();
    assertThat(IdempotencyKeys.SHAPE.matcher("with space").matches()).isFalse();
    assertThat(IdempotencyKeys.SHAPE.matcher("caf\u00e9").matches()).isFalse();
  }
}
