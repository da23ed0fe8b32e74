// Writes the web app manifest's PNG icons (public/icons/) from public/icon.svg, with sharp (installed with
// Next). Run once when the icon changes: node scripts/make-icons.mjs. The PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const svg = fs.readFileSync(path.join(root, 'public', 'icon.svg'), 'utf8');
const out = path.join(root, 'public', 'icons');
fs.mkdirSync(out, { recursive: true });

// "any": the icon as it is. "maskable": the launcher cuts it to a circle or a squircle, so the colour
// fills the whole square and the drawing stays inside the middle 80 % (the safe zone).
const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#115e59"/><g transform="translate(8 8) scale(0.75)">${inner}</g></svg>`;

const write = async (source, size, name) => {
  await sharp(Buffer.from(source), { density: 72 * Math.ceil(size / 64) })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(out, name));
  console.log(`public/icons/${name}: ${fs.statSync(path.join(out, name)).size} bytes`);
};
await write(svg, 192, 'icon-192.png');
await write(svg, 512, 'icon-512.png');
await write(maskable, 512, 'maskable-512.png');
await write(maskable, 192, 'maskable-192.png');
