/**
 * What the user feels on the page while a worker runs: the longest main-thread task
 * (PerformanceObserver `longtask`, Chromium reports tasks over 50 ms) and the largest gap
 * between two animation frames (a frame gap over ~17 ms is a dropped frame).
 */
export interface MainThreadFigures {
  longestTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
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
  let last = performance.now();
  let running = true;
  const frame = (now: number) => {
    maxFrameGapMs = Math.max(maxFrameGapMs, now - last);
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
      maxFrameGapMs = Math.max(maxFrameGapMs, performance.now() - last);
      return { longestTaskMs, longTasks, maxFrameGapMs };
    },
  };
}
