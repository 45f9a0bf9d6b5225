package org.bluemarble.edge.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.MarketPort;

/**
 * {@code POST /v1/webhooks/payments}: a payment provider tells us a purchase completed. The raw
 * body is verified against the {@code Payment-Signature} header ({@link PaymentSignature}) before
 * it is parsed; then {@code {"id": <event id>, "type": "payment.succeeded", "data": {"playerId",
 * "copper"}}} is credited through the mint under the key {@code payment:<event id>}, so a replayed
 * event credits nothing more (answered 200 with {@code duplicate: true}). Bad or stale signatures
 * get 400; other event types are acknowledged and ignored.
 */
public final class PaymentWebhookRoutes extends AllDirectives {
  /** The signature header's name. */
  public static final String HEADER = "Payment-Signature";

  /** The answer: whether the event was credited now or had been before. */
  public record Ack(String eventId, boolean credited, boolean duplicate) {}

  private final MarketPort market;
  private final PaymentSignature signature;
  private final Clock clock;

  public PaymentWebhookRoutes(MarketPort market, PaymentSignature signature, Clock clock) {
    this.market = market;
    this.signature = signature;
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
    return MarketHttp.reply(
        market.mint("payment:" + id, player, copper, 0, List.of(), "payment " + id),
        StatusCodes.OK,
        m -> new Ack(id, m.fresh(), !m.fresh()));
  }
}
