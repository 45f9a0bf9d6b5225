package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bluemarble.auth.RefreshTokens.Rejected;
import org.bluemarble.auth.RefreshTokens.Rejection;
import org.bluemarble.auth.RefreshTokens.Rotated;
import org.bluemarble.auth.RefreshTokens.Rotation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RefreshTokenStore} must give {@link RefreshTokens}; one subclass per
 * adapter.
 */
abstract class RefreshTokensContract {
  // Near real time: Redis expires keys by its own clock.
  protected final MutableClock clock = new MutableClock(Instant.now());
  private RefreshTokens tokens;

  /** A store with no tokens in it. */
  protected abstract RefreshTokenStore newStore();

  @BeforeEach
  void createService() {
    tokens =
        new RefreshTokens(
            newStore(), RefreshTokens.DEFAULT_TTL, RefreshTokens.DEFAULT_GRACE, clock);
  }

  @Test
  void aRefreshRetriedWithinTheGraceGetsTheSameAnswerAndKeepsTheFamily() {
    RefreshTokens.Issued first = tokens.issue("acc-1");
    RefreshTokens.Issued next = ((Rotated) tokens.rotate(first.token())).next();
    tokens.rememberReply(first.token(), "{\"refreshToken\":\"" + next.token() + "\"}");
    clock.advance(Duration.ofSeconds(9));

    assertThat(tokens.rotate(first.token()))
        .isEqualTo(new RefreshTokens.Retried("{\"refreshToken\":\"" + next.token() + "\"}"));
    // Not a reuse: the family lives on.
    assertThat(tokens.rotate(next.token())).isInstanceOf(Rotated.class);
  }

  @Test
  void aSpentTokenPresentedAfterTheGraceRevokesTheFamily() {
    RefreshTokens.Issued first = tokens.issue("acc-1");
    RefreshTokens.Issued next = ((Rotated) tokens.rotate(first.token())).next();
    tokens.rememberReply(first.token(), "the answer");
    clock.advance(RefreshTokens.DEFAULT_GRACE.plusSeconds(1));

    assertThat(tokens.rotate(first.token()))
        .isEqualTo(new Rejected(Rejection.REUSED_FAMILY_REVOKED));
    assertThat(tokens.rotate(next.token())).isEqualTo(new Rejected(Rejection.FAMILY_REVOKED));
  }

  @Test
  void issuesUrlSafe256BitTokensThatExpireInThirtyDays() {
    RefreshTokens.Issued issued = tokens.issue("acc-1");
    assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(tokens.issue("acc-1").token()).isNotEqualTo(issued.token());
  }

  @Test
  void rotationIssuesASuccessorInTheSameFamily() {
    RefreshTokens.Issued first = tokens.issue("acc-1");
    Rotation rotation = tokens.rotate(first.token());
    assertThat(rotation).isInstanceOf(Rotated.class);
    RefreshTokens.Issued next = ((Rotated) rotation).next();
    assertThat(next.familyId()).isEqualTo(first.familyId());
    assertThat(next.accountId()).isEqualTo("acc-1");
    assertThat(next.token()).isNotEqualTo(first.token());
    assertThat(tokens.rotate(next.token())).isInstanceOf(Rotated.class);
  }

  @Test
  void reuseOfASpentTokenRevokesTheWholeFamilyAndSaysSo() {
    RefreshTokens.Issued first = tokens.issue("acc-1");
    RefreshTokens.Issued second = ((Rotated) tokens.rotate(first.token())).next();

    assertThat(tokens.rotate(first.token()))
        .isEqualTo(new Rejected(Rejection.REUSED_FAMILY_REVOKED));
    assertThat(tokens.rotate(second.token())).isEqualTo(new Rejected(Rejection.FAMILY_REVOKED));
  }

  @Test
  void revokingOneFamilyLeavesOtherLoginsAlone() {
    RefreshTokens.Issued phone = tokens.issue("acc-1");
    RefreshTokens.Issued laptop = tokens.issue("acc-1");
    tokens.rotate(phone.token());
    tokens.rotate(phone.token());
    assertThat(tokens.rotate(laptop.token())).isInstanceOf(Rotated.class);
  }

  @Test
  void expiredTokenIsRefused() {
    RefreshTokens.Issued issued = tokens.issue("acc-1");
    clock.advance(Duration.ofDays(30));
    assertThat(tokens.rotate(issued.token())).isEqualTo(new Rejected(Rejection.EXPIRED));
  }

  @Test
  void unknownAndMalformedTokensAreRefusedDistinctly() {
    assertThat(tokens.rotate(org.bluemarble.auth.internal.OpaqueTokens.newToken()))
        .isEqualTo(new Rejected(Rejection.UNKNOWN));
    assertThat(tokens.rotate("short")).isEqualTo(new Rejected(Rejection.MALFORMED));
    assertThat(tokens.rotate("x".repeat(1 << 20))).isEqualTo(new Rejected(Rejection.MALFORMED));
    assertThat(tokens.rotate(null)).isEqualTo(new Rejected(Rejection.MALFORMED));
  }

  @Test
  void logoutRevokesTheFamily() {
    RefreshTokens.Issued issued = tokens.issue("acc-1");
    RefreshTokens.Issued next = ((Rotated) tokens.rotate(issued.token())).next();
    assertThat(tokens.revoke(next.token())).isTrue();
    assertThat(tokens.rotate(next.token())).isInstanceOf(Rejected.class);
    assertThat(tokens.revoke(org.bluemarble.auth.internal.OpaqueTokens.newToken())).isFalse();
  }

  @Test
  void ofConcurrentRotationsOfOneTokenExactlyOneWins() throws Exception {
    int contenders = 8;
    for (int round = 0; round < 20; round++) {
      String token = tokens.issue("acc-" + round).token();
      List<Rotation> results = race(contenders, () -> tokens.rotate(token));
      assertThat(results).filteredOn(r -> r instanceof Rotated).hasSize(1);
      assertThat(results)
          .filteredOn(r -> r instanceof Rejected)
          .hasSize(contenders - 1)
          .allSatisfy(
              r ->
                  assertThat(((Rejected) r).reason())
                      .isIn(Rejection.REUSED_FAMILY_REVOKED, Rejection.FAMILY_REVOKED));
    }
  }

  private static <T> List<T> race(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
