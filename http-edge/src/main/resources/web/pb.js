// A small protobuf (proto3) codec driven by /web/schema.json, which the node builds from the
// descriptors compiled from protocol/src/main/proto into its jar. Messages are plain objects keyed
// by the .proto field names (snake_case); 64-bit integers are BigInt, bytes are Uint8Array, enums
// are their names. Unset scalar fields read as their proto3 defaults.

const VARINT = 0, I64 = 1, LEN = 2, I32 = 5;
const WIRE = {
  double: I64, fixed64: I64, sfixed64: I64, float: I32, fixed32: I32, sfixed32: I32,
  int32: VARINT, int64: VARINT, uint32: VARINT, uint64: VARINT, sint32: VARINT, sint64: VARINT,
  bool: VARINT, enum: VARINT, string: LEN, bytes: LEN, message: LEN,
};
const LONG = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const utf8in = new TextEncoder();
const utf8out = new TextDecoder();

export class Schema {
  constructor(json) {
    this.messages = json.messages;
    this.enums = json.enums;
    this.byNumber = {};
    for (const [name, fields] of Object.entries(this.messages)) {
      const m = {};
      for (const f of fields) m[f.number] = f;
      this.byNumber[name] = m;
    }
    this.enumNames = {};
    for (const [name, values] of Object.entries(this.enums)) {
      const n = {};
      for (const [k, v] of Object.entries(values)) n[v] = k;
      this.enumNames[name] = n;
    }
  }

  static async load(url = '/web/schema.json') {
    const r = await fetch(url);
    if (!r.ok) throw new Error('schema: HTTP ' + r.status);
    return new Schema(await r.json());
  }

  encode(type, obj) {
    const w = new Writer();
    this.write(type, obj, w);
    return w.finish();
  }

  decode(type, bytes) {
    return this.read(type, new Reader(bytes), bytes.length);
  }

  write(type, obj, w) {
    const fields = this.messages[type];
    if (!fields) throw new Error('unknown message ' + type);
    for (const f of fields) {
      const v = obj[f.name];
      if (v === undefined || v === null) continue;
      const values = f.repeated ? v : [v];
      for (const one of values) {
        if (!f.repeated && f.type !== 'message' && isDefault(f, one)) continue;
        w.tag(f.number, WIRE[f.type]);
        this.writeValue(f, one, w);
      }
    }
  }

  writeValue(f, v, w) {
    switch (f.type) {
      case 'double': w.f64(v); break;
      case 'float': w.f32(v); break;
      case 'fixed32': w.u32(v >>> 0); break;
      case 'sfixed32': w.u32(v | 0); break;
      case 'fixed64': case 'sfixed64': w.u64(BigInt(v)); break;
      case 'bool': w.varint(v ? 1n : 0n); break;
      case 'enum': w.varint(BigInt(typeof v === 'string' ? this.enums[f.typeName][v] : v)); break;
      case 'int32': w.varint(BigInt.asUintN(64, BigInt(v | 0))); break;
      case 'uint32': w.varint(BigInt(v >>> 0)); break;
      case 'sint32': { const n = v | 0; w.varint(BigInt(((n << 1) ^ (n >> 31)) >>> 0)); break; }
      case 'int64': case 'uint64': w.varint(BigInt.asUintN(64, BigInt(v))); break;
      case 'sint64': { const n = BigInt.asIntN(64, BigInt(v)); w.varint(BigInt.asUintN(64, (n << 1n) ^ (n >> 63n))); break; }
      case 'string': w.bytes(utf8in.encode(v)); break;
      case 'bytes': w.bytes(v); break;
      case 'message': w.bytes(this.encode(f.typeName, v)); break;
      default: throw new Error('unsupported field type ' + f.type);
    }
  }

  read(type, r, end) {
    const byNumber = this.byNumber[type];
    if (!byNumber) throw new Error('unknown message ' + type);
    const out = {};
    for (const f of this.messages[type]) {
      if (f.repeated) out[f.name] = [];
      else if (f.type !== 'message') out[f.name] = defaultOf(f, this);
    }
    while (r.pos < end) {
      const key = Number(r.varint());
      const number = key >>> 3, wire = key & 7;
      const f = byNumber[number];
      if (!f) { r.skip(wire); continue; }
      if (f.repeated && wire === LEN && WIRE[f.type] !== LEN) {
        const stop = r.pos + Number(r.varint());
        while (r.pos < stop) out[f.name].push(this.readValue(f, r));
        continue;
      }
      const v = this.readValue(f, r);
      if (f.repeated) out[f.name].push(v); else out[f.name] = v;
    }
    if (r.pos !== end) throw new Error('truncated ' + type);
    return out;
  }

  readValue(f, r) {
    switch (f.type) {
      case 'double': return r.f64();
      case 'float': return r.f32();
      case 'fixed32': return r.u32();
      case 'sfixed32': return r.u32() | 0;
      case 'fixed64': return r.u64();
      case 'sfixed64': return BigInt.asIntN(64, r.u64());
      case 'bool': return r.varint() !== 0n;
      case 'enum': { const n = Number(BigInt.asIntN(32, r.varint())); return this.enumNames[f.typeName][n] ?? n; }
      case 'int32': return Number(BigInt.asIntN(32, r.varint()));
      case 'uint32': return Number(BigInt.asUintN(32, r.varint()));
      case 'sint32': { const u = Number(BigInt.asUintN(32, r.varint())); return (u >>> 1) ^ -(u & 1); }
      case 'int64': return BigInt.asIntN(64, r.varint());
      case 'uint64': return r.varint();
      case 'sint64': { const u = r.varint(); return BigInt.asIntN(64, (u >> 1n) ^ -(u & 1n)); }
      case 'string': return utf8out.decode(r.bytes());
      case 'bytes': return r.bytes();
      case 'message': { const n = Number(r.varint()); return this.read(f.typeName, r, r.pos + n); }
      default: throw new Error('unsupported field type ' + f.type);
    }
  }
}

function isDefault(f, v) {
  if (f.type === 'string') return v === '';
  if (f.type === 'bytes') return v.length === 0;
  if (f.type === 'bool') return v === false;
  if (f.type === 'enum') return v === 0 || (typeof v === 'string' && v.endsWith('_UNSPECIFIED'));
  return v === 0 || v === 0n;
}

function defaultOf(f, schema) {
  if (LONG.has(f.type)) return 0n;
  switch (f.type) {
    case 'string': return '';
    case 'bytes': return new Uint8Array(0);
    case 'bool': return false;
    case 'enum': return schema.enumNames[f.typeName][0] ?? 0;
    default: return 0;
  }
}

class Writer {
  constructor() { this.buf = new Uint8Array(64); this.len = 0; this.view = new DataView(this.buf.buffer); }
  ensure(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  tag(number, wire) { this.varint(BigInt((number << 3) | wire)); }
  varint(v) {
    this.ensure(10);
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.buf[this.len++] = b;
    } while (v !== 0n);
  }
  f64(v) { this.ensure(8); this.view.setFloat64(this.len, v, true); this.len += 8; }
  f32(v) { this.ensure(4); this.view.setFloat32(this.len, v, true); this.len += 4; }
  u32(v) { this.ensure(4); this.view.setUint32(this.len, v >>> 0, true); this.len += 4; }
  u64(v) { this.ensure(8); this.view.setBigUint64(this.len, BigInt.asUintN(64, v), true); this.len += 8; }
  bytes(b) { this.varint(BigInt(b.length)); this.ensure(b.length); this.buf.set(b, this.len); this.len += b.length; }
  finish() { return this.buf.slice(0, this.len); }
}

class Reader {
  constructor(bytes) { this.buf = bytes; this.pos = 0; this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength); }
  need(n) { if (this.pos + n > this.buf.length) throw new Error('truncated message'); }
  varint() {
    let v = 0n, shift = 0n;
    for (;;) {
      this.need(1);
      const b = this.buf[this.pos++];
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt.asUintN(64, v);
      shift += 7n;
      if (shift > 63n) throw new Error('varint too long');
    }
  }
  f64() { this.need(8); const v = this.view.getFloat64(this.pos, true); this.pos += 8; return v; }
  f32() { this.need(4); const v = this.view.getFloat32(this.pos, true); this.pos += 4; return v; }
  u32() { this.need(4); const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  u64() { this.need(8); const v = this.view.getBigUint64(this.pos, true); this.pos += 8; return v; }
  bytes() { const n = Number(this.varint()); this.need(n); const b = this.buf.slice(this.pos, this.pos + n); this.pos += n; return b; }
  skip(wire) {
    if (wire === VARINT) this.varint();
    else if (wire === I64) { this.need(8); this.pos += 8; }
    else if (wire === I32) { this.need(4); this.pos += 4; }
    else if (wire === LEN) { const n = Number(this.varint()); this.need(n); this.pos += n; }
    else throw new Error('unsupported wire type ' + wire);
  }
}
