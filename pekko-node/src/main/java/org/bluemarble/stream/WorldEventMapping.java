package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.protocol.events.v1.AbilityDamage;
import org.bluemarble.protocol.events.v1.CombatDamageSummary;
import org.bluemarble.protocol.events.v1.CombatEvent;
import org.bluemarble.protocol.events.v1.CombatKill;
import org.bluemarble.protocol.events.v1.CombatLoot;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.ResourceDepleted;
import org.bluemarble.protocol.events.v1.ResourceHarvested;
import org.bluemarble.protocol.events.v1.ResourceRespawned;
import org.bluemarble.protocol.events.v1.WorldEvent;
import org.bluemarble.zone.ZoneCell;

/**
 * Zone cells' persisted facts: resource nodes harvested, depleted, respawned (WorldEvent), and
 * combat deaths, loot and damage summaries (CombatEvent, envelope field 15), all on the world
 * topic.
 */
final class WorldEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.WORLD;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(ZoneCell.Event.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    if (event instanceof ZoneCell.CombatKilled k) {
      into.setCombat(
          CombatEvent.newBuilder()
              .setKill(
                  CombatKill.newBuilder()
                      .setCellId(str(k.cellId()))
                      .setTick(k.tick())
                      .setVictimId(k.victimId())
                      .setVictimIsPlayer(k.victimIsPlayer())
                      .setKillerId(k.killerId())
                      .setAbilityId(str(k.abilityId()))
                      .setExperience(k.experience())
                      .setAtMs(ms(k.at()))));
      return;
    }
    if (event instanceof ZoneCell.CombatLooted l) {
      into.setCombat(
          CombatEvent.newBuilder()
              .setLoot(
                  CombatLoot.newBuilder()
                      .setCellId(str(l.cellId()))
                      .setTick(l.tick())
                      .setPlayerId(l.playerId())
                      .setVictimId(l.victimId())
                      .setLootKey(str(l.lootKey()))
                      .setCopper(l.copper())
                      .addAllItems(ProtoValues.items(l.items()))
                      .setAtMs(ms(l.at()))));
      return;
    }
    if (event instanceof ZoneCell.CombatDamaged d) {
      CombatDamageSummary.Builder summary =
          CombatDamageSummary.newBuilder()
              .setCellId(str(d.cellId()))
              .setTick(d.tick())
              .setAtMs(ms(d.at()));
      for (ZoneCell.AbilityDamage a : d.abilities()) {
        summary.addAbilities(
            AbilityDamage.newBuilder()
                .setAbilityId(str(a.abilityId()))
                .setHits(a.hits())
                .setCrits(a.crits())
                .setDamage(a.damage()));
      }
      into.setCombat(CombatEvent.newBuilder().setDamage(summary));
      return;
    }
    if (event instanceof ZoneCell.LootSettled s) {
      into.setCombat(
          CombatEvent.newBuilder()
              .setLootSettled(
                  org.bluemarble.protocol.events.v1.CombatLootSettled.newBuilder()
                      .setCellId(str(s.cellId()))
                      .setLootKey(str(s.lootKey()))
                      .setAtMs(ms(s.at()))));
      return;
    }
    WorldEvent.Builder b = WorldEvent.newBuilder();
    if (event instanceof ZoneCell.ResourceHarvested e) {
      b.setResourceHarvested(
          ResourceHarvested.newBuilder()
              .setCellId(str(e.cellId()))
              .setNodeId(e.nodeId())
              .setPlayerId(e.playerId())
              .setAmount(e.amount())
              .setRemaining(e.remaining())
              .setAtMs(ms(e.at())));
    } else if (event instanceof ZoneCell.ResourceDepleted e) {
      b.setResourceDepleted(
          ResourceDepleted.newBuilder()
              .setCellId(str(e.cellId()))
              .setNodeId(e.nodeId())
              .setAtMs(ms(e.at()))
              .setRespawnAtMs(ms(e.respawnAt())));
    } else if (event instanceof ZoneCell.ResourceRespawned e) {
      b.setResourceRespawned(
          ResourceRespawned.newBuilder()
              .setCellId(str(e.cellId()))
              .setNodeId(e.nodeId())
              .setAtMs(ms(e.at())));
    } else {
      throw ProtoValues.unknown(event);
    }
    into.setWorld(b);
  }
}
