package org.bluemarble.protocol.client;

import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.v1.ChatMessage;
import org.bluemarble.protocol.v1.Correction;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.EntityEnter;
import org.bluemarble.protocol.v1.EntityLeave;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.ServerNotice;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * Receives what the server pushes to a {@link BlueMarbleClient}. Called on the transport's I/O
 * thread: return quickly. Every method has an empty default.
 */
public interface ClientListener {

  /**
   * A snapshot arrived; {@code state} is everything the client now knows around it, or null when
   * the client does not decode snapshots ({@link BlueMarbleClient#decodeSnapshots}).
   */
  default void onSnapshot(Snapshot snapshot, SnapshotState state) {}

  /** An entity came into view. */
  default void onEntityEnter(EntityEnter enter) {}

  /** An entity left the view. */
  default void onEntityLeave(EntityLeave leave) {}

  /** Inputs were acknowledged; {@code predicted} is the reconciled prediction. */
  default void onInputAck(InputAck ack, MovementState predicted) {}

  /** The server overrode the prediction; {@code predicted} is the reconciled prediction. */
  default void onCorrection(Correction correction, MovementState predicted) {}

  /** An error not tied to a pending request. */
  default void onError(Error error) {}

  /** A chat line. */
  default void onChat(ChatMessage message) {}

  /** A social update: a friend's presence, an invitation, guild or party news, a notification. */
  default void onSocial(org.bluemarble.protocol.v1.SocialUpdate update) {}

  /** An announcement. */
  default void onNotice(ServerNotice notice) {}

  /** The server announced it is closing the connection. */
  default void onDisconnect(Disconnect disconnect) {}

  /** The transport closed ({@code cause} null for an orderly close). */
  default void onClosed(Throwable cause) {}

  /** The server pushed the player's wallet (after an economy operation). */
  default void onWalletUpdate(org.bluemarble.protocol.v1.WalletUpdate wallet) {}

  /** The display name of an entity announced earlier by {@link #onEntityEnter} under its kind. */
  default void onEntityName(org.bluemarble.protocol.v1.EntityName name) {}

  /** What combat did this tick within view (hits, heals, effects, deaths, respawns). */
  default void onCombatEvents(org.bluemarble.protocol.v1.CombatEvents events) {}

  /** Health and mana of visible entities that changed. */
  default void onVitals(org.bluemarble.protocol.v1.Vitals vitals) {}

  /** Loot or a harvest's yield credited to the holdings (a harvest's also completes its future). */
  default void onLootCredited(org.bluemarble.protocol.v1.LootCredited loot) {}

  /** The character's level and experience after a change. */
  default void onProgress(org.bluemarble.protocol.v1.Progress progress) {}

  /** A {@link BlueMarbleClient#useAbility} with this correlation id was refused. */
  default void onCombatRefused(long correlationId, Error error) {}

  /**
   * Party mates' positions and health (about once a second; possibly only some mates per update,
   * keep the newest per player).
   */
  default void onPartyUpdate(org.bluemarble.protocol.v1.PartyUpdate update) {}
}
