package org.bluemarble.edge;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.AuditPort;

/**
 * A player's own data rights, with the access token of the account: {@code GET /v1/account/export}
 * returns what the admin export returns for the caller's account, and {@code DELETE /v1/account}
 * with {@code {"password": ...}} erases it as an admin erasure does (the password is asked again,
 * so a stolen access token alone cannot erase an account). Both are written to the audit log before
 * they run, with the account itself as the actor (no audit, no action: 503), and count against the
 * caller's API rate limit.
 */
public final class AccountSelfRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token(
              "GET",
              "/v1/account/export",
              "Everything the server keeps about the caller's account (GDPR export)"),
          PublicEndpoint.token("DELETE", "/v1/account", "Erase the caller's account"));

  /** Body of the erasure request. */
  public record EraseRequest(String password) {}

  static final String EXPORT = "GET /v1/account/export";
  static final String ERASE = "DELETE /v1/account";

  private final AccountPort accounts;
  private final AccountAdminPort admin;
  private final AuditPort audit;
  private final AuthComponents auth;
  private final Clock clock;

  public AccountSelfRoutes(
      AccountPort accounts,
      AccountAdminPort admin,
      AuditPort audit,
      AuthComponents auth,
      Clock clock) {
    this.accounts = accounts;
    this.admin = admin;
    this.audit = audit;
    this.auth = auth;
    this.clock = clock;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("v1").slash("account"),
        () ->
            withSizeLimit(
                AuthRoutes.MAX_BODY_BYTES,
                () ->
                    Bearer.authenticate(
                        auth.tokens(),
                        caller ->
                            extractRequest(
                                request ->
                                    limited(
                                        caller,
                                        () ->
                                            concat(
                                                path(
                                                    "export",
                                                    () -> get(() -> export(request, caller))),
                                                pathEndOrSingleSlash(
                                                    () ->
                                                        delete(() -> erase(request, caller)))))))));
  }

  private Route limited(AccessClaims caller, java.util.function.Supplier<Route> inner) {
    RateLimitDecision d = auth.limiter().tryAcquire(RateLimitKind.API, caller.accountId());
    return d.allowed() ? inner.get() : AuthReplies.throttled(d, "requests of this account");
  }

  private Route export(HttpRequest request, AccessClaims caller) {
    UUID id = UUID.fromString(caller.accountId());
    return audited(
        request,
        caller,
        EXPORT,
        () ->
            onSuccess(
                admin.export(id),
                export ->
                    export.isPresent()
                        ? complete(StatusCodes.OK, export.get(), Json.marshaller())
                        : ApiErrors.complete(
                            StatusCodes.NOT_FOUND, "ACCOUNT_NOT_FOUND", "no such account")));
  }

  private Route erase(HttpRequest request, AccessClaims caller) {
    UUID id = UUID.fromString(caller.accountId());
    return JsonBodies.read(
        EraseRequest.class,
        body ->
            onSuccess(
                passwordMatches(id, body.password()),
                right ->
                    right
                        ? audited(
                            request,
                            caller,
                            ERASE,
                            () ->
                                onSuccess(
                                    admin.erase(id, caller.accountId()),
                                    erased ->
                                        erased
                                            ? complete(StatusCodes.NO_CONTENT)
                                            : ApiErrors.complete(
                                                StatusCodes.NOT_FOUND,
                                                "ACCOUNT_NOT_FOUND",
                                                "no such account")))
                        : ApiErrors.complete(
                            StatusCodes.UNAUTHORIZED,
                            "INVALID_CREDENTIALS",
                            "the password is wrong")));
  }

  /** Argon2 runs on the blocking executor, never on an HTTP thread. */
  private CompletionStage<Boolean> passwordMatches(UUID accountId, String password) {
    if (password == null || password.isEmpty() || password.length() > AccountRules.PASSWORD_MAX) {
      return CompletableFuture.completedFuture(false);
    }
    return accounts
        .findById(accountId)
        .thenApplyAsync(
            (Optional<PasswordLogin.Credentials> found) ->
                found.isPresent() && auth.hasher().verify(password, found.get().passwordHash()),
            auth.blocking());
  }

  private Route audited(
      HttpRequest request,
      AccessClaims caller,
      String action,
      java.util.function.Supplier<Route> inner) {
    AuditPort.Entry entry =
        new AuditPort.Entry(
            caller.accountId(),
            caller.name(),
            action,
            "accountId=" + caller.accountId(),
            "",
            AuthReplies.source(request, auth.clientAddresses()),
            clock.instant());
    return onSuccess(audit.record(entry), recorded -> inner.get());
  }
}
