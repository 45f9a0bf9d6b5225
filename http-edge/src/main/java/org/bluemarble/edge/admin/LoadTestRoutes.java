package org.bluemarble.edge.admin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.SessionLogins;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.AuthComponents;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.LoadTestPort;
import org.bluemarble.edge.port.PortException;

/**
 * {@code POST /admin/v1/load-test/accounts} {prefix, count, characterClass, positions?} → 201
 * {accounts: [{username, accountId, playerId, accessToken, refreshToken}]}: ready-to-play accounts
 * for load tests. The random password is hashed once for the whole batch (nobody ever logs in with
 * it; the tokens are the credentials). 404 unless {@code bluemarble.admin.load-test-accounts = on}.
 */
public final class LoadTestRoutes extends AllDirectives {
  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "POST",
              "/admin/v1/load-test/accounts",
              Set.of(),
              "Create up to 10,000 load-test accounts with a character and tokens each"));

  /** Body of the request; {@code positions} is optional (null: the world spawn). */
  public record CreateAccounts(
      String prefix, int count, String characterClass, List<LoadTestPort.Place> positions) {}

  /** One created account with its tokens. */
  public record CreatedAccount(
      String username,
      String accountId,
      String playerId,
      String accessToken,
      String refreshToken) {}

  /** Answer: the accounts in index order. */
  public record CreatedAccounts(List<CreatedAccount> accounts) {}

  private static final scala.concurrent.duration.FiniteDuration BATCH_TIMEOUT =
      scala.concurrent.duration.FiniteDuration.create(10, java.util.concurrent.TimeUnit.MINUTES);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LoadTestPort loadTest;
  private final AuthComponents auth;

  public LoadTestRoutes(LoadTestPort loadTest, AuthComponents auth) {
    this.loadTest = loadTest;
    this.auth = auth;
  }

  public Route route() {
    return path(
        PathMatchers.segment("admin").slash("v1").slash("load-test").slash("accounts"),
        () ->
            post(
                () ->
                    // 10,000 accounts take longer than the server's default request timeout.
                    withRequestTimeout(
                        BATCH_TIMEOUT,
                        () -> {
                          if (!loadTest.enabled()) {
                            return ApiErrors.complete(
                                StatusCodes.NOT_FOUND,
                                "NOT_FOUND",
                                "load-test accounts are off (bluemarble.admin.load-test-accounts)");
                          }
                          return JsonBodies.read(
                              CreateAccounts.class,
                              body ->
                                  onSuccess(
                                      create(body),
                                      created ->
                                          complete(
                                              StatusCodes.CREATED, created, Json.marshaller())));
                        })));
  }

  private CompletionStage<CreatedAccounts> create(CreateAccounts body) {
    if (body.prefix() == null) {
      throw new PortException(PortException.Code.INVALID_INPUT, "prefix is required");
    }
    return CompletableFuture.supplyAsync(
            () -> auth.hasher().hash(randomPassword()), auth.blocking())
        .thenCompose(
            hash ->
                loadTest.create(
                    new LoadTestPort.Batch(
                        body.prefix(),
                        body.count(),
                        body.characterClass(),
                        body.positions(),
                        hash)))
        .thenApplyAsync(
            created ->
                new CreatedAccounts(
                    created.stream()
                        .map(
                            a -> {
                              // One login session per account, as a password login opens.
                              SessionLogins.Issued login =
                                  auth.logins()
                                      .open(a.accountId(), a.username(), Set.of(Role.PLAYER));
                              return new CreatedAccount(
                                  a.username(),
                                  a.accountId(),
                                  a.playerId(),
                                  login.access().token(),
                                  login.refresh().token());
                            })
                        .toList()),
            auth.blocking());
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
