/**
 * The signature a customer draws in the portal when accepting a quote: a PNG from the page's canvas, sent as a
 * `data:` URL. Checked before it is stored — a PNG by its signature bytes, at most 200 KB and 4,000 pixels a
 * side (the page's pad is 600 × 180) — since anything may be posted to the form.
 */

export const MAX_SIGNATURE_BYTES = 200_000;
const MAX_SIDE = 4000;
const PREFIX = 'data:image/png;base64,';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The PNG of a `data:image/png;base64,…` URL; null for an empty field (nothing drawn); an Error when bad. */
export function parseSignature(value: string | undefined): Buffer | null | Error {
  if (!value) return null;
  if (!value.startsWith(PREFIX)) return new Error('must be a PNG image as a data: URL');
  const text = value.slice(PREFIX.length);
  if (text.length > Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4)
    return new Error(`must be at most ${MAX_SIGNATURE_BYTES / 1000} KB`);
  if (text.length % 4 !== 0 || !BASE64.test(text)) return new Error('is not valid base64');
  const png = Buffer.from(text, 'base64');
  // the signature, then the IHDR chunk first: its width and height
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR')
    return new Error('is not a PNG image');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
    return new Error(`must be at most ${MAX_SIDE} pixels wide and high`);
  return png;
}
