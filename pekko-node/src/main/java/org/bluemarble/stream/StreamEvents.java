package org.bluemarble.stream;

import java.util.List;
import java.util.Map;
import org.bluemarble.protocol.events.v1.EventEnvelope;

/**
 * Journal events to the stream's protobuf {@link EventEnvelope}: the one place that knows every
 * domain's {@link EventMapping}. Used by the Kafka projection and by anyone serving the journal as
 * protobuf (the replay gRPC service).
 */
public final class StreamEvents {
  /** Every domain's mapping; a new domain adds its own here. */
  static final List<EventMapping> MAPPINGS =
      List.of(
          new AccountEventMapping(),
          new PlayerEventMapping(),
          new WorldEventMapping(),
          new LedgerEventMapping(),
          new MarketEventMapping(),
          new AuditEventMapping(),
          new SocialEventMapping());

  private StreamEvents() {}

  /** Whether some mapping knows {@code event}. */
  public static boolean isMapped(Object event) {
    return MAPPINGS.stream().anyMatch(m -> m.accepts(event));
  }

  /**
   * The domain (topic) of {@code event}.
   *
   * @throws IllegalArgumentException for an event no mapping knows
   */
  public static Domain domainOf(Object event) {
    return mapping(event).domain();
  }

  /**
   * The envelope of one journal event.
   *
   * @param persistenceId {@code <entity type>|<entity id>}
   * @param timestampMs when it was written, epoch ms
   * @param experiments the concerned account's experiment variants (may be empty)
   * @throws IllegalArgumentException for an event no mapping knows
   */
  public static EventEnvelope envelope(
      String persistenceId,
      long sequenceNr,
      long timestampMs,
      Iterable<String> tags,
      Map<String, String> experiments,
      Object event) {
    int bar = persistenceId.indexOf('|');
    EventEnvelope.Builder b =
        EventEnvelope.newBuilder()
            .setEntityType(bar < 0 ? "" : persistenceId.substring(0, bar))
            .setEntityId(bar < 0 ? persistenceId : persistenceId.substring(bar + 1))
            .setPersistenceId(persistenceId)
            .setSequenceNr(sequenceNr)
            .setTimestampMs(timestampMs)
            .addAllTags(tags)
            .putAllExperiments(experiments);
    mapping(event).map(event, b);
    return b.build();
  }

  private static EventMapping mapping(Object event) {
    for (EventMapping m : MAPPINGS) {
      if (m.accepts(event)) {
        return m;
      }
    }
    throw ProtoValues.unknown(event);
  }
}
