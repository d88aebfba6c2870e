import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sharedReferenceDir, vendoredReferenceDir } from './helpers/reference.ts';

test('the vendored reference data equals the shared reference, file by file', () => {
  const vendored = readdirSync(vendoredReferenceDir).filter((f) => f.endsWith('.json'));
  assert.ok(vendored.includes('cn-calendar-2025-2026.json') && vendored.includes('deadline-vectors.json'));
  if (!existsSync(sharedReferenceDir)) {
    // A clone on its own: the copy is all there is; nothing to compare against.
    return;
  }
  for (const name of readdirSync(sharedReferenceDir).filter((f) => f.endsWith('.json'))) {
    const shared = readFileSync(path.join(sharedReferenceDir, name), 'utf8');
    const copy = path.join(vendoredReferenceDir, name);
    assert.ok(existsSync(copy), `${name} is in shared/reference but not vendored`);
    assert.deepEqual(
      JSON.parse(readFileSync(copy, 'utf8')),
      JSON.parse(shared),
      `${name} differs from shared/reference`,
    );
  }
});
