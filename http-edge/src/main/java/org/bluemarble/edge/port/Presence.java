package org.bluemarble.edge.port;

/**
 * One character in the world, held by one connection. Every method is fire-and-forget and
 * thread-safe; results arrive at the {@link WorldListener} given to {@link PlayPort#enter}.
 */
public interface Presence {

  /** Where and how the character entered (or resumed). */
  Entered entered();

  /**
   * One movement input. {@code sequence} increases per character; inputs at or below the last
   * processed one are ignored by the world.
   */
  void input(long sequence, PlayIntent intent, long clientTimeMillis);

  /**
   * The connection dropped: the character stays in the world for the grace period, during which
   * {@link PlayPort#enter} with the same account and player resumes it; afterwards it leaves at its
   * last position.
   */
  void detach();

  /** Takes the character out of the world now (logout); its position is checkpointed. */
  void leave();

  /**
   * Says a chat line for {@code correlationId}; the answer ({@link ChatPush.Accepted} or {@link
   * ChatPush.Refused}) and the deliveries arrive at {@link WorldListener#onChat}.
   */
  default void chat(long correlationId, ChatLine line) {
    throw new UnsupportedOperationException("this world has no chat");
  }

  /**
   * One social action for {@code correlationId} (friends, ignore, guild, party, report); the answer
   * ({@link SocialPush.Answer} or {@link SocialPush.Refused}) arrives at {@link
   * WorldListener#onSocial}.
   */
  default void social(long correlationId, SocialAction action) {
    throw new UnsupportedOperationException("this world has no social features");
  }

  /**
   * What the world said on entering.
   *
   * @param entityId the character's own entity id in snapshots
   * @param position where it stands
   * @param headingDeg clockwise from north
   * @param lastSequence the last input sequence the world processed (0 for a fresh entry)
   * @param simulationHz zone ticks per second
   * @param snapshotHz snapshots per second
   * @param planetRadiusMeters the planet's radius, for client prediction
   * @param maxSpeedMps the character class's top speed (inputs above it are clamped)
   * @param resumed true when an existing presence was resumed
   */
  record Entered(
      long entityId,
      PlayPosition position,
      double headingDeg,
      long lastSequence,
      int simulationHz,
      int snapshotHz,
      double planetRadiusMeters,
      double maxSpeedMps,
      boolean resumed) {}

  /**
   * Uses {@code abilityId} on {@code targetId} (0: oneself or around oneself), decided in the
   * cell's next tick; a refusal arrives as {@link CombatPush.Refused} with {@code correlationId},
   * the outcome as {@link CombatPush.Events} at {@link WorldListener#onCombat}.
   */
  default void useAbility(long correlationId, String abilityId, long targetId) {
    throw new UnsupportedOperationException("this world has no combat");
  }

  /**
   * Gathers {@code amount} units from resource node {@code nodeId} within reach; the answer is
   * {@link CombatPush.Credited} or {@link CombatPush.Refused} with {@code correlationId}.
   */
  default void harvest(long correlationId, long nodeId, int amount) {
    throw new UnsupportedOperationException("this world has no gathering");
  }
}
