package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.events.v1.CharacterCreated;
import org.bluemarble.protocol.events.v1.CharacterRenamed;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.ExperienceGained;
import org.bluemarble.protocol.events.v1.LevelledUp;
import org.bluemarble.protocol.events.v1.PlayerEvent;
import org.bluemarble.protocol.events.v1.PositionCheckpointed;

/** Characters: created, renamed, position checkpoints, experience and levels. */
final class PlayerEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.PLAYERS;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(Player.Event.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    PlayerEvent.Builder b = PlayerEvent.newBuilder();
    if (event instanceof Player.CharacterCreated e) {
      b.setCreated(
          CharacterCreated.newBuilder()
              .setPlayerId(e.playerId())
              .setName(str(e.name()))
              .setCharacterClass(str(e.characterClass()))
              .setAtMs(ms(e.createdAt())));
    } else if (event instanceof Player.PositionCheckpointed e) {
      PositionCheckpointed.Builder p =
          PositionCheckpointed.newBuilder().setPlayerId(e.playerId()).setAtMs(ms(e.at()));
      if (e.position() != null) {
        p.setLatitude(e.position().latitude())
            .setLongitude(e.position().longitude())
            .setAltitude(e.position().altitude());
      }
      b.setPositionCheckpointed(p);
    } else if (event instanceof Player.CharacterRenamed e) {
      b.setRenamed(CharacterRenamed.newBuilder().setPlayerId(e.playerId()).setName(str(e.name())));
    } else if (event instanceof Player.ExperienceGained e) {
      b.setExperienceGained(
          ExperienceGained.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setAmount(e.amount())
              .setSource(str(e.source()))
              .setGrantId(str(e.grantId()))
              .setTotalExperience(e.totalExperience())
              .setAtMs(ms(e.at())));
    } else if (event instanceof Player.LevelledUp e) {
      b.setLevelledUp(
          LevelledUp.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setLevel(e.level())
              .setAtMs(ms(e.at())));
    } else {
      throw ProtoValues.unknown(event);
    }
    into.setPlayer(b);
  }
}
