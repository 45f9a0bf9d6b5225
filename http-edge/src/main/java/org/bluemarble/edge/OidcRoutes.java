package org.bluemarble.edge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.ExternalIdentity;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.OidcException;
import org.bluemarble.auth.OidcRejection;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.internal.OpaqueTokens;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.ExternalIdentityPort;
import org.bluemarble.edge.port.OperationsPort;

/**
 * Login with an external identity (OpenID Connect): {@code POST /v1/auth/oidc/{provider}} {idToken,
 * nonce, username?} answers the same token pair as a password login, creating and linking an
 * account on the first login of an identity; {@code POST /v1/auth/oidc/{provider}/link} {idToken,
 * nonce} (with the caller's access token) links the identity to the caller's account. Unknown
 * providers answer 404.
 *
 * <p>The nonce is the one the client put into its authorization request; the ID token must carry
 * it. A new account is named {@code username} when given (409 if taken), otherwise after the
 * identity's email (made unique with a numeric suffix). It gets the hash of a random secret as its
 * password, so it logs in through its provider only.
 */
public final class OidcRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.open(
              "POST",
              "/v1/auth/oidc/{provider}",
              "Log in with an OpenID Connect ID token (creates the account on first use)"),
          PublicEndpoint.token(
              "POST",
              "/v1/auth/oidc/{provider}/link",
              "Link an external identity to the caller's account"));

  /** Body of the login. */
  public record OidcLogin(String idToken, String nonce, String username) {}

  /** Body of the link. */
  public record OidcLink(String idToken, String nonce) {}

  /** Answer of the link. */
  public record LinkedIdentity(String provider, String subject, String accountId) {}

  private final ExternalIdentityPort identities;
  private final AuthComponents auth;
  private final OperationsPort operations;

  public OidcRoutes(
      ExternalIdentityPort identities, AuthComponents auth, OperationsPort operations) {
    this.identities = identities;
    this.auth = auth;
    this.operations = operations;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("v1").slash("auth").slash("oidc"),
        () ->
            withSizeLimit(
                AuthRoutes.MAX_BODY_BYTES,
                () ->
                    pathPrefix(
                        PathMatchers.segment(),
                        provider ->
                            auth.oidc().knows(provider)
                                ? concat(
                                    pathEnd(() -> post(() -> login(provider))),
                                    path("link", () -> post(() -> link(provider))))
                                : ApiErrors.complete(
                                    StatusCodes.NOT_FOUND,
                                    "UNKNOWN_PROVIDER",
                                    "no identity provider named " + provider,
                                    Map.of("provider", provider)))));
  }

  private Route login(String provider) {
    return extractRequest(
        request ->
            JsonBodies.read(
                OidcLogin.class,
                body ->
                    onSuccess(
                        CompletableFuture.supplyAsync(
                            () ->
                                signIn(
                                    provider,
                                    body,
                                    AuthReplies.source(request, auth.clientAddresses())),
                            auth.blocking()),
                        route -> route)));
  }

  private Route signIn(String provider, OidcLogin body, String source) {
    RateLimitDecision byAddress = auth.limiter().tryAcquire(RateLimitKind.LOGIN_ADDRESS, source);
    if (!byAddress.allowed()) {
      return AuthReplies.throttled(byAddress, "login attempts");
    }
    Optional<String> username = Optional.ofNullable(body.username());
    try {
      username.ifPresent(AccountRules::validateUsername);
    } catch (InvalidAccountInputException e) {
      return AuthReplies.invalid(e);
    }
    ExternalIdentity identity;
    try {
      identity = auth.oidc().verify(provider, body.idToken(), body.nonce());
    } catch (OidcException e) {
      return refused(e);
    }
    Optional<PasswordLogin.Credentials> linked = await(identities.linked(identity));
    PasswordLogin.Credentials account;
    if (linked.isPresent()) {
      account = linked.get();
    } else {
      String unusable = auth.hasher().hash(OpaqueTokens.newToken());
      ExternalIdentityPort.SignIn result = await(identities.signIn(identity, username, unusable));
      if (result instanceof ExternalIdentityPort.UsernameTaken taken) {
        return ApiErrors.complete(
            StatusCodes.CONFLICT,
            "USERNAME_TAKEN",
            "the username " + taken.username() + " is taken; choose another",
            Map.of("field", "username"));
      }
      account = ((ExternalIdentityPort.SignedIn) result).account();
    }
    Optional<Route> refusal = AuthReplies.refusal(account, operations);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return AuthReplies.tokens(
        auth.logins().open(account.accountId(), account.username(), account.roles()));
  }

  private Route link(String provider) {
    return Bearer.authenticate(
        auth.tokens(),
        caller ->
            JsonBodies.read(
                OidcLink.class,
                body ->
                    onSuccess(
                        CompletableFuture.supplyAsync(
                            () -> linkTo(provider, caller, body), auth.blocking()),
                        route -> route)));
  }

  private Route linkTo(String provider, AccessClaims caller, OidcLink body) {
    ExternalIdentity identity;
    try {
      identity = auth.oidc().verify(provider, body.idToken(), body.nonce());
    } catch (OidcException e) {
      return refused(e);
    }
    ExternalIdentityPort.LinkOutcome outcome =
        await(identities.link(identity, UUID.fromString(caller.accountId())));
    if (outcome instanceof ExternalIdentityPort.Linked linked) {
      return complete(
          StatusCodes.OK,
          new LinkedIdentity(identity.provider(), identity.subject(), linked.accountId()),
          Json.marshaller());
    }
    return ApiErrors.complete(
        StatusCodes.CONFLICT,
        "IDENTITY_LINKED",
        "this " + provider + " identity is linked to another account",
        Map.of("provider", provider));
  }

  private static Route refused(OidcException e) {
    if (e.reason() == OidcRejection.UNKNOWN_PROVIDER) {
      return ApiErrors.complete(StatusCodes.NOT_FOUND, "UNKNOWN_PROVIDER", e.getMessage());
    }
    if (e.reason() == OidcRejection.JWKS_UNAVAILABLE) {
      return ApiErrors.complete(
          StatusCodes.SERVICE_UNAVAILABLE,
          "PROVIDER_UNAVAILABLE",
          "the identity provider's keys cannot be fetched; try again later");
    }
    return ApiErrors.complete(
        StatusCodes.UNAUTHORIZED,
        "INVALID_ID_TOKEN",
        "the ID token was refused",
        Map.of("reason", e.reason().name()));
  }

  private <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    return AuthReplies.await(stage, auth.lookupTimeout());
  }
}
