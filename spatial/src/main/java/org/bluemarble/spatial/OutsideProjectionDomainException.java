package org.bluemarble.spatial;

/**
 * Thrown when a projection cannot map a point: a position outside its domain (e.g. the far side of
 * an orthographic globe, the wrong hemisphere of a polar stereographic map) or planar coordinates
 * outside the map's outline. The point is rejected rather than mapped somewhere wrong.
 */
public class OutsideProjectionDomainException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the projection, the point and the domain
   */
  public OutsideProjectionDomainException(String message) {
    super(message);
  }
}
