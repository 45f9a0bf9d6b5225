package org.bluemarble.player;

import org.bluemarble.node.CborSerializable;

/**
 * A stored position: latitude and longitude in degrees, altitude in metres above the planet's
 * radius.
 */
public record Position(double latitude, double longitude, double altitude)
    implements CborSerializable {}
