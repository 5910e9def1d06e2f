// Renders an HTML report in headless Chromium (Debian's), as an auditor would
// open it: fails on any console error, page error or request leaving the file,
// on a missing section, or when folding and filtering do not work; saves a
// full-page screenshot and a PDF print beside the report.
//
//   node report_test.mjs REPORT.html PARTIAL.html   (PARTIAL: rules not evaluated)
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const html = path.resolve(process.argv[2]);
const partial = path.resolve(process.argv[3]);
const problems = [];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push('request: ' + r.url()); });
  await page.goto('file://' + html, { waitUntil: 'load' });
  const base = html.replace(/\.html$/, '');
  await page.screenshot({ path: base + '-1400.png' });  // the first screen, as opened

  // A working paper's order: the gate, the findings, then coverage and the rest.
  const order = ['summary', 'findings', 'timeline', 'coverage', 'artifacts', 'waivers', 'rules', 'manifest'];
  const found = await page.$$eval('body > section', (all) => all.map((s) => s.id));
  if (found.join(',') !== order.join(',')) problems.push('sections in order ' + found.join(','));
  // The first screen (1400x900) shows the gate and the first failing finding.
  const first = await page.locator('#findings tr.finding').first().boundingBox();
  if (!first || first.y + first.height > 900) {
    problems.push('the first finding is not on the first screen: ' + JSON.stringify(first));
  }
  for (const id of order) {
    const section = page.locator('section#' + id);
    if ((await section.count()) !== 1) { problems.push('missing section #' + id); continue; }
    if (!(await section.locator('h2').isVisible())) problems.push('section #' + id + ' has no visible heading');
  }
  const gate = await page.locator('.gate').textContent();
  if (!/Gate: (PASS|FAIL)/.test(gate)) problems.push('no gate result: ' + gate);
  const manual = await page.locator('table.checklist tr.item').count();
  if ((await page.locator('table.signoff').count()) !== 1) problems.push('no sign-off fields');
  if (manual < 10) problems.push('manual checklist has ' + manual + ' items');

  // Collapse everything, then expand: every finding row becomes visible.
  await page.click('#collapse');
  const rows = page.locator('#findings tr.finding');
  const total = await rows.count();
  if (total === 0) problems.push('no finding rows');
  if (await rows.first().isVisible()) problems.push('collapse all left findings visible');
  await page.click('#expand');
  if (!(await rows.first().isVisible())) problems.push('expand all did not show findings');
  // The filter keeps only matching rows.
  await page.fill('#filter', 'TSA_2');
  const shown = await page.locator('#findings tr.finding:visible').count();
  if (shown < 1 || shown >= total) problems.push(`filter shows ${shown} of ${total} rows`);
  await page.fill('#filter', '');
  // The facet filters: unticking a severity hides its rows, and the count says so.
  const count = async () => (await page.locator('#shown-count').textContent()).trim();
  const all = await count();
  const notices = await page.locator('#findings tr.finding:has(td.sev.notice)').count();
  if (notices === 0) problems.push('no notice rows to filter');
  await page.uncheck('#filters input[data-facet=severity][value=notice]');
  const fewer = await count();
  if (fewer !== `${total - notices} of ${total} shown`) problems.push(`severity filter: ${fewer}`);
  if (await page.locator('#findings tr.finding:has(td.sev.notice)').first().isVisible()) {
    problems.push('a notice row is visible with notices filtered out');
  }
  await page.check('#filters input[data-facet=severity][value=notice]');
  await page.uncheck('#filters input[data-facet=result][value=waived]');
  const waivedRows = await page.locator('#findings tr.finding[data-result=waived]').count();
  if ((await count()) !== `${total - waivedRows} of ${total} shown`) problems.push('result filter: ' + (await count()));
  await page.check('#filters input[data-facet=result][value=waived]');

  if ((await count()) !== all) problems.push(`filters restored: ${await count()} (was ${all})`);

  // The life-cycle timeline: a picture per CA with validity bars, CRL windows
  // and deadline windows; a late one links to its findings and opens them.
  const svg = page.locator('#timeline figure.timeline svg').first();
  const box = await svg.boundingBox();
  if (!box || box.width < 600 || box.height < 60) problems.push('timeline not drawn: ' + JSON.stringify(box));
  for (const part of ['rect.validity', 'rect.crl', 'line.window', 'rect.overdue']) {
    if ((await page.locator('#timeline svg ' + part).count()) === 0) problems.push('timeline has no ' + part);
  }
  await page.click('#collapse');
  const late = page.locator('#timeline svg a').first();
  const target = (await late.getAttribute('href')).slice(1);
  await late.scrollIntoViewIfNeeded();
  await late.locator('rect.overdue').click();
  const heading = page.locator('[id="' + target + '"]');
  if ((await heading.count()) !== 1 || !(await heading.isVisible())) problems.push('a late window does not open its findings: #' + target);
  await page.click('#expand');
  await page.locator('#timeline').screenshot({ path: base + '-timeline.png' });

  await page.screenshot({ path: base + '.png', fullPage: true });
  // A phone: no sideways scrolling at 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`at 390 px the page scrolls sideways by ${overflow} px`);
  // Readable at 390 px: a finding is a card whose message gets most of the width.
  const message = await page.locator('#findings table.rule-findings tr.finding td:nth-child(3)').first().boundingBox();
  if (!message || message.width < 250) problems.push('at 390 px a finding message is ' + JSON.stringify(message));
  await page.screenshot({ path: base + '-390.png' });
  await page.setViewportSize({ width: 1400, height: 900 });
  // The document id on the first screen, and on every printed page with the page number.
  const id = (await page.locator('#document-id').textContent()).trim();
  if (!/^[0-9a-f]{64}$/.test(id)) problems.push('no document id on the first page: ' + id);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: base + '.pdf', preferCSSPageSize: true, printBackground: true });
  const pdfText = execFileSync('pdftotext', ['-layout', base + '.pdf', '-']).toString();
  const pages = (pdfText.match(/\f/g) || []).length;
  for (let n = 1; n <= Math.min(pages, 3); ++n) {
    if (!pdfText.includes(`Page ${n} of `)) problems.push(`printed page ${n} has no page number`);
  }
  if (!pdfText.includes('Checked by')) problems.push('no sign-off fields on paper');
  if (!pdfText.includes('Life cycle')) problems.push('no timeline on paper');
  // The printed pages as images, kept beside the PDF for a person to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', base + '.pdf', base + '-page']);
  const headed = pdfText.split('Document ' + id.slice(0, 16)).length - 1;
  if (headed < pages) problems.push(`document id on ${headed} of ${pages} printed pages`);
  console.log(`rendered ${html}: ${total} finding rows, ${manual} checklist items, ${pages} printed pages; screenshot ${base}.png`);

  // Evidence without CSRs: the CSR rules are not evaluated, listed as rows
  // that the result filter shows and hides like findings.
  await page.emulateMedia({ media: 'screen' });
  await page.goto('file://' + partial, { waitUntil: 'load' });
  await page.click('#expand');
  const rowsThere = await page.locator('#findings tr.finding').count();
  const pending = await page.locator('#findings tr.finding[data-result=not_evaluated]').count();
  if (pending === 0) problems.push('no rule not evaluated among the rows of ' + partial);
  await page.uncheck('#filters input[data-facet=result][value=not_evaluated]');
  const left = (await page.locator('#shown-count').textContent()).trim();
  if (left !== `${rowsThere - pending} of ${rowsThere} shown`) problems.push('not evaluated filter: ' + left);
  if (await page.locator('#findings tr.finding[data-result=not_evaluated]').first().isVisible()) {
    problems.push('a rule not evaluated is visible with the filter off');
  }
} finally {
  await browser.close();
}
if (problems.length) {
  console.error('FAIL\n' + problems.join('\n'));
  process.exit(1);
}
console.log('PASS');
