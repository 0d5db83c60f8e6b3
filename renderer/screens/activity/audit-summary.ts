/**
 * Audit entries are written by main in English and hash-chained, so they are never rewritten: this turns the
 * stored summary back into pieces the window words in the user's language, for old and new rows alike.
 * A summary no pattern knows is shown as stored.
 */
export type SummaryPiece = { key: string; params?: Record<string, string | number> } | { raw: string } | { fields: Array<[string, string | null]> } | { code: string; message?: string };

const NUMBER = (s: string) => Number(s);

/** "name=\"Boulangerie\", status=\"active\"" or "name, description" → field names with their values. */
function fieldList(text: string): Array<[string, string | null]> {
  if (!text.trim()) return [];
  if (!text.includes('=')) return text.split(', ').map((name) => [name.trim(), null]);
  const out: Array<[string, string | null]> = [];
  const pattern = /(\w+)=("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push([m[1]!, m[2]!]);
  return out;
}

const HEADS: Array<[RegExp, (m: RegExpMatchArray) => SummaryPiece[]]> = [
  [/^Activate$/, () => [{ key: 'audit.what.activate' }]],
  [/^Deactivate$/, () => [{ key: 'audit.what.deactivate' }]],
  [
    /^(Activate|Deactivate) (\d+) clients: (\d+) done, (\d+) queued offline, (\d+) failed, (\d+) not sent$/,
    (m) => [{ key: m[1] === 'Activate' ? 'audit.what.bulkActivate' : 'audit.what.bulkDeactivate', params: { total: NUMBER(m[2]!), done: NUMBER(m[3]!), queued: NUMBER(m[4]!), failed: NUMBER(m[5]!), notSent: NUMBER(m[6]!) } }],
  ],
  [/^Delete$/, () => [{ key: 'audit.what.delete' }]],
  [/^Delete webhook secret$/, () => [{ key: 'audit.what.webhookDelete' }]],
  [/^Generate webhook secret( \(saved to keychain\))?$/, (m) => [{ key: m[1] ? 'audit.what.webhookGenerateSaved' : 'audit.what.webhookGenerate' }]],
  [/^Delete "(.*)"$/, (m) => [{ key: 'audit.what.deleteNamed', params: { name: m[1]! } }]],
  [/^Create (.*)$/, (m) => [{ key: 'audit.what.create' }, { fields: fieldList(m[1]!) }]],
  [/^Edit (.*)$/, (m) => [{ key: 'audit.what.edit' }, { fields: fieldList(m[1]!) }]],
  [/^PDP configuration \((.*)\)$/, (m) => [{ key: 'audit.what.pdp' }, { fields: fieldList(m[1]!.replace(/(, )?client secret$/, '$1clientSecret')) }]],
  [/^PDP configuration (.*), client secret set$/, (m) => [{ key: 'audit.what.pdp' }, { fields: [...fieldList(m[1]!), ['clientSecret', null]] }]],
  [/^PDP configuration$/, () => [{ key: 'audit.what.pdp' }]],
  [/^(\d+) earlier entries verified and re-chained under the audit key$/, (m) => [{ key: 'audit.what.rechained', params: { count: NUMBER(m[1]!) } }]],
  [/^Client certificate refused \((.*)\)\.$/, (m) => [{ key: 'audit.what.certificateRefused' }, { code: m[1]! }]],
  [
    /^Client certificate (.*), serial (\S+), SHA-256 (\S+), valid until (\S+) \((-?\d+) days\)(?:; CA bundle of (\d+))?\.$/,
    (m) => [{ key: 'audit.what.certificate', params: { subject: m[1]!, serial: m[2]!, fingerprint: m[3]!, until: m[4]!, days: NUMBER(m[5]!) } }, ...(m[6] ? [{ key: 'audit.what.caBundle', params: { count: NUMBER(m[6]) } }] : [])],
  ],
];

const NOTES: Array<[RegExp, (m: RegExpMatchArray) => SummaryPiece[]]> = [
  [/^refused \((\w+)\)$/, (m) => [{ key: 'audit.note.refused' }, { code: m[1]! }]],
  [/^queued offline as #(\d+)$/, (m) => [{ key: 'audit.note.queued', params: { id: m[1]! } }]],
  [/^server record changed since it was cached; waiting for a decision$/, () => [{ key: 'audit.note.conflict' }]],
  [/^replayed from the outbox \(#(\d+)\)$/, (m) => [{ key: 'audit.note.replayed', params: { id: m[1]! } }]],
  [/^replay of #(\d+) failed$/, (m) => [{ key: 'audit.note.replayFailed', params: { id: m[1]! } }]],
  [/^conflict on #(\d+) resolved: kept the server's version$/, (m) => [{ key: 'audit.note.keptServer', params: { id: m[1]! } }]],
  [/^discarded by the user \(#(\d+)\)$/, (m) => [{ key: 'audit.note.discarded', params: { id: m[1]! } }]],
];

/** Parts of a key event's summary ("key fp; old → new; detail"). */
const KEY_PARTS: Array<[RegExp, (m: RegExpMatchArray) => SummaryPiece]> = [
  [/^key ([0-9a-f]{6,})$/, (m) => ({ key: 'audit.key.fingerprint', params: { fp: m[1]! } })],
  [/^(\S+) → (\S+)$/, (m) => ({ key: 'audit.key.change', params: { old: m[1]!, new: m[2]! } })],
  [/^(\d+) key\(s\)$/, (m) => ({ key: 'audit.key.count', params: { count: NUMBER(m[1]!) } })],
  [/^(\d+) imported, (\d+) unchanged$/, (m) => ({ key: 'audit.key.imported', params: { imported: NUMBER(m[1]!), unchanged: NUMBER(m[2]!) } })],
  [/^(current|pending|previous)$/, (m) => ({ key: `audit.key.slot.${m[1]!}` })],
  [/^(committed|aborted|nothing|unknown)$/, (m) => ({ key: `audit.key.recovery.${m[1]!}` })],
  [/^[A-Z][A-Z_]{3,}$/, (m) => ({ code: m[0] })],
  [/^[0-9a-f-]{36}$/, (m) => ({ key: 'audit.key.job', params: { id: m[0].slice(0, 8) } })],
];

function match(table: Array<[RegExp, (m: RegExpMatchArray) => SummaryPiece[]]>, text: string): SummaryPiece[] | null {
  for (const [pattern, build] of table) {
    const m = text.match(pattern);
    if (m) return build(m);
  }
  return null;
}

export function summaryPieces(action: string, summary: string): SummaryPiece[] {
  if (summary === action) return [];
  if (action.startsWith('key.')) {
    const parts = summary.split('; ').map((part) => {
      for (const [pattern, build] of KEY_PARTS) {
        const m = part.match(pattern);
        if (m) return build(m);
      }
      return null;
    });
    if (parts.every((p): p is SummaryPiece => p !== null)) return parts;
    return [{ raw: summary }];
  }
  // "what — note", where a replay's note may end with "(CODE: main's message)".
  const [head = '', ...rest] = summary.split(' — ');
  let note = rest.join(' — ');
  let error: SummaryPiece | null = null;
  const failure = note.match(/^(.*) \(([A-Z][A-Z_]+): (.*)\)$/s);
  if (failure) {
    note = failure[1]!;
    error = { code: failure[2]!, message: failure[3]! };
  }
  const what = match(HEADS, head);
  const why = note ? match(NOTES, note) : [];
  if (!what || !why) return [{ raw: summary }];
  return [...what, ...why, ...(error ? [error] : [])];
}
