// Planet viewer: the world as an orthographic globe (rotatable) or in the planet API's 2D
// projections, biomes coloured, an S2 cube-face grid on demand, the active zone cells with their
// live players and creatures (staff), and the players in the world where they stand (Admin).
import { api, isStaff, session } from './main.js';
import { cellToken } from './s2.js';

const $ = (id) => document.getElementById(id);
const DEG = Math.PI / 180;
const view = { planetId: null, features: [], projected: [], projection: 'globe', lon0: -27, lat0: -15, grid: false, level: 3, players: [], cells: [] };
/** Live positions need the Admin role (GET /admin/v1/world/positions; every read is audited). */
const isAdmin = () => [].concat(session.roles).some((r) => /^admin$/i.test(r));

async function allFeatures(planetId, projection) {
  const out = [];
  let url = `/v1/planet/${planetId}/polygons?limit=1000` + (projection ? '&projection=' + encodeURIComponent(projection) : '');
  for (let page = 0; url && page < 20; page++) {
    const r = await api('GET', url);
    out.push(...r.features);
    url = r.metadata && r.metadata.hasMore ? r.metadata.nextUrl : null;
  }
  return out;
}

async function load() {
  const id = $('planet-id').value.trim();
  if (!id) { $('planet-status').textContent = 'enter a planet id (Admins: filled in from the world)'; return; }
  view.planetId = id;
  view.projection = $('projection').value;
  $('planet-status').textContent = 'loading…';
  try {
    const biomes = await api('GET', `/v1/planet/${id}/biomes`);
    const legend = $('legend');
    legend.replaceChildren();
    for (const b of biomes.biomes) {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = b.color;
      li.append(sw, `${b.biome} ${(b.share * 100).toFixed(1)} %`);
      legend.append(li);
    }
    if (view.projection === 'globe') {
      view.features = await allFeatures(id, null);
    } else {
      view.projected = await allFeatures(id, view.projection);
    }
    $('planet-status').textContent = `${view.projection === 'globe' ? view.features.length : view.projected.length} biome polygons`;
    draw();
    cells();
    positions();
  } catch (e) {
    $('planet-status').textContent = 'failed: ' + e.message;
  }
}

function ortho(lat, lon) {
  const phi = lat * DEG, lam = (lon - view.lon0) * DEG, phi0 = view.lat0 * DEG;
  const cosc = Math.sin(phi0) * Math.sin(phi) + Math.cos(phi0) * Math.cos(phi) * Math.cos(lam);
  return [Math.cos(phi) * Math.sin(lam), Math.cos(phi0) * Math.sin(phi) - Math.sin(phi0) * Math.cos(phi) * Math.cos(lam), cosc >= 0];
}

// S2: (face, u, v) to a point, u,v in [-1, 1] (quadratic st→uv as S2 does).
function faceUvToXyz(face, u, v) {
  switch (face) {
    case 0: return [1, u, v];
    case 1: return [-u, 1, v];
    case 2: return [-u, -v, 1];
    case 3: return [-1, -v, -u];
    case 4: return [v, -1, -u];
    default: return [v, u, -1];
  }
}
const stToUv = (s) => (s >= 0.5 ? (1 / 3) * (4 * s * s - 1) : (1 / 3) * (1 - 4 * (1 - s) * (1 - s)));

function gridLines() {
  const lines = [];
  const n = 1 << view.level;
  for (let face = 0; face < 6; face++) {
    for (let i = 0; i <= n; i++) {
      for (const across of [false, true]) {
        const line = [];
        for (let j = 0; j <= 32; j++) {
          const a = stToUv(i / n), b = stToUv(j / 32);
          const [x, y, z] = across ? faceUvToXyz(face, a, b) : faceUvToXyz(face, b, a);
          const r = Math.hypot(x, y, z);
          line.push([Math.asin(z / r) / DEG, Math.atan2(y, x) / DEG]);
        }
        lines.push(line);
      }
    }
  }
  return lines;
}

function draw() {
  const c = $('planet'), g = c.getContext('2d');
  const w = c.width, h = c.height;
  g.fillStyle = '#000';
  g.fillRect(0, 0, w, h);
  if (view.projection === 'globe') {
    const r = Math.min(w, h) / 2 - 10, cx = w / 2, cy = h / 2;
    g.fillStyle = '#0b3d91';
    g.beginPath(); g.arc(cx, cy, r, 0, 2 * Math.PI); g.fill();
    for (const f of view.features) {
      g.fillStyle = f.properties.color;
      for (const ring of f.geometry.coordinates.slice(0, 1)) {
        let visible = 0;
        g.beginPath();
        ring.forEach(([lon, lat], i) => {
          const [x, y, front] = ortho(lat, lon);
          if (front) visible++;
          const sx = cx + x * r, sy = cy - y * r;
          if (i === 0) g.moveTo(sx, sy); else g.lineTo(sx, sy);
        });
        if (visible === ring.length) g.fill();
      }
    }
    if (view.grid) {
      g.strokeStyle = 'rgba(255,255,255,0.35)';
      for (const line of gridLines()) {
        g.beginPath();
        let pen = false;
        for (const [lat, lon] of line) {
          const [x, y, front] = ortho(lat, lon);
          if (!front) { pen = false; continue; }
          if (pen) g.lineTo(cx + x * r, cy - y * r); else g.moveTo(cx + x * r, cy - y * r);
          pen = true;
        }
        g.stroke();
      }
    }
    // Creatures (staff): at their zone cell's centre (a cell is far below a pixel at this scale).
    const herds = new Map();
    for (const cell of view.cells) {
      if (!cell.npcs || cell.latitudeDeg === undefined) continue;
      const [x, y, front] = ortho(cell.latitudeDeg, cell.longitudeDeg);
      if (front) addHerd(herds, cx + x * r, cy - y * r, cell.npcs);
    }
    for (const h of herds.values()) creatureMark(g, h.sx, h.sy, h.count);
    // Players in the world (Admin), where the world last acknowledged them.
    g.font = '11px system-ui';
    g.textAlign = 'center';
    // Players within a few pixels of each other (at planet scale, usually) share one label.
    const spots = new Map();
    for (const p of view.players) {
      const [x, y, front] = ortho(p.latitudeDeg, p.longitudeDeg);
      if (!front) continue;
      const sx = cx + x * r, sy = cy - y * r;
      const key = Math.round(sx / 10) + ',' + Math.round(sy / 10);
      const spot = spots.get(key) || { sx, sy, names: [] };
      spot.names.push(p.name);
      spots.set(key, spot);
    }
    drawPlayers(g, spots);
    return;
  }
  // A 2D projection: coordinates as the planet API projected them, fitted to the canvas.
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of view.projected) for (const [x, y] of f.geometry.coordinates[0]) {
    if (!isFinite(x) || !isFinite(y)) continue;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const s = Math.min((w - 20) / (maxX - minX), (h - 20) / (maxY - minY));
  const ox = (w - (maxX - minX) * s) / 2, oy = (h - (maxY - minY) * s) / 2;
  g.fillStyle = '#0b3d91';
  g.fillRect(ox, oy, (maxX - minX) * s, (maxY - minY) * s);
  for (const f of view.projected) {
    g.fillStyle = f.properties.color;
    g.beginPath();
    f.geometry.coordinates[0].forEach(([x, y], i) => {
      const sx = ox + (x - minX) * s, sy = oy + (maxY - y) * s;
      if (i === 0) g.moveTo(sx, sy); else g.lineTo(sx, sy);
    });
    g.fill();
  }
  // Live positions as the planet API projected them (x, y in the same metres as the polygons).
  const toScreen = (x, y) => [ox + (x - minX) * s, oy + (maxY - y) * s];
  const herds = new Map();
  for (const cell of view.cells) {
    if (!cell.npcs || cell.x === undefined) continue;
    const [sx, sy] = toScreen(cell.x, cell.y);
    addHerd(herds, sx, sy, cell.npcs);
  }
  for (const h of herds.values()) creatureMark(g, h.sx, h.sy, h.count);
  const spots = new Map();
  for (const p of view.players) {
    if (p.x === undefined) continue;
    const [sx, sy] = toScreen(p.x, p.y);
    const key = Math.round(sx / 10) + ',' + Math.round(sy / 10);
    const spot = spots.get(key) || { sx, sy, names: [] };
    spot.names.push(p.name);
    spots.set(key, spot);
  }
  view.drawnOnMap = { players: [...spots.values()].reduce((n, sp) => n + sp.names.length, 0), creatureCells: view.cells.filter((c) => c.npcs && c.x !== undefined).length };
  g.font = '11px system-ui';
  drawPlayers(g, spots);
}

/** Creatures of cells within a few pixels of each other share one marker with their sum. */
function addHerd(herds, sx, sy, count) {
  const key = Math.round(sx / 10) + ',' + Math.round(sy / 10);
  const h = herds.get(key) || { sx, sy, count: 0 };
  h.count += count;
  herds.set(key, h);
}

/** A creature marker: an orange square beside the spot, with the number of creatures. */
function creatureMark(g, x, y, count) {
  g.fillStyle = '#f4a261';
  g.strokeStyle = '#000';
  g.lineWidth = 1;
  g.fillRect(x + 4, y + 2, 6, 6);
  g.strokeRect(x + 4, y + 2, 6, 6);
  g.font = '10px system-ui';
  g.textAlign = 'left';
  g.lineWidth = 3;
  g.strokeText(count + ' creatures', x + 13, y + 9);
  g.fillText(count + ' creatures', x + 13, y + 9);
  g.lineWidth = 1;
}

/** Players (yellow dots) with their names; players within a few pixels share one label. */
function drawPlayers(g, spots) {
  g.font = '11px system-ui';
  g.textAlign = 'center';
  for (const { sx, sy, names } of spots.values()) {
    g.fillStyle = '#ffd60a';
    g.strokeStyle = '#000';
    g.lineWidth = 1;
    g.beginPath(); g.arc(sx, sy, 4, 0, 2 * Math.PI); g.fill(); g.stroke();
    g.fillStyle = '#fff';
    g.fillText(names.length === 1 ? names[0] : `${names[0]} +${names.length - 1}`, sx, sy - 7);
  }
  g.textAlign = 'start';
}

const projectionQuery = () => (view.projection === 'globe' ? '' : '&projection=' + encodeURIComponent(view.projection));

async function cells() {
  const t = $('planet-cells');
  if (!session.token || $('view-planet').hidden) return;
  if (!isStaff()) {
    t.replaceChildren(row(['(the zone cells need an Admin, Moderator or Developer login)'], 'td'));
    return;
  }
  try {
    const page = await api('GET', '/admin/v1/world/cells?limit=500' + projectionQuery());
    view.cells = page.cells;
    draw();
    t.replaceChildren(row(['cell', 'players', 'creatures', 'tick p99 µs'], 'th'));
    for (const cell of page.cells.slice(0, 50)) {
      const tr = row([cell.cellId, cell.players, cell.npcs, (cell.tickP99Nanos / 1000).toFixed(0)], 'td');
      tr.className = 'clickable';
      tr.tabIndex = 0;
      const open = async () => { $('cell-stats').textContent = JSON.stringify(await api('GET', '/admin/v1/world/cells/' + cell.cellId), null, 2); };
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      t.append(tr);
    }
  } catch (e) {
    t.replaceChildren(row(['(the zone cells need an Admin, Moderator or Developer login: ' + e.message + ')'], 'td'));
  }
}

// A click on the globe (staff): the statistics of the zone cell under it (the cell starts if idle).
async function openCellAt(e) {
  if (view.projection !== 'globe' || !isStaff() || !view.zoneLevel) return;
  const c = $('planet'), box = c.getBoundingClientRect();
  const r = Math.min(c.width, c.height) / 2 - 10;
  const x = ((e.clientX - box.left) * c.width / box.width - c.width / 2) / r;
  const y = -((e.clientY - box.top) * c.height / box.height - c.height / 2) / r;
  const rho = Math.hypot(x, y);
  if (rho > 1) return;
  // Inverse orthographic projection about (lat0, lon0).
  const cc = Math.asin(rho), phi0 = view.lat0 * DEG;
  const lat = rho === 0 ? view.lat0 : Math.asin(Math.cos(cc) * Math.sin(phi0) + y * Math.sin(cc) * Math.cos(phi0) / rho) / DEG;
  let lon = view.lon0 + Math.atan2(x * Math.sin(cc), rho * Math.cos(cc) * Math.cos(phi0) - y * Math.sin(cc) * Math.sin(phi0)) / DEG;
  lon = ((lon + 540) % 360) - 180;
  const token = cellToken(lat, lon, view.zoneLevel);
  $('cell-stats').textContent = `cell ${token} at ${lat.toFixed(3)}, ${lon.toFixed(3)}…`;
  try {
    $('cell-stats').textContent = JSON.stringify(await api('GET', '/admin/v1/world/cells/' + token), null, 2);
  } catch (err) {
    $('cell-stats').textContent = `cell ${token}: ${err.message}`;
  }
}

// Every 5 s while the planet view is open: the players in the world with their positions.
async function positions() {
  if (!session.token || $('view-planet').hidden || !isAdmin()) return;
  try {
    const r = await api('GET', '/admin/v1/world/positions?limit=500' + projectionQuery());
    view.players = r.players;
    if (!view.centred && view.players.length) {
      // Once: turn the globe to the first player (dragging turns it anywhere afterwards).
      view.lon0 = view.players[0].longitudeDeg;
      view.lat0 = view.players[0].latitudeDeg;
      view.centred = true;
    }
    $('planet-players').textContent = `${r.total} player(s) in the world` + (r.total > r.players.length ? ` (first ${r.players.length} drawn)` : '') + (view.projection === 'globe' ? ' — on the globe' : ' — on the ' + view.projection + ' map');
    draw();
  } catch (e) {
    $('planet-players').textContent = 'live positions: ' + e.message;
  }
}

function row(values, tag) {
  const tr = document.createElement('tr');
  for (const v of values) { const c = document.createElement(tag); c.textContent = String(v); tr.append(c); }
  return tr;
}

export function setupPlanet() {
  window.bluemarble.planet = { view: () => ({ zoneLevel: view.zoneLevel, lat0: view.lat0, lon0: view.lon0, projection: view.projection, players: view.players.length, drawnOnMap: view.drawnOnMap }) };
  $('planet-load').addEventListener('click', load);
  $('projection').addEventListener('change', load);
  $('show-grid').addEventListener('change', () => { view.grid = $('show-grid').checked; draw(); });
  const c = $('planet');
  let drag = null, moved = 0;
  c.addEventListener('pointerdown', (e) => { drag = [e.clientX, e.clientY]; moved = 0; view.centred = true; });
  window.addEventListener('pointerup', () => { drag = null; });
  c.addEventListener('click', (e) => { if (moved < 4) openCellAt(e); });
  c.addEventListener('pointermove', (e) => {
    if (!drag || view.projection !== 'globe') return;
    moved += Math.abs(e.clientX - drag[0]) + Math.abs(e.clientY - drag[1]);
    view.lon0 -= (e.clientX - drag[0]) * 0.4;
    view.lat0 = Math.max(-90, Math.min(90, view.lat0 + (e.clientY - drag[1]) * 0.4));
    drag = [e.clientX, e.clientY];
    draw();
  });
  c.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: [-10, 0], ArrowRight: [10, 0], ArrowUp: [0, 10], ArrowDown: [0, -10] };
    if (!moves[e.key]) return;
    e.preventDefault();
    view.lon0 += moves[e.key][0];
    view.lat0 = Math.max(-90, Math.min(90, view.lat0 + moves[e.key][1]));
    draw();
  });
  api('GET', '/v1/projections').then((r) => {
    const sel = $('projection');
    for (const p of r.projections || r) {
      const name = p.name || p.id || p;
      if (name === 'orthographic') continue;
      const o = document.createElement('option');
      o.value = name;
      o.textContent = name;
      sel.append(o);
    }
  }).catch(() => {});
  document.addEventListener('login', async () => {
    if (!isStaff()) return;
    try {
      const w = await api('GET', '/admin/v1/world');
      $('planet-id').value = w.planetId;
      view.zoneLevel = w.zoneLevel;
    } catch (e) { /* no admin API here */ }
  });
  document.addEventListener('view', (e) => {
    if (e.detail === 'planet') { if (view.planetId === null && $('planet-id').value) load(); cells(); positions(); }
  });
  setInterval(cells, 2000);
  setInterval(positions, 5000);
  draw();
}
