// First paint and load of an HTML report in headless Chromium (Debian's), at
// 1400x900: the figure bench/README.md gives for a large report.
//
//   node bench/html_paint.mjs REPORT.html
import path from 'node:path';
import { chromium } from '../tests/tools/node_modules/playwright-core/index.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const t0 = Date.now();
await page.goto('file://' + path.resolve(process.argv[2]), { waitUntil: 'load' });
const load = Date.now() - t0;
const fcp = await page.evaluate(() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : -1; });
console.log(`load ${load} ms, first contentful paint ${fcp.toFixed(0)} ms`);
await browser.close();
