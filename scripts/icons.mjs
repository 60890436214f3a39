// `node scripts/icons.mjs`: draws the app icons (public/icons/*.png) from their SVG sources with sharp.
// The PNGs are committed (small, and a build then needs no image tool); run this after changing an SVG.
import path from 'node:path';
import sharp from 'sharp';
import { projectRoot } from './lib/pocketbase.mjs';

const dir = path.join(projectRoot, 'public/icons');
const icons = [
	// Android and desktop install icons ("any": shown as drawn, with its rounded corners).
	{ source: 'icon.svg', out: 'icon-192.png', size: 192 },
	{ source: 'icon.svg', out: 'icon-512.png', size: 512 },
	// "maskable": full bleed; the drop stays inside the central safe zone (80 %) that a launcher's mask keeps.
	{ source: 'maskable.svg', out: 'maskable-512.png', size: 512 },
	// iOS home screen (Safari ignores the manifest's icons; it masks the corners itself).
	{ source: 'maskable.svg', out: 'apple-touch-icon.png', size: 180 },
];
for (const { source, out, size } of icons) {
	await sharp(path.join(dir, source), { density: 300 }).resize(size, size).png({ compressionLevel: 9, palette: true }).toFile(path.join(dir, out));
	console.log(`public/icons/${out} (${size} × ${size})`);
}
