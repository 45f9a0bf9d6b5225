package org.bluemarble.node;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.bluemarble.account.PlayerViews;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.PlayerView;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.player.Player;

/** The edge's view of players, implemented by asking the sharded {@link Player} entities. */
final class PlayerAdmin implements PlayerAdminPort {
  private final ClusterSharding sharding;
  private final Duration timeout;

  PlayerAdmin(ActorSystem<?> system, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<PlayerView> create(String name, String characterClass) {
    String id = UUID.randomUUID().toString();
    return player(id)
        .<Player.Reply>ask(r -> new Player.CreateCharacter(name, characterClass, r), timeout)
        .thenApply(
            reply -> {
              if (reply instanceof Player.Profile p) {
                return view(p);
              }
              Player.Rejected rejected = (Player.Rejected) reply;
              throw new PortException(code(rejected.reason()), rejected.message());
            });
  }

  @Override
  public CompletionStage<Optional<PlayerView>> find(UUID playerId) {
    return player(playerId.toString())
        .<Player.Reply>ask(Player.GetProfile::new, timeout)
        .thenApply(
            reply -> reply instanceof Player.Profile p ? Optional.of(view(p)) : Optional.empty());
  }

  private EntityRef<Player.Command> player(String id) {
    return sharding.entityRefFor(Player.ENTITY_KEY, id);
  }

  private static PortException.Code code(Player.Reason reason) {
    return switch (reason) {
      case INVALID_INPUT -> PortException.Code.INVALID_INPUT;
      case NOT_FOUND -> PortException.Code.NOT_FOUND;
      case ALREADY_EXISTS -> PortException.Code.CONFLICT;
    };
  }

  static PlayerView view(Player.Profile p) {
    return PlayerViews.of(p);
  }
}
