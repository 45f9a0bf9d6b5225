package org.bluemarble.player;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The playable classes of the game design document. */
public enum CharacterClass {
  WARRIOR("Warrior"),
  RANGER("Ranger"),
  MAGE("Mage"),
  HEALER("Healer");

  private final String displayName;

  CharacterClass(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** Parses "Warrior", "warrior", "WARRIOR"; empty for anything else. */
  public static Optional<CharacterClass> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.name().equals(t)).findFirst();
  }

  /** "Warrior, Ranger, Mage, Healer" for error messages. */
  public static String allowed() {
    return Arrays.stream(values())
        .map(CharacterClass::displayName)
        .collect(Collectors.joining(", "));
  }
}
