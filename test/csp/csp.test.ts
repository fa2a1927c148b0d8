import { expect } from '@open-wc/testing';
import type { CspReport } from './strict-page.js';

function loadStrictPage(): Promise<CspReport> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('the strict page never reported')), 20000);
    addEventListener('message', function onMessage(event: MessageEvent<CspReport>) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'tandem-csp-report') return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data);
    });
    frame.width = '1200';
    frame.height = '900';
    frame.src = new URL('./strict-page.html', import.meta.url).href;
    document.body.append(frame);
  });
}

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  it('renders the widgets on seeded data with no policy violation', async () => {
    const report = await loadStrictPage();
    expect(report.error).to.equal(undefined);
    expect(report.trustedTypesEnforced, 'the page really enforces Trusted Types').to.equal(true);
    expect(report.renderedRows).to.be.greaterThan(3);
    expect(report.violations).to.deep.equal([]);
  });
});
