// Snapshot payload decoder, written from protocol/PROTOCOL.md §3 alone (it passes the same test
// vectors as the Java SnapshotDecoder). Entity ids are BigInt (signed 64-bit order in a state);
// maps are keyed by the unsigned decimal string, as EntityEnter.entity_id prints.

export const HISTORY = 64;

class BitReader {
  constructor(bytes) { this.bytes = bytes; this.limit = bytes.length * 8; this.pos = 0; }
  bit() {
    if (this.pos >= this.limit) throw new Error('snapshot payload truncated at bit ' + this.pos);
    const b = (this.bytes[this.pos >>> 3] >>> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return b;
  }
  // Up to 64 bits as BigInt.
  big(width) {
    if (this.pos + width > this.limit) throw new Error('snapshot payload truncated at bit ' + this.pos);
    let v = 0n;
    for (let i = 0; i < width; i++) v = (v << 1n) | BigInt(this.bit());
    return v;
  }
  num(width) { return Number(this.big(width)); }
  gamma() {
    let zeros = 0;
    while (this.bit() === 0) {
      if (++zeros > 62) throw new Error('over-long gamma code');
    }
    let v = 1n;
    for (let i = 0; i < zeros; i++) v = (v << 1n) | BigInt(this.bit());
    return Number(v - 1n);
  }
}

const unzigzag = (u) => (u >> 1n) ^ -(u & 1n);
const key = (id) => BigInt.asUintN(64, id).toString();

/** Decodes one payload against a baseline (an array of {id, x, y, z, heading} in signed id order). */
export function decodePayload(baseline, payload) {
  const r = new BitReader(payload);
  const removedCount = r.gamma();
  if (removedCount > baseline.length) throw new Error('removes more entities than the baseline holds');
  const removed = new Set();
  let index = -1;
  for (let i = 0; i < removedCount; i++) {
    index += r.gamma() + 1;
    if (index >= baseline.length) throw new Error('baseline index out of range');
    removed.add(key(baseline[index].id));
  }
  const updateCount = r.gamma();
  const updates = new Map();
  index = -1;
  let width = 0;
  for (let i = 0; i < updateCount; i++) {
    if (r.bit() === 1) {
      index += r.gamma() + 1;
      if (index >= baseline.length) throw new Error('baseline index out of range');
      const old = baseline[index];
      let { x, y, z, heading } = old;
      if (r.bit() === 1) {
        if (r.bit() === 0) width = r.num(6);
        x = Number(BigInt(x) + unzigzag(r.big(width)));
        y = Number(BigInt(y) + unzigzag(r.big(width)));
        z = Number(BigInt(z) + unzigzag(r.big(width)));
        for (const c of [x, y, z]) {
          if (c !== (c | 0)) throw new Error('coordinate out of range');
        }
      }
      if (r.bit() === 1) {
        const h = r.num(5);
        heading = Number((BigInt(heading) + unzigzag(r.big(h))) & 0xffffn);
      }
      updates.set(key(old.id), { id: old.id, x, y, z, heading });
    } else {
      const id = BigInt.asIntN(64, r.big(64));
      const x = Number(BigInt.asIntN(32, r.big(32)));
      const y = Number(BigInt.asIntN(32, r.big(32)));
      const z = Number(BigInt.asIntN(32, r.big(32)));
      const heading = r.num(16);
      updates.set(key(id), { id, x, y, z, heading });
    }
  }
  if (r.limit - r.pos >= 8) throw new Error('snapshot payload has trailing bytes');
  const out = [];
  for (const e of baseline) {
    const k = key(e.id);
    if (removed.has(k)) continue;
    if (updates.has(k)) { out.push(updates.get(k)); updates.delete(k); } else out.push(e);
  }
  for (const e of updates.values()) out.push(e);
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/** The client side of the snapshot stream: keeps the last 64 decoded states as baselines. */
export class SnapshotDecoder {
  constructor() { this.states = new Array(HISTORY); this.ids = new Array(HISTORY).fill(0); this.latestId = 0; this.latest = []; }
  /** Decodes {snapshot_id, baseline_id, payload}; returns the state, or null for an unknown baseline. */
  decode(s) {
    const id = Number(s.snapshot_id), baselineId = Number(s.baseline_id);
    if (id <= 0 || baselineId < 0 || baselineId >= id) throw new Error('bad snapshot ids');
    let baseline = [];
    if (baselineId !== 0) {
      baseline = this.stateOf(baselineId);
      if (!baseline) return null;
    }
    const state = decodePayload(baseline, s.payload);
    this.states[id % HISTORY] = state;
    this.ids[id % HISTORY] = id;
    if (id > this.latestId) { this.latestId = id; this.latest = state; }
    return state;
  }
  stateOf(id) { const slot = id % HISTORY; return id > 0 && this.ids[slot] === id ? this.states[slot] : null; }
}

export { key as idKey };

/** Quantised ECEF centimetres to {lat, lng, alt} in degrees and metres. */
export function toGeo(e, radiusM) {
  const lat = Math.atan2(e.z, Math.hypot(e.x, e.y)) * 180 / Math.PI;
  const lng = Math.atan2(e.y, e.x) * 180 / Math.PI;
  const alt = Math.hypot(e.x / 100, e.y / 100, e.z / 100) - radiusM;
  return { lat, lng, alt, headingDeg: e.heading * 360 / 65536 };
}
