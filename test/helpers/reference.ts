import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's verified reference data (official calendar, deadline vectors). The repository
 * keeps a copy under test/fixtures/reference so a fresh clone tests on its own;
 * test/reference-copy.test.ts checks the copy against ../shared/reference whenever that exists.
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const vendoredReferenceDir = path.join(repoRoot, 'test/fixtures/reference');
export const sharedReferenceDir = path.resolve(repoRoot, '../shared/reference');

export function readReference(name: string): unknown {
  const file = path.join(vendoredReferenceDir, name);
  if (!existsSync(file)) throw new Error(`reference file missing: ${file}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
