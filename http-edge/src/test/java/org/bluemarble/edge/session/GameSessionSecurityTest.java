package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bluemarble.auth.Bucket4jRateLimiter;
import org.bluemarble.auth.InMemorySessionStore;
import org.bluemarble.auth.RateLimit;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RateLimitSettings;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.Session;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.phase.SessionPhase;
import org.bluemarble.protocol.v1.CreateListing;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.TradeRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionSecurity} in a {@link GameSession}: WebSocket tokens verified on the blocking
 * executor, the login session re-checked and the account's rate limits spent before economy
 * messages, and the game session ended with its login session.
 */
class GameSessionSecurityTest {
  private final List<Envelope> sent = new ArrayList<>();
  private final List<String> verified = new ArrayList<>();
  private final SessionTestKit.ManualExecutor blocking = new SessionTestKit.ManualExecutor();
  private final InMemorySessionStore logins = new InMemorySessionStore();
  private final RateLimitSettings limits =
      new RateLimitSettings(
          new RateLimit(100, Duration.ofMinutes(1)),
          new RateLimit(10, Duration.ofSeconds(1)),
          new RateLimit(2, Duration.ofMinutes(1)),
          new RateLimit(10, Duration.ofMinutes(15)),
          new RateLimit(100, Duration.ofMinutes(15)));
  private final Bucket4jRateLimiter limiter = Bucket4jRateLimiter.inProcess(limits);
  private final LiveGameSessions live = new LiveGameSessions();

  private final SessionOutput out = SessionTestKit.recordingInto(sent);

  private final PlayPort play =
      new PlayPort() {
        @Override
        public CompletableFuture<List<String>> characters(String accountId) {
          return CompletableFuture.completedFuture(List.of("p1", "p2"));
        }

        @Override
        public CompletableFuture<org.bluemarble.edge.port.Presence> enter(
            String accountId, String playerId, org.bluemarble.edge.port.WorldListener listener) {
          return new CompletableFuture<>();
        }
      };

  private final AccessTokenCheck tokens =
      new AccessTokenCheck() {
        @Override
        public String accountIdOf(String token) {
          return verify(token).accountId();
        }

        @Override
        public Verified verify(String token) {
          verified.add(Thread.currentThread().getName());
          return new Verified("acc-1", "sid-1");
        }
      };

  /** A WebSocket session (the four-argument constructor), greeted and authenticated. */
  private GameSession authenticated() {
    logins.put(new Session("sid-1", "acc-1", Set.of(Role.PLAYER), Instant.now().plusSeconds(3600)));
    SessionDeps deps =
        new SessionDeps(
            tokens,
            play,
            null,
            "test",
            1_000,
            3,
            null,
            new SessionSecurity(live, logins, limiter, blocking, Clock.systemUTC()));
    GameSession s = new GameSession(deps, out, new ProtocolCodec(), null);
    s.onEnvelope(SessionTestKit.hello());
    s.onEnvelope(SessionTestKit.authenticate("token"));
    assertThat(verified).as("verified on the delivering thread").isEmpty();
    blocking.runAll();
    assertThat(s.phase()).isEqualTo(SessionPhase.AUTHENTICATED);
    sent.clear();
    return s;
  }

  private static Envelope trade(long id) {
    return Envelope.newBuilder()
        .setCorrelationId(id)
        .setTradeRequest(TradeRequest.newBuilder().setCounterparty("p9"))
        .build();
  }

  private static Envelope listing(long id) {
    return Envelope.newBuilder()
        .setCorrelationId(id)
        .setCreateListing(CreateListing.newBuilder().setPrice(10))
        .build();
  }

  @Test
  void aWebSocketSessionVerifiesItsTokenOnTheBlockingExecutor() {
    authenticated();
    assertThat(verified).hasSize(1);
  }

  @Test
  void tradeRequestsSpendTheAccountsTradeBucketLikeTheHttpRoute() {
    GameSession s = authenticated();
    for (long id = 10; id < 13; id++) {
      s.onEnvelope(trade(id));
    }
    assertThat(sent).as("checked off the delivering thread").isEmpty();
    blocking.runAll();
    assertThat(sent).hasSize(3);
    // The first two pass the limit (and find no economy on this test server); the third does not.
    assertThat(sent.get(0).getError().getCode()).isNotEqualTo(Error.Code.CODE_RATE_LIMITED);
    assertThat(sent.get(1).getError().getCode()).isNotEqualTo(Error.Code.CODE_RATE_LIMITED);
    assertThat(sent.get(2).getCorrelationId()).isEqualTo(12);
    assertThat(sent.get(2).getError().getCode()).isEqualTo(Error.Code.CODE_RATE_LIMITED);
    // Keyed by the account, so the HTTP twin and every character share it.
    assertThat(limiter.check(RateLimitKind.TRADE, "acc-1").allowed()).isFalse();
    assertThat(s.phase()).isEqualTo(SessionPhase.AUTHENTICATED);
  }

  @Test
  void anEconomyWriteOfARevokedLoginSessionIsRefused() {
    GameSession s = authenticated();
    logins.revoke("sid-1"); // e.g. a logout on another node, before the re-check found it
    s.onEnvelope(listing(20));
    blocking.runAll();
    assertThat(sent.get(0).getCorrelationId()).isEqualTo(20);
    assertThat(sent.get(0).getError().getCode()).isEqualTo(Error.Code.CODE_UNAUTHENTICATED);
    // An unauthenticated session is over: the connection closes.
    assertThat(sent.get(sent.size() - 1).hasDisconnect()).isTrue();
    assertThat(s.phase()).isEqualTo(SessionPhase.CLOSED);
  }

  @Test
  void endingTheLoginSessionEndsAGameSessionThatIsNotInTheWorld() {
    GameSession s = authenticated();
    live.accountEnded("acc-1", "sid-1"); // a password change made by this very login: kept
    assertThat(s.phase()).isEqualTo(SessionPhase.AUTHENTICATED);

    live.sessionEnded("sid-1");

    assertThat(s.phase()).isEqualTo(SessionPhase.CLOSED);
    assertThat(sent).last().satisfies(e -> assertThat(e.hasDisconnect()).isTrue());
    assertThat(sent.get(sent.size() - 1).getDisconnect().getReason())
        .isEqualTo(Disconnect.Reason.REASON_KICKED);
    assertThat(live.size()).isZero();
  }

  @Test
  void theRecheckEndsGameSessionsWhoseLoginEndedOnAnotherNode() {
    GameSession s = authenticated();
    assertThat(live.recheck(logins, Instant.now())).isZero();
    logins.revoke("sid-1");

    assertThat(live.recheck(logins, Instant.now())).isEqualTo(1);

    assertThat(s.phase()).isEqualTo(SessionPhase.CLOSED);
  }

  @Test
  void aStoppingNodeTellsItsGameSessionsToConnectAgainAndForgetsThem() {
    GameSession s = authenticated();

    assertThat(live.nodeStopping()).isEqualTo(1);

    assertThat(s.phase()).isEqualTo(SessionPhase.CLOSED);
    assertThat(sent).last().satisfies(e -> assertThat(e.hasDisconnect()).isTrue());
    assertThat(sent.get(sent.size() - 1).getDisconnect().getReason())
        .isEqualTo(Disconnect.Reason.REASON_SERVER_SHUTDOWN);
    // Closed sessions deregister themselves from both lists: nothing is told twice.
    assertThat(live.size()).isZero();
    assertThat(live.nodeStopping()).isZero();
  }
}
