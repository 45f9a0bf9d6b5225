package org.bluemarble.edge.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.edge.port.MarketPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/webhooks/payments}: a payment provider tells us a purchase completed. The raw
 * body is verified against the {@code Payment-Signature} header ({@link PaymentSignature}) before
 * it is parsed; then {@code {"id": <event id>, "type": "payment.succeeded", "data": {"playerId",
 * "copper"}}} is credited through the mint under the key {@code payment:<event id>}, so a replayed
 * event credits nothing more (answered 200 with {@code duplicate: true}). Bad or stale signatures
 * get 400; other event types are acknowledged and ignored. An event crediting more than {@link
 * PaymentSignature#maxCreditPerEvent()} is refused with 422 {@code PAYMENT_LIMIT_EXCEEDED}, credits
 * nothing and is recorded in the audit log (actor {@code payment-provider}).
 */
public final class PaymentWebhookRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          new PublicEndpoint(
              "POST",
              "/v1/webhooks/payments",
              PublicEndpoint.Access.SIGNED,
              "The payment provider's webhook: credits a paid amount once per event id"));

  private static final Logger log = LoggerFactory.getLogger(PaymentWebhookRoutes.class);

  /** The signature header's name. */
  public static final String HEADER = "Payment-Signature";

  /** The audit log's actor of a refused webhook event. */
  public static final String AUDIT_ACTOR = "payment-provider";

  /** The audit log's action of a refused webhook event. */
  public static final String AUDIT_ACTION = "POST /v1/webhooks/payments refused";

  /** The answer: whether the event was credited now or had been before. */
  public record Ack(String eventId, boolean credited, boolean duplicate) {}

  private final MarketPort market;
  private final PaymentSignature signature;
  private final AuditPort audit;
  private final Clock clock;

  /** {@code audit}: where refused events are recorded (null: only logged). */
  public PaymentWebhookRoutes(
      MarketPort market, PaymentSignature signature, AuditPort audit, Clock clock) {
    this.market = market;
    this.signature = signature;
    this.audit = audit;
    this.clock = clock;
  }

  public Route route() {
    return path(
        PathMatchers.segment("v1").slash("webhooks").slash("payments"),
        () ->
            post(
                () ->
                    optionalHeaderValueByName(
                        HEADER,
                        header ->
                            entity(
                                Unmarshaller.entityToString(),
                                body -> verified(header.orElse(null), body)))));
  }

  private Route verified(String header, String body) {
    var problem = signature.problem(header, body, clock.instant());
    if (problem.isPresent()) {
      return ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_SIGNATURE", problem.get());
    }
    JsonNode event;
    try {
      event = Json.MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_JSON", "body is not JSON");
    }
    String id = event.path("id").asText("");
    if (id.isBlank()) {
      return MarketHttp.invalid("id", "event id is required");
    }
    if (!"payment.succeeded".equals(event.path("type").asText())) {
      return complete(StatusCodes.OK, new Ack(id, false, false), Json.marshaller());
    }
    String player = event.path("data").path("playerId").asText("");
    long copper = event.path("data").path("copper").asLong(0);
    if (player.isBlank() || copper <= 0) {
      return MarketHttp.invalid("data", "data.playerId and a positive data.copper are required");
    }
    if (copper > signature.maxCreditPerEvent()) {
      return refuseTooLarge(id, player, copper);
    }
    return MarketHttp.reply(
        market.mint("payment:" + id, player, copper, 0, List.of(), "payment " + id),
        StatusCodes.OK,
        m -> new Ack(id, m.fresh(), !m.fresh()));
  }

  /** Records the refusal (the answer waits for the record, but not on its success) and 422. */
  private Route refuseTooLarge(String id, String player, long copper) {
    String message =
        "event "
            + id
            + " credits "
            + copper
            + " copper, more than the "
            + signature.maxCreditPerEvent()
            + " one event may credit (bluemarble.market.payments.max-credit-per-event)";
    log.warn("payments webhook refused: {} for player {}", message, player);
    Route refusal =
        ApiErrors.complete(
            StatusCodes.UNPROCESSABLE_ENTITY,
            "PAYMENT_LIMIT_EXCEEDED",
            message,
            Map.<String, Object>of("maxCreditPerEvent", signature.maxCreditPerEvent()));
    if (audit == null) {
      return refusal;
    }
    String details = "event=" + id + " copper=" + copper + " max=" + signature.maxCreditPerEvent();
    return onComplete(
        () ->
            audit
                .record(
                    new AuditPort.Entry(
                        AUDIT_ACTOR,
                        AUDIT_ACTOR,
                        AUDIT_ACTION,
                        "playerId=" + player,
                        details,
                        "",
                        clock.instant()))
                .toCompletableFuture(),
        recorded -> {
          if (recorded.isFailure()) {
            log.error("could not audit a refused payment event {}", id, recorded.failed().get());
          }
          return refusal;
        });
  }
}
