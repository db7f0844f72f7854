/**
 * Lets other work run (signals, progress, a page's UI) between chunks of synchronous work:
 * setImmediate in Node, a message in browsers and workers (setTimeout(0) is clamped to 4 ms
 * there once nested).
 * @example
 * for (let i = 0; i < steps; i++) { step(); if (i % 64 === 0) await yieldToEventLoop(); }
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}
