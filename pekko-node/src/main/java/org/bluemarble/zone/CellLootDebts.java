package org.bluemarble.zone;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;

/**
 * The loot a {@link ZoneCell} owes: each journaled {@link ZoneCell.CombatLooted} with a holder is
 * owed (in the cell's state) until the holder's holdings answer its IN leg, and the cell posts it
 * itself, whether the player is online or not: after recovery, after each new drop and every {@link
 * #RETRY} while it stays owed (a lost answer, a full bag). The holdings apply a loot key once, so a
 * re-post never credits twice; a credited leg is settled by {@link ZoneCell.LootSettled}. A leg the
 * holdings refuse for another reason than space (it can never be credited) is settled too, with a
 * warning.
 */
final class CellLootDebts {
  /** Owed legs are re-posted at most this often while unanswered or refused for space. */
  static final Duration RETRY = Duration.ofSeconds(5);

  private final ActorContext<ZoneCell.Command> ctx;
  private final CellOutbox outbox;
  private final Set<String> inFlight = new HashSet<>();
  private Instant nextRound = Instant.MIN;

  CellLootDebts(ActorContext<ZoneCell.Command> ctx, CellOutbox outbox) {
    this.ctx = ctx;
    this.outbox = outbox;
  }

  /** Posts every owed leg not waiting for an answer (recovery, a new drop). */
  void postAll(Map<String, ZoneCell.OwedLoot> owed, Instant now) {
    nextRound = now.plus(RETRY);
    owed.forEach(
        (key, loot) -> {
          if (inFlight.add(key)) {
            Leg leg = Leg.in(key, loot.holder(), loot.copper(), loot.items());
            ctx.pipeToSelf(
                outbox.postLoot(loot.holder(), leg),
                (reply, failure) -> new ZoneCell.LootAnswered(key, reply, failure));
          }
        });
  }

  /** The periodic round: re-posts what is still owed every {@link #RETRY}. */
  void retry(Map<String, ZoneCell.OwedLoot> owed, Instant now) {
    if (!owed.isEmpty() && !now.isBefore(nextRound)) {
      postAll(owed, now);
    }
  }

  /**
   * The holdings answered (or not) the leg of {@code a}; true if the debt is settled (credited, or
   * refused for good) and the cell should journal {@link ZoneCell.LootSettled}.
   */
  boolean answered(ZoneCell.LootAnswered a) {
    inFlight.remove(a.lootKey());
    if (a.reply() instanceof LegReply.LegDone) {
      return true;
    }
    if (a.reply() instanceof LegReply.LegRefused r) {
      if (r.error() == MarketError.INSUFFICIENT_SPACE) {
        return false; // the bag is full: posted again at the next round
      }
      ctx.getLog().warn("loot {} refused for good, settled: {}", a.lootKey(), r.message());
      return true;
    }
    ctx.getLog().debug("loot {} not answered, re-posted later: {}", a.lootKey(), a.failure());
    return false;
  }
}
