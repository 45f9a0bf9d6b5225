package org.bluemarble.edge;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.bluemarble.edge.admin.AccountAdminRoutes;
import org.bluemarble.edge.admin.AdminDocsRoutes;
import org.bluemarble.edge.admin.AdminGate;
import org.bluemarble.edge.admin.AnalyticsRoutes;
import org.bluemarble.edge.admin.AuditRoutes;
import org.bluemarble.edge.admin.ChatAdminRoutes;
import org.bluemarble.edge.admin.LoadTestRoutes;
import org.bluemarble.edge.admin.OperationsRoutes;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.TraceContext;
import org.bluemarble.edge.market.AdminEconomyRoutes;
import org.bluemarble.edge.market.CharacterOwnership;
import org.bluemarble.edge.market.MarketRoutes;
import org.bluemarble.edge.market.PaymentSignature;
import org.bluemarble.edge.market.PaymentWebhookRoutes;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.GamePort;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.ws.WebSocketRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The public HTTP listener: health, the admin API and (later) the WebSocket endpoint. Every error
 * is JSON in the one shape of {@link ApiErrors}; nothing a client sends can make a route throw past
 * it. Unbound by CoordinatedShutdown.
 */
public final class EdgeServer extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(EdgeServer.class);

  /**
   * What the edge needs to start.
   *
   * @param adminEnabled whether /admin routes exist at all; they also need the auth components
   *     (every admin request passes {@link AdminGate}: token, role, audit)
   */
  public record Settings(String host, int port, boolean adminEnabled, String version) {}

  private final Settings settings;
  private final GamePort game;
  private final AuthComponents auth;
  private final WebSocketRoutes gameSocket;
  private final PaymentSignature payments;

  /** An edge without the account routes (tests of other areas). */
  public EdgeServer(Settings settings, GamePort game) {
    this(settings, game, null);
  }

  /** An edge with the account routes of {@link AuthRoutes}. */
  public EdgeServer(Settings settings, GamePort game, AuthComponents auth) {
    this(settings, game, auth, null, null);
  }

  /** An edge with the account routes and the game WebSocket {@code /ws}. */
  public EdgeServer(
      Settings settings, GamePort game, AuthComponents auth, WebSocketRoutes gameSocket) {
    this(settings, game, auth, gameSocket, null);
  }

  /** An edge with the account routes and the payments webhook (economy tests). */
  public EdgeServer(
      Settings settings, GamePort game, AuthComponents auth, PaymentSignature payments) {
    this(settings, game, auth, null, payments);
  }

  /**
   * An edge with the account routes, the game WebSocket {@code /ws} (null: none) and, when {@code
   * game.market()} exists, the economy routes; {@code payments} (null: no webhook) verifies the
   * payments webhook.
   */
  public EdgeServer(
      Settings settings,
      GamePort game,
      AuthComponents auth,
      WebSocketRoutes gameSocket,
      PaymentSignature payments) {
    this.settings = settings;
    this.game = game;
    this.auth = auth;
    this.gameSocket = gameSocket;
    this.payments = payments;
  }

  /** Binds the listener and registers its unbinding with CoordinatedShutdown. */
  public CompletionStage<ServerBinding> start(ActorSystem<?> system) {
    return start(system, java.util.Optional.empty());
  }

  /**
   * As {@link #start(ActorSystem)}, over HTTPS (and WSS) with HSTS on every response when {@code
   * tls} is present.
   */
  public CompletionStage<ServerBinding> start(
      ActorSystem<?> system, java.util.Optional<EdgeTls> tls) {
    var server = Http.get(system).newServerAt(settings.host(), settings.port());
    Route served = route();
    if (tls.isPresent()) {
      server = server.enableHttps(tls.get().context());
      Route plain = served;
      served =
          respondWithHeader(
              org.apache.pekko.http.javadsl.model.headers.RawHeader.create(
                  "Strict-Transport-Security", tls.get().hsts()),
              () -> plain);
    }
    return server
        .bind(served)
        .thenApply(
            binding -> {
              log.info("HTTP edge listening on {}", binding.localAddress());
              CoordinatedShutdown.get(system)
                  .addTask(
                      CoordinatedShutdown.PhaseServiceUnbind(),
                      "unbind-http-edge",
                      () -> binding.unbind().thenApply(done -> Done.getInstance()));
              return binding;
            });
  }

  /** All routes, sealed with the JSON rejection and exception handlers. */
  public Route route() {
    Route health = new HealthRoutes(game.health(), settings.version()).route();
    Route publicRoutes =
        auth == null
            ? concat(health, new PlanetRoutes(game.planets()).route())
            : concat(
                health,
                new PlanetRoutes(game.planets(), auth.tokens()).route(),
                new AuthRoutes(game.accounts(), auth, game.admin().operations()).route(),
                new CharacterRoutes(game.accounts(), auth).route(),
                new org.bluemarble.edge.web.WorldSurroundingsRoutes(
                        game.world(), game.planets(), game.play(), auth.tokens())
                    .route(),
                new AccountSelfRoutes(
                        game.accounts(),
                        game.admin().accounts(),
                        game.admin().audit(),
                        auth,
                        java.time.Clock.systemUTC())
                    .route());
    if (auth != null) {
      publicRoutes =
          concat(
              publicRoutes,
              new org.bluemarble.edge.web.SocialRoutes(
                      game.social(),
                      auth.tokens(),
                      org.bluemarble.edge.market.CharacterOwnership.of(
                          game.accounts(), game.players()))
                  .route());
    }
    if (auth != null && game.externalIdentities() != null) {
      publicRoutes =
          concat(
              publicRoutes,
              new OidcRoutes(game.externalIdentities(), auth, game.admin().operations()).route());
    }
    if (gameSocket != null) {
      publicRoutes = concat(gameSocket.route(), publicRoutes);
    }
    publicRoutes = concat(publicRoutes, new LeaderboardRoutes(game.leaderboards()).route());
    // The browser client at / (static files from the jar; see README "The browser client").
    publicRoutes =
        concat(
            new org.bluemarble.edge.web.WebClientRoutes(game.abilityBook()).route(), publicRoutes);
    Route routes =
        settings.adminEnabled() && auth != null
            ? concat(publicRoutes, adminRoutes())
            : publicRoutes;
    if (game.market() != null) {
      routes = concat(routes, economyRoutes(game.market()));
    }
    Route served = routes;
    Route all = new PublicGate(publicEndpoints()).wrap(() -> served);
    return TraceContext.traced(
        trace ->
            handleExceptions(exceptions(trace), () -> handleRejections(rejections(), () -> all)));
  }

  /**
   * Marketplace (with accounts) and the payments webhook (if set); admin economy is in adminRoutes.
   */
  private Route economyRoutes(MarketPort market) {
    java.util.List<Route> economy = new java.util.ArrayList<>();
    if (auth != null) {
      economy.add(
          new MarketRoutes(
                  market,
                  auth.tokens(),
                  auth.limiter(),
                  CharacterOwnership.of(game.accounts(), game.players()))
              .route());
    }
    if (payments != null) {
      economy.add(
          new PaymentWebhookRoutes(
                  market, payments, game.admin().audit(), java.time.Clock.systemUTC())
              .route());
    }
    return economy.isEmpty()
        ? reject()
        : concat(economy.get(0), economy.subList(1, economy.size()).toArray(Route[]::new));
  }

  /**
   * Every admin endpoint of every admin routes class: what {@link AdminGate} checks roles against
   * and what the OpenAPI drift test compares with the document. Add a routes class here together
   * with its route in {@link #adminRoutes()}.
   */
  public static List<AdminEndpoint> adminEndpoints() {
    return java.util.stream.Stream.of(
            AdminPlayerRoutes.ENDPOINTS,
            AdminWorldRoutes.ENDPOINTS,
            AdminEconomyRoutes.ENDPOINTS,
            AuditRoutes.ENDPOINTS,
            LoadTestRoutes.ENDPOINTS,
            AccountAdminRoutes.ENDPOINTS,
            OperationsRoutes.ENDPOINTS,
            AnalyticsRoutes.ENDPOINTS,
            ChatAdminRoutes.ENDPOINTS,
            org.bluemarble.edge.admin.JournalRoutes.ENDPOINTS)
        .flatMap(List::stream)
        .toList();
  }

  /**
   * Every public endpoint (accounts, characters, planet, world, marketplace, webhooks): what {@link
   * PublicGate} lets through and what the OpenAPI drift test compares with the document. Add a
   * routes class here together with its route in {@link #route()}.
   */
  public static List<PublicEndpoint> publicEndpoints() {
    return java.util.stream.Stream.of(
            AuthRoutes.ENDPOINTS,
            OidcRoutes.ENDPOINTS,
            AccountSelfRoutes.ENDPOINTS,
            CharacterRoutes.ENDPOINTS,
            org.bluemarble.edge.web.WorldSurroundingsRoutes.ENDPOINTS,
            LeaderboardRoutes.ENDPOINTS,
            org.bluemarble.edge.web.SocialRoutes.ENDPOINTS,
            PlanetRoutes.ENDPOINTS,
            MarketRoutes.endpoints(),
            PaymentWebhookRoutes.ENDPOINTS)
        .flatMap(List::stream)
        .toList();
  }

  /** Everything under /admin, behind the one gate (token, role, audit). */
  private Route adminRoutes() {
    AdminPort admin = game.admin();
    return new AdminGate(auth.tokens(), adminEndpoints(), admin.audit(), Clock.systemUTC())
        .wrap(
            concat(
                new AdminPlayerRoutes(game.players()).route(),
                new AdminWorldRoutes(game.world()).route(),
                game.market() == null ? reject() : new AdminEconomyRoutes(game.market()).route(),
                new AuditRoutes(admin.audit()).route(),
                new LoadTestRoutes(admin.loadTest(), auth).route(),
                new AccountAdminRoutes(admin.accounts(), admin.operations()).route(),
                new OperationsRoutes(admin.operations()).route(),
                new AnalyticsRoutes(admin.analytics()).route(),
                new ChatAdminRoutes(admin.chat()).route(),
                new org.bluemarble.edge.admin.JournalRoutes(admin.journal()).route(),
                new AdminDocsRoutes(settings.version()).route()));
  }

  private static RejectionHandler rejections() {
    return RejectionHandler.newBuilder()
        .handle(
            MalformedRequestContentRejection.class,
            r ->
                r.getCause() instanceof EntityStreamSizeException
                    ? tooLarge()
                    : ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_BODY", r.message()))
        .handle(
            UnsupportedRequestContentTypeRejection.class,
            r ->
                ApiErrors.complete(
                    StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "send application/json"))
        .handleAll(
            MethodRejection.class,
            rs ->
                ApiErrors.complete(
                    StatusCodes.METHOD_NOT_ALLOWED,
                    "METHOD_NOT_ALLOWED",
                    "allowed: "
                        + rs.stream()
                            .map(r -> r.supported().name())
                            .distinct()
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")))
        .handleNotFound(ApiErrors.complete(StatusCodes.NOT_FOUND, "NOT_FOUND", "no such route"))
        .build()
        .withFallback(RejectionHandler.defaultHandler());
  }

  private static ExceptionHandler exceptions(TraceContext.Trace trace) {
    return ExceptionHandler.newBuilder()
        .match(CompletionException.class, e -> fromThrowable(e.getCause(), trace))
        .matchAny(t -> fromThrowable(t, trace))
        .build();
  }

  private static Route tooLarge() {
    return ApiErrors.complete(
        StatusCodes.CONTENT_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "the request body is larger than the server accepts (pekko.http.server.parsing.max-content-length)");
  }

  private static Route fromThrowable(Throwable t, TraceContext.Trace trace) {
    if (t instanceof PortException p) {
      return ApiErrors.fromPort(p);
    }
    if (t instanceof EntityStreamSizeException) {
      return tooLarge();
    }
    if (t instanceof AskTimeoutException || t instanceof TimeoutException) {
      return ApiErrors.complete(
          StatusCodes.SERVICE_UNAVAILABLE, "UNAVAILABLE", "the game did not answer in time");
    }
    // The handler runs on the thread that completes the route: the trace id reaches this line.
    MDC.put(TraceContext.MDC_KEY, trace.traceId());
    try {
      log.error("unexpected error in a route", t);
    } finally {
      MDC.remove(TraceContext.MDC_KEY);
    }
    return ApiErrors.complete(
        StatusCodes.INTERNAL_SERVER_ERROR, "INTERNAL", "internal error; it has been logged");
  }
}
