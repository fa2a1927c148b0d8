import { existsSync, readFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { countReporter } from './test/support/count-reporter.mjs';

// Debian's chromium is the browser on our machines; CHROME_PATH points elsewhere.
const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

// Flags for a headless root user on a box with no network but the registries.
const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Two test pages run at once: keep neither throttled.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** msw's worker must be served from the origin root to control the page. */
function serveMockServiceWorker() {
  return {
    name: 'serve-mock-service-worker',
    serve(context) {
      if (context.path === '/mockServiceWorker.js') {
        // A service worker script may not be a redirect: serve the file itself.
        return { body: readFileSync('public/mockServiceWorker.js', 'utf8'), type: 'js' };
      }
    },
  };
}

/**
 * Chromium in one time zone. Each test page gets its own browser context,
 * hence its own window: two tabs of one window would leave one hidden, where
 * requestAnimationFrame and ResizeObserver never fire.
 */
function chromium(timeZone) {
  return chromeLauncher({
    launchOptions: { executablePath, headless: true, args: chromeArgs },
    async createPage({ browser }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      // The machine's zone would make date tests pass or fail by where they run.
      await page.emulateTimezone(timeZone);
      // Told to the page, so the time-zone tests can check they run where their group says.
      await page.evaluateOnNewDocument((zone) => {
        globalThis.__testTimeZone = zone;
      }, timeZone);
      page.once('close', () => void context.close().catch(() => {}));
      return page;
    },
  });
}

/** Calendar dates are the reader's days: these run again west and east of UTC (see src/model/forecast.ts). */
const timeZoneTests = 'test/model/calendar-days.test.ts';

export default {
  files: ['test/**/*.test.ts'],
  // msw ships a Node build too: the browser condition picks the one for pages.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    serveMockServiceWorker(),
    // Lit's legacy decorators need the tsconfig, and es2022 so esbuild lowers them.
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [chromium('UTC')],
  groups: [
    { name: 'los-angeles', files: timeZoneTests, browsers: [chromium('America/Los_Angeles')] },
    { name: 'shanghai', files: timeZoneTests, browsers: [chromium('Asia/Shanghai')] },
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  reporters: [defaultReporter(), countReporter()],
};
