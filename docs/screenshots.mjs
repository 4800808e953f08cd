// Screenshots of each workbench screen for the README (docs/screenshots/*.png), in headless Debian
// chromium through the end-to-end folder's playwright-core. WorkbenchBrowserTest runs it before its
// scenario when started with -Dworkbench.screenshots=docs/screenshots (README, "The workbench"):
// a fresh server, Mei county's June 2023 graded, an edited workbook. Environment: WORKBENCH_URL,
// EDITOR_TOKEN, PACK, DRAFT_XLSX, SCREENSHOTS_DIR. It drafts but never publishes.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(new URL('../service/src/test/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const base = process.env.WORKBENCH_URL;
const pack = process.env.PACK;
const out = process.env.SCREENSHOTS_DIR;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
page.setDefaultTimeout(30000);
const shot = async name => {
  await page.waitForFunction(() => !document.getElementById('view').hasAttribute('aria-busy'));
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`screenshot ${name}.png`);
};

try {
  await page.goto(`${base}#/packs`);
  await page.locator('main h1').waitFor();
  await shot('1-packs');

  await page.goto(`${base}#/draft/${pack}`);
  await page.locator('#draft-file').setInputFiles(process.env.DRAFT_XLSX);
  await page.locator('#draft-send').click();
  await page.locator('#token-input').fill(process.env.EDITOR_TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('#draft-answer').waitFor();
  await shot('3-draft');

  await page.locator('a', { hasText: '用上期数据试算' }).click();
  await page.locator('#whatif-go').click();
  await page.locator('#whatif-answer').waitFor();
  await page.locator('#whatif-answer').scrollIntoViewIfNeeded();
  await shot('4-whatif');

  await page.locator('#whatif-publish').click();
  await page.locator('#confirm-dialog').waitFor({ state: 'visible' });
  await shot('5-publish-confirm');
  await page.keyboard.press('Escape');

  // The history once the draft is there: a version to try, publish, or download.
  await page.goto(`${base}#/packs/${pack}`);
  await page.locator('#versions').waitFor();
  await shot('2-pack-history');

  await page.goto(`${base}#/runs?pack=${pack}`);
  await page.locator('#runs-table').waitFor();
  await shot('6-runs');

  await page.locator('#runs-table tbody tr th a').first().click();
  await page.locator('#run-results').waitFor();
  await page.locator('#run-channel').selectOption('news');
  await page.locator('#run-results details').first().evaluate(d => { d.open = true; });
  await shot('7-run');

  await page.goto(`${base}#/facts/${pack}`);
  await page.locator('#facts-form').waitFor();
  await shot('8-facts');
  await browser.close();
} catch (e) {
  console.error(`screenshots failed: ${e.stack || e}`);
  await browser.close();
  process.exit(1);
}
