// Bytes of an input file to text: UTF-8 only. A UTF-16 or UTF-32 file is named as such, and a byte
// that is not UTF-8 (a Latin-1 "é" in a Condition) is refused at its line and column instead of
// becoming U+FFFD, which would change the policy without a word.

export type Decoded =
  { ok: true; text: string } | { ok: false; message: string; line?: number; column?: number };

const SAVE_AS_UTF8 = 'save it as UTF-8';

/** UTF-16 and UTF-32 by their byte-order mark, or by the zero bytes of ASCII text in them. */
function wideEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return 'UTF-32 (little-endian, with a byte-order mark)';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    return 'UTF-32 (big-endian, with a byte-order mark)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  // JSON and action lists are ASCII at heart: in UTF-16 every other byte of the start is zero.
  const units = Math.min(b.length >> 1, 64);
  if (units === 0) return null;
  let lowZero = 0;
  let highZero = 0;
  for (let i = 0; i < units; i++) {
    if (b[2 * i] === 0 && b[2 * i + 1] !== 0) highZero++;
    if (b[2 * i + 1] === 0 && b[2 * i] !== 0) lowZero++;
  }
  const fourZeros = b.length >= 4 && b[1] === 0 && b[2] === 0 && b[3] === 0;
  if (lowZero * 4 >= units * 3)
    return fourZeros && b[0] !== 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  if (highZero * 4 >= units * 3)
    return b[0] === 0 && b[1] === 0 ? 'UTF-32 (big-endian)' : 'UTF-16 (big-endian)';
  return null;
}

/** The offset of the first byte that does not belong to well-formed UTF-8 (as TextDecoder reads it). */
function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || t < (k === 1 ? lo : 0x80) || t > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes);
  if (wide !== null) return { ok: false, message: `the file is ${wide}: ${SAVE_AS_UTF8}` };
  try {
    // ignoreBOM keeps a UTF-8 byte-order mark in the text: core skips it, and columns stay the editor's.
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at));
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (before.charCodeAt(i) === 10) line++;
    const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      message: `byte 0x${hex} is not UTF-8 (a Latin-1 or Windows-1252 file?): ${SAVE_AS_UTF8}`,
      line,
      column: before.length - lineStart + 1,
    };
  }
}
