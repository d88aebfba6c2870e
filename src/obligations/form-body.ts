import type { UploadedFile } from './evidence-file.ts';

/**
 * A form body as plain strings plus the uploaded file, whether it came url-encoded (strings) or
 * multipart (fields as { type: 'field', value }, files as { type: 'file', filename, value: Buffer }).
 */
export function readForm(body: unknown): { fields: Record<string, string>; file: UploadedFile | null } {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = String(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const part = v as { type?: string; value?: unknown; filename?: string };
      if (part.type === 'file' && Buffer.isBuffer(part.value)) {
        // An empty file input still sends a part with no name and no bytes.
        if (part.value.length > 0 || part.filename)
          file = { name: part.filename ?? 'evidence', content: part.value };
      } else if (part.type === 'field') fields[k] = String(part.value ?? '');
    }
  }
  if (file && file.content.length === 0 && !file.name) file = null;
  return { fields, file: file && file.content.length === 0 ? null : file };
}
