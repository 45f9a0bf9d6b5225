package org.bluemarble.combat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.edge.port.AbilityBook;
import org.bluemarble.player.CharacterClass;

/** The ability book as clients see it, made from {@link Abilities} (the one catalogue). */
public final class AbilityBooks {
  private static final AbilityBook BOOK = build();

  private AbilityBooks() {}

  /** Every class's abilities, in the catalogue's order. */
  public static AbilityBook forClients() {
    return BOOK;
  }

  private static AbilityBook build() {
    Map<String, List<AbilityBook.Entry>> byClass = new LinkedHashMap<>();
    for (CharacterClass cls : CharacterClass.values()) {
      List<AbilityBook.Entry> entries = new ArrayList<>();
      for (Ability a : Abilities.of(cls)) {
        entries.add(
            new AbilityBook.Entry(
                a.id(),
                a.targeting().name(),
                a.effect().name(),
                a.rangeMeters(),
                a.radiusMeters(),
                a.castMillis(),
                a.cooldownMillis(),
                a.pool().name(),
                a.cost(),
                a.status() == null ? "" : a.status().kind().name()));
      }
      byClass.put(cls.displayName(), List.copyOf(entries));
    }
    return new AbilityBook(byClass);
  }
}
