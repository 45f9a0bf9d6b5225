/**
 * Helpers of the zone domain that other packages should not use: unit-vector arithmetic and
 * primitive collections sized for one cell's tick.
 */
package org.bluemarble.zone.internal;
