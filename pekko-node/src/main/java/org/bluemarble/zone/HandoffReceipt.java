package org.bluemarble.zone;

import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A one-shot child of a {@link ZoneCell} that receives the neighbour's answer to one handoff's
 * {@code EnterCell} and passes it to the cell as a command naming the player (the reply itself does
 * not). It stops after the answer, or silently after {@code patience} when none comes (the
 * neighbour's node is gone; the player re-enters from its checkpoint through its session).
 */
final class HandoffReceipt {
  private HandoffReceipt() {}

  private enum GaveUp {
    INSTANCE
  }

  /**
   * The receipt's behaviour; typed as {@code Object} for its private timer, spawn it and {@code
   * narrow()} the ref to {@link ZoneCell.Reply}.
   */
  static Behavior<Object> create(
      ActorRef<ZoneCell.Command> cell,
      Function<ZoneCell.Reply, ZoneCell.Command> wrap,
      Duration patience) {
    return Behaviors.withTimers(
        timers -> {
          timers.startSingleTimer(GaveUp.INSTANCE, patience);
          return Behaviors.receive(Object.class)
              .onMessage(
                  ZoneCell.Reply.class,
                  reply -> {
                    cell.tell(wrap.apply(reply));
                    return Behaviors.stopped();
                  })
              .onMessage(GaveUp.class, g -> Behaviors.stopped())
              .build();
        });
  }
}
