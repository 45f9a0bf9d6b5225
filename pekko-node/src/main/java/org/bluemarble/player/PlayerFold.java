package org.bluemarble.player;

import org.bluemarble.replay.EntityFold;

/** Replay of {@link Player}: the same state transitions as its event handler. */
public final class PlayerFold implements EntityFold<Player.State> {
  @Override
  public String entityType() {
    return Player.ENTITY_KEY.name();
  }

  @Override
  public Player.State initial(String entityId) {
    return Player.State.EMPTY;
  }

  @Override
  public Player.State apply(Player.State s, Object event) {
    if (event instanceof Player.CharacterCreated e) {
      return s.created(e);
    } else if (event instanceof Player.PositionCheckpointed e) {
      return s.checkpointed(e);
    } else if (event instanceof Player.CharacterRenamed e) {
      return s.renamed(e);
    }
    throw new IllegalArgumentException("not a Player event: " + event.getClass().getName());
  }

  @Override
  public Object view(Player.State s) {
    return s;
  }

  @Override
  public Object snapshotView(Object stored) {
    return stored instanceof Player.State s ? s : null;
  }
}
