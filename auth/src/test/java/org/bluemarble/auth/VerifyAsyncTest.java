package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The HTTP routes' token check runs its session lookup (Redis GET) on the lookup executor. */
class VerifyAsyncTest {
  @Test
  void theSessionLookupRunsOnTheLookupExecutorNotTheCaller() throws Exception {
    ExecutorService lookups =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "auth-lookup-test"));
    try {
      InMemorySessionStore store = new InMemorySessionStore();
      AtomicReference<String> lookedUpOn = new AtomicReference<>();
      SessionCheck recording =
          (sid, account) -> {
            lookedUpOn.set(Thread.currentThread().getName());
            return store.find(sid, Instant.now()).isPresent();
          };
      TokenService tokens =
          new TokenService(
              TokenSettings.of("https://test/", "game"),
              KeyRing.generate(),
              Clock.systemUTC(),
              recording,
              lookups);
      store.put(new Session("sid-1", "acc-1", Set.of(Role.PLAYER), Instant.now().plusSeconds(60)));
      String token = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER), "sid-1").token();

      AccessClaims claims =
          tokens.verifyAsync(token).toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(claims.accountId()).isEqualTo("acc-1");
      assertThat(lookedUpOn.get()).isEqualTo("auth-lookup-test");
      store.revoke("sid-1");
      assertThat(tokens.verifyAsync(token).toCompletableFuture())
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(InvalidTokenException.class);
    } finally {
      lookups.shutdownNow();
    }
  }
}
