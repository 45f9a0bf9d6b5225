package org.bluemarble.market.journal;

import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * Group commit for an event-sourced entity: the commands that arrive between two journal writes are
 * gathered by the entity (each in its own batch: {@code MarketBatch}, {@code TreasuryBatch}, the
 * holdings' waiting posts) and persisted together when a flush message the entity sends itself
 * comes back; their replies go out only after that write. This class is the part the three share:
 * at most one flush message on its way, and the effect that writes a flush's events in one journal
 * write and answers after it. What a batch holds, in which order it is decided and what a refusal
 * does stay with each entity. Mutable, owned by the actor.
 */
public final class GroupCommit {
  private final Runnable sendFlush;
  private boolean scheduled;

  /** {@code sendFlush} tells the entity its own flush message (e.g. {@code self.tell(FLUSH)}). */
  public GroupCommit(Runnable sendFlush) {
    this.sendFlush = sendFlush;
  }

  /**
   * Sends the flush message when there is {@code work} and none is on its way already, so many
   * commands in the mailbox share one flush.
   */
  public void wake(boolean work) {
    if (work && !scheduled) {
      scheduled = true;
      sendFlush.run();
    }
  }

  /**
   * A flush begins: the message on its way has arrived, or a command flushes ahead of it (a late
   * flush message then finds nothing to do). The next {@link #wake} sends a new one.
   */
  public void flushing() {
    scheduled = false;
  }

  /** Whether a flush message is on its way. */
  public boolean scheduled() {
    return scheduled;
  }

  /**
   * Persists {@code events} in one journal write and then runs {@code answer} on the new state;
   * with no events nothing is written and {@code answer} runs at once on {@code state}. Either way
   * the command itself gets no reply: its answers are in {@code answer}.
   */
  public static <E, S> ReplyEffect<E, S> persistThen(
      EffectFactories<E, S> effect, S state, List<E> events, Consumer<S> answer) {
    if (events.isEmpty()) {
      answer.accept(state);
      return effect.noReply();
    }
    return effect.persist(events).thenRun(answer::accept).thenNoReply();
  }
}
