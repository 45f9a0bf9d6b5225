package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void formatsGoldSilverCopperLeavingOutZeroUnits() {
    assertThat(Money.format(Money.of(12, 3, 45))).isEqualTo("12g 3s 45c");
    assertThat(Money.format(10_005)).isEqualTo("1g 5c");
    assertThat(Money.format(0)).isEqualTo("0c");
    assertThat(Money.format(-250)).isEqualTo("-2s 50c");
  }

  @Test
  void parsesWithOrWithoutSpaces() {
    assertThat(Money.parse("12g 3s 45c")).isEqualTo(120_345);
    assertThat(Money.parse("1g5c")).isEqualTo(10_005);
    assertThat(Money.parse("  7s ")).isEqualTo(700);
    assertThat(Money.parse("250c")).isEqualTo(250);
  }

  @Test
  void rejectsMalformedAmountTextNamingIt() {
    for (String bad : new String[] {"", "12", "3s 1g", "1g 1g", "1g 150c", "1x", "-5c", "1g abc"}) {
      assertThatThrownBy(() -> Money.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              MarketException.class,
              e -> assertThat(e.error()).isEqualTo(MarketError.INVALID_AMOUNT));
    }
  }

  @Test
  void refusesAmountsBeyondTheCapInsteadOfOverflowing() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 10, 0, 0))
        .isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> Money.times(Money.MAX_AMOUNT, 2)).hasMessageContaining("total price");
    assertThatThrownBy(() -> Money.add(Long.MAX_VALUE, 1)).hasMessageContaining("overflows");
    assertThatThrownBy(() -> Money.requirePositive("price", 0)).hasMessageContaining("price");
  }

  @Test
  void roundsFeesAsDocumented() {
    assertThat(Money.feeRoundedDown(19, 500)).isZero();
    assertThat(Money.feeRoundedDown(20, 500)).isEqualTo(1);
    assertThat(Money.feeRoundedUp(1, 100)).isEqualTo(1);
    assertThat(Money.feeRoundedUp(10_000, 100)).isEqualTo(100);
    assertThat(Money.feeRoundedUp(10_001, 100)).isEqualTo(101);
  }

  @Property
  void formatThenParseRoundTrips(@ForAll @LongRange(min = 0, max = Money.MAX_AMOUNT) long copper) {
    assertThat(Money.parse(Money.format(copper))).isEqualTo(copper);
  }

  @Property
  void feesMatchExactArithmeticWithoutOverflow(
      @ForAll @LongRange(min = 0, max = Money.MAX_AMOUNT) long amount,
      @ForAll @IntRange(min = 0, max = 10_000) int basisPoints) {
    java.math.BigInteger[] exact =
        java.math.BigInteger.valueOf(amount)
            .multiply(java.math.BigInteger.valueOf(basisPoints))
            .divideAndRemainder(java.math.BigInteger.valueOf(10_000));
    long down = exact[0].longValueExact();
    assertThat(Money.feeRoundedDown(amount, basisPoints)).isEqualTo(down);
    assertThat(Money.feeRoundedUp(amount, basisPoints))
        .isEqualTo(exact[1].signum() == 0 ? down : down + 1);
  }
}
