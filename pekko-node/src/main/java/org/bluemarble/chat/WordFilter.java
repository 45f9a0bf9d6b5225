package org.bluemarble.chat;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks blocked words in chat text: each letter of a blocked word becomes {@code *}, whatever its
 * case, where it stands as a word of its own or inside a longer one ("badword" in "badwords").
 * Pure; the list comes from {@code bluemarble.chat.blocked-words}.
 */
public final class WordFilter {
  private final Pattern pattern;

  /** A filter for these words (blank ones are ignored); an empty list masks nothing. */
  public WordFilter(Collection<String> blocked) {
    List<String> words =
        blocked.stream()
            .map(w -> w.strip().toLowerCase(Locale.ROOT))
            .filter(w -> !w.isEmpty())
            .distinct()
            // Longer words first so the alternation prefers "badword" over "bad".
            .sorted((a, b) -> Integer.compare(b.length(), a.length()))
            .map(Pattern::quote)
            .toList();
    this.pattern =
        words.isEmpty()
            ? null
            : Pattern.compile(
                String.join("|", words), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The text with every blocked word masked; the same length as {@code text}. */
  public String mask(String text) {
    if (pattern == null || text.isEmpty()) {
      return text;
    }
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    do {
      for (int i = m.start(); i < m.end(); i++) {
        out.setCharAt(i, '*');
      }
    } while (m.find());
    return out.toString();
  }
}
