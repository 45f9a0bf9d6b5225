// The S2 cell (token) containing a point, at a level: the face, the quadratic (u,v) -> (s,t) map and
// the Hilbert order as the S2 library does them (checked against it: same tokens at levels 5-24).
const IJ_TO_POS = [[0, 1, 3, 2], [0, 3, 1, 2], [2, 3, 1, 0], [2, 1, 3, 0]];
const POS_TO_ORIENTATION = [1, 0, 0, 3];

export function cellToken(latDeg, lngDeg, level) {
  const lat = latDeg * Math.PI / 180, lng = lngDeg * Math.PI / 180;
  const p = [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)];
  const a = p.map(Math.abs);
  let face = a[0] >= a[1] && a[0] >= a[2] ? 0 : a[1] >= a[2] ? 1 : 2;
  if (p[face] < 0) face += 3;
  const [x, y, z] = p;
  const uv = [[y / x, z / x], [-x / y, z / y], [-x / z, -y / z], [z / x, y / x], [z / y, -x / y], [-y / z, -x / z]][face];
  const st = (u) => (u >= 0 ? 0.5 * Math.sqrt(1 + 3 * u) : 1 - 0.5 * Math.sqrt(1 - 3 * u));
  const MAX = 1 << 30;
  const ij = (s) => Math.max(0, Math.min(MAX - 1, Math.floor(s * MAX)));
  const i = ij(st(uv[0])), j = ij(st(uv[1]));
  let orientation = face & 1;
  let pos = BigInt(face);
  for (let k = 1; k <= level; k++) {
    const bit = 30 - k;
    const q = IJ_TO_POS[orientation][(((i >> bit) & 1) << 1) | ((j >> bit) & 1)];
    pos = (pos << 2n) | BigInt(q);
    orientation ^= POS_TO_ORIENTATION[q];
  }
  const id = ((pos << 1n) | 1n) << BigInt(2 * (30 - level));
  return id.toString(16).padStart(16, '0').replace(/0+$/, '');
}
