import { expect } from '@open-wc/testing';
import type { ScorecardCspReport } from '../csp/kpi-scorecard-page.js';

function loadStrictPage(): Promise<ScorecardCspReport> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('the strict page never reported')), 25000);
    addEventListener('message', function onMessage(event: MessageEvent<ScorecardCspReport>) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'tandem-kpi-scorecard-csp-report') return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data);
    });
    frame.width = '1400';
    frame.height = '900';
    frame.src = new URL('../csp/kpi-scorecard-page.html', import.meta.url).href;
    document.body.append(frame);
  });
}

describe('<tandem-kpi-scorecard> under a strict Content-Security-Policy with Trusted Types', function () {
  this.timeout(30_000);

  it('renders the grid, sparklines, a history panel and the edit dialog with no policy violation', async () => {
    const report = await loadStrictPage();
    expect(report.error).to.equal(undefined);
    expect(report.trustedTypesEnforced, 'the page really enforces Trusted Types').to.equal(true);
    expect(report.renderedRows).to.be.greaterThan(3);
    expect(report.sparklines).to.be.greaterThan(3);
    expect(report.dialogOpen).to.equal(true);
    expect(report.violations).to.deep.equal([]);
  });
});
