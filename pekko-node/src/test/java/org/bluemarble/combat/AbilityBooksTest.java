package org.bluemarble.combat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.bluemarble.edge.port.AbilityBook;
import org.bluemarble.player.CharacterClass;
import org.junit.jupiter.api.Test;

/**
 * The book the browser's abilities bar reads ({@code /web/abilities.json}) is the combat catalogue
 * itself: every class, every ability, in the catalogue's order, with its cooldown and targeting.
 */
class AbilityBooksTest {

  @Test
  void everyClassHasItsCatalogueAbilitiesInOrder() throws Exception {
    AbilityBook book = AbilityBooks.forClients();
    assertThat(book.byClass()).hasSize(CharacterClass.values().length);
    for (CharacterClass cls : CharacterClass.values()) {
      List<Ability> catalogue = Abilities.of(cls);
      List<AbilityBook.Entry> entries = book.byClass().get(cls.displayName());
      assertThat(entries).as(cls.displayName()).hasSameSizeAs(catalogue).isNotEmpty();
      for (int i = 0; i < catalogue.size(); i++) {
        Ability a = catalogue.get(i);
        AbilityBook.Entry e = entries.get(i);
        assertThat(e.id()).isEqualTo(a.id());
        assertThat(e.cooldownMillis()).isEqualTo(a.cooldownMillis());
        assertThat(e.targeting()).isEqualTo(a.targeting().name());
        assertThat(e.cost()).isEqualTo(a.cost());
      }
    }
    // As the node serves it: class name → [{id, targeting, cooldownMillis, …}].
    JsonNode json =
        new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(book.byClass()));
    String first = CharacterClass.values()[0].displayName();
    assertThat(json.path(first).get(0).path("id").asText())
        .isEqualTo(Abilities.of(CharacterClass.values()[0]).get(0).id());
    assertThat(json.path(first).get(0).has("cooldownMillis")).isTrue();
  }
}
