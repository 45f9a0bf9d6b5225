package org.bluemarble.node;

/**
 * Event tags by slice: an entity's events carry the tag {@code <type>-<slice>} with slice =
 * hash(entity id) mod slices, so projections consume one slice each, in parallel. The number of
 * slices is fixed for the life of a journal.
 */
public final class EntityTags {
  private EntityTags() {}

  /** The slice of an entity id, stable across JVMs (String.hashCode is specified). */
  public static int slice(String entityId, int slices) {
    return Math.floorMod(entityId.hashCode(), slices);
  }

  /** The tag carried by every event of {@code entityId} of the given type. */
  public static String tag(String entityType, String entityId, int slices) {
    return entityType.toLowerCase(java.util.Locale.ROOT) + "-" + slice(entityId, slices);
  }
}
