package org.bluemarble.zone;

import org.bluemarble.node.CborSerializable;

/**
 * One entity a neighbour cell shows as a ghost, as sent in {@link ZoneCell.Ghosts}: degrees,,
 * metres, heading clockwise from north, speed in m/s.
 */
public record GhostEntry(
    long id,
    EntityKind kind,
    double latitudeDeg,
    double longitudeDeg,
    double altitudeMeters,
    double headingDeg,
    double speedMps)
    implements CborSerializable {}
