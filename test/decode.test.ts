import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, decodeBytes, InputError } from '../src/ingest/decode.js';

/** Encode to Windows-1256 by inverting the platform's decoder (tests only). */
function encode1256(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1256');
  const back = new Map<string, number>();
  for (let b = 0; b < 256; b++) back.set(dec.decode(new Uint8Array([b])), b);
  return Uint8Array.from(
    [...text].map((ch) => {
      const b = back.get(ch);
      if (b === undefined) throw new Error(`not in cp1256: ${ch}`);
      return b;
    }),
  );
}

const sample = 'أعلنت الحكومة العراقية، اليوم، عن خطة جديدة للإعمار.\nوقال الوزير: «سنبدأ فورا».';

test('UTF-8 with and without BOM', () => {
  const bytes = new TextEncoder().encode(sample);
  assert.deepEqual(decodeBytes(bytes), { text: sample, encoding: 'utf-8' });
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  assert.deepEqual(decodeBytes(bom), { text: sample, encoding: 'utf-8' });
});

test('UTF-16 with BOM (both byte orders) and without BOM', () => {
  const le = Buffer.from(sample, 'utf16le');
  assert.equal(decodeBytes(new Uint8Array([0xff, 0xfe, ...le])).text, sample);
  const be = Buffer.from(le);
  be.swap16();
  assert.equal(decodeBytes(new Uint8Array([0xfe, 0xff, ...be])).text, sample);
  const latin = 'Hello world, plain UTF-16 without a byte order mark.';
  assert.deepEqual(decodeBytes(Buffer.from(latin, 'utf16le')), { text: latin, encoding: 'utf-16le' });
});

test('Windows-1256 is detected and decoded, not mojibaked', () => {
  const bytes = encode1256(sample.replace(/[«»]/g, '"'));
  const d = decodeBytes(bytes);
  assert.equal(d.encoding, 'windows-1256');
  assert.equal(d.text, sample.replace(/[«»]/g, '"'));
});

test('empty and binary inputs are refused with a reason', () => {
  assert.throws(
    () => decodeBytes(new Uint8Array()),
    (e) => e instanceof InputError && /empty/.test(e.message),
  );
  const png = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 7, 8, 9,
  ]);
  assert.throws(
    () => decodeBytes(png),
    (e) => e instanceof InputError && /binary/.test(e.message),
  );
  assert.throws(() => checkText('abc\u0001\u0002\u0003\u0004def'), /binary/);
});
