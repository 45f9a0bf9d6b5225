package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.auth.PasswordLogin.Credentials;
import org.bluemarble.auth.PasswordLogin.Refused;
import org.bluemarble.auth.PasswordLogin.Succeeded;
import org.bluemarble.auth.PasswordLogin.Throttled;
import org.junit.jupiter.api.Test;

class PasswordLoginTest {
  private static final Argon2Settings CHEAP = new Argon2Settings(1024, 1, 1, 16, 32);
  private static final RateLimitSettings LIMITS =
      new RateLimitSettings(
          new RateLimit(100, Duration.ofHours(1)),
          new RateLimit(10, Duration.ofHours(1)),
          new RateLimit(5, Duration.ofHours(1)),
          new RateLimit(3, Duration.ofHours(1)),
          new RateLimit(5, Duration.ofHours(1)));

  private final PasswordHasher hasher = new PasswordHasher(CHEAP);
  private final Credentials alice =
      new Credentials("acc-1", "Alice", hasher.hash("correct horse battery"), Set.of(Role.PLAYER));
  private final AtomicInteger lookups = new AtomicInteger();
  private final PasswordLogin login =
      new PasswordLogin(
          hasher,
          Bucket4jRateLimiter.inProcess(LIMITS),
          key -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(Map.of("alice", alice).get(key));
          });

  @Test
  void succeedsWithTheRightPasswordWhateverTheNameCase() {
    assertThat(login.attempt("ALICE", "correct horse battery", "10.0.0.1"))
        .isEqualTo(new Succeeded(alice, false));
  }

  @Test
  void unknownNameAndWrongPasswordGiveTheSameAnswer() {
    assertThat(login.attempt("alice", "wrong horse battery", "10.0.0.1")).isEqualTo(new Refused());
    assertThat(login.attempt("bob", "wrong horse battery", "10.0.0.1")).isEqualTo(new Refused());
  }

  @Test
  void hostileNamesAndHugePasswordsAreRefusedWithoutLookup() {
    assertThat(login.attempt("x' OR '1'='1", "whatever123", "10.0.0.2")).isEqualTo(new Refused());
    assertThat(lookups).hasValue(0);
    assertThat(login.attempt("alice", "p".repeat(1 << 20), "10.0.0.2")).isEqualTo(new Refused());
  }

  @Test
  void throttlesOneAccountAfterItsLimitEvenWithTheRightPassword() {
    for (int i = 0; i < 3; i++) {
      login.attempt("alice", "guess-" + i + "-xxxxx", "10.0.0." + i);
    }
    assertThat(login.attempt("alice", "correct horse battery", "10.0.0.9"))
        .isInstanceOfSatisfying(
            Throttled.class, t -> assertThat(t.limit()).isEqualTo(RateLimitKind.LOGIN_ACCOUNT));
  }

  @Test
  void successfulLoginsDoNotSpendTheAccountsBucket() {
    for (int i = 0; i < 10; i++) {
      assertThat(login.attempt("alice", "correct horse battery", "10.0.1." + i))
          .isInstanceOf(Succeeded.class);
    }
    // Two failures still fit in the limit of 3; only failures count.
    login.attempt("alice", "guess-a-xxxxx", "10.0.2.1");
    login.attempt("alice", "guess-b-xxxxx", "10.0.2.2");
    assertThat(login.attempt("alice", "correct horse battery", "10.0.2.3"))
        .isInstanceOf(Succeeded.class);
  }

  @Test
  void throttlesOneAddressTryingManyAccounts() {
    for (int i = 0; i < 5; i++) {
      login.attempt("user" + i, "password-" + i + "xx", "10.9.9.9");
    }
    assertThat(login.attempt("alice", "correct horse battery", "10.9.9.9"))
        .isInstanceOfSatisfying(
            Throttled.class,
            t -> {
              assertThat(t.limit()).isEqualTo(RateLimitKind.LOGIN_ADDRESS);
              assertThat(t.decision().retryAfterSeconds()).isPositive();
            });
  }

  @Test
  void asksForARehashWhenParametersChanged() {
    Credentials old =
        new Credentials(
            "acc-2",
            "Old",
            new PasswordHasher(new Argon2Settings(2048, 1, 1, 16, 32)).hash("old password 1"),
            Set.of(Role.PLAYER));
    PasswordLogin withOld =
        new PasswordLogin(hasher, Bucket4jRateLimiter.inProcess(LIMITS), key -> Optional.of(old));
    assertThat(withOld.attempt("old", "old password 1", "10.0.0.1"))
        .isEqualTo(new Succeeded(old, true));
  }
}
