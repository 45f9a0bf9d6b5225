package org.bluemarble.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

/**
 * Prints logins/s (Argon2id verifications with {@link Argon2Settings#DEFAULT}), the cost of a dummy
 * verification next to a real one, and access-token validations/s, on 1 and on all available cores.
 * Not a test: run it by hand (see the auth package Javadoc).
 */
public final class AuthBenchmark {
  private static final long WARMUP_MS = 2_000;
  private static final long MEASURE_MS = 5_000;

  private AuthBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    Argon2Settings argon = Argon2Settings.DEFAULT;
    PasswordHasher hasher = new PasswordHasher(argon);
    String hash = hasher.hash("correct horse battery staple");
    System.out.printf(
        "Argon2id m=%d KiB t=%d p=%d salt=%d B tag=%d B; %d cores%n",
        argon.memoryKib(),
        argon.iterations(),
        argon.parallelism(),
        argon.saltBytes(),
        argon.hashBytes(),
        cores);
    for (int threads : new int[] {1, cores}) {
      report(
          "verify (right password)",
          threads,
          i -> hasher.verify("correct horse battery staple", hash));
      report(
          "verify (wrong password)",
          threads,
          i -> hasher.verify("wrong horse battery staple", hash));
      report(
          "verifyAgainstDummy",
          threads,
          i -> hasher.verifyAgainstDummy("wrong horse battery staple"));
    }

    TokenService tokens =
        new TokenService(
            TokenSettings.of("https://bluemarble.test/", "game"),
            KeyRing.generate(),
            Clock.systemUTC());
    String token = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token();
    for (int threads : new int[] {1, cores}) {
      report("ES256 access-token verify", threads, i -> verifies(tokens, token));
      report(
          "ES256 access-token issue",
          threads,
          i -> !tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token().isEmpty());
    }
    sessionChecked(cores, Duration.ofSeconds(2), "verify + session (2 s cache)");
    sessionChecked(cores, Duration.ZERO, "verify + session (no cache)");
  }

  /** Validations that also look the token's session up in an in-process store. */
  private static void sessionChecked(int cores, Duration cache, String name) throws Exception {
    Clock clock = Clock.systemUTC();
    SessionStore store = new InMemorySessionStore();
    TokenService tokens =
        new TokenService(
            TokenSettings.of("https://bluemarble.test/", "game"),
            KeyRing.generate(),
            clock,
            new CachedSessionCheck(store, cache, clock));
    SessionLogins logins =
        new SessionLogins(
            tokens,
            new RefreshTokens(new InMemoryRefreshTokenStore(clock), Duration.ofDays(30), clock),
            store,
            Duration.ofHours(2),
            clock);
    String token = logins.open("acc-1", "alice", Set.of(Role.PLAYER)).access().token();
    for (int threads : new int[] {1, cores}) {
      report(name, threads, i -> verifies(tokens, token));
    }
  }

  private static boolean verifies(TokenService tokens, String token) {
    try {
      return tokens.verify(token).accountId().equals("acc-1");
    } catch (InvalidTokenException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void report(String name, int threads, IntPredicate op) throws Exception {
    run(threads, WARMUP_MS, op);
    long[] result = run(threads, MEASURE_MS, op);
    double perSecond = result[0] * 1000.0 / MEASURE_MS;
    double meanMicros = MEASURE_MS * 1000.0 * threads / Math.max(1, result[0]);
    System.out.printf(
        "%-28s threads=%d  %,12.1f ops/s  mean %,10.1f us/op  (sink %d)%n",
        name, threads, perSecond, meanMicros, result[1]);
  }

  /**
   * Runs {@code op} on {@code threads} threads for {@code millis}; returns {operations, true
   * results}.
   */
  private static long[] run(int threads, long millis, IntPredicate op) throws Exception {
    LongAdder count = new LongAdder();
    LongAdder truths = new LongAdder();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] futures = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        futures[t] =
            pool.submit(
                () -> {
                  int i = 0;
                  while (System.nanoTime() < end) {
                    if (op.test(i++)) {
                      truths.increment();
                    }
                    count.increment();
                  }
                });
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    return new long[] {count.sum(), truths.sum()};
  }
}
