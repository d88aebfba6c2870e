import QRCode from 'qrcode';

/** Modules of white border around a QR code (the standard asks for 4). */
export const QUIET_ZONE = 4;

export interface QrSquares {
  /** modules per side of the symbol, without the quiet zone */
  size: number;
  /** the dark modules as [column, row] in module units, origin at the symbol's top-left corner */
  dark: [number, number][];
}

/**
 * The QR code of a URL (error correction M) as the list of its dark modules — what the PDF draws
 * as vector squares. Pure, so a test compares it with QRCode.create for the same URL.
 */
export function qrSquares(url: string): QrSquares {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const dark: [number, number][] = [];
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.push([col, row]);
  return { size: modules.size, dark };
}

/** Points of each dark square for a code `side` points wide (quiet zone included) placed at (x, y). */
export function qrRects(
  q: QrSquares,
  x: number,
  y: number,
  side: number,
): { x: number; y: number; w: number }[] {
  const m = side / (q.size + 2 * QUIET_ZONE);
  return q.dark.map(([c, r]) => ({ x: x + (c + QUIET_ZONE) * m, y: y + (r + QUIET_ZONE) * m, w: m }));
}
