/**
 * One byte range of a `Range` request header (RFC 9110 §14), for a resource of `size` bytes.
 * - `null`: no Range, another unit, or several ranges: serve the whole file (a server may ignore Range)
 * - `'unsatisfiable'`: malformed bytes ranges, or starting past the end: 416
 * - `{ start, end }`: inclusive offsets, end clamped to the last byte: 206
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === null) return null;
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return null;
  const specs = m[1]!.split(',').map((s) => s.trim());
  if (specs.length !== 1) {
    // Players ask for one range; several would need multipart/byteranges. The whole file answers them.
    return specs.every((s) => /^(\d+-\d*|-\d+)$/.test(s)) ? null : 'unsatisfiable';
  }
  const spec = specs[0]!;
  let r = /^(\d{1,15})-(\d{0,15})$/.exec(spec);
  if (r) {
    const start = Number(r[1]);
    const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
    if (r[2] !== '' && Number(r[2]) < start) return 'unsatisfiable';
    if (start >= size) return 'unsatisfiable';
    return { start, end };
  }
  r = /^-(\d{1,15})$/.exec(spec);
  if (r) {
    const suffix = Number(r[1]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  return 'unsatisfiable';
}
