package org.bluemarble.edge;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.ClientAddresses;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.SessionLogins;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.OperationsPort;

/**
 * The answers every login route shares (password and OIDC): the token pair, the refusals of banned
 * accounts and of maintenance mode, 429 with rate-limit headers, 400 for bad input, and the source
 * address the per-address limits count.
 */
final class AuthReplies {
  private AuthReplies() {}

  /** Answer of login and refresh; {@code expiresIn} is the access token's lifetime in seconds. */
  record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {}

  static Route tokens(SessionLogins.Issued issued) {
    return Directives.complete(StatusCodes.OK, pair(issued), Json.marshaller());
  }

  static TokenPair pair(SessionLogins.Issued issued) {
    return new TokenPair(
        issued.access().token(),
        issued.refresh().token(),
        issued.access().expiresIn().toSeconds(),
        "Bearer");
  }

  /** The JSON an answer's body holds. */
  static String json(Object answer) {
    try {
      return Json.MAPPER.writeValueAsString(answer);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + answer.getClass().getSimpleName(), e);
    }
  }

  /** Why an account that proved who it is still gets no tokens: a ban, or maintenance mode. */
  static Optional<Route> refusal(PasswordLogin.Credentials account, OperationsPort operations) {
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

  static Route banned(PasswordLogin.Credentials account) {
    Map<String, Object> details = new HashMap<>();
    details.put("reason", account.ban().reason());
    if (account.ban().until() != null) {
      details.put("until", account.ban().until().toString());
    }
    return ApiErrors.complete(
        StatusCodes.FORBIDDEN, "ACCOUNT_BANNED", "this account is banned", details);
  }

  /** 429 with {@code Retry-After} and {@code X-RateLimit-*}; {@code what} names what is limited. */
  static Route throttled(RateLimitDecision decision, String what) {
    List<HttpHeader> headers =
        List.of(
            RawHeader.create("Retry-After", Long.toString(decision.retryAfterSeconds())),
            RawHeader.create("X-RateLimit-Limit", Long.toString(decision.limit())),
            RawHeader.create("X-RateLimit-Remaining", Long.toString(decision.remaining())),
            RawHeader.create("X-RateLimit-Reset", Long.toString(decision.resetAfterSeconds())));
    return Directives.respondWithHeaders(
        headers,
        () ->
            ApiErrors.complete(
                StatusCodes.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "too many " + what + "; retry after " + decision.retryAfterSeconds() + " s"));
  }

  static Route invalid(InvalidAccountInputException e) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_INPUT",
        e.getMessage(),
        Map.of("field", e.field(), "reason", e.reason()));
  }

  /**
   * The client's address key for per-address limits: the TCP peer (needs {@code
   * pekko.http.server.remote-address-attribute = on}), or, when the peer is a trusted proxy, the
   * right-most untrusted {@code X-Forwarded-For} hop (see {@link ClientAddresses}); IPv6 as its
   * /64. Without the attribute every client shares the bucket "unknown".
   */
  static String source(HttpRequest request, ClientAddresses addresses) {
    List<String> forwarded = new java.util.ArrayList<>();
    for (HttpHeader h : request.getHeaders()) {
      if (h.is("x-forwarded-for")) {
        forwarded.add(h.value());
      }
    }
    return request
        .getAttribute(AttributeKeys.remoteAddress)
        .flatMap(RemoteAddress::getAddress)
        .map(peer -> addresses.keyOf(peer, forwarded))
        .orElse("unknown");
  }

  /** Waits (on a blocking executor); a failure or timeout surfaces to the edge's handlers. */
  static <T> T await(CompletionStage<T> stage, java.time.Duration timeout) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
