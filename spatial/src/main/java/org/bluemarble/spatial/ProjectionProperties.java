package org.bluemarble.spatial;

/**
 * What a map projection preserves, as plain metadata for clients choosing a map: equal-area (areas
 * in proportion), conformal (angles and small shapes) and equidistant (true distances along some
 * family of lines, e.g. meridians; the projection's Javadoc says which). No projection has all
 * three.
 */
public record ProjectionProperties(
    boolean preservesArea, boolean preservesAngles, boolean preservesDistance) {}
