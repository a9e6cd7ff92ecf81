/**
 * What the user feels on the page while a worker runs: the longest main-thread task
 * (PerformanceObserver `longtask`, Chromium reports tasks over 50 ms) and the largest gap
 * between two animation frames (a frame gap over ~17 ms is a dropped frame).
 */
export interface MainThreadFigures {
  longestTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
  /** `performance.now()` when the largest gap began, to tell which phase of a run it fell in. */
  maxFrameGapStart: number;
}

export function monitorMainThread(): { stop(): MainThreadFigures } {
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let maxFrameGapMs = 0;
  let maxFrameGapStart = performance.now();
  let last = performance.now();
  let running = true;
  const gap = (now: number) => {
    if (now - last > maxFrameGapMs) [maxFrameGapMs, maxFrameGapStart] = [now - last, last];
  };
  const frame = (now: number) => {
    gap(now);
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    stop() {
      running = false;
      // Entries of the last task may still be queued.
      for (const entry of observer.takeRecords()) {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, entry.duration);
      }
      observer.disconnect();
      gap(performance.now());
      return { longestTaskMs, longTasks, maxFrameGapMs, maxFrameGapStart };
    },
  };
}
