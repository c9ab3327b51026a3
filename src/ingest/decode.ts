// Bytes → text. UTF-8 (with or without BOM), UTF-16 (BOM, or detected by its zero bytes), and
// Windows-1256, the legacy Arabic code page, recognised when the bytes are not valid UTF-8.

/** A problem with one input (file, line, document): reported, never fatal to a batch. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length === 0) throw new InputError('empty input (0 bytes)');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: strict('utf-8', buf.subarray(3)), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: strict('utf-16le', buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: strict('utf-16be', buf.subarray(2)), encoding: 'utf-16be' };

  // Zero bytes: UTF-16 without BOM (every other byte zero for Latin text, or high bytes 0x06 for
  // Arabic), otherwise binary.
  const sample = buf.subarray(0, 65536);
  let zeros = 0;
  let zerosEven = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      zeros++;
      if ((i & 1) === 0) zerosEven++;
    }
  }
  if (zeros > 0) {
    const pairs = sample.length >> 1;
    if (zeros >= pairs * 0.3 && (zerosEven === 0 || zerosEven === zeros)) {
      const enc = zerosEven === 0 ? 'utf-16le' : 'utf-16be';
      return { text: strict(enc, buf), encoding: enc };
    }
    throw new InputError('binary data, not text (contains NUL bytes)');
  }
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8. Windows-1256 maps every byte; accept it only if it yields mostly Arabic letters.
    const text = new TextDecoder('windows-1256').decode(buf);
    let arabic = 0;
    let high = 0;
    for (let i = 0; i < buf.length; i++) if (buf[i] >= 0x80) high++;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x0600 && c <= 0x06ff) arabic++;
    }
    if (high > 0 && arabic >= high * 0.6) return { text, encoding: 'windows-1256' };
    throw new InputError('not valid UTF-8, UTF-16 or Windows-1256 text');
  }
}

function strict(enc: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`invalid ${enc.toUpperCase()} byte sequence`);
  }
}

/** Control characters other than tab/newline/CR betray binary data decoded as text. */
export function checkText(text: string): void {
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) controls++;
  }
  if (controls > 0 && controls >= n * 0.01)
    throw new InputError('binary data, not text (control characters)');
}
