package org.bluemarble.zone.combat;

import org.bluemarble.combat.Combatant;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.zone.CreatureKind;

/**
 * One fighter of a {@link CellCombat}: a player (with its class) or a creature (with its kind and
 * fighting brain), its body, PvP flag and respawn time. Owned by the cell's combat.
 */
final class Fighter {
  final Combatant body;
  final CharacterClass cls; // null for creatures
  final CreatureKind kind; // null for players
  final CreatureBrain brain; // null for players
  boolean pvpFlag;
  long respawnAtMillis = -1;
  // a player of a neighbour cell, here only while its forwarded ability resolves
  final boolean visitor;

  Fighter(Combatant body, CharacterClass cls, CreatureKind kind, boolean pvpFlag) {
    this(body, cls, kind, pvpFlag, false);
  }

  Fighter(Combatant body, CharacterClass cls, CreatureKind kind, boolean pvpFlag, boolean visitor) {
    this.body = body;
    this.cls = cls;
    this.kind = kind;
    this.brain = kind == null ? null : new CreatureBrain(kind);
    this.pvpFlag = pvpFlag;
    this.visitor = visitor;
  }

  boolean player() {
    return cls != null;
  }
}
