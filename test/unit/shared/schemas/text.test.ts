import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../../../shared/ipc';
import { ILL_FORMED_TEXT_MESSAGE, text } from '../../../../shared/schemas/text';

const LONE_SURROGATES = ['\uD800', 'ab\uDFFFcd', 'x\uDBFF', '\uDC00y'];

interface StringLeaf {
  path: string;
  schema: z.ZodType;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string schema reachable from `schema`, with its dotted path; throws on a kind it does not know. */
function stringLeaves(schema: z.ZodType, path: string, out: StringLeaf[] = []): StringLeaf[] {
  const def = defOf(schema);
  const child = (s: unknown, p = path) => stringLeaves(s as z.ZodType, p, out);
  switch (def.type) {
    case 'string':
      out.push({ path: path || '(input)', schema });
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) child(value, path ? `${path}.${key}` : key);
      if (def.catchall) child(def.catchall, `${path}.*`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      child(def.innerType);
      break;
    case 'array':
      child(def.element, `${path}[]`);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) child(option);
      break;
    case 'pipe':
      child(def.in);
      break;
    case 'record':
      child(def.keyType, `${path}{key}`);
      child(def.valueType, `${path}{}`);
      break;
    case 'literal':
    case 'enum':
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'null':
    case 'never':
      break;
    default:
      throw new Error(`${path || '(input)'}: the contract walk does not know zod kind "${def.type}"; teach it, so its strings are checked`);
  }
  return out;
}

describe('text(): the contract refuses ill-formed strings', () => {
  it('accepts well-formed text, including astral characters made of a surrogate pair', () => {
    for (const ok of ['', 'Boulangerie Émile', '😀 emoji', '\uD83D\uDE00', '中文']) expect(text().safeParse(ok).success).toBe(true);
  });

  it('refuses each kind of lone surrogate with a message that says why', () => {
    for (const bad of LONE_SURROGATES) {
      const result = text().safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(ILL_FORMED_TEXT_MESSAGE);
    }
  });

  const leaves = CHANNEL_NAMES.flatMap((channel) => stringLeaves(channels[channel].input, '').map((leaf) => ({ channel, ...leaf })));

  it('walks every channel input and finds its string fields', () => {
    expect(leaves.length).toBeGreaterThan(40);
    console.info(`text: ${leaves.length} string fields in ${CHANNEL_NAMES.length} channel inputs, each refuses ${LONE_SURROGATES.length} lone-surrogate strings`);
  });

  it.each(CHANNEL_NAMES)('%s: every string field of the input refuses a lone surrogate', (channel) => {
    for (const leaf of leaves.filter((l) => l.channel === channel)) {
      for (const bad of LONE_SURROGATES) {
        const result = leaf.schema.safeParse(bad);
        const messages = result.error?.issues.map((i) => i.message) ?? [];
        expect(messages, `${channel} ${leaf.path} accepted ${JSON.stringify(bad)}: build it with text()`).toContain(ILL_FORMED_TEXT_MESSAGE);
      }
    }
  });
});
