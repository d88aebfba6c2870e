import { addGuidingEntry } from '../catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../catalog/create-guiding-catalog.ts';
import type { CatalogDomain, UnitKind } from '../db/types.ts';
import { addAttachment } from '../disclosure/add-attachment.ts';
import { approveDisclosure } from '../disclosure/approve-disclosure.ts';
import { createDraft } from '../disclosure/create-draft.ts';
import { publishDisclosure } from '../disclosure/publish-disclosure.ts';
import { reviewDisclosure } from '../disclosure/review-disclosure.ts';
import { reviseDisclosure } from '../disclosure/revise-disclosure.ts';
import { submitDisclosure } from '../disclosure/submit-disclosure.ts';
import type { OpContext } from '../lib/context.ts';

/** Test data for the portal tests (not a test file itself). */

// a 1×1 PNG
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A guiding catalog with one standing, public entry (audience narrowable to anything). */
export async function publicColumn(
  ctx: OpContext,
  ownerUnitId: string,
  unitKind: UnitKind,
  domain: CatalogDomain,
  level1: string,
  item: string,
) {
  const catalog = await createGuidingCatalog(ctx, { ownerUnitId, unitKind, domain, name: `${item}目录` });
  return addGuidingEntry(ctx, catalog.id, {
    mode: 'proactive',
    audience: 'public',
    requiredChannels: ['portal'],
    level1,
    item,
    timing: 'standing',
  });
}

export interface Published {
  id: string;
  fileId: string | null;
}

/** Drafts, submits, reviews, approves and publishes as the system; optionally with a file and a revision. */
export async function publishItem(
  ctx: OpContext,
  input: Record<string, unknown>,
  opts: { file?: Buffer; reviseBody?: string } = {},
): Promise<Published> {
  const d = await createDraft(ctx, { decidedOn: '2026-02-27', bodyHtml: '<p>正文</p>', ...input });
  const fileId = opts.file
    ? (await addAttachment(ctx, d.id, { name: '附件.png', content: opts.file }, 1024 * 1024)).fileId
    : null;
  await submitDisclosure(ctx, d.id);
  await reviewDisclosure(ctx, d.id);
  await approveDisclosure(ctx, d.id);
  await publishDisclosure(ctx, d.id);
  if (opts.reviseBody)
    await reviseDisclosure(ctx, d.id, {
      title: String(input.title),
      bodyHtml: opts.reviseBody,
      changeNote: '补充说明',
    });
  return { id: d.id, fileId };
}

/**
 * A small XML well-formedness check for the feeds and the sitemap: one root, every element closed
 * in order, attributes quoted, only the five predefined entities (or numeric ones) used.
 */
export function assertWellFormedXml(xml: string): string {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let root: string | null = null;
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null = token.exec(body);
  while (m) {
    const [, close, name, , selfClose, text, stray] = m;
    if (stray) throw new Error(`stray "<" at ${m.index}`);
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) throw new Error(`text outside the root: ${text.slice(0, 40)}`);
      const bad = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
      if (bad) throw new Error(`bad entity near ${text.slice(bad.index, bad.index + 20)}`);
    } else if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0) {
        if (root) throw new Error('more than one root element');
        root = name;
      }
      if (!selfClose) stack.push(name);
    }
    m = token.exec(body);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('><')}>`);
  if (!root) throw new Error('no root element');
  return root;
}
