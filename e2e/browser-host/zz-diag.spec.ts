import { expect, test } from '../support/browser-host';
test.use({ viewport: { width: 1280, height: 800 } });
test('diag', async ({ page, host }) => {
  for (let run = 0; run < 3; run++) {
  await page.goto(`${new URL(host.url).origin}/?bench=outbox10k`);
  await page.waitForFunction(() => (window as any).__outboxBench !== undefined);
  const r = await page.evaluate(async () => {
    const longTasks: [number, number][] = [];
    const t0 = performance.now();
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push([Math.round(e.startTime - t0), Math.round(e.duration)]); });
    obs.observe({ type: 'longtask' });
    const loafs: any[] = [];
    const lo = new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) loafs.push({ at: Math.round(e.startTime - t0), d: Math.round(e.duration), block: Math.round(e.blockingDuration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), style: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), scripts: e.scripts.map((x: any) => [x.invoker, Math.round(x.duration), Math.round(x.forcedStyleAndLayoutDuration)]) }); });
    lo.observe({ type: 'long-animation-frame' });
    const s = document.querySelector<HTMLElement>('.vlist-scroll')!;
    const frames: number[] = [];
    let last = performance.now();
    while (s.scrollTop + s.clientHeight < s.scrollHeight - 1) {
      s.scrollTop += s.clientHeight;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now(); frames.push(now - last); last = now;
    }
    await new Promise((r) => setTimeout(r, 200));
    frames.sort((a, b) => b - a);
    lo.disconnect();
    loafs.sort((a, b) => b.d - a.d);
    return { loafs: loafs.slice(0, 4), longTasks, worst: frames.slice(0, 8).map(Math.round), median: Math.round(frames[frames.length >> 1]!) };
  });
  console.log(JSON.stringify(r));
  }
  expect(1).toBe(1);
});
