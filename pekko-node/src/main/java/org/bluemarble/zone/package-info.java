/**
 * The living world's pure domain: everything a {@code ZoneCell} actor simulates, as plain
 * single-threaded Java with no actors. Start at {@link org.bluemarble.zone.CellSimulation}: it
 * queues and validates movement ({@link org.bluemarble.zone.MovementRules}), integrates
 * great-circle motion, detects handoffs and ghosts ({@link org.bluemarble.zone.CellBoundary}),
 * gathers areas of interest ({@link org.bluemarble.zone.AoiIndex}, {@link
 * org.bluemarble.zone.InterestSet}), runs creatures ({@link org.bluemarble.zone.Creature}) and
 * resource nodes ({@link org.bluemarble.zone.ResourceField}) spawned deterministically by {@link
 * org.bluemarble.zone.WorldSpawner}, and reports each tick as a {@link
 * org.bluemarble.zone.TickReport}. The ground comes through the {@link org.bluemarble.zone.Terrain}
 * port.
 */
package org.bluemarble.zone;
