package org.bluemarble.edge.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentSignatureTest {
  private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
  private final PaymentSignature signer =
      new PaymentSignature("whsec-test-0123456789abcdef", Duration.ofMinutes(5), 1_000_000);

  @Test
  void acceptsWhatItSignedWithinTheWindow() {
    String header = signer.sign("{\"id\":\"evt_1\"}", NOW.minusSeconds(299));
    assertThat(signer.problem(header, "{\"id\":\"evt_1\"}", NOW)).isEmpty();
  }

  @Test
  void rejectsAChangedPayload() {
    String header = signer.sign("{\"copper\":100}", NOW);
    assertThat(signer.problem(header, "{\"copper\":100000}", NOW))
        .contains("signature does not match");
  }

  @Test
  void rejectsATimestampOutsideTheTolerance() {
    String header = signer.sign("{}", NOW.minusSeconds(301));
    assertThat(signer.problem(header, "{}", NOW).orElseThrow()).contains("tolerance");
  }

  @Test
  void rejectsAMovedTimestampBecauseTheTimestampIsSigned() {
    String header = signer.sign("{}", NOW.minusSeconds(3600));
    String moved = header.replaceFirst("t=\\d+", "t=" + NOW.getEpochSecond());
    assertThat(signer.problem(moved, "{}", NOW)).contains("signature does not match");
  }

  @Test
  void acceptsAnyOfSeveralSignaturesDuringSecretRotation() {
    PaymentSignature old =
        new PaymentSignature("whsec-old-0123456789abcdef", Duration.ofMinutes(5), 1_000_000);
    String both = signer.sign("{}", NOW) + ",v1=" + old.sign("{}", NOW).split("v1=")[1];
    assertThat(old.problem(both, "{}", NOW)).isEmpty();
    assertThat(signer.problem(both, "{}", NOW)).isEmpty();
  }

  @Test
  void namesAMissingOrMalformedHeader() {
    assertThat(signer.problem(null, "{}", NOW)).contains("missing signature header");
    assertThat(signer.problem("garbage", "{}", NOW)).contains("malformed signature header");
    assertThat(signer.problem("t=abc,v1=00", "{}", NOW)).contains("malformed timestamp");
  }

  @Test
  void refusesAShortSecret() {
    assertThatThrownBy(() -> new PaymentSignature("short", Duration.ofMinutes(5), 1_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payments.secret");
  }

  @Test
  void formatsCopperAsGoldSilverCopper() {
    assertThat(MarketHttp.text(120_345)).isEqualTo("12g 3s 45c");
    assertThat(MarketHttp.text(10_005)).isEqualTo("1g 5c");
    assertThat(MarketHttp.text(0)).isEqualTo("0c");
  }
}
