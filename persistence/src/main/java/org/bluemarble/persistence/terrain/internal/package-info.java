/**
 * Internals of the terrain store adapters: the chunk layout (which S2 parent cell holds which
 * samples), the binary chunk format, region plans (leaf-range scans and the per-cell filter),
 * argument checks, the MongoDB documents and H2 statements, and a small Reactive Streams bridge.
 * Not for use outside {@code org.bluemarble.persistence.terrain}.
 */
package org.bluemarble.persistence.terrain.internal;
