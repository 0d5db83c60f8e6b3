// Reads Vitest's JSON report and prints counts per tier, then one plain line: "N passed, N failed".
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.tmp/vitest-report.json', 'utf8'));
const tiers = new Map();
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of report.testResults ?? []) {
  const tier = relative(process.cwd(), file.name).split('/')[1] ?? 'other';
  const counts = tiers.get(tier) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'passed') counts.passed++;
    else if (test.status === 'failed') counts.failed++;
    else counts.skipped++;
  }
  if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') counts.failed++;
  tiers.set(tier, counts);
}
for (const [tier, c] of [...tiers].sort()) {
  console.log(`  ${tier}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
