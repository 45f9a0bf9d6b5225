package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.phase.SessionPhase;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.junit.jupiter.api.Test;

/**
 * Authentication in a {@link GameSession}: the access token is verified on the executor handed in
 * (never on the thread that delivered the frame), a full executor answers CODE_RATE_LIMITED, and a
 * UDP session authenticates only for the account owning its connect token's player.
 */
class GameSessionAuthenticationTest {

  private final List<Envelope> sent = new ArrayList<>();
  private final List<String> verifiedTokens = new ArrayList<>();

  private final SessionOutput out = SessionTestKit.recordingInto(sent);

  private final PlayPort play =
      new PlayPort() {
        @Override
        public CompletableFuture<List<String>> characters(String accountId) {
          return CompletableFuture.completedFuture(
              accountId.equals("acc-1") ? List.of("p1") : List.of("p2"));
        }

        @Override
        public CompletableFuture<org.bluemarble.edge.port.Presence> enter(
            String accountId, String playerId, org.bluemarble.edge.port.WorldListener listener) {
          return new CompletableFuture<>();
        }
      };

  private GameSession session(String udpPlayer, Executor verifier) {
    AccessTokenCheck check =
        token -> {
          verifiedTokens.add(token);
          return token.equals("token-1") ? "acc-1" : "acc-2";
        };
    SessionDeps deps = new SessionDeps(check, play, null, "test", 1_000, 3);
    GameSession s = new GameSession(deps, out, new ProtocolCodec(), udpPlayer, verifier);
    s.onEnvelope(SessionTestKit.hello());
    sent.clear();
    return s;
  }

  @Test
  void verifiesTheAccessTokenOnTheVerifierNotOnTheDeliveringThread() {
    SessionTestKit.ManualExecutor verifier = new SessionTestKit.ManualExecutor();
    GameSession s = session("p1", verifier);
    s.onEnvelope(SessionTestKit.authenticate("token-1"));
    assertThat(verifiedTokens).isEmpty();
    assertThat(sent).isEmpty();
    verifier.runAll();
    assertThat(verifiedTokens).containsExactly("token-1");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getAuthenticated().getAccountId()).isEqualTo("acc-1");
    assertThat(s.phase()).isEqualTo(SessionPhase.AUTHENTICATED);
  }

  @Test
  void aFullVerifierAnswersRateLimitedAndTheClientMayRetry() {
    GameSession busy =
        session(
            "p1",
            task -> {
              throw new RejectedExecutionException("full");
            });
    busy.onEnvelope(SessionTestKit.authenticate("token-1"));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getError().getCode()).isEqualTo(Error.Code.CODE_RATE_LIMITED);
    assertThat(busy.phase()).isEqualTo(SessionPhase.GREETED);
  }

  @Test
  void aUdpSessionRefusesAnAccountThatDoesNotOwnItsTokensPlayer() {
    SessionTestKit.ManualExecutor verifier = new SessionTestKit.ManualExecutor();
    GameSession s = session("p1", verifier);
    s.onEnvelope(SessionTestKit.authenticate("token-2"));
    verifier.runAll();
    assertThat(sent).isNotEmpty();
    assertThat(sent.get(0).getError().getCode()).isEqualTo(Error.Code.CODE_UNAUTHENTICATED);
    assertThat(sent.get(0).getError().getMessage()).contains("p1", "acc-2");
    assertThat(s.phase()).isEqualTo(SessionPhase.CLOSED);
  }
}
