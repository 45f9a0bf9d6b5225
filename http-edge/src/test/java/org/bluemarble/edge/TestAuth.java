package org.bluemarble.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.bluemarble.auth.Argon2Settings;
import org.bluemarble.auth.Bucket4jRateLimiter;
import org.bluemarble.auth.InMemoryRefreshTokenStore;
import org.bluemarble.auth.KeyRing;
import org.bluemarble.auth.PasswordHasher;
import org.bluemarble.auth.RateLimitSettings;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.TokenService;
import org.bluemarble.auth.TokenSettings;
import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.edge.port.OperationsPort;

/** Auth components for edge tests (cheap Argon2, a fresh key) and tokens of any role. */
final class TestAuth {
  static final Argon2Settings CHEAP = new Argon2Settings(1024, 1, 1, 16, 32);

  private TestAuth() {}

  static AuthComponents components(Executor blocking) {
    Clock clock = Clock.systemUTC();
    return new AuthComponents(
        new PasswordHasher(CHEAP),
        new TokenService(
            new TokenSettings(
                "https://test/", "bluemarble", Duration.ofMinutes(15), Duration.ofSeconds(30)),
            KeyRing.generate(),
            clock),
        new RefreshTokens(new InMemoryRefreshTokenStore(clock), Duration.ofDays(30), clock),
        Bucket4jRateLimiter.inProcess(RateLimitSettings.DEFAULTS),
        blocking,
        Duration.ofSeconds(5));
  }

  /** An access token for a made-up account holding {@code roles}. */
  static String token(AuthComponents auth, Role... roles) {
    return auth.tokens()
        .issue("00000000-0000-0000-0000-00000000000" + roles.length, "tester", Set.of(roles))
        .token();
  }

  /** An admin port whose audit log is a list; the other admin services are unavailable. */
  static final class RecordingAdmin implements AdminPort, AuditPort {
    final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public AuditPort audit() {
      return this;
    }

    @Override
    public AccountAdminPort accounts() {
      return AdminPort.unavailable().accounts();
    }

    @Override
    public OperationsPort operations() {
      return AdminPort.unavailable().operations();
    }

    @Override
    public CompletionStage<Entry> record(Entry entry) {
      entries.add(entry);
      return CompletableFuture.completedFuture(entry);
    }

    @Override
    public CompletionStage<Page> find(Query query) {
      return CompletableFuture.completedFuture(
          new Page(List.copyOf(entries), query.offset(), query.limit(), entries.size()));
    }
  }
}
