import { AbortedError } from '../../data/errors.js';

/** A turn for the browser (input, rendering), then on: a posted message, not a timer that may wait 4 ms. */
export function yieldToBrowser(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (signal.aborted) reject(new AbortedError());
      else resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * After the next frame is painted: what a widget shows first paints before
 * the rest is worked out. Two turns after the frame, so whatever else waited
 * for that frame (a host's own after-paint work) goes first.
 */
export function afterNextPaint(signal: AbortSignal = new AbortController().signal): Promise<void> {
  return new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    .then(() => yieldToBrowser(signal))
    .then(() => yieldToBrowser(signal));
}
