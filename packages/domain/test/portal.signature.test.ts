import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_BYTES, parseSignature } from '../src/portal/signature';

/** A PNG's first 24 bytes (signature and IHDR) of the given size, and `extra` bytes after them. */
function png(width: number, height: number, extra = 0): Buffer {
  const head = Buffer.alloc(24 + extra);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return head;
}
const dataUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

describe('parseSignature', () => {
  it('reads a PNG data: URL; an empty field is no signature', () => {
    const pad = png(600, 180, 100);
    expect(parseSignature(dataUrl(pad))).toEqual(pad);
    expect(parseSignature('')).toBeNull();
    expect(parseSignature(undefined)).toBeNull();
  });

  it('refuses what is not a PNG of a sane size', () => {
    const message = (value: string) => (parseSignature(value) as Error).message;
    expect(message('data:image/svg+xml;base64,PHN2Zz4=')).toMatch(/PNG image as a data: URL/);
    expect(message('data:image/png;base64,not*base64')).toMatch(/base64/);
    expect(
      message(`data:image/png;base64,${Buffer.from('GIF89a-and-more-bytes-here').toString('base64')}`),
    ).toMatch(/not a PNG/);
    expect(message(dataUrl(png(5000, 100)))).toMatch(/4000 pixels/);
    expect(message(dataUrl(png(0, 100)))).toMatch(/4000 pixels/);
    expect(message(dataUrl(png(600, 180, MAX_SIGNATURE_BYTES)))).toMatch(/at most 200 KB/);
  });
});
