// Loads pages of a built site in Debian's Chromium and reports what a reader
// would meet: axe-core violations (WCAG 2 A/AA), a page that scrolls
// sideways as a whole at phone width, requests leaving file://, and how the
// register tables scroll. Run by tests/browser_test.py:
//
//   node check_pages.mjs PLAN.json   (prints one JSON report on stdout)
//
// PLAN: {"chromium": "/usr/bin/chromium", "pages": [{"file": "/abs/x.html",
// "axe": true, "dark": true, "print": true}]}. The browser is never downloaded
// (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 at npm ci).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// What the page looks like to the checks, measured inside the page.
function measure() {
  const s = document.scrollingElement;
  const wraps = [...document.querySelectorAll('.table-wrap')].map((w) => {
    const table = w.querySelector('table');
    const th = table && table.querySelector('thead th');
    const firstCell = table && table.querySelector('tbody td');
    return {
      register: !!(table && table.classList.contains('register')),
      scrolls: w.scrollWidth > w.clientWidth,
      overflowX: getComputedStyle(w).overflowX,
      tabindex: w.getAttribute('tabindex'),
      role: w.getAttribute('role'),
      label: w.getAttribute('aria-label') || '',
      headSticky: th ? getComputedStyle(th).position : '',
      idSticky: firstCell ? getComputedStyle(firstCell).position : '',
      rightEdge: Math.round(w.getBoundingClientRect().right),
    };
  });
  // The process maps: their smallest text as drawn, in CSS px.
  const maps = [...document.querySelectorAll('svg.process-map')].map((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize));
    return { minFontPx: Math.min(...sizes) * scale };
  });
  // The @page rules of the page's own print style (layout.mustache).
  const pageRules = [...document.querySelectorAll('style')].flatMap((st) =>
    [...st.sheet.cssRules].filter((r) => r instanceof CSSPageRule).map((r) => ({
      size: r.style.getPropertyValue('size'),
      margins: Object.fromEntries([...r.cssRules].map((m) => [m.name, m.style.getPropertyValue('content')])),
    })));
  return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth, wraps, maps, pageRules };
}

// Printed: the registers fit the paper's width (A4 landscape less margins,
// about 1009 CSS px) and their marks stay.
function measurePrint() {
  const s = document.scrollingElement;
  return {
    scrollWidth: s.scrollWidth,
    clientWidth: s.clientWidth,
    tableRight: Math.max(0, ...[...document.querySelectorAll('table.register')].map((t) => t.getBoundingClientRect().right)),
    marks: [...document.querySelectorAll('.mark')].filter((m) => getComputedStyle(m).display !== 'none').length,
  };
}

const browser = await chromium.launch({
  executablePath: plan.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-extensions'],
});
// Two workers, each with one page per colour scheme, reused: opening pages
// costs more than loading them.
const kWorkers = 2;
async function tabFor(tabs, scheme) {
  if (!tabs[scheme]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
    const page = await context.newPage();
    const tab = { page, outside: [] };
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) tab.outside.push(r.url());
    });
    tabs[scheme] = tab;
  }
  return tabs[scheme];
}

async function check(tabs, entry) {
  const results = [];
  const schemes = entry.dark ? ['light', 'dark'] : ['light'];
  for (const scheme of schemes) {
    const tab = await tabFor(tabs, scheme);
    const page = tab.page;
    tab.outside = [];
    await page.goto(pathToFileURL(entry.file).href, { waitUntil: 'load' });
    const result = { file: entry.file, scheme, ...(await page.evaluate(measure)) };
    if (entry.axe) {
      await page.addScriptTag({ content: axeSource });
      // Dark mode changes colours only: there, the contrast rule alone.
      const runOnly = scheme === 'dark' ? { type: 'rule', values: ['color-contrast'] } : { type: 'tag', values: kTags };
      result.violations = await page.evaluate(async (runOnly) => {
        const r = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
        return r.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
          count: v.nodes.length,
        }));
      }, runOnly);
    }
    if (entry.print && scheme === 'light') {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 1009, height: 700 });
      result.print = await page.evaluate(measurePrint);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 390, height: 844 });
    }
    result.outside = tab.outside;
    results.push(result);
  }
  return results;
}

const report = new Array(plan.pages.length);
let next = 0;
await Promise.all(Array.from({ length: kWorkers }, async () => {
  const tabs = {};
  while (next < plan.pages.length) {
    const i = next++;
    report[i] = await check(tabs, plan.pages[i]);
  }
}));
await browser.close();
process.stdout.write(JSON.stringify(report.flat()));
