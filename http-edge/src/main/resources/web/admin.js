// Admin console: everything through the admin API (/admin/v1), with the logged-in account's token.
import { api, isStaff, status } from './main.js';

const $ = (id) => document.getElementById(id);

function table(el, rows, columns, actions) {
  el.replaceChildren();
  const head = document.createElement('tr');
  for (const c of [...columns, ...(actions ? [''] : [])]) { const th = document.createElement('th'); th.textContent = c; head.append(th); }
  el.append(head);
  for (const r of rows) {
    const tr = document.createElement('tr');
    for (const c of columns) {
      const td = document.createElement('td');
      const v = r[c];
      td.textContent = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      tr.append(td);
    }
    if (actions) { const td = document.createElement('td'); td.append(...actions(r)); tr.append(td); }
    el.append(tr);
  }
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.textContent = text;
  b.addEventListener('click', async () => {
    try { await onClick(); } catch (e) { status(text + ' failed: ' + e.message, true); }
  });
  return b;
}

async function guarded(what, f) {
  try { await f(); } catch (e) { status(what + ': ' + e.message, true); }
}

async function cluster() {
  const c = await api('GET', '/admin/v1/cluster');
  table($('cluster'), c.members.map((m) => ({ ...m, leader: m.address === c.leader ? 'leader' : '' })), ['address', 'status', 'roles', 'leader']);
}

async function cells() {
  const page = await api('GET', '/admin/v1/world/cells?limit=100');
  const players = page.cells.reduce((n, c) => n + c.players, 0);
  $('players-online').textContent = `${players} player(s) online in ${page.total} active cell(s)`;
  table($('cells'), page.cells.map((c) => ({ ...c, 'tick p50 µs': (c.tickP50Nanos / 1000).toFixed(0), 'tick p99 µs': (c.tickP99Nanos / 1000).toFixed(0) })),
    ['cellId', 'node', 'players', 'npcs', 'ticks', 'tick p50 µs', 'tick p99 µs', 'overruns']);
}

async function findAccount(name) {
  const a = await api('GET', '/admin/v1/accounts?name=' + encodeURIComponent(name));
  const list = Array.isArray(a) ? a : a.accounts || [a];
  table($('accounts'), list.map((x) => ({ ...x, banned: x.ban ? 'banned: ' + (x.ban.reason || '') : '' })), ['username', 'accountId', 'roles', 'characters', 'banned'], (acc) => [
    button('Kick', async () => { await api('POST', `/admin/v1/accounts/${acc.accountId}/kick`, {}); status('kicked ' + acc.username); }),
    button('Ban', async () => {
      const reason = prompt('Reason for the ban?', 'violation of the rules');
      if (reason) { await api('POST', `/admin/v1/accounts/${acc.accountId}/ban`, { reason }); await findAccount(name); }
    }),
    button('Unban', async () => { await api('POST', `/admin/v1/accounts/${acc.accountId}/unban`, {}); await findAccount(name); }),
    button('+Moderator', async () => { await api('PUT', `/admin/v1/accounts/${acc.accountId}/roles/Moderator`, {}); await findAccount(name); }),
    button('−Moderator', async () => { await api('DELETE', `/admin/v1/accounts/${acc.accountId}/roles/Moderator`); await findAccount(name); }),
  ]);
}

let economyReadOnly = false;
async function economy() {
  const e = await api('GET', '/admin/v1/economy/status');
  economyReadOnly = !!e.readOnly;
  $('economy').textContent = JSON.stringify(e, null, 2);
}

let maintenanceOn = false;
async function maintenance() {
  const m = await api('GET', '/admin/v1/maintenance');
  maintenanceOn = !!m.on;
  $('maintenance').textContent = JSON.stringify(m, null, 2);
}

async function audit() {
  const a = await api('GET', '/admin/v1/audit?limit=30');
  table($('audit'), a.entries, ['at', 'actorName', 'action', 'target', 'details']);
}

function refreshAll() {
  guarded('cluster', cluster);
  guarded('cells', cells);
  guarded('economy', economy);
  guarded('maintenance', maintenance);
  guarded('audit', audit);
}

export function setupAdmin() {
  $('admin-cluster').addEventListener('click', () => guarded('cluster', cluster));
  $('admin-cells').addEventListener('click', () => guarded('cells', cells));
  $('economy-refresh').addEventListener('click', () => guarded('economy', economy));
  $('maintenance-refresh').addEventListener('click', () => guarded('maintenance', maintenance));
  $('audit-refresh').addEventListener('click', () => guarded('audit', audit));
  $('account-search').addEventListener('submit', (e) => { e.preventDefault(); guarded('account', () => findAccount($('account-name').value.trim())); });
  $('economy-toggle').addEventListener('click', () => guarded('economy', async () => {
    const body = economyReadOnly ? { readOnly: false } : { readOnly: true, reason: prompt('Why read-only?', 'maintenance') || 'maintenance' };
    await api('PUT', '/admin/v1/economy/read-only', body);
    await economy();
  }));
  $('maintenance-toggle').addEventListener('click', () => guarded('maintenance', async () => {
    await api('PUT', '/admin/v1/maintenance', maintenanceOn ? { on: false } : { on: true, message: prompt('Message to players?', 'maintenance') || 'maintenance' });
    await maintenance();
  }));
  $('broadcast').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded('broadcast', async () => { await api('POST', '/admin/v1/broadcast', { message: $('broadcast-text').value }); status('broadcast sent'); });
  });
  document.addEventListener('view', (e) => {
    if (e.detail !== 'admin') return;
    if (isStaff()) refreshAll(); else status('the admin console needs an Admin, Moderator or Developer login', true);
  });
}
