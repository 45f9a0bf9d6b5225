// The chat pane of the play view: General, Say, Yell, Trade and Whisper ("/w name text"), system
// lines (a name with spaces in quotes: /w "Ann Lee" hi), the channel history the server replays on entering, and refusals (muted, recipient
// offline, rate limited) shown where they happened. Typing here never walks the character:
// Enter on the world focuses the chat input, Enter sends, Escape goes back to the world.
const $ = (id) => document.getElementById(id);
const NAMES = {
  CHAT_CHANNEL_GENERAL: 'General', CHAT_CHANNEL_SAY: 'Say', CHAT_CHANNEL_YELL: 'Yell', CHAT_CHANNEL_TRADE: 'Trade',
  CHAT_CHANNEL_WHISPER: 'Whisper', CHAT_CHANNEL_PARTY: 'Party', CHAT_CHANNEL_GUILD: 'Guild', CHAT_CHANNEL_SYSTEM: 'System',
};
const SLASH = { '/g': 'CHAT_CHANNEL_GENERAL', '/s': 'CHAT_CHANNEL_SAY', '/y': 'CHAT_CHANNEL_YELL', '/t': 'CHAT_CHANNEL_TRADE' };
const MAX_LINES = 200;

/** Why a chat line was refused, in words (the server's message adds the detail). */
export function refusalText(err) {
  switch (err.code) {
    case 'CODE_CHAT_MUTED': return 'You are muted: ' + err.detail;
    case 'CODE_CHAT_RECIPIENT_OFFLINE': return 'Not delivered: ' + err.detail;
    case 'CODE_RATE_LIMITED': return 'Slow down: try again in ' + Math.ceil((err.retryAfterMs || 1000) / 1000) + ' s';
    default: return 'Not sent: ' + err.message;
  }
}

/** Parses what was typed: "/w name text" whispers, "/s text" says, …; else the selected channel. */
export function parseLine(text, selected) {
  const t = text.trim();
  // A name with spaces goes in quotes: /w "Ann Lee" hello.
  const w = /^\/w(?:hisper)?\s+(?:"([^"]+)"|(\S+))\s+([\s\S]+)$/i.exec(t);
  if (w) return { channel: 'CHAT_CHANNEL_WHISPER', to_name: w[1] || w[2], text: w[3].trim() };
  if (/^\/w(?:hisper)?(\s|$)/i.test(t)) return { error: 'Whisper as: /w name text' };
  const s = /^(\/[gsyt])\s+([\s\S]+)$/i.exec(t);
  if (s) return { channel: SLASH[s[1].toLowerCase()], text: s[2].trim() };
  if (selected === 'CHAT_CHANNEL_WHISPER') return { error: 'Whisper as: /w name text' };
  return { channel: selected, text: t };
}

export function setupChat(play) {
  const chat = {
    lines: 0,
    add(text, cls) {
      const ol = $('chat-lines');
      const li = document.createElement('li');
      li.textContent = text;
      li.className = cls;
      ol.append(li);
      this.lines++;
      while (ol.children.length > MAX_LINES) ol.firstChild.remove();
      ol.scrollTop = ol.scrollHeight;
    },
    /** A ChatMessage from the server (history lines come with delayed set). */
    onMessage(m) {
      const channel = String(m.channel);
      const time = m.sent_at_ms ? new Date(Number(m.sent_at_ms)).toISOString().slice(11, 16) + ' ' : '';
      let text;
      if (channel === 'CHAT_CHANNEL_SYSTEM') text = `${time}[System] ${m.text}`;
      else if (channel === 'CHAT_CHANNEL_WHISPER') {
        text = m.from_name === play.playerName ? `${time}To [${m.to_name}]: ${m.text}` : `${time}[${m.from_name}] whispers: ${m.text}`;
      } else text = `${time}[${NAMES[channel] || channel}] ${m.from_name}: ${m.text}`;
      this.add(text, 'ch-' + (NAMES[channel] || 'general').toLowerCase() + (m.delayed ? ' delayed' : ''));
    },
    system(text) { this.add(text, 'ch-system'); },
    async send(raw) {
      if (!raw.trim()) return;
      const line = parseLine(raw, $('chat-channel').value);
      if (line.error) { this.add(line.error, 'error'); return; }
      if (!play.entered) { this.add('Not sent: enter the world first', 'error'); return; }
      try {
        const r = await play.request({ chat_send: { channel: line.channel, text: line.text, to_name: line.to_name || '' } });
        if (r.chat_accepted && r.chat_accepted.delayed) this.system('Chat is busy: your line will arrive late.');
      } catch (err) {
        this.add(refusalText(err), 'error');
      }
    },
  };
  const input = $('chat-input');
  $('chat-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    chat.send(text);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); $('world').focus(); }
  });
  // Keys held while the focus moves to the chat stop walking.
  input.addEventListener('focus', () => play.keys.clear());
  return chat;
}
