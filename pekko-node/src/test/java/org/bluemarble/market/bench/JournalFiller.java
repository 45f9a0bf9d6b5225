package org.bluemarble.market.bench;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketSnapshot;

/**
 * Writes a prepared market history into the journal under a market's persistence id, and (if given)
 * the market's snapshot after event {@code snapshotAt}, as the market itself would have stored
 * them; the recovery benchmark then starts a real market on them. Its state counts events.
 */
final class JournalFiller extends EventSourcedBehavior<JournalFiller.Append, Market.Event, Long> {
  /** Persist {@code events} in one write; answers the number of events written so far. */
  record Append(List<Market.Event> events, ActorRef<Long> replyTo) {}

  private final MarketSnapshot snapshot;
  private final long snapshotAt;

  JournalFiller(String marketId, MarketSnapshot snapshot, long snapshotAt) {
    super(PersistenceId.of(Market.ENTITY_KEY.name(), marketId));
    this.snapshot = snapshot;
    this.snapshotAt = snapshotAt;
  }

  @Override
  public Long emptyState() {
    return 0L;
  }

  @Override
  public CommandHandler<Append, Market.Event, Long> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(
            Append.class, (s, c) -> Effect().persist(c.events()).thenReply(c.replyTo(), n -> n))
        .build();
  }

  @Override
  public EventHandler<Long, Market.Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((n, e) -> n + 1);
  }

  @Override
  public boolean shouldSnapshot(Long state, Market.Event event, long sequenceNr) {
    return snapshot != null && sequenceNr == snapshotAt;
  }

  /** Stores the prepared market snapshot in place of this writer's own count. */
  @Override
  public SnapshotAdapter<Long> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(Long state) {
        return snapshot;
      }

      @Override
      public Long fromJournal(Object from) {
        throw new IllegalStateException("the filler writes a fresh journal, it never recovers");
      }
    };
  }
}
