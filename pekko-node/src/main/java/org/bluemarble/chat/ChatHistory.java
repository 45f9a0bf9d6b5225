package org.bluemarble.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last lines per channel key (e.g. "GENERAL", "TRADE/1c"), at most {@code limit} each, oldest
 * first: what a player who just joined sees. Pure and not thread-safe (one actor owns it).
 */
public final class ChatHistory {
  private final int limit;
  private final Map<String, Deque<ChatEntry>> byChannel = new HashMap<>();

  public ChatHistory(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0");
    }
    this.limit = limit;
  }

  /** Remembers {@code entry} under {@code key}, forgetting the oldest beyond the limit. */
  public void add(String key, ChatEntry entry) {
    if (limit == 0) {
      return;
    }
    Deque<ChatEntry> lines = byChannel.computeIfAbsent(key, k -> new ArrayDeque<>());
    lines.addLast(entry);
    while (lines.size() > limit) {
      lines.removeFirst();
    }
  }

  /** The remembered lines of {@code key}, oldest first. */
  public List<ChatEntry> recent(String key) {
    Deque<ChatEntry> lines = byChannel.get(key);
    return lines == null ? List.of() : new ArrayList<>(lines);
  }
}
