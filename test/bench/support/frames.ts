/** Waiting for the DOM and for frames, for the rendering scenarios. */

/**
 * Resolves after the next frame has been rendered: a `requestAnimationFrame`
 * callback runs just before the frame's style, layout and paint, and a
 * message posted from it is delivered after them. Waiting for the rAF alone
 * would stop the clock before the browser lays out what was rendered — for a
 * tree that renders every row, most of the cost.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Resolves as soon as `condition()` holds, checking now and after every
 * change to the DOM under `root` (child lists and attributes, in `root`'s
 * own tree: a shadow root inside it is not watched). Rejects after
 * `timeoutMs`, saying what it waited for.
 */
export function whenDom(root: Node, condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`Waited ${timeoutMs} ms for ${what}.`));
    }, timeoutMs);
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

/**
 * After the clock has stopped: watches `root` for `quietMs` more and returns
 * when (in `performance.now()` time) its child lists last changed — e.g. a
 * virtualizer adding rows in a later frame to fill the viewport. `null`: no
 * change in that time.
 */
export function lastChildListChange(root: Node, quietMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    let last: number | null = null;
    const observer = new MutationObserver((records) => {
      if (records.some((record) => record.type === 'childList')) last = performance.now();
    });
    observer.observe(root, { childList: true, subtree: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(last);
    }, quietMs);
  });
}

/** An order-dependent fingerprint of a list of strings (FNV-1a over all of them), so two renders of the same rows compare equal. */
export function listFingerprint(items: Iterable<string>): string {
  let hash = 0x811c9dc5;
  let count = 0;
  for (const item of items) {
    for (let index = 0; index < item.length; index += 1) hash = Math.imul(hash ^ item.charCodeAt(index), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
    count += 1;
  }
  return `${count}:${(hash >>> 0).toString(16)}`;
}

/**
 * How many nodes are under `root` (itself included), shadow roots included,
 * counted in slices that yield between them, so counting a large tree after
 * the clock adds no long task to the sample.
 */
export async function countNodes(root: Node, perSlice = 5_000): Promise<number> {
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    for (let step = 0; step < perSlice && stack.length > 0; step += 1) {
      const node = stack.pop()!;
      count += 1;
      if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
      for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
    }
    if (stack.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return count;
}
