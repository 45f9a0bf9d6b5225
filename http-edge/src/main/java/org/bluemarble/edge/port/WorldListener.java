package org.bluemarble.edge.port;

import java.util.List;
import org.bluemarble.protocol.snapshot.EntityState;

/**
 * Receives what the world says about one character in it. Called from the world's threads:
 * acknowledgements, corrections, enter/leave notices and snapshots one at a time per presence (in
 * the order the world produced them, often straight from the cell's thread); the other calls may
 * overlap those. Implementations must be thread-safe, return quickly and never block (queue and
 * return).
 */
public interface WorldListener {

  /**
   * Inputs up to {@code sequence} were played; {@code position} and {@code headingDeg} (clockwise
   * from north) are the authoritative state right after input {@code sequence}, at zone tick {@code
   * serverTick}: a client adopts them and re-applies its later inputs.
   */
  void onInputAck(long sequence, PlayPosition position, double headingDeg, long serverTick);

  /**
   * The world overrode the prediction (clamped or refused input, terrain, a re-entry): {@code
   * position} and {@code headingDeg} (degrees clockwise from north) are the authoritative state
   * after input {@code sequence}.
   */
  void onCorrection(long sequence, PlayPosition position, String reason, double headingDeg);

  /**
   * The entities in the area of interest and the character itself, at zone tick {@code tick}; a
   * cell sends them in ascending entity id order, which spares the snapshot encoder its sort (any
   * order is encoded the same). The list and its entries may be shared with other observers' calls
   * of the same tick (a cell builds each entity's entry once per tick): read them, never change
   * them.
   */
  void onSnapshot(long tick, List<SeenEntity> visible);

  /** An entity came into the area of interest (its state follows in the next snapshot). */
  void onEntityEntered(long entityId);

  /** An entity left the area of interest. */
  void onEntityLeft(long entityId);

  /** An announcement for everyone online. */
  void onAnnouncement(String message, String from);

  /** The presence ended and no more calls follow; the connection should close with the reason. */
  void onEnded(EndReason reason, String detail);

  /** Why a presence ended. */
  enum EndReason {
    /** The same player entered through another connection. */
    REPLACED,
    /** A moderator removed the account. */
    KICKED,
    /** The character left the world (logout or grace period over). */
    LEFT,
    /** The world could not keep the character (cell lost and re-entry failed). */
    FAILED,
    /**
     * The client sent inputs faster than its cell accepts them (its input queue overflowed): the
     * connection is dropped, the character stays for the grace period as after a lost connection.
     */
    FLOODED,
    /**
     * The node holding the connection is stopping: the character left the world where it stood; the
     * client connects again (another node serves the world).
     */
    NODE_STOPPING
  }

  /**
   * One entity in a snapshot.
   *
   * @param headingDeg clockwise from north
   * @param state the quantised state the snapshot carries, built once per tick by the world and
   *     shared by every observer's snapshot; null when the world did not quantise it (the edge then
   *     quantises the degrees itself) or the position is outside the quantiser's range
   */
  record SeenEntity(
      long entityId,
      Kind kind,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      double headingDeg,
      EntityState state) {

    /** An entity the edge quantises itself. */
    public SeenEntity(
        long entityId,
        Kind kind,
        double latitudeDeg,
        double longitudeDeg,
        double altitudeMeters,
        double headingDeg) {
      this(entityId, kind, latitudeDeg, longitudeDeg, altitudeMeters, headingDeg, null);
    }
  }

  /** What an entity is. */
  enum Kind {
    PLAYER,
    NPC,
    RESOURCE,
    OTHER
  }

  /** Chat for this player: a delivered line, or the answer to its own {@link Presence#chat}. */
  default void onChat(ChatPush push) {}

  /** Combat and gathering for this player (see {@link CombatPush}). */
  default void onCombat(CombatPush push) {}

  /** Social life of this player: answers to {@link Presence#social}, presence, invites, notices. */
  default void onSocial(SocialPush push) {}
}
