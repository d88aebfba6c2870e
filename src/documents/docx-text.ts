/**
 * Reads the text of a DOCX without an XML library: a single-pass tokenizer over the WordprocessingML
 * parts that collects, per paragraph (<w:p>), its text pieces — <w:t> and <w:delText> contents
 * (tracked deletions are still in the file, so they are scanned and masked too) plus run tabs and
 * breaks — with the XML offsets of each piece, so a masker can rewrite exactly those characters.
 * Nested paragraphs (text boxes) are handled with a stack; table paragraphs are marked.
 * Assumes the conventional 'w:' prefix, which Word, WPS and LibreOffice all write.
 */
import type JSZip from 'jszip';

export interface DocxPiece {
  text: string;
  /** Offsets of the piece's content in the part's XML; absent for tabs and breaks (not rewritable). */
  from?: number;
  to?: number;
}

export interface DocxParagraph {
  /** "正文第3段", "正文第12段（表格）", "页眉第1段": non-empty paragraphs are numbered from 1 per part. */
  where: string;
  text: string;
  pieces: DocxPiece[];
}

export interface DocxTextPart {
  partName: string;
  xml: string;
  paragraphs: DocxParagraph[];
}

const PART_LABELS: [RegExp, string][] = [
  [/^word\/document\.xml$/, '正文'],
  [/^word\/header\d*\.xml$/, '页眉'],
  [/^word\/footer\d*\.xml$/, '页脚'],
  [/^word\/footnotes\.xml$/, '脚注'],
  [/^word\/endnotes\.xml$/, '尾注'],
  [/^word\/comments\.xml$/, '批注'],
];

const TOKEN = /<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<(\/?)w:(p|tbl|tab|br|cr)((?:\s[^>]*?)?)(\/?)>/g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ENTITIES[e],
  );
}

export function encodeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paragraphs of one WordprocessingML part, in document order, empty ones included (where ''). */
export function parseParagraphs(xml: string, label: string): DocxParagraph[] {
  const open: { order: number; inTable: boolean; pieces: DocxPiece[] }[] = [];
  const done: { order: number; inTable: boolean; pieces: DocxPiece[] }[] = [];
  let order = 0;
  let tableDepth = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const top = open[open.length - 1];
    if (m[1]) {
      const from = (m.index ?? 0) + m[0].indexOf('>') + 1;
      top?.pieces.push({ text: decodeXml(m[2]), from, to: from + m[2].length });
      continue;
    }
    const [, , , closing, name, attrs, selfClosing] = m;
    if (name === 'tbl') tableDepth += closing ? -1 : selfClosing ? 0 : 1;
    else if (name === 'p') {
      if (!closing) open.push({ order: order++, inTable: tableDepth > 0, pieces: [] });
      if (closing || selfClosing) {
        const p = open.pop();
        if (p) done.push(p);
      }
    } else if (name === 'tab') {
      // <w:tab w:val=… w:pos=…/> in paragraph properties is a tab stop, not a tab character.
      if (!attrs.trim()) top?.pieces.push({ text: '\t' });
    } else top?.pieces.push({ text: '\n' });
  }
  done.sort((a, b) => a.order - b.order);
  let n = 0;
  return done.map((p) => {
    const text = p.pieces.map((x) => x.text).join('');
    const visible = text.trim() !== '';
    if (visible) n += 1;
    return { where: visible ? `${label}第${n}段${p.inTable ? '（表格）' : ''}` : '', text, pieces: p.pieces };
  });
}

/** Every text-bearing part of a DOCX (body, headers, footers, notes, comments) with its paragraphs. */
export async function docxTextParts(zip: JSZip): Promise<DocxTextPart[]> {
  const names = Object.keys(zip.files)
    .filter((n) => PART_LABELS.some(([re]) => re.test(n)))
    .sort((a, b) => partRank(a) - partRank(b) || a.localeCompare(b, 'en', { numeric: true }));
  const parts: DocxTextPart[] = [];
  for (const partName of names) {
    const file = zip.file(partName);
    if (!file) continue;
    const xml = await file.async('string');
    const label = PART_LABELS.find(([re]) => re.test(partName))![1];
    parts.push({ partName, xml, paragraphs: parseParagraphs(xml, label) });
  }
  return parts;
}

function partRank(name: string): number {
  return PART_LABELS.findIndex(([re]) => re.test(name));
}

/** Replaces piece contents in the XML (edits: pieces with offsets and their new, unencoded text). */
export function rewritePieces(xml: string, edits: { piece: DocxPiece; text: string }[]): string {
  let out = xml;
  for (const { piece, text } of [...edits].sort((a, b) => (b.piece.from ?? 0) - (a.piece.from ?? 0))) {
    if (piece.from === undefined || piece.to === undefined) continue;
    out = out.slice(0, piece.from) + encodeXml(text) + out.slice(piece.to);
  }
  return out;
}
