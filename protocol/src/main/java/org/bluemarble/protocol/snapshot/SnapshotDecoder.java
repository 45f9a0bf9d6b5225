package org.bluemarble.protocol.snapshot;

import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * The client side of {@link SnapshotEncoder}: decodes snapshots against the baselines it has
 * decoded before and tracks the newest state. One instance per connection, not thread-safe.
 *
 * <p>After decoding, acknowledge {@link #latestId()} to the server (MovementInput.last_snapshot_id
 * or SnapshotAck) so it can use that snapshot as the next baseline.
 */
public final class SnapshotDecoder {

  private final SnapshotState[] decoded = new SnapshotState[SnapshotEncoder.HISTORY];
  private final int[] decodedIds = new int[SnapshotEncoder.HISTORY];
  private int latestId;
  private SnapshotState latest = SnapshotState.EMPTY;

  /**
   * Decodes one snapshot. A snapshot older than the newest one decoded is still decoded (and
   * returned) but does not replace {@link #latest()}.
   *
   * @throws ProtocolException CODE_MALFORMED_FRAME for a bad payload or id, CODE_NOT_FOUND when the
   *     baseline is no longer (or never was) known here
   */
  public SnapshotState decode(Snapshot snapshot) {
    int id = snapshot.getSnapshotId();
    int baselineId = snapshot.getBaselineId();
    if (id <= 0 || baselineId < 0 || baselineId >= id) {
      throw new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME,
          "snapshot_id " + id + " with baseline_id " + baselineId + " is not valid");
    }
    SnapshotState baseline = SnapshotState.EMPTY;
    if (baselineId != 0) {
      baseline = stateOf(baselineId);
      if (baseline == null) {
        throw new ProtocolException(
            Error.Code.CODE_NOT_FOUND, "baseline snapshot " + baselineId + " is not known");
      }
    }
    SnapshotState state = DeltaCodec.read(baseline, snapshot.getPayload().toByteArray());
    decoded[id % decoded.length] = state;
    decodedIds[id % decoded.length] = id;
    if (id > latestId) {
      latestId = id;
      latest = state;
    }
    return state;
  }

  /** The newest decoded snapshot id, 0 before the first. */
  public int latestId() {
    return latestId;
  }

  /** The newest decoded state. */
  public SnapshotState latest() {
    return latest;
  }

  /** A decoded state still kept, or null. */
  public SnapshotState stateOf(int snapshotId) {
    int slot = snapshotId % decoded.length;
    return snapshotId > 0 && decodedIds[slot] == snapshotId ? decoded[slot] : null;
  }
}
