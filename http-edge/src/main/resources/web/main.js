// The BlueMarble browser client: Play, Planet viewer, Admin console. No external code; the
// protocol codec is pb.js (from the node's schema) and the snapshot decoder is snapshot.js.
import { Schema } from './pb.js';
import { SnapshotDecoder, idKey, toGeo } from './snapshot.js';
import { setupPlanet } from './planet.js';
import { setupAdmin } from './admin.js';
import { setupChat } from './chat.js';
import { setupAbilities } from './abilities.js';

const $ = (id) => document.getElementById(id);
export const session = { token: null, username: null, roles: [] };
/** Whether the logged-in account may read the admin API (Admin, Moderator, Developer). */
export const isStaff = () => [].concat(session.roles).some((r) => /admin|moderator|developer/i.test(r));
window.bluemarble = { session };

// ---------- status, log, HTTP ----------
export function status(text, error = false) {
  const f = $('status');
  f.textContent = text;
  f.className = error ? 'error' : '';
}

export function log(text, error = false) {
  const li = document.createElement('li');
  li.textContent = new Date().toISOString().slice(11, 19) + ' ' + text;
  if (error) li.className = 'error';
  const ol = $('log');
  ol.append(li);
  while (ol.children.length > 50) ol.firstChild.remove();
  ol.scrollTop = ol.scrollHeight;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { raw: text }; }
  if (!r.ok) {
    const msg = json && json.error ? json.error.code + ': ' + json.error.message : 'HTTP ' + r.status;
    const err = new Error(msg);
    err.status = r.status;
    throw err;
  }
  return json;
}

function claims(token) {
  try { return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch (e) { return {}; }
}

// ---------- tabs ----------
function showView(name) {
  for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-selected', String(b.dataset.view === name));
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + name;
  document.dispatchEvent(new CustomEvent('view', { detail: name }));
}

// ---------- accounts ----------
async function login(username, password) {
  const r = await api('POST', '/v1/auth/login', { username, password });
  session.token = r.accessToken;
  session.refreshToken = r.refreshToken;
  session.username = username;
  const c = claims(r.accessToken);
  session.roles = c.roles || c.role || [];
  $('who').textContent = username + (session.roles.length ? ' (' + [].concat(session.roles).join(', ') + ')' : '');
  $('logout-button').hidden = false;
  status('logged in as ' + username);
  await loadCharacters();
  document.dispatchEvent(new CustomEvent('login'));
}

async function loadCharacters() {
  const ul = $('characters');
  ul.replaceChildren();
  const r = await api('GET', '/v1/characters');
  for (const c of r.characters || []) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.textContent = 'Enter as ' + c.name + ' (' + c.characterClass + ')';
    b.className = 'enter';
    b.addEventListener('click', () => play.enter(c.id, c.name, c.characterClass));
    li.append(b);
    ul.append(li);
  }
  if (!ul.children.length) {
    const li = document.createElement('li');
    li.textContent = 'No character yet: create one.';
    ul.append(li);
  }
}

function setupAccount() {
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await login($('username').value, $('password').value); } catch (err) { status('login failed: ' + err.message, true); }
  });
  $('register-button').addEventListener('click', async () => {
    const username = $('username').value, password = $('password').value;
    try {
      await api('POST', '/v1/auth/register', { username, password, email: $('email').value || username + '@example.org' });
      await login(username, password);
    } catch (err) { status('register failed: ' + err.message, true); }
  });
  $('logout-button').addEventListener('click', async () => {
    play.leave();
    try { if (session.refreshToken) await api('POST', '/v1/auth/logout', { refreshToken: session.refreshToken }); } catch (e) { /* gone anyway */ }
    session.token = null;
    $('who').textContent = 'not logged in';
    $('logout-button').hidden = true;
    $('characters').replaceChildren();
  });
  $('create-character').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/v1/characters', { name: $('character-name').value, characterClass: $('character-class').value });
      await loadCharacters();
    } catch (err) { status('create failed: ' + err.message, true); }
  });
}

// ---------- movement (as protocol/.../movement/MovementIntegrator) ----------
const INPUT_STEP_SECONDS = 0.1;
const DEG = Math.PI / 180;

function step(state, input, radius) {
  if (!(input.speed > 0)) return { ...state };
  const d = input.speed * INPUT_STEP_SECONDS / radius;
  const lat1 = state.lat * DEG, lng1 = state.lng * DEG, th = input.headingDeg * DEG;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(th));
  const lng2 = lng1 + Math.atan2(Math.sin(th) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  let lng = lng2 / DEG;
  if (lng > 180) lng -= 360;
  if (lng < -180) lng += 360;
  return { lat: lat2 / DEG, lng, alt: state.alt, headingDeg: input.headingDeg };
}

/** Metres between two nearby points on a 6,371 km sphere (equirectangular: exact enough within kilometres). */
function metresBetween(a, b) {
  let dLng = b.lng - a.lng;
  if (dLng > 180) dLng -= 360;
  if (dLng < -180) dLng += 360;
  const x = dLng * DEG * Math.cos((a.lat + b.lat) / 2 * DEG);
  return Math.hypot(x, (b.lat - a.lat) * DEG) * 6371000;
}

// Sun elevation in degrees at a place and time (NOAA's low-precision formulas).
function sunElevation(latDeg, lngDeg, date) {
  const day = (date.getTime() / 86400000) + 2440587.5 - 2451545.0;
  const g = (357.529 + 0.98560028 * day) * DEG;
  const q = 280.459 + 0.98564736 * day;
  const l = (q + 1.915 * Math.sin(g) + 0.020 * Math.sin(2 * g)) * DEG;
  const e = (23.439 - 0.00000036 * day) * DEG;
  const ra = Math.atan2(Math.cos(e) * Math.sin(l), Math.cos(l));
  const dec = Math.asin(Math.sin(e) * Math.sin(l));
  const gmst = (18.697374558 + 24.06570982441908 * day) % 24;
  const ha = (gmst * 15 + lngDeg) * DEG - ra;
  const lat = latDeg * DEG;
  return Math.asin(Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(ha)) / DEG;
}

// ---------- play ----------
const play = {
  schema: null, ws: null, nextCorrelation: 1, pending: new Map(), playerId: null, playerName: null,
  entered: null, predicted: null, inputs: [], sequence: 0, decoder: null, snapshots: [], names: new Map(),
  keys: new Set(), zoom: 3, reconnects: 0, wantWorld: false, lastAck: null, frames: 0, fps: 0,
  biome: '', lastBiomeAt: 0, biomeAt: null, errors: 0, corrections: 0,

  async connect() {
    if (!this.schema) this.schema = await Schema.load();
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = () => fail(new Error('WebSocket failed')); });
    ws.onmessage = (m) => this.receive(new Uint8Array(m.data));
    ws.onclose = (c) => this.closed(c);
    await this.request({ hello: { protocol_version: 1, client_name: 'bluemarble-web/1' } });
    const auth = await this.request({ authenticate: { token: session.token } });
    return auth.authenticated;
  },

  /** Sends a request; its answer or Error settles the promise (after timeoutMs, if given, it fails with err.timeout). */
  request(message, timeoutMs) {
    const id = this.nextCorrelation++;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      this.send({ correlation_id: BigInt(id), ...message });
      if (timeoutMs) {
        setTimeout(() => {
          if (!this.pending.has(id)) return;
          this.pending.delete(id);
          const err = new Error('no answer');
          err.timeout = true;
          fail(err);
        }, timeoutMs);
      }
    });
  },

  send(envelope) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(this.schema.encode('bluemarble.v1.Envelope', envelope));
  },

  async enter(playerId, name, characterClass) {
    try {
      this.leave();
      this.playerId = playerId;
      this.playerName = name;
      this.characterClass = characterClass;
      this.abilities.target = null;
      await this.abilities.show(characterClass);
      this.wantWorld = true;
      await this.connectAndEnter();
    } catch (err) {
      $('play-status').textContent = 'could not enter: ' + err.message;
      log('could not enter: ' + err.message, true);
    }
  },

  async connectAndEnter() {
    $('play-status').textContent = 'connecting…';
    await this.connect();
    const r = await this.request({ enter_world: { player_id: this.playerId } });
    const e = r.entered_world;
    this.entered = e;
    this.decoder = new SnapshotDecoder();
    this.snapshots = [];
    this.inputs = [];
    this.sequence = Math.max(this.sequence, 0);
    this.predicted = { lat: e.position.lat_deg, lng: e.position.lng_deg, alt: e.position.alt_m, headingDeg: e.heading * 360 / 65536 };
    this.reconnects = 0;
    this.entries = (this.entries || 0) + 1;
    $('play-status').textContent = 'in the world as ' + this.playerName;
    $('leave-button').disabled = false;
    $('reconnect-button').disabled = true;
    log('entered the world as ' + this.playerName + ' (entity ' + BigInt.asUintN(64, e.entity_id) + ', top speed ' + e.max_speed_mps.toFixed(1) + ' m/s)');
    $('world').focus();
  },

  leave() {
    this.wantWorld = false;
    if (this.ws) {
      try { this.send({ leave_world: {} }); this.ws.close(); } catch (e) { /* closing anyway */ }
    }
    this.ws = null;
    this.entered = null;
    $('leave-button').disabled = true;
  },

  closed(c) {
    for (const p of this.pending.values()) p.fail(new Error('connection closed'));
    this.pending.clear();
    if (this.ws && c.target !== this.ws) return;
    this.ws = null;
    const was = this.entered;
    this.entered = null;
    if (!this.wantWorld) return;
    $('play-status').textContent = 'disconnected' + (this.lastDisconnect ? ': ' + this.lastDisconnect : '');
    $('reconnect-button').disabled = false;
    log('disconnected' + (this.lastDisconnect ? ' (' + this.lastDisconnect + ')' : ''), true);
    const reason = this.lastDisconnect || '';
    this.lastDisconnect = null;
    if (was && !/KICKED|REPLACED/.test(reason) && this.reconnects < 5) {
      this.reconnects++;
      setTimeout(() => { if (this.wantWorld && !this.ws) this.connectAndEnter().catch((e) => log('reconnect failed: ' + e.message, true)); }, 1000 * this.reconnects);
    }
  },

  receive(bytes) {
    let e;
    try { e = this.schema.decode('bluemarble.v1.Envelope', bytes); } catch (err) { log('undecodable frame: ' + err.message, true); return; }
    const id = Number(e.correlation_id);
    if (e.error) {
      this.errors++;
      const text = e.error.code + ': ' + e.error.message;
      const err = new Error(text);
      err.code = String(e.error.code);
      err.detail = e.error.message;
      err.retryAfterMs = e.error.retry_after_ms;
      if (id && this.pending.has(id)) { this.pending.get(id).fail(err); this.pending.delete(id); } else log('error (for ' + id + ') ' + text, true);
      return;
    }
    if (id && this.pending.has(id)) { this.pending.get(id).ok(e); this.pending.delete(id); return; }
    if (e.hello_rejected) { log('server rejected protocol: ' + e.hello_rejected.error.message, true); return; }
    if (e.snapshot) return this.onSnapshot(e.snapshot);
    if (e.input_ack) return this.reconcile(e.input_ack.sequence, e.input_ack.position, e.input_ack.heading);
    if (e.correction) {
      this.corrections++;
      log('correction for input ' + e.correction.sequence + ': ' + e.correction.reason);
      return this.reconcile(e.correction.sequence, e.correction.position, e.correction.heading);
    }
    if (e.entity_enter) {
      // A player's display name, or its kind ("player") until a later EntityName names it.
      const en = e.entity_enter;
      this.names.set(idKey(en.entity_id), { name: en.name, kind: en.kind });
      return;
    }
    if (e.entity_name) {
      const info = this.names.get(idKey(e.entity_name.entity_id));
      if (info) info.name = e.entity_name.name;
      return;
    }
    if (e.entity_leave) { this.names.delete(idKey(e.entity_leave.entity_id)); return; }
    if (e.chat_message) return this.chat.onMessage(e.chat_message);
    if (e.vitals) return this.abilities.onVitals(e.vitals);
    if (e.combat_events) return this.abilities.onCombatEvents(e.combat_events);
    if (e.server_notice) {
      log('notice: ' + e.server_notice.text);
      status('notice: ' + e.server_notice.text);
      this.chat.system('Notice: ' + e.server_notice.text);
      return;
    }
    if (e.disconnect) { this.lastDisconnect = e.disconnect.reason + (e.disconnect.detail ? ' — ' + e.disconnect.detail : ''); log('server disconnects: ' + this.lastDisconnect, true); return; }
  },

  onSnapshot(s) {
    if (!this.entered) return;
    let state;
    try { state = this.decoder.decode(s); } catch (err) { log('bad snapshot: ' + err.message, true); return; }
    if (!state || Number(s.snapshot_id) < this.decoder.latestId) return;
    const radius = this.entered.planet_radius_m;
    const map = new Map();
    for (const ent of state) map.set(idKey(ent.id), toGeo(ent, radius));
    this.snapshots.push({ t: performance.now(), map });
    while (this.snapshots.length > 20) this.snapshots.shift();
  },

  reconcile(sequence, position, heading) {
    if (!this.entered || !position) { this.inputs = this.inputs.filter((i) => i.seq > sequence); return; }
    this.lastAck = { lat: position.lat_deg, lng: position.lng_deg, alt: position.alt_m };
    this.inputs = this.inputs.filter((i) => i.seq > sequence);
    let s = { lat: position.lat_deg, lng: position.lng_deg, alt: position.alt_m, headingDeg: heading * 360 / 65536 };
    for (const i of this.inputs) s = step(s, i, this.entered.planet_radius_m);
    this.predicted = s;
  },

  // 10 Hz: one input per period, as MovementIntegrator.INPUT_STEP_SECONDS says.
  tickInput() {
    if (!this.entered || !this.ws) return;
    let north = 0, east = 0;
    const k = this.keys;
    if (k.has('w') || k.has('arrowup')) north += 1;
    if (k.has('s') || k.has('arrowdown')) north -= 1;
    if (k.has('d') || k.has('arrowright')) east += 1;
    if (k.has('a') || k.has('arrowleft')) east -= 1;
    const moving = north !== 0 || east !== 0;
    const top = this.entered.max_speed_mps > 0 ? this.entered.max_speed_mps : 5;
    const speed = moving ? (k.has('shift') ? top / 3 : top) : 0;
    const headingDeg = moving ? ((Math.atan2(east, north) / DEG) + 360) % 360 : this.predicted.headingDeg;
    const last = this.inputs.length ? this.inputs[this.inputs.length - 1] : null;
    if (!moving && last && last.speed === 0 && this.idleSent) {
      this.send({ snapshot_ack: { snapshot_id: this.decoder.latestId } });
      return;
    }
    this.idleSent = !moving;
    const seq = ++this.sequence;
    const input = { seq, headingDeg, speed };
    this.inputs.push(input);
    if (this.inputs.length > 30) this.inputs.shift();
    this.predicted = step(this.predicted, input, this.entered.planet_radius_m);
    this.send({
      movement_input: {
        sequence: seq,
        heading: { heading: Math.round(headingDeg / 360 * 65536) & 0xffff, speed_mps: speed },
        client_time_ms: BigInt(Date.now()),
        last_snapshot_id: this.decoder.latestId,
      },
    });
  },

  // Other entities 100 ms in the past, interpolated between the two snapshots around that time.
  interpolated() {
    const snaps = this.snapshots;
    if (!snaps.length) return new Map();
    const t = performance.now() - 100;
    let a = snaps[0], b = snaps[0];
    for (let i = 0; i < snaps.length; i++) {
      if (snaps[i].t <= t) { a = snaps[i]; b = snaps[Math.min(i + 1, snaps.length - 1)]; }
    }
    const f = b.t > a.t ? Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t))) : 1;
    const out = new Map();
    for (const [k, pb] of b.map) {
      const pa = a.map.get(k) || pb;
      out.set(k, { lat: pa.lat + (pb.lat - pa.lat) * f, lng: pa.lng + (pb.lng - pa.lng) * f, alt: pb.alt, headingDeg: pb.headingDeg });
    }
    return out;
  },

  draw() {
    const c = $('world'), g = c.getContext('2d');
    const w = c.width, h = c.height;
    this.frames++;
    if (!this.entered || !this.predicted) {
      g.fillStyle = '#111';
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#8d99ae';
      g.font = '16px system-ui';
      g.fillText(session.token ? 'Pick a character to enter the world.' : 'Log in or register to play.', 30, 40);
      return;
    }
    const me = this.predicted, R = this.entered.planet_radius_m;
    const sun = sunElevation(me.lat, me.lng, new Date());
    const light = Math.max(0, Math.min(1, (sun + 6) / 16));
    const ground = [Math.round(20 + 40 * light), Math.round(35 + 80 * light), Math.round(25 + 40 * light)];
    g.fillStyle = `rgb(${ground[0]},${ground[1]},${ground[2]})`;
    g.fillRect(0, 0, w, h);
    const px = this.zoom, cx = w / 2, cy = h / 2;
    const toScreen = (p) => {
      let dl = p.lng - me.lng;
      if (dl > 180) dl -= 360;
      if (dl < -180) dl += 360;
      return [cx + dl * DEG * R * Math.cos(me.lat * DEG) * px, cy - (p.lat - me.lat) * DEG * R * px];
    };
    // A 10 m grid, fixed to the ground.
    g.strokeStyle = 'rgba(255,255,255,0.12)';
    g.lineWidth = 1;
    const mPerDegLat = DEG * R, mPerDegLng = DEG * R * Math.cos(me.lat * DEG);
    const northM = me.lat * mPerDegLat, eastM = me.lng * mPerDegLng;
    for (let m = Math.floor((eastM - w / 2 / px) / 10) * 10; m < eastM + w / 2 / px; m += 10) {
      const x = cx + (m - eastM) * px;
      g.beginPath(); g.moveTo(x, 0); g.lineTo(x, h); g.stroke();
    }
    for (let m = Math.floor((northM - h / 2 / px) / 10) * 10; m < northM + h / 2 / px; m += 10) {
      const y = cy - (m - northM) * px;
      g.beginPath(); g.moveTo(0, y); g.lineTo(w, y); g.stroke();
    }
    const selfKey = idKey(this.entered.entity_id);
    g.font = '12px system-ui';
    let others = 0;
    const labels = [];
    const drawn = [];
    for (const [k, p] of this.interpolated()) {
      if (k === selfKey) continue;
      const [x, y] = toScreen(p);
      if (x < -20 || y < -20 || x > w + 20 || y > h + 20) continue;
      others++;
      drawn.push([k, x, y]);
      if (k === this.abilities.target) {
        g.strokeStyle = '#ff4d6d';
        g.lineWidth = 2;
        g.beginPath(); g.arc(x, y, 10, 0, 2 * Math.PI); g.stroke();
        g.lineWidth = 1;
      }
      const v = this.abilities.vitals.get(k);
      if (v && v.max_health) {
        g.fillStyle = '#400';
        g.fillRect(x - 10, y + 8, 20, 3);
        g.fillStyle = '#e63946';
        g.fillRect(x - 10, y + 8, 20 * v.health / v.max_health, 3);
      }
      const info = this.names.get(k) || { name: 'entity ' + k.slice(-4), kind: '' };
      const kind = String(info.kind);
      g.fillStyle = kind.includes('PLAYER') ? '#4cc9f0' : kind.includes('NPC') ? '#f4a261' : kind.includes('RESOURCE') ? '#90be6d' : '#ddd';
      g.beginPath(); g.arc(x, y, 5, 0, 2 * Math.PI); g.fill();
      labels.push([info.name, x, y - 9]);
    }
    this.drawn = drawn;
    // Names above the others, drawn after every dot so that none hides a name.
    g.textAlign = 'center';
    g.lineWidth = 3;
    g.strokeStyle = 'rgba(0,0,0,0.6)';
    g.fillStyle = '#fff';
    for (const [text, x, y] of labels) { g.strokeText(text, x, y); g.fillText(text, x, y); }
    g.textAlign = 'start';
    g.lineWidth = 1;
    // Me, predicted.
    g.save();
    g.translate(cx, cy);
    g.rotate(me.headingDeg * DEG);
    g.fillStyle = '#ffd60a';
    g.beginPath(); g.moveTo(0, -10); g.lineTo(7, 8); g.lineTo(-7, 8); g.closePath(); g.fill();
    g.restore();
    g.fillStyle = '#fff';
    g.fillText(this.playerName || 'me', cx + 10, cy + 4);
    if (this.lastAck) {
      const [ax, ay] = toScreen(this.lastAck);
      g.strokeStyle = 'rgba(255,214,10,0.6)';
      g.beginPath(); g.arc(ax, ay, 8, 0, 2 * Math.PI); g.stroke();
    }
    const phase = sun > 0 ? 'day' : sun > -6 ? 'twilight' : 'night';
    $('hud').textContent =
      `lat ${me.lat.toFixed(6)}  lng ${me.lng.toFixed(6)}  ground ${me.alt.toFixed(1)} m  heading ${me.headingDeg.toFixed(0)}°\n` +
      `biome ${this.biome || '—'}  sun ${sun.toFixed(1)}° (${phase})  in view ${others}  unacked inputs ${this.inputs.length}  corrections ${this.corrections}  ${this.fps} fps`;
    this.updateBiome(me);
  },

  // The biome under the character, for every account (GET /v1/world/surroundings): read again
  // once the character is 20 m from where it was last read (at most every 3 s), not on a timer, so
  // a standing character asks nothing (and no read races a kick or a leave into a 409).
  async updateBiome(me) {
    const now = performance.now();
    if (!session.token || !this.entered || now - this.lastBiomeAt < 3000) return;
    const at = this.biomeAt;
    if (this.biome && at && metresBetween(at, me) < 20) return;
    this.lastBiomeAt = now;
    this.biomeAt = { lat: me.lat, lng: me.lng };
    try {
      const r = await api('GET', `/v1/world/surroundings?lat=${me.lat.toFixed(6)}&lng=${me.lng.toFixed(6)}`);
      this.biome = r.biome + (r.water ? ' (water)' : '');
    } catch (e) { this.biome = ''; }
  },
};
window.bluemarble.play = play;

function setupPlay() {
  play.chat = setupChat(play);
  play.abilities = setupAbilities(play);
  play.drawn = [];
  const typing = (e) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName);
  document.addEventListener('keydown', (e) => {
    if (typing(e) || $('view-play').hidden) return;
    const k = e.key.toLowerCase();
    if (k === 'enter' && play.entered && (e.target === document.body || e.target.id === 'world')) {
      e.preventDefault();
      play.keys.clear();
      $('chat-input').focus();
    } else if (k >= '1' && k <= '5' && k.length === 1) {
      play.abilities.use(Number(k) - 1);
    } else if (k === 'escape') {
      play.abilities.target = null;
      play.abilities.showTarget();
    } else if (['w', 'a', 's', 'd', 'arrowup', 'arrowdown', 'arrowleft', 'arrowright', 'shift'].includes(k)) {
      play.keys.add(k);
      if (k.startsWith('arrow')) e.preventDefault();
    } else if (k === '+' || k === '=') play.zoom = Math.min(40, play.zoom * 1.25);
    else if (k === '-') play.zoom = Math.max(0.5, play.zoom / 1.25);
  });
  document.addEventListener('keyup', (e) => play.keys.delete(e.key.toLowerCase()));
  window.addEventListener('blur', () => play.keys.clear());
  $('world').addEventListener('click', (e) => {
    const c = $('world'), box = c.getBoundingClientRect();
    play.abilities.pick((e.clientX - box.left) * c.width / box.width, (e.clientY - box.top) * c.height / box.height, play.drawn);
    c.focus();
  });
  $('leave-button').addEventListener('click', () => { play.leave(); $('play-status').textContent = 'left the world'; });
  $('reconnect-button').addEventListener('click', () => {
    play.wantWorld = true;
    play.connectAndEnter().catch((e) => log('reconnect failed: ' + e.message, true));
  });
  setInterval(() => play.tickInput(), 100);
  setInterval(() => { play.fps = play.frames; play.frames = 0; }, 1000);
  const frame = () => { play.draw(); play.abilities.tick(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

setupAccount();
setupPlay();
setupPlanet();
setupAdmin();
for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => showView(b.dataset.view));
status('ready');
