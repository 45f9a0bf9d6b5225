package org.bluemarble.account;

import org.bluemarble.edge.port.PlayerView;
import org.bluemarble.player.Player;

/** The edge's {@link PlayerView} of a {@link Player.Profile}. */
public final class PlayerViews {
  private PlayerViews() {}

  public static PlayerView of(Player.Profile p) {
    PlayerView.GeoPoint position =
        p.position() == null
            ? null
            : new PlayerView.GeoPoint(
                p.position().latitude(), p.position().longitude(), p.position().altitude());
    return new PlayerView(
        p.playerId(),
        p.name(),
        p.characterClass().displayName(),
        position,
        p.createdAt(),
        p.revision(),
        p.hostedBy());
  }
}
