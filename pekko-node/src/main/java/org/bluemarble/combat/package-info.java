/**
 * Combat and progression rules as plain Java (no actors): stats and their derived numbers,
 * experience and levels, the class tables, abilities, damage with mitigation and crits, status
 * effects with their stacking rules, range and line of sight on the sphere and PvP zones. The zone
 * cell and the player entity call these; everything here is deterministic for a given seed so a
 * journal replay reproduces the same outcomes.
 */
package org.bluemarble.combat;
