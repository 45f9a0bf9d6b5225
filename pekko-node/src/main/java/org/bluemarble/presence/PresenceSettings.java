package org.bluemarble.presence;

import java.time.Duration;
import org.bluemarble.zone.ZoneSettings;

/**
 * What every presence of a node needs.
 *
 * @param gracePeriod how long a detached character stays in the world
 * @param watchdog re-enter from the checkpoint after this long without a snapshot
 * @param askTimeout how long an entity (account, player, cell) may take to answer
 */
record PresenceSettings(
    ZoneSettings zone,
    SpawnPoints spawns,
    Duration gracePeriod,
    Duration watchdog,
    Duration askTimeout) {}
