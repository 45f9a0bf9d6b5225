package org.bluemarble.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.bluemarble.account.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka projection's handler: one journal event, one record (protobuf {@code EventEnvelope},
 * key = entity id) on its domain's topic. The projection saves the offset only after the broker
 * acknowledged, so an event is published at least once.
 */
final class KafkaStreamHandler extends Handler<EventEnvelope<Object>> {
  private static final Logger log = LoggerFactory.getLogger(KafkaStreamHandler.class);

  private static final String ACCOUNT_PREFIX = Account.ENTITY_KEY.name() + "|";

  private final EventPublisher publisher;
  private final StreamSettings settings;
  private final String tag;
  private final java.util.function.BiConsumer<String, Long> groupLinePublished;

  KafkaStreamHandler(EventPublisher publisher, StreamSettings settings, String tag) {
    this(publisher, settings, tag, (pid, seq) -> {});
  }

  /**
   * As above; {@code groupLinePublished} hears (persistence id, sequence number) of every group
   * chat line once the broker acknowledged it, so its history may delete it ({@link
   * GroupLinesStreamed}).
   */
  KafkaStreamHandler(
      EventPublisher publisher,
      StreamSettings settings,
      String tag,
      java.util.function.BiConsumer<String, Long> groupLinePublished) {
    this.publisher = publisher;
    this.settings = settings;
    this.tag = tag;
    this.groupLinePublished = groupLinePublished;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Object> envelope) {
    Object event = envelope.event();
    if (!StreamEvents.isMapped(event)) {
      // StreamEventsTest keeps this from happening for the node's own events; skipping (with a
      // warning) keeps one unknown event from stopping the whole slice.
      log.warn(
          "event stream skips {} seq {}: no mapping for {}",
          envelope.persistenceId(),
          envelope.sequenceNr(),
          event.getClass().getName());
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String pid = envelope.persistenceId();
    // Account events carry their account's A/B variants (the entity id is the account id).
    Map<String, String> variants =
        pid.startsWith(ACCOUNT_PREFIX)
            ? settings.experiments().assign(pid.substring(ACCOUNT_PREFIX.length()))
            : Map.of();
    org.bluemarble.protocol.events.v1.EventEnvelope proto =
        StreamEvents.envelope(
            pid, envelope.sequenceNr(), envelope.timestamp(), List.of(tag), variants, event);
    CompletionStage<Done> sent =
        publisher.publish(
            settings.topic(StreamEvents.domainOf(event)), proto.getEntityId(), proto.toByteArray());
    if (event instanceof org.bluemarble.chat.GroupHistory.LineKept) {
      long seq = envelope.sequenceNr();
      return sent.thenApply(
          d -> {
            groupLinePublished.accept(pid, seq);
            return d;
          });
    }
    return sent;
  }
}
