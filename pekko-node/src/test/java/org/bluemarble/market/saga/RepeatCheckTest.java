package org.bluemarble.market.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.junit.jupiter.api.Test;

/** The repeat check on its own: new id, the same request again, another request under the id. */
class RepeatCheckTest {
  private final RepeatCheck orders =
      new RepeatCheck("order", "placed", "a different side, price or quantity");

  @Test
  void aNewIdIsNoRepeat() {
    assertThat(orders.earlier("b.k1", Optional.<Integer>empty(), q -> false)).isEmpty();
  }

  @Test
  void theSameRequestAgainGetsTheEarlierRecord() {
    assertThat(orders.earlier("b.k1", Optional.of(5), q -> q == 5)).contains(5);
  }

  @Test
  void anotherRequestUnderTheIdIsRefusedNamingTheIdAndWhatDiffers() {
    assertThatThrownBy(() -> orders.earlier("b.k1", Optional.of(5), q -> q == 6))
        .isInstanceOfSatisfying(
            MarketException.class,
            e -> assertThat(e.error()).isEqualTo(MarketError.IDEMPOTENCY_KEY_REUSED))
        .hasMessage(
            "IDEMPOTENCY_KEY_REUSED: order b.k1 was placed by an earlier request with this idempotency key and a"
                + " different side, price or quantity");
  }
}
