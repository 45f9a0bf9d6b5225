package org.bluemarble.zone;

import java.util.List;
import java.util.function.LongFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.spatial.GeoPosition;
import org.slf4j.Logger;

/**
 * Players leaving one {@link ZoneCell} for a neighbour: sends the handoff (EnterCell, then any
 * forwarded inputs: sharding keeps one sender's order to one entity), tells the session and
 * checkpoints; undoes a handoff the neighbour refused; and when the cell stops for passivation,
 * re-enters late arrivals into its next incarnation. Not thread-safe (one actor owns it).
 */
final class CellHandoffs {
  /** The correction reason when a neighbour refused a handoff. */
  static final String HANDOFF_REFUSED = "HANDOFF_REFUSED";

  private final CellSimulation sim;
  private final CellRoster roster;
  private final String cellId;
  private final CellOutbox outbox;
  private final LongFunction<ActorRef<ZoneCell.Reply>> receipts;
  private final long forwardTicks;
  private final Logger log;

  /**
   * Handoffs of {@code sim}; {@code receipts} makes the reply-to of one handoff, inputs are
   * forwarded {@code forwardTicks} after it.
   */
  CellHandoffs(
      CellSimulation sim,
      CellRoster roster,
      CellOutbox outbox,
      LongFunction<ActorRef<ZoneCell.Reply>> receipts,
      long forwardTicks,
      Logger log) {
    this.sim = sim;
    this.roster = roster;
    this.cellId = CellIds.entityId(sim.cellId());
    this.outbox = outbox;
    this.receipts = receipts;
    this.forwardTicks = forwardTicks;
    this.log = log;
  }

  /** Hands over every player the tick moved out of the cell. */
  void handOff(TickReport report) {
    for (TickReport.Handoff h : report.handoffs()) {
      CellRoster.Link link = roster.remove(h.playerId());
      if (link == null) {
        continue;
      }
      ActorRef<ZoneCell.Reply> receipt = receipts.apply(h.playerId());
      outbox.toCell(h.targetCell(), CellMessages.enterFor(h, link, receipt));
      forwardQueued(h, link);
      link.session()
          .tell(new SessionEvent.HandedOff(h.playerId(), CellIds.entityId(h.targetCell())));
      outbox.checkpoint(link.playerId(), h.position());
      roster.handedOff(
          h.playerId(),
          h.targetCell(),
          report.tick() + forwardTicks,
          new CellRoster.Pending(h, link));
    }
  }

  /**
   * The neighbour answered the handoff of {@code id}: on a refusal the player is simulated here
   * again (standing where it left) and its session is told where it is and corrected.
   */
  void answered(long id, ZoneCell.Reply reply) {
    CellRoster.Pending p = roster.answered(id);
    if (p == null || !(reply instanceof ZoneCell.Rejected rejected)) {
      return;
    }
    TickReport.Handoff h = p.handoff();
    log.warn(
        "cell {}: {} refused player {} ({}); keeping it here",
        cellId,
        CellIds.entityId(h.targetCell()),
        p.link().playerId(),
        rejected.message());
    sim.readmit(id, h.characterClass(), h.position(), h.lastSequence());
    roster.add(id, p.link());
    ActorRef<SessionEvent> session = p.link().session();
    session.tell(new SessionEvent.HandedOff(id, cellId));
    GeoPosition at = h.position();
    session.tell(
        new SessionEvent.Correction(
            id,
            at.latitudeDeg(),
            at.longitudeDeg(),
            at.altitudeMeters(),
            h.lastSequence(),
            HANDOFF_REFUSED,
            0.0));
  }

  /**
   * The cell stops (passivation, or its node hands its shards off): players still here are sent to
   * the cell's next incarnation, which sharding starts with these messages, instead of being lost.
   * When the node shuts down and no other node can host that incarnation (the last node), they are
   * not re-entered: the message would wait in this node's stopping region until its shutdown phase
   * timed out. Its presences took their players out before (the node's presences leave the world
   * ahead of the handoff, which checkpoints them); anyone still here stays at its last checkpoint.
   */
  void stopping() {
    List<TickReport.Handoff> left = sim.evacuate();
    if (left.isEmpty()) {
      return;
    }
    boolean reenter = outbox.nextIncarnationReachable();
    for (TickReport.Handoff h : left) {
      CellRoster.Link link = roster.remove(h.playerId());
      if (link == null) {
        continue;
      }
      if (!reenter) {
        log.warn(
            "cell {} stopping with player {} on the last node: not re-entering it (it stays at its"
                + " last checkpoint)",
            cellId,
            link.playerId());
        continue;
      }
      log.info("cell {} stopping with player {}; re-entering it", cellId, link.playerId());
      outbox.toCell(h.targetCell(), CellMessages.enterFor(h, link, receipts.apply(h.playerId())));
      forwardQueued(h, link);
    }
  }

  /** The inputs the player queued here and had not started go to the target, in order. */
  private void forwardQueued(TickReport.Handoff h, CellRoster.Link link) {
    for (MovementInput input : h.queued()) {
      outbox.toCell(h.targetCell(), CellMessages.inputFor(link, input));
    }
  }
}
