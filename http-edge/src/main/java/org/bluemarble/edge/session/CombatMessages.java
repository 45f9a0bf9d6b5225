package org.bluemarble.edge.session;

import org.bluemarble.edge.port.CombatPush;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.CombatEvent;
import org.bluemarble.protocol.v1.CombatEvents;
import org.bluemarble.protocol.v1.EntityVitals;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.LootCredited;
import org.bluemarble.protocol.v1.LootItem;
import org.bluemarble.protocol.v1.Progress;
import org.bluemarble.protocol.v1.Vitals;

/**
 * Combat and gathering on the client wire, in one place: {@code UseAbility} and {@code HarvestNode}
 * → the {@link Presence}, and {@link CombatPush} → {@code CombatEvents} (+ {@code Vitals}), {@code
 * LootCredited}, {@code Progress} or an {@code Error} with a combat code and the request's
 * correlation id. Rules are the world's; only what cannot be a request at all is refused here.
 */
final class CombatMessages {
  /** Longest ability id accepted (the book's ids are short words). */
  static final int MAX_ABILITY_ID = 64;

  /** Most units one harvest may ask for. */
  static final int MAX_HARVEST = 10;

  private CombatMessages() {}

  /**
   * Forwards a UseAbility or HarvestNode of request {@code id} to {@code presence}.
   *
   * @throws ProtocolException CODE_INVALID_INPUT for an empty or overlong ability id, a missing
   *     node or an amount outside 1-{@value #MAX_HARVEST}
   */
  static void handle(long id, Presence presence, Envelope in) {
    switch (in.getMessageCase()) {
      case USE_ABILITY -> {
        String ability = in.getUseAbility().getAbilityId().trim();
        if (ability.isEmpty() || ability.length() > MAX_ABILITY_ID) {
          throw new ProtocolException(
              Error.Code.CODE_INVALID_INPUT,
              "use_ability.ability_id must be 1-" + MAX_ABILITY_ID + " characters");
        }
        presence.useAbility(id, ability, in.getUseAbility().getTargetId());
      }
      case HARVEST_NODE -> {
        var h = in.getHarvestNode();
        int amount = h.getAmount() == 0 ? 1 : h.getAmount();
        if (h.getNodeId() == 0 || amount < 1 || amount > MAX_HARVEST) {
          throw new ProtocolException(
              Error.Code.CODE_INVALID_INPUT,
              "harvest_node needs a node_id and an amount of 1-" + MAX_HARVEST);
        }
        presence.harvest(id, h.getNodeId(), amount);
      }
      default ->
          throw new ProtocolException(
              Error.Code.CODE_UNKNOWN_MESSAGE, in.getMessageCase() + " is not a combat message");
    }
  }

  /**
   * Sends the envelopes of {@code push} (CombatEvents then Vitals, or one message) to {@code out}.
   */
  static void send(CombatPush push, SessionOutput out) {
    if (push instanceof CombatPush.Events e) {
      if (!e.events().isEmpty()) {
        CombatEvents.Builder b = CombatEvents.newBuilder().setTick(e.tick());
        e.events().forEach(ev -> b.addEvents(event(ev)));
        out.send(Envelope.newBuilder().setCombatEvents(b).build());
      }
      if (!e.vitals().isEmpty()) {
        Vitals.Builder v = Vitals.newBuilder();
        for (CombatPush.Vitals x : e.vitals()) {
          v.addEntities(
              EntityVitals.newBuilder()
                  .setEntityId(x.entityId())
                  .setHealth(x.health())
                  .setMaxHealth(x.maxHealth())
                  .setMana(x.mana())
                  .setMaxMana(x.maxMana()));
        }
        out.send(Envelope.newBuilder().setVitals(v).build());
      }
    } else if (push instanceof CombatPush.Refused r) {
      out.send(
          Envelope.newBuilder()
              .setCorrelationId(r.correlationId())
              .setError(
                  Error.newBuilder()
                      .setCode(codeOf(r.reason()))
                      .setReason(r.reason().name())
                      .setMessage(r.message()))
              .build());
    } else if (push instanceof CombatPush.Credited c) {
      LootCredited.Builder l =
          LootCredited.newBuilder()
              .setKey(c.key())
              .setCopper(c.copper())
              .setInventoryFull(c.inventoryFull());
      c.items()
          .forEach(
              i ->
                  l.addItems(
                      LootItem.newBuilder().setItemId(i.itemId()).setQuantity(i.quantity())));
      out.send(
          Envelope.newBuilder().setCorrelationId(c.correlationId()).setLootCredited(l).build());
    } else if (push instanceof CombatPush.Progress p) {
      out.send(
          Envelope.newBuilder()
              .setProgress(
                  Progress.newBuilder()
                      .setLevel(p.level())
                      .setExperience(p.experience())
                      .setNextLevelAt(p.nextLevelAt()))
              .build());
    }
  }

  static Error.Code codeOf(CombatPush.Reason reason) {
    return switch (reason) {
      case INVALID_TARGET -> Error.Code.CODE_COMBAT_INVALID_TARGET;
      case OUT_OF_RANGE -> Error.Code.CODE_COMBAT_OUT_OF_RANGE;
      case NO_LINE_OF_SIGHT -> Error.Code.CODE_COMBAT_NO_LINE_OF_SIGHT;
      case PROTECTED_ZONE -> Error.Code.CODE_COMBAT_PROTECTED_ZONE;
      case ON_COOLDOWN -> Error.Code.CODE_COMBAT_ON_COOLDOWN;
      case NOT_ENOUGH_RESOURCE -> Error.Code.CODE_COMBAT_NOT_ENOUGH_RESOURCE;
      case UNKNOWN_ABILITY -> Error.Code.CODE_COMBAT_UNKNOWN_ABILITY;
      case INCAPACITATED -> Error.Code.CODE_COMBAT_INCAPACITATED;
      case NOTHING_TO_HARVEST -> Error.Code.CODE_HARVEST_REFUSED;
      case INVENTORY_FULL -> Error.Code.CODE_INVENTORY_FULL;
      case NOT_IN_WORLD -> Error.Code.CODE_OUT_OF_PHASE;
    };
  }

  private static CombatEvent event(CombatPush.Event e) {
    CombatEvent.Builder b =
        CombatEvent.newBuilder()
            .setUserId(e.userId())
            .setTargetId(e.targetId())
            .setAbilityId(e.abilityId() == null ? "" : e.abilityId())
            .setKind(kindOf(e.kind()))
            .setAmount(Math.max(0, e.amount()))
            .setAbsorbed(Math.max(0, e.absorbed()))
            .setCrit(e.crit())
            .setHealthLeft(Math.max(0, e.healthLeft()))
            .setExperience(e.experience());
    if (e.effect() != null) {
      b.setEffect(effectOf(e.effect()))
          .setEffectMillis((int) Math.min(Integer.MAX_VALUE, Math.max(0, e.effectMillis())));
    }
    return b.build();
  }

  private static CombatEvent.Kind kindOf(CombatPush.Kind k) {
    return switch (k) {
      case ABILITY_USED -> CombatEvent.Kind.KIND_ABILITY_USED;
      case HIT -> CombatEvent.Kind.KIND_HIT;
      case MISS -> CombatEvent.Kind.KIND_MISS;
      case HEAL -> CombatEvent.Kind.KIND_HEAL;
      case EFFECT -> CombatEvent.Kind.KIND_EFFECT;
      case DEATH -> CombatEvent.Kind.KIND_DEATH;
      case RESPAWN -> CombatEvent.Kind.KIND_RESPAWN;
    };
  }

  private static CombatEvent.StatusEffect effectOf(CombatPush.Effect e) {
    return switch (e) {
      case DAMAGE_OVER_TIME -> CombatEvent.StatusEffect.STATUS_EFFECT_DAMAGE_OVER_TIME;
      case SLOW -> CombatEvent.StatusEffect.STATUS_EFFECT_SLOW;
      case STUN -> CombatEvent.StatusEffect.STATUS_EFFECT_STUN;
      case SHIELD -> CombatEvent.StatusEffect.STATUS_EFFECT_SHIELD;
    };
  }
}
