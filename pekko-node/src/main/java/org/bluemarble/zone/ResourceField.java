package org.bluemarble.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource nodes of one cell as tiny state machines: FULL/PARTIAL → (harvested empty) →
 * DEPLETED → (respawn time reached) → FULL. Decisions ({@link #harvest}, {@link #dueRespawns}) only
 * return facts; {@link #apply} changes state, so the actor persists first and then applies, and
 * recovery replays the same facts through {@link #apply}.
 */
public final class ResourceField {

  /** A read-only view of one node. */
  public record NodeView(
      long id,
      ResourceKind kind,
      org.bluemarble.spatial.GeoPosition position,
      int remaining,
      Instant respawnAt) {
    /** Whether it can be harvested now. */
    public boolean available() {
      return respawnAt == null;
    }
  }

  private static final class Node {
    final ResourceSpawn spawn;
    int remaining;
    Instant respawnAt;

    Node(ResourceSpawn spawn) {
      this.spawn = spawn;
      this.remaining = spawn.kind().capacity();
    }
  }

  private final Map<Long, Node> nodes = new LinkedHashMap<>();

  /** All {@code spawns} full. */
  public ResourceField(Collection<ResourceSpawn> spawns) {
    for (ResourceSpawn s : spawns) {
      nodes.put(s.id(), new Node(s));
    }
  }

  /**
   * The facts of {@code playerId} taking up to {@code amount} units from {@code nodeId} at {@code
   * now}: nothing when the node is unknown or depleted; a {@link ZoneFact.ResourceHarvested} of
   * what was really taken, plus a {@link ZoneFact.ResourceDepleted} if that empties it.
   *
   * @throws IllegalArgumentException if {@code amount} is not positive
   */
  public List<ZoneFact> harvest(long nodeId, long playerId, int amount, Instant now) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount = " + amount + " must be > 0");
    }
    Node node = nodes.get(nodeId);
    if (node == null || node.respawnAt != null) {
      return List.of();
    }
    int taken = Math.min(amount, node.remaining);
    int left = node.remaining - taken;
    List<ZoneFact> facts = new ArrayList<>(2);
    facts.add(new ZoneFact.ResourceHarvested(nodeId, playerId, taken, left, now));
    if (left == 0) {
      facts.add(
          new ZoneFact.ResourceDepleted(nodeId, now, now.plus(node.spawn.kind().respawnAfter())));
    }
    return facts;
  }

  /** A {@link ZoneFact.ResourceRespawned} for every depleted node whose time has come. */
  public List<ZoneFact> dueRespawns(Instant now) {
    List<ZoneFact> facts = null;
    for (Node node : nodes.values()) {
      if (node.respawnAt != null && !now.isBefore(node.respawnAt)) {
        if (facts == null) {
          facts = new ArrayList<>();
        }
        facts.add(new ZoneFact.ResourceRespawned(node.spawn.id(), now));
      }
    }
    return facts == null ? List.of() : facts;
  }

  /** Applies a fact (live or during replay); facts about unknown nodes are ignored. */
  public void apply(ZoneFact fact) {
    if (fact instanceof ZoneFact.ResourceHarvested h) {
      Node node = nodes.get(h.nodeId());
      if (node != null) {
        node.remaining = h.remaining();
      }
    } else if (fact instanceof ZoneFact.ResourceDepleted d) {
      Node node = nodes.get(d.nodeId());
      if (node != null) {
        node.remaining = 0;
        node.respawnAt = d.respawnAt();
      }
    } else if (fact instanceof ZoneFact.ResourceRespawned r) {
      Node node = nodes.get(r.nodeId());
      if (node != null) {
        node.remaining = node.spawn.kind().capacity();
        node.respawnAt = null;
      }
    }
  }

  /** The node's current state, or null if unknown. */
  public NodeView view(long nodeId) {
    Node n = nodes.get(nodeId);
    return n == null
        ? null
        : new NodeView(n.spawn.id(), n.spawn.kind(), n.spawn.position(), n.remaining, n.respawnAt);
  }

  /** Every node's state in spawn order. */
  public List<NodeView> views() {
    List<NodeView> out = new ArrayList<>(nodes.size());
    for (long id : nodes.keySet()) {
      out.add(view(id));
    }
    return out;
  }
}
