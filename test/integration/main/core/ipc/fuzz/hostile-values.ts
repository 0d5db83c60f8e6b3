/**
 * Values a renderer (or anything holding the bridge) could send instead of what a channel expects. Each is
 * a factory: stateful ones (getters that throw on a later read) must be fresh for every call. The big ones
 * are built once, iteratively, so neither building nor sending them can overflow the test's own stack.
 */

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const DEPTH = 200_000;

function deepArray(): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < DEPTH; i++) value = [value];
  return value;
}
function deepObject(): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < DEPTH; i++) value = { a: value };
  return value;
}
const DEEP_ARRAY = deepArray();
const DEEP_OBJECT = deepObject();

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { connectionId: 'c' };
  value.self = value;
  return value;
}

function throwingGetter(): Record<string, unknown> {
  return Object.defineProperty({}, 'connectionId', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
}

/** Reads fine once (e.g. while the size is measured), throws from the second read on. */
function throwsOnSecondRead(): Record<string, unknown> {
  let reads = 0;
  const value = { id: 1, connectionId: 'c', remoteId: 'r', clientUid: 'u', jobId: 'j', path: '/tmp/x', format: 'csv' };
  return new Proxy(value, {
    get(target, key, receiver) {
      if (key !== 'toJSON' && typeof key === 'string' && ++reads > Object.keys(value).length) throw new Error('second read');
      return Reflect.get(target, key, receiver);
    },
  });
}

function proxyThrowingEverywhere(): object {
  const boom = () => {
    throw new Error('trap exploded');
  };
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
}

function ownProtoKey(): Record<string, unknown> {
  return JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}, "connectionId": "c"}') as Record<string, unknown>;
}

export interface Hostile {
  name: string;
  make(): unknown;
}

const h = (name: string, make: () => unknown): Hostile => ({ name, make });

export const HOSTILE: readonly Hostile[] = [
  h('null', () => null),
  h('true', () => true),
  h('zero', () => 0),
  h('-0', () => -0),
  h('NaN', () => NaN),
  h('Infinity', () => Infinity),
  h('-Infinity', () => -Infinity),
  h('huge number', () => 1e308),
  h('unsafe integer', () => Number.MAX_SAFE_INTEGER + 2),
  h('fraction', () => 0.5),
  h('negative', () => -1),
  h('bigint', () => 10n),
  h('symbol', () => Symbol('s')),
  h('function', () => () => 'called'),
  h('empty string', () => ''),
  h('lone high surrogate', () => '\uD800'),
  h('lone low surrogate inside', () => 'ab\uDFFFcd'),
  h('NUL', () => 'a\u0000b'),
  h('path traversal', () => '../../../../etc/passwd'),
  h('empty array', () => []),
  h('empty object', () => ({})),
  h('null-prototype object', () => Object.assign(Object.create(null) as object, { connectionId: 'c' })),
  h('cyclic object', cyclic),
  h('own __proto__ key', ownProtoKey),
  h('constructor.prototype', () => ({ constructor: { prototype: { polluted: true } }, connectionId: 'c' })),
  h('toJSON that lies', () => ({ toJSON: () => ({ id: 1 }), id: 'not a number' })),
  h('toJSON that throws', () => ({ toJSON: () => { throw new Error('toJSON exploded'); } })),
  h('throwing getter', throwingGetter),
  h('throws on second read', throwsOnSecondRead),
  h('proxy throwing on every trap', proxyThrowingEverywhere),
  h('Date', () => new Date(0)),
  h('RegExp', () => /.*/),
  h('Map', () => new Map([['connectionId', 'c']])),
  h('Uint8Array', () => new Uint8Array([1, 2, 3])),
  h('boxed string', () => Object('c') as unknown),
];

/**
 * Over the router's size cap or unreadable as data, whatever the channel: each costs up to a second to
 * serialise on a loaded machine, so the fuzz sends them on a rota instead of at random.
 */
export const HEAVY: readonly Hostile[] = [
  h('10 MB string', () => TEN_MB),
  h('200k-deep array', () => DEEP_ARRAY),
  h('200k-deep object', () => DEEP_OBJECT),
  h('300 KB string', () => 'y'.repeat(300 * 1024)),
  h('sparse array of 1e6', () => new Array(1_000_000)),
];
