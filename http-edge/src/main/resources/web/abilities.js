// The abilities bar of the play view: the character's class abilities (from /web/abilities.json,
// which the node makes from its own catalogue), hotkeys 1-5, the target picked by a click on the
// world, cooldowns, health and mana from Vitals, and the combat feed (CombatEvents and refusals).
import { idKey } from './snapshot.js';

const $ = (id) => document.getElementById(id);
const SLOTS = 5;
const KIND = {
  KIND_ABILITY_USED: 'uses', KIND_HIT: 'hits', KIND_MISS: 'misses', KIND_HEAL: 'heals',
  KIND_EFFECT: 'affects', KIND_DEATH: 'kills', KIND_RESPAWN: 'respawns',
};
/** The same verbs when the actor is the player ("You hit", not "You hits"). */
const KIND_YOU = {
  KIND_ABILITY_USED: 'use', KIND_HIT: 'hit', KIND_MISS: 'miss', KIND_HEAL: 'heal',
  KIND_EFFECT: 'affect', KIND_DEATH: 'kill', KIND_RESPAWN: 'respawn',
};
/** Words for the combat refusal codes (error.proto 20-29). */
const REFUSALS = {
  CODE_COMBAT_INVALID_TARGET: 'invalid target', CODE_COMBAT_OUT_OF_RANGE: 'out of range',
  CODE_COMBAT_NO_LINE_OF_SIGHT: 'no line of sight', CODE_COMBAT_PROTECTED_ZONE: 'protected zone',
  CODE_COMBAT_ON_COOLDOWN: 'still cooling down', CODE_COMBAT_NOT_ENOUGH_RESOURCE: 'not enough mana or stamina',
  CODE_COMBAT_UNKNOWN_ABILITY: 'not an ability of your class', CODE_COMBAT_INCAPACITATED: 'you cannot act now',
};

let book = null;
async function loadBook() {
  if (!book) {
    const r = await fetch('/web/abilities.json', { headers: { Accept: 'application/json' } });
    book = r.ok ? await r.json() : {};
  }
  return book;
}

export function setupAbilities(play) {
  const bar = {
    abilities: [], cooldownUntil: new Map(), target: null, vitals: new Map(), feed: 0, used: 0,

    /** Fills the bar with the class's first five abilities. */
    async show(characterClass) {
      const all = await loadBook();
      this.abilities = (all[characterClass] || []).slice(0, SLOTS);
      const div = $('abilities');
      div.replaceChildren();
      this.abilities.forEach((a, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.ability = a.id;
        b.title = `${a.id}: ${a.effect.toLowerCase()} ${a.targeting.toLowerCase()}` +
          (a.rangeMeters ? `, range ${a.rangeMeters} m` : '') + (a.radiusMeters ? `, radius ${a.radiusMeters} m` : '') +
          `, cooldown ${a.cooldownMillis / 1000} s` + (a.cost ? `, ${a.cost} ${a.pool.toLowerCase()}` : '') +
          (a.status ? `, ${a.status.toLowerCase()}` : '');
        const key = document.createElement('span');
        key.className = 'key';
        key.textContent = String(i + 1);
        const cd = document.createElement('span');
        cd.className = 'cd';
        b.append(key, a.id.replace(/_/g, ' '), cd);
        b.addEventListener('click', () => this.use(i));
        div.append(b);
      });
      if (!this.abilities.length) div.textContent = 'no abilities for ' + characterClass;
    },

    /** Uses the ability in slot {@code i} on the target (0: oneself). */
    use(i) {
      const a = this.abilities[i];
      if (!a || !play.entered) return;
      const now = performance.now();
      if ((this.cooldownUntil.get(a.id) || 0) > now) { this.line(`${a.id} is still cooling down`, true); return; }
      const needsTarget = a.targeting === 'ENEMY';
      if (needsTarget && !this.target) { this.line(`${a.id}: pick a target (click one)`, true); return; }
      const targetId = a.targeting === 'SELF' || !this.target ? 0n : BigInt(this.target);
      this.cooldownUntil.set(a.id, now + a.cooldownMillis);
      this.used++;
      // No reply on success (CombatEvents tell what happened); a refusal is an Error for this id.
      play.request({ use_ability: { ability_id: a.id, target_id: targetId } }, 15000).catch((err) => {
        if (err.code !== 'CODE_COMBAT_ON_COOLDOWN') this.cooldownUntil.delete(a.id);
        if (err.timeout) return;
        this.line(`${a.id}: ` + (REFUSALS[err.code] || err.message), true);
      });
    },

    /** Picks the entity nearest to a click within 14 px, or none. */
    pick(x, y, drawn) {
      let best = null, bestD = 14;
      for (const [k, sx, sy] of drawn) {
        const d = Math.hypot(sx - x, sy - y);
        if (d < bestD) { best = k; bestD = d; }
      }
      this.target = best;
      this.showTarget();
    },

    showTarget() {
      if (!this.target) { $('target').textContent = 'no target'; return; }
      const info = play.names.get(this.target);
      const v = this.vitals.get(this.target);
      $('target').textContent = 'target: ' + (info ? info.name : 'entity ' + this.target.slice(-4)) +
        (v ? ` (${v.health}/${v.max_health})` : '');
    },

    onVitals(m) {
      for (const e of m.entities || []) {
        const k = idKey(e.entity_id);
        this.vitals.set(k, e);
        if (play.entered && k === idKey(play.entered.entity_id)) {
          $('health').max = Math.max(1, e.max_health); $('health').value = e.health;
          $('health-text').textContent = `${e.health}/${e.max_health}`;
          $('mana').max = Math.max(1, e.max_mana); $('mana').value = e.mana;
          $('mana-text').textContent = `${e.mana}/${e.max_mana}`;
        }
      }
      this.showTarget();
    },

    name(id) {
      const k = idKey(id);
      if (play.entered && k === idKey(play.entered.entity_id)) return 'You';
      const info = play.names.get(k);
      return info ? info.name : 'entity ' + k.slice(-4);
    },

    onCombatEvents(m) {
      for (const e of m.events || []) {
        const kind = String(e.kind);
        const who = this.name(e.user_id);
        const verb = (who === 'You' ? KIND_YOU : KIND)[kind] || kind;
        const whom = this.name(e.target_id);
        const object = whom !== 'You' ? whom : who === 'You' ? 'yourself' : 'you';
        let text = `${who} ${verb} ${object}`;
        if (kind !== 'KIND_ABILITY_USED' && e.ability_id) text += ` with ${e.ability_id}`;
        if (kind === 'KIND_ABILITY_USED') text = `${who} ${verb} ${e.ability_id}`;
        if (kind === 'KIND_RESPAWN') {
          const t = this.name(e.target_id);
          text = `${t} ${t === 'You' ? 'respawn' : 'respawns'}`;
        }
        if (e.amount) text += ` for ${e.amount}` + (e.crit ? ' (critical)' : '');
        if (e.absorbed) text += `, ${e.absorbed} absorbed`;
        if (kind === 'KIND_DEATH' && e.experience) text += ` (+${e.experience} xp)`;
        this.line(text, false);
        if (kind === 'KIND_DEATH' && idKey(e.target_id) === this.target) { this.target = null; this.showTarget(); }
      }
    },

    line(text, error) {
      const ol = $('combat-feed');
      const li = document.createElement('li');
      li.textContent = new Date().toISOString().slice(11, 19) + ' ' + text;
      if (error) li.className = 'error';
      ol.append(li);
      this.feed++;
      while (ol.children.length > 50) ol.firstChild.remove();
      ol.scrollTop = ol.scrollHeight;
    },

    /** Redraws the cooldown strips (every frame). */
    tick() {
      const now = performance.now();
      for (const b of $('abilities').querySelectorAll('button')) {
        const a = this.abilities.find((x) => x.id === b.dataset.ability);
        const left = (this.cooldownUntil.get(b.dataset.ability) || 0) - now;
        const cooling = left > 0 && a;
        b.classList.toggle('cooling', Boolean(cooling));
        b.querySelector('.cd').style.width = cooling ? (100 * left / a.cooldownMillis).toFixed(1) + '%' : '0';
      }
    },
  };
  return bar;
}
