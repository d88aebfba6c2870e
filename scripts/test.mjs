// Runs every *.test.ts / *.test.tsx under src/, test/ and e2e/ with node's test runner
// (Node 20's --test takes no globs). Extra arguments narrow the run: `npm test -- src/units`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test', 'e2e'];
const files = [];
function walk(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== 'node_modules') walk(join(p, name));
  } else if (/\.test\.tsx?$/.test(p)) files.push(p);
}
for (const r of roots) walk(r);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
console.log(`# running ${files.length} test files on ${db}`);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, GONGKAI_LOG_LEVEL: process.env.GONGKAI_LOG_LEVEL ?? 'silent' } },
);
process.exit(r.status ?? 1);
