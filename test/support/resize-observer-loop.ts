/**
 * Lets a test file ignore Chromium's "ResizeObserver loop completed with
 * undelivered notifications". @lit-labs/virtualizer measures its rows with a
 * ResizeObserver and resizes itself in the callback, so Chromium reports it
 * for any virtualized list, even a bare `<lit-virtualizer>` of four items
 * (checked here). The spec calls the report benign: the skipped notifications
 * arrive in the next frame (w3c/csswg-drafts#5488). Mocha would otherwise fail
 * the test running at the time; every other uncaught error still fails it.
 *
 * Call at the top of a `describe`: it wraps mocha's handler once it is set.
 */
export function ignoreResizeObserverLoop(): void {
  let original: OnErrorEventHandler = null;
  before(() => {
    original = window.onerror;
    window.onerror = function (message, ...rest) {
      if (String(message).includes('ResizeObserver loop completed with undelivered notifications')) return true;
      return original ? original.call(this, message, ...rest) : false;
    };
  });
  after(() => {
    window.onerror = original;
  });
}
