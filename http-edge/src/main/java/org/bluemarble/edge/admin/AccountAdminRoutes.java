package org.bluemarble.edge.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AccountView;
import org.bluemarble.edge.port.OperationsPort;
import org.bluemarble.edge.port.PortException;

/**
 * Accounts for admins: lookup by id or name, ban/unban, kick, role grant/revoke. Reads are open to
 * Moderators and Developers; ban, unban and kick to Moderators; roles to Admins only.
 */
public final class AccountAdminRoutes extends AllDirectives {
  private static final Set<Role> READERS = Set.of(Role.MODERATOR, Role.DEVELOPER);
  private static final Set<Role> MODERATORS = Set.of(Role.MODERATOR);
  private static final String ACCOUNT = "/admin/v1/accounts/{accountId}";

  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint("GET", "/admin/v1/accounts", READERS, "Find an account by username"),
          new AdminEndpoint("GET", ACCOUNT, READERS, "An account (never its password hash)"),
          new AdminEndpoint("POST", ACCOUNT + "/ban", MODERATORS, "Ban an account"),
          new AdminEndpoint("POST", ACCOUNT + "/unban", MODERATORS, "Lift an account's ban"),
          new AdminEndpoint("POST", ACCOUNT + "/kick", MODERATORS, "End the account's sessions"),
          new AdminEndpoint("PUT", ACCOUNT + "/roles/{role}", Set.of(), "Grant a role"),
          new AdminEndpoint("DELETE", ACCOUNT + "/roles/{role}", Set.of(), "Revoke a role"),
          new AdminEndpoint(
              "GET",
              ACCOUNT + "/export",
              Set.of(),
              "Everything stored about an account (GDPR; the read is audited)",
              true),
          new AdminEndpoint("DELETE", ACCOUNT, Set.of(), "Erase an account (GDPR)"));

  /** Body of a ban; {@code durationSeconds} null: until lifted. */
  public record BanRequest(String reason, Long durationSeconds) {}

  /** Body of a kick. */
  public record KickRequest(String reason) {}

  private final AccountAdminPort accounts;
  private final OperationsPort operations;

  public AccountAdminRoutes(AccountAdminPort accounts, OperationsPort operations) {
    this.accounts = accounts;
    this.operations = operations;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("v1").slash("accounts"),
        () ->
            concat(
                pathEndOrSingleSlash(
                    () -> get(() -> parameter("name", name -> found(accounts.findByName(name))))),
                pathPrefix(
                    PathMatchers.segment(),
                    id ->
                        concat(
                            pathEnd(
                                () ->
                                    concat(
                                        get(() -> withId(id, u -> found(accounts.find(u)))),
                                        delete(() -> withId(id, this::erase)))),
                            path("export", () -> get(() -> withId(id, this::export))),
                            path("ban", () -> post(() -> withId(id, u -> notAbove(u, this::ban)))),
                            path(
                                "unban",
                                () -> post(() -> withId(id, u -> notAbove(u, this::unban)))),
                            path(
                                "kick", () -> post(() -> withId(id, u -> notAbove(u, this::kick)))),
                            path(
                                PathMatchers.segment("roles").slash(PathMatchers.segment()),
                                role ->
                                    concat(
                                        put(
                                            () ->
                                                withId(
                                                    id,
                                                    u -> notAbove(u, v -> roles(v, role, true)))),
                                        delete(
                                            () ->
                                                withId(
                                                    id,
                                                    u ->
                                                        notAbove(
                                                            u, v -> roles(v, role, false))))))))));
  }

  /**
   * Runs {@code inner} unless the target account's roles rank above the caller's (a Moderator
   * acting on an Admin or Developer): then 403 {@code FORBIDDEN}, {@code details.reason} {@code
   * TARGET_OUTRANKS_CALLER}. An unknown account passes (the action answers 404).
   */
  private Route notAbove(UUID accountId, java.util.function.Function<UUID, Route> inner) {
    return extractRequest(
        request ->
            onSuccess(
                accounts.find(accountId),
                target -> {
                  int callerRank = Role.highestRank(AdminGate.caller(request).roles());
                  if (target.isPresent() && Role.highestRank(target.get().roles()) > callerRank) {
                    return ApiErrors.complete(
                        StatusCodes.FORBIDDEN,
                        "FORBIDDEN",
                        "the account's roles rank above yours",
                        Map.of("reason", "TARGET_OUTRANKS_CALLER"));
                  }
                  return inner.apply(accountId);
                }));
  }

  private Route found(CompletionStage<Optional<AccountView>> lookup) {
    return onSuccess(
        lookup,
        account ->
            account.isPresent()
                ? complete(StatusCodes.OK, account.get(), Json.marshaller())
                : ApiErrors.complete(
                    StatusCodes.NOT_FOUND, "ACCOUNT_NOT_FOUND", "no such account"));
  }

  private Route export(UUID accountId) {
    return onSuccess(
        accounts.export(accountId),
        export ->
            export.isPresent()
                ? complete(StatusCodes.OK, export.get(), Json.marshaller())
                : ApiErrors.complete(
                    StatusCodes.NOT_FOUND, "ACCOUNT_NOT_FOUND", "no account " + accountId));
  }

  private Route erase(UUID accountId) {
    return extractRequest(
        request ->
            onSuccess(
                accounts.erase(accountId, AdminGate.caller(request).accountId()),
                erased ->
                    erased
                        ? complete(StatusCodes.NO_CONTENT)
                        : ApiErrors.complete(
                            StatusCodes.NOT_FOUND,
                            "ACCOUNT_NOT_FOUND",
                            "no account " + accountId)));
  }

  private Route ban(UUID accountId) {
    return extractRequest(
        request ->
            JsonBodies.read(
                BanRequest.class,
                body -> {
                  Long seconds = body.durationSeconds();
                  if (seconds != null && seconds < 1) {
                    throw new PortException(
                        PortException.Code.INVALID_INPUT,
                        "durationSeconds must be at least 1 (omit it for a ban until lifted), was "
                            + seconds);
                  }
                  Instant until =
                      seconds == null ? null : Instant.now().plus(Duration.ofSeconds(seconds));
                  return done(
                      accounts.ban(
                          accountId, body.reason(), until, AdminGate.caller(request).accountId()));
                }));
  }

  private Route unban(UUID accountId) {
    return extractRequest(
        request -> done(accounts.unban(accountId, AdminGate.caller(request).accountId())));
  }

  private Route kick(UUID accountId) {
    return JsonBodies.read(
        KickRequest.class,
        body -> {
          String reason =
              body.reason() == null || body.reason().isBlank() ? "kicked" : body.reason();
          return onSuccess(
              accounts.find(accountId),
              account -> {
                if (account.isEmpty()) {
                  return ApiErrors.complete(
                      StatusCodes.NOT_FOUND, "ACCOUNT_NOT_FOUND", "no account " + accountId);
                }
                operations.kick(accountId.toString(), reason);
                return complete(StatusCodes.ACCEPTED);
              });
        });
  }

  private Route roles(UUID accountId, String roleName, boolean grant) {
    Role role;
    try {
      role = Role.fromClaim(roleName);
    } catch (IllegalArgumentException e) {
      return ApiErrors.complete(
          StatusCodes.BAD_REQUEST,
          "INVALID_INPUT",
          "role must be one of Player, Moderator, Admin, Developer",
          Map.of("field", "role", "value", roleName));
    }
    return done(grant ? accounts.grantRole(accountId, role) : accounts.revokeRole(accountId, role));
  }

  private Route done(CompletionStage<AccountView> change) {
    return onSuccess(change, account -> complete(StatusCodes.OK, account, Json.marshaller()));
  }

  private static Route withId(String id, java.util.function.Function<UUID, Route> inner) {
    UUID accountId;
    try {
      accountId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return ApiErrors.complete(
          StatusCodes.BAD_REQUEST,
          "INVALID_ID",
          "account ids are UUIDs",
          Map.of("field", "accountId", "value", id, "reason", "not a UUID"));
    }
    return inner.apply(accountId);
  }
}
