// Safe and unsafe must stay apart for people who tell red from green poorly: their strokes are
// simulated for protanopia and deuteranopia (Machado, Oliveira and Fernandes 2009, severity 1) and
// must keep a lightness contrast of 2:1 between them, and 3:1 each against the drawing's background
// (WCAG's bar for graphics). Shape and outline (circle or dashed diamond) say it too.
import { describe, expect, test } from 'vitest';
import { DARK, LIGHT, type Palette } from '../../src/ui/trie/palette';

type Rgb = [number, number, number];

const MACHADO: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

function linear(hex: string): Rgb {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return v.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as Rgb;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function simulate(rgb: Rgb, m: number[][] | null): Rgb {
  if (!m) return rgb;
  return m.map((row) => clamp(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) as Rgb;
}

const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const visions: [string, number[][] | null][] = [
  ['normal vision', null],
  ['protanopia', MACHADO.protanopia],
  ['deuteranopia', MACHADO.deuteranopia],
];

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
] as [string, Palette][])('the %s palette', (_name, p) => {
  test.each(visions)('safe and unsafe strokes stay apart with %s', (_vision, m) => {
    const safe = simulate(linear(p.safeStroke), m);
    const unsafe = simulate(linear(p.unsafeStroke), m);
    const bg = simulate(linear(p.background), m);
    expect(contrast(safe, unsafe)).toBeGreaterThanOrEqual(2);
    expect(contrast(safe, bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(unsafe, bg)).toBeGreaterThanOrEqual(3);
  });

  test('the old green and orange would not pass (the test can fail)', () => {
    const m = MACHADO.deuteranopia;
    expect(contrast(simulate(linear('#1b7f3b'), m), simulate(linear('#b54708'), m))).toBeLessThan(
      1.2,
    );
  });
});
