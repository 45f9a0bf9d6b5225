package org.bluemarble.edge;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.IssuedAccessToken;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.OperationsPort;

/**
 * The account routes (JSON): {@code POST /v1/auth/register|login|refresh|logout} and {@code GET
 * /.well-known/jwks.json}. Argon2 and store calls run on {@link AuthComponents#blocking()}, never
 * on an HTTP thread. Wrong password and unknown user get the same 401 after the same work.
 */
public final class AuthRoutes extends AllDirectives {
  /** Auth bodies are a few hundred bytes; anything far larger is refused with 413 unread. */
  static final long MAX_BODY_BYTES = 16 * 1024;

  /** Body of {@code /register}. */
  public record RegisterRequest(String username, String password, String email) {}

  /** Body of {@code /login}. */
  public record LoginRequest(String username, String password) {}

  /** Body of {@code /refresh} and {@code /logout}. */
  public record RefreshRequest(String refreshToken) {}

  /** Body of {@code /password} (with the access token of the account). */
  public record PasswordChange(String currentPassword, String newPassword) {}

  /** Answer of {@code /register}. */
  public record RegisteredAccount(String accountId, String username) {}

  /** Answer of login and refresh; {@code expiresIn} is the access token's lifetime in seconds. */
  public record TokenPair(
      String accessToken, String refreshToken, long expiresIn, String tokenType) {}

  private final AccountPort accounts;
  private final AuthComponents auth;
  private final OperationsPort operations;
  private final PasswordLogin login;

  /** Routes without maintenance mode (it is always off). */
  public AuthRoutes(AccountPort accounts, AuthComponents auth) {
    this(accounts, auth, AdminPort.unavailable().operations());
  }

  /** Routes that refuse non-admin logins while {@code operations} reports maintenance mode. */
  public AuthRoutes(AccountPort accounts, AuthComponents auth, OperationsPort operations) {
    this.accounts = accounts;
    this.auth = auth;
    this.operations = operations;
    this.login =
        new PasswordLogin(
            auth.hasher(), auth.limiter(), key -> await(accounts.findByUsernameKey(key)));
  }

  public Route route() {
    return concat(
        path(
            PathMatchers.segment(".well-known").slash("jwks.json"),
            () ->
                get(
                    () ->
                        complete(
                            HttpEntities.create(
                                ContentTypes.APPLICATION_JSON, auth.tokens().jwksJson())))),
        pathPrefix(
            "v1",
            () ->
                pathPrefix(
                    "auth",
                    () ->
                        withSizeLimit(
                            MAX_BODY_BYTES,
                            () ->
                                concat(
                                    path("register", () -> post(this::register)),
                                    path("login", () -> post(this::login)),
                                    path("refresh", () -> post(this::refresh)),
                                    path("logout", () -> post(this::logout)),
                                    path("password", () -> post(this::changePassword)))))));
  }

  /**
   * Registration spends a token of the per-address login bucket first, so that one source cannot
   * mass-create accounts (it shares the {@code login-per-address} limit with logins).
   */
  private Route register() {
    return extractRequest(
        request -> {
          RateLimitDecision byAddress =
              auth.limiter()
                  .tryAcquire(org.bluemarble.auth.RateLimitKind.LOGIN_ADDRESS, source(request));
          return byAddress.allowed() ? registerBody() : throttled(byAddress);
        });
  }

  private Route registerBody() {
    return JsonBodies.read(
        RegisterRequest.class,
        body -> {
          try {
            AccountRules.validateUsername(body.username());
            AccountRules.validateEmail(body.email());
            AccountRules.validatePassword(body.password(), body.username());
          } catch (InvalidAccountInputException e) {
            return invalid(e);
          }
          CompletionStage<AccountPort.Registration> registered =
              CompletableFuture.supplyAsync(
                      () -> auth.hasher().hash(body.password()), auth.blocking())
                  .thenCompose(
                      hash ->
                          accounts.register(
                              body.username(), body.email(), hash, Set.of(Role.PLAYER)));
          return onSuccess(
              registered,
              result -> {
                if (result instanceof AccountPort.Registered r) {
                  return complete(
                      StatusCodes.CREATED,
                      new RegisteredAccount(r.accountId(), r.username()),
                      Json.marshaller());
                }
                return ApiErrors.complete(
                    StatusCodes.CONFLICT,
                    "USERNAME_TAKEN",
                    "the username is taken (names are compared ignoring case)",
                    Map.of("field", "username"));
              });
        });
  }

  private Route login() {
    return extractRequest(
        request ->
            JsonBodies.read(
                LoginRequest.class,
                body ->
                    onSuccess(
                        CompletableFuture.supplyAsync(
                            () -> attempt(body, source(request)), auth.blocking()),
                        route -> route)));
  }

  private Route attempt(LoginRequest body, String source) {
    PasswordLogin.Outcome outcome = login.attempt(body.username(), body.password(), source);
    if (outcome instanceof PasswordLogin.Throttled t) {
      return throttled(t.decision());
    }
    if (!(outcome instanceof PasswordLogin.Succeeded s)) {
      return ApiErrors.complete(
          StatusCodes.UNAUTHORIZED, "INVALID_CREDENTIALS", "unknown username or wrong password");
    }
    Optional<Route> refused = refusal(s.account());
    if (refused.isPresent()) {
      return refused.get();
    }
    if (s.needsRehash()) {
      accounts.changePasswordHash(
          UUID.fromString(s.account().accountId()), auth.hasher().hash(body.password()));
    }
    return tokens(s.account(), auth.refreshTokens().issue(s.account().accountId()));
  }

  private Route refresh() {
    return JsonBodies.read(
        RefreshRequest.class,
        body ->
            onSuccess(
                CompletableFuture.supplyAsync(() -> rotate(body.refreshToken()), auth.blocking()),
                route -> route));
  }

  private Route rotate(String presented) {
    RefreshTokens.Rotation rotation = auth.refreshTokens().rotate(presented);
    if (rotation instanceof RefreshTokens.Rejected rejected) {
      return ApiErrors.complete(
          StatusCodes.UNAUTHORIZED,
          "INVALID_REFRESH_TOKEN",
          "the refresh token cannot be used; log in again",
          Map.of("reason", rejected.reason().name()));
    }
    RefreshTokens.Issued next = ((RefreshTokens.Rotated) rotation).next();
    return await(accounts.findById(UUID.fromString(next.accountId())))
        .map(
            account -> {
              if (account.bannedAt(Instant.now())) {
                auth.refreshTokens().revoke(next.token());
                return banned(account);
              }
              return tokens(account, next);
            })
        .orElseGet(
            () ->
                ApiErrors.complete(
                    StatusCodes.UNAUTHORIZED,
                    "INVALID_REFRESH_TOKEN",
                    "the account no longer exists"));
  }

  /**
   * Changes the caller's password: the current one must match (401 as for a wrong login), the new
   * one must satisfy the password rules (400).
   */
  private Route changePassword() {
    return org.bluemarble.edge.admin.Bearer.authenticate(
        auth.tokens(),
        caller ->
            JsonBodies.read(
                PasswordChange.class,
                body -> {
                  try {
                    AccountRules.validatePassword(body.newPassword(), caller.name());
                  } catch (InvalidAccountInputException e) {
                    return invalid(e);
                  }
                  return onSuccess(
                      CompletableFuture.supplyAsync(
                          () -> replacePassword(caller.accountId(), body), auth.blocking()),
                      route -> route);
                }));
  }

  private Route replacePassword(String accountId, PasswordChange body) {
    Optional<PasswordLogin.Credentials> account =
        await(accounts.findById(UUID.fromString(accountId)));
    boolean right =
        account.isPresent()
            && body.currentPassword() != null
            && body.currentPassword().length() <= AccountRules.PASSWORD_MAX
            && auth.hasher().verify(body.currentPassword(), account.get().passwordHash());
    if (!right) {
      return ApiErrors.complete(
          StatusCodes.UNAUTHORIZED, "INVALID_CREDENTIALS", "the current password is wrong");
    }
    await(
        accounts.changePasswordHash(
            UUID.fromString(accountId), auth.hasher().hash(body.newPassword())));
    return complete(StatusCodes.NO_CONTENT);
  }

  private Route logout() {
    return JsonBodies.read(
        RefreshRequest.class,
        body ->
            onSuccess(
                CompletableFuture.supplyAsync(
                    () -> auth.refreshTokens().revoke(body.refreshToken()), auth.blocking()),
                revoked ->
                    revoked
                        ? complete(StatusCodes.NO_CONTENT)
                        : ApiErrors.complete(
                            StatusCodes.UNAUTHORIZED,
                            "INVALID_REFRESH_TOKEN",
                            "unknown or malformed refresh token")));
  }

  private Route tokens(PasswordLogin.Credentials account, RefreshTokens.Issued refresh) {
    IssuedAccessToken access =
        auth.tokens().issue(account.accountId(), account.username(), account.roles());
    return complete(
        StatusCodes.OK,
        new TokenPair(access.token(), refresh.token(), access.expiresIn().toSeconds(), "Bearer"),
        Json.marshaller());
  }

  /** Why an account with the right password still gets no tokens: a ban, or maintenance mode. */
  private Optional<Route> refusal(PasswordLogin.Credentials account) {
    if (account.bannedAt(Instant.now())) {
      return Optional.of(banned(account));
    }
    OperationsPort.Maintenance maintenance = operations.maintenance();
    if (maintenance.on() && !account.roles().contains(Role.ADMIN)) {
      return Optional.of(
          ApiErrors.complete(
              StatusCodes.SERVICE_UNAVAILABLE,
              "MAINTENANCE",
              maintenance.message() == null || maintenance.message().isBlank()
                  ? "the server is in maintenance; try again later"
                  : maintenance.message()));
    }
    return Optional.empty();
  }

  private static Route banned(PasswordLogin.Credentials account) {
    Map<String, Object> details = new java.util.HashMap<>();
    details.put("reason", account.ban().reason());
    if (account.ban().until() != null) {
      details.put("until", account.ban().until().toString());
    }
    return ApiErrors.complete(
        StatusCodes.FORBIDDEN, "ACCOUNT_BANNED", "this account is banned", details);
  }

  private Route throttled(RateLimitDecision decision) {
    List<HttpHeader> headers =
        List.of(
            RawHeader.create("Retry-After", Long.toString(decision.retryAfterSeconds())),
            RawHeader.create("X-RateLimit-Limit", Long.toString(decision.limit())),
            RawHeader.create("X-RateLimit-Remaining", Long.toString(decision.remaining())),
            RawHeader.create("X-RateLimit-Reset", Long.toString(decision.resetAfterSeconds())));
    return respondWithHeaders(
        headers,
        () ->
            ApiErrors.complete(
                StatusCodes.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "too many login attempts; retry after " + decision.retryAfterSeconds() + " s"));
  }

  private static Route invalid(InvalidAccountInputException e) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_INPUT",
        e.getMessage(),
        Map.of("field", e.field(), "reason", e.reason()));
  }

  /**
   * The TCP peer (needs {@code pekko.http.server.remote-address-attribute = on}). Deliberately not
   * {@code X-Forwarded-For}: a client could set it to a fresh value per attempt and escape the
   * per-address login limit. Without the attribute every client shares the bucket "unknown".
   */
  private static String source(HttpRequest request) {
    return request
        .getAttribute(AttributeKeys.remoteAddress)
        .flatMap(RemoteAddress::getAddress)
        .map(InetAddress::getHostAddress)
        .orElse("unknown");
  }

  /** Waits on the blocking executor; a failure or timeout surfaces to the edge's handlers. */
  private <T> T await(CompletionStage<T> stage) {
    try {
      return stage
          .toCompletableFuture()
          .get(auth.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }
}
