package org.bluemarble.edge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.internal.TraceContext;
import org.bluemarble.edge.metrics.EdgeCounters;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.OperationsPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.port.TraceScope;

/**
 * The account routes (JSON): {@code POST /v1/auth/register|login|refresh|logout} and {@code GET
 * /.well-known/jwks.json}. Argon2 and store calls run on {@link AuthComponents#blocking()}, never
 * on an HTTP thread. Wrong password and unknown user get the same 401 after the same work.
 */
public final class AuthRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.open(
              "GET",
              "/.well-known/jwks.json",
              "The public ES256 keys that verify access tokens (kid in the token header)"),
          PublicEndpoint.open("POST", "/v1/auth/register", "Create an account"),
          PublicEndpoint.open(
              "POST",
              "/v1/auth/login",
              "Log in with a password: an access token and a refresh token"),
          PublicEndpoint.open("POST", "/v1/auth/refresh", "Rotate a refresh token: a new pair"),
          PublicEndpoint.open(
              "POST", "/v1/auth/logout", "Revoke a refresh token's family and end its session"),
          PublicEndpoint.token(
              "POST",
              "/v1/auth/password",
              "Change the password (ends the account's other sessions)"));

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
   * Registration spends a token of the per-address registration bucket first ({@code
   * bluemarble.auth.rate-limits.registration}, 5 per hour by default), so that one source cannot
   * mass-create accounts.
   */
  private Route register() {
    return extractRequest(
        request -> {
          RateLimitDecision byAddress =
              auth.limiter()
                  .tryAcquire(
                      RateLimitKind.REGISTRATION,
                      AuthReplies.source(request, auth.clientAddresses()));
          return byAddress.allowed()
              ? TraceContext.current(trace -> registerBody(trace.traceId()))
              : AuthReplies.throttled(byAddress, "registrations from this address");
        });
  }

  private Route registerBody(String traceId) {
    return JsonBodies.read(
        RegisterRequest.class,
        body -> {
          try {
            AccountRules.validateUsername(body.username());
            AccountRules.validateEmail(body.email());
            AccountRules.validatePassword(body.password(), body.username());
          } catch (InvalidAccountInputException e) {
            return AuthReplies.invalid(e);
          }
          CompletionStage<AccountPort.Registration> registered =
              CompletableFuture.supplyAsync(
                      () -> auth.hasher().hash(body.password()), auth.blocking())
                  .thenCompose(
                      hash ->
                          TraceScope.call(
                              traceId,
                              () ->
                                  accounts.register(
                                      body.username(), body.email(), hash, Set.of(Role.PLAYER))));
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
                            () ->
                                attempt(body, AuthReplies.source(request, auth.clientAddresses())),
                            auth.blocking()),
                        route -> route)));
  }

  private Route attempt(LoginRequest body, String source) {
    PasswordLogin.Outcome outcome;
    try {
      outcome = login.attempt(body.username(), body.password(), source);
    } catch (PortException e) {
      EdgeCounters.loginRefused("unavailable");
      throw e;
    }
    if (outcome instanceof PasswordLogin.Throttled t) {
      EdgeCounters.loginRefused("throttled");
      return AuthReplies.throttled(t.decision(), "login attempts");
    }
    if (!(outcome instanceof PasswordLogin.Succeeded s)) {
      EdgeCounters.loginRefused("invalid_credentials");
      return ApiErrors.complete(
          StatusCodes.UNAUTHORIZED, "INVALID_CREDENTIALS", "unknown username or wrong password");
    }
    Optional<Route> refused = AuthReplies.refusal(s.account(), operations);
    if (refused.isPresent()) {
      EdgeCounters.loginRefused(s.account().bannedAt(Instant.now()) ? "banned" : "maintenance");
      return refused.get();
    }
    if (s.needsRehash()) {
      accounts.changePasswordHash(
          UUID.fromString(s.account().accountId()), auth.hasher().hash(body.password()));
    }
    PasswordLogin.Credentials account = s.account();
    Route tokens;
    try {
      tokens =
          AuthReplies.tokens(
              auth.logins().open(account.accountId(), account.username(), account.roles()));
    } catch (PortException e) {
      EdgeCounters.loginRefused("unavailable");
      throw e;
    }
    EdgeCounters.loginSucceeded();
    return tokens;
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
    if (rotation instanceof RefreshTokens.Retried retried) {
      // The client lost the answer of its first refresh: the same pair again.
      return complete(
          StatusCodes.OK, HttpEntities.create(ContentTypes.APPLICATION_JSON, retried.reply()));
    }
    RefreshTokens.Issued next = ((RefreshTokens.Rotated) rotation).next();
    return await(accounts.findById(UUID.fromString(next.accountId())))
        .map(
            account -> {
              if (account.bannedAt(Instant.now())) {
                auth.logins().logout(next.token());
                return AuthReplies.banned(account);
              }
              AuthReplies.TokenPair pair =
                  AuthReplies.pair(auth.logins().renew(next, account.username(), account.roles()));
              auth.refreshTokens().rememberReply(presented, AuthReplies.json(pair));
              return complete(StatusCodes.OK, pair, Json.marshaller());
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
            extractRequest(
                request ->
                    JsonBodies.read(
                        PasswordChange.class,
                        body -> {
                          try {
                            AccountRules.validatePassword(body.newPassword(), caller.name());
                          } catch (InvalidAccountInputException e) {
                            return AuthReplies.invalid(e);
                          }
                          return onSuccess(
                              CompletableFuture.supplyAsync(
                                  () -> replacePassword(caller, body, request), auth.blocking()),
                              route -> route);
                        })));
  }

  /**
   * A password change checks the current password, so it is a guess like a login: before Argon2
   * runs it spends a token of the per-address login bucket and needs the account's failed-attempt
   * bucket not to be empty (429 with the usual headers); a wrong current password counts as a
   * failed login of the account.
   */
  private Route replacePassword(AccessClaims caller, PasswordChange body, HttpRequest request) {
    RateLimitDecision byAddress =
        auth.limiter()
            .tryAcquire(
                RateLimitKind.LOGIN_ADDRESS, AuthReplies.source(request, auth.clientAddresses()));
    if (!byAddress.allowed()) {
      return AuthReplies.throttled(byAddress, "password attempts from this address");
    }
    String key = AccountRules.usernameKey(caller.name());
    Optional<PasswordLogin.Throttled> locked = login.lockedOut(key);
    if (locked.isPresent()) {
      return AuthReplies.throttled(locked.get().decision(), "failed password attempts");
    }
    String accountId = caller.accountId();
    Optional<PasswordLogin.Credentials> account =
        await(accounts.findById(UUID.fromString(accountId)));
    boolean right =
        account.isPresent()
            && body.currentPassword() != null
            && body.currentPassword().length() <= AccountRules.PASSWORD_MAX
            && auth.hasher().verify(body.currentPassword(), account.get().passwordHash());
    if (!right) {
      login.failed(key);
      return ApiErrors.complete(
          StatusCodes.UNAUTHORIZED, "INVALID_CREDENTIALS", "the current password is wrong");
    }
    await(
        accounts.changePasswordHash(
            UUID.fromString(accountId), auth.hasher().hash(body.newPassword())));
    // Whoever knew the old password may hold other sessions: end them (ASVS 3.3.3); this one stays.
    auth.logins().endOthers(accountId, caller.sessionId());
    return complete(StatusCodes.NO_CONTENT);
  }

  private Route logout() {
    return JsonBodies.read(
        RefreshRequest.class,
        body ->
            onSuccess(
                CompletableFuture.supplyAsync(
                    () -> auth.logins().logout(body.refreshToken()), auth.blocking()),
                revoked ->
                    revoked
                        ? complete(StatusCodes.NO_CONTENT)
                        : ApiErrors.complete(
                            StatusCodes.UNAUTHORIZED,
                            "INVALID_REFRESH_TOKEN",
                            "unknown or malformed refresh token")));
  }

  private <T> T await(CompletionStage<T> stage) {
    return AuthReplies.await(stage, auth.lookupTimeout());
  }
}
