// lz-string's decompressFromEncodedURIComponent, ported with a budget: it stops as soon as the output
// passes `maxChars` (a link of a few KB can otherwise expand to hundreds of millions of characters)
// and refuses what the compressor cannot have written, where lz-string throws or returns "" or null.
// lz-string 1.5.0: Copyright (c) 2013 pieroxy, MIT License.

export type Decompressed =
  | { ok: true; text: string }
  /** `at`: the index of the input character where decoding stopped; `limit`: the budget. */
  | { ok: false; problem: 'damaged' | 'cut-short' | 'too-long'; at: number; limit: number };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const SIX_BITS = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SIX_BITS[ALPHABET.charCodeAt(i)] = i;

/** Thrown inside the decoder only, caught below: the input stopped making sense at `at`. */
class Refused {
  constructor(
    readonly problem: 'damaged' | 'cut-short' | 'too-long',
    readonly at: number,
  ) {}
}

export function decompressFromEncodedURIComponent(input: string, maxChars: number): Decompressed {
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    // A '+' read back from a query string becomes a space; lz-string reads it as '+' too.
    const code = input.charCodeAt(i) === 32 ? 43 : input.charCodeAt(i);
    const v = code < 128 ? SIX_BITS[code] : -1;
    if (v < 0) return { ok: false, problem: 'damaged', at: i, limit: maxChars };
    values[i] = v;
  }
  try {
    return { ok: true, text: decode(values, maxChars) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.problem, at: e.at, limit: maxChars };
    throw e;
  }
}

function decode(values: Uint8Array, maxChars: number): string {
  // Bits are read low bit first, from each 6-bit character high bit first.
  let index = 0;
  let value = 0;
  let mask = 0;
  const read = (bits: number): number => {
    let n = 0;
    for (let power = 1; power < 1 << bits; power <<= 1) {
      if (mask === 0) {
        if (index >= values.length) throw new Refused('cut-short', values.length);
        value = values[index++];
        mask = 32;
      }
      if (value & mask) n |= power;
      mask >>= 1;
    }
    return n;
  };
  const at = () => Math.max(0, index - 1);

  // Codes 0 and 1 bring a new 8- or 16-bit character, 2 ends the stream, 3 and up name an entry.
  // `first` keeps each entry's first character so that long entries are never read back.
  const dictionary: string[] = ['', '', ''];
  const first: string[] = ['', '', ''];
  const out: string[] = [];
  let length = 0;
  let numBits = 3;
  let enlargeIn = 4;

  const start = read(2);
  if (start === 2) return end(values, index, value, mask, '');
  if (start === 3) throw new Refused('damaged', at());
  let w = String.fromCharCode(read(start === 0 ? 8 : 16));
  let wFirst = w;
  dictionary.push(w);
  first.push(w);
  out.push(w);
  length = 1;
  if (length > maxChars) throw new Refused('too-long', at());

  for (;;) {
    let code = read(numBits);
    if (code === 2) return end(values, index, value, mask, out.join(''));
    if (code < 2) {
      const c = String.fromCharCode(read(code === 0 ? 8 : 16));
      dictionary.push(c);
      first.push(c);
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 1 << numBits++;
    }
    let entry: string;
    let entryFirst: string;
    if (code < dictionary.length) {
      entry = dictionary[code];
      entryFirst = first[code];
    } else if (code === dictionary.length) {
      entry = w + wFirst;
      entryFirst = wFirst;
    } else {
      throw new Refused('damaged', at());
    }
    length += entry.length;
    if (length > maxChars) throw new Refused('too-long', at());
    out.push(entry);
    dictionary.push(w + entryFirst);
    first.push(wFirst);
    if (--enlargeIn === 0) enlargeIn = 1 << numBits++;
    w = entry;
    wFirst = entryFirst;
  }
}

/**
 * After the end code the compressor pads with zero bits to the end of the character, or writes one
 * more zero character when the code ended on a boundary. Anything else was not written by it.
 */
function end(values: Uint8Array, index: number, value: number, mask: number, text: string): string {
  const padded =
    mask === 0
      ? index === values.length || (index === values.length - 1 && values[index] === 0)
      : index === values.length && (value & (mask * 2 - 1)) === 0;
  if (!padded) throw new Refused('damaged', Math.min(index, values.length - 1));
  return text;
}
