import { expect } from '@open-wc/testing';
import type { TrustedTypesReport } from './trusted-types-page.js';

function loadPage(): Promise<TrustedTypesReport> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('the page never reported')), 50_000);
    addEventListener('message', function onMessage(event: MessageEvent<TrustedTypesReport>) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'tandem-tt-report') return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data);
    });
    frame.src = new URL('./trusted-types-page.html', import.meta.url).href;
    document.body.append(frame);
  });
}

describe('seeding under a Content-Security-Policy with Trusted Types', function () {
  this.timeout(60_000);

  it('still seeds in a Worker, through the `tandem` policy, with no violation', async () => {
    const report = await loadPage();
    expect(report.error).to.equal(undefined);
    expect(report.violations).to.deep.equal([]);
    expect(report.workers).to.equal(1);
    expect(report.seededGoals).to.be.greaterThan(100);
  });
});
