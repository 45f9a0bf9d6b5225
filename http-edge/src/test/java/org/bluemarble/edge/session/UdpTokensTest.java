package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.bluemarble.protocol.v1.Error;
import org.junit.jupiter.api.Test;

class UdpTokensTest {

  private final UdpTokens tokens =
      new UdpTokens(
          new ConnectTokenIssuer(7, ConnectTokenIssuer.generateKey()),
          "127.0.0.1:7777",
          30_000,
          10_000);

  @Test
  void anAccountGetsABurstOfTokensThenOneEveryRefillPeriod() {
    long now = 1_000_000;
    for (int i = 0; i < UdpTokens.BURST; i++) {
      assertThat(tokens.issue("acc-1", "p" + (i % 2), now).serverAddress())
          .isEqualTo("127.0.0.1:7777");
    }
    assertThatThrownBy(() -> tokens.issue("acc-1", "p0", now))
        .isInstanceOf(ProtocolException.class)
        .satisfies(
            e ->
                assertThat(((ProtocolException) e).code()).isEqualTo(Error.Code.CODE_RATE_LIMITED));
    // Another account has its own budget.
    assertThat(tokens.issue("acc-2", "q0", now)).isNotNull();
    assertThatThrownBy(() -> tokens.issue("acc-1", "p0", now + UdpTokens.REFILL_MS - 1))
        .isInstanceOf(ProtocolException.class);
    assertThat(tokens.issue("acc-1", "p0", now + UdpTokens.REFILL_MS)).isNotNull();
    assertThatThrownBy(() -> tokens.issue("acc-1", "p0", now + UdpTokens.REFILL_MS))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void forgetsAccountsWhoseBudgetIsFullAgain() {
    long now = 1_000_000;
    for (int i = 0; i <= UdpTokens.TRACKED_ACCOUNTS; i++) {
      tokens.issue("acc-" + i, "p", now);
    }
    long later = now + UdpTokens.BURST * UdpTokens.REFILL_MS;
    tokens.issue("late", "p", later);
    assertThat(tokens.trackedAccounts()).isEqualTo(1);
  }
}
