// A strict-CSP page (issue 12, "The suite"): `default-src 'self'`, no 'unsafe-inline',
// `require-trusted-types-for 'script'`, served as a real response header. The page
// (test/fixtures/csp/) loads video.js's dist file with `window.VIDEOJS_NO_DYNAMIC_STYLE = true`
// and the package's script-tag build, all from external files; the element must work there.
import { report } from './support/console.js';
import { expect } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { VodSpriteThumbnails } from '../src/index.js';
import { watchPage } from './support/faults.js';
import { DURATION, moveAway, type Player, pointForTime, requests, token, until } from './support/player.js';
import { expectTileFor, labelText, videoJsTooltipDisplay } from './support/preview.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

interface CspWindow extends Window {
  cspViolations: Violation[];
  cspPlayer?: Player;
  videojs?: { time: { formatTime(seconds: number, guide: number): string } };
  trustedTypes?: unknown;
}

const PAGE = '/__wtr/csp/test/fixtures/csp/page.html';
const IIFE = '/__wtr/dist/vod-sprite-thumbnails.iife.js';

/** What video.js 8 itself needs beyond such a policy: its icon font is a data: URL in video-js.css. */
const videoJsOwn = (violation: Violation) => violation.directive === 'font-src' && violation.blocked === 'data';

describe('a strict Content-Security-Policy page with Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  before(async () => {
    await setViewport({ width: 1200, height: 800 });
  });
  afterEach(async () => {
    await moveAway();
    frame?.remove();
    frame = undefined;
  });

  /** The strict page in a fixed iframe, loaded. */
  async function open(hash = ''): Promise<{ run: string; win: CspWindow }> {
    const run = token();
    frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:620px;border:0';
    const loaded = new Promise<void>((resolve) => frame!.addEventListener('load', () => resolve(), { once: true }));
    frame.src = `${PAGE}?${run}${hash}`;
    document.body.append(frame);
    await loaded;
    return { run, win: frame.contentWindow as CspWindow };
  }

  it('the element shows the hovered tile; the package causes no violation', async () => {
    const check = await fetch(IIFE, { cache: 'no-store' });
    if (!check.ok) throw new Error(`${IIFE} is missing (HTTP ${check.status}): build the script-tag bundle first (npm test does; or set WTR_DIST).`);
    const outer = watchPage();
    const { run, win } = await open();
    const inner = watchPage(win);
    try {
      const el = win.document.querySelector('vod-sprite-thumbnails') as unknown as VodSpriteThumbnails;
      await until(() => el.state === 'ready' || el.state === 'error', 'the element to settle', 8000);
      expect(el.state, `state (error: ${el.error?.message})`).to.equal('ready');
      const player = await until(() => (win.cspPlayer && (win.cspPlayer.readyState() ?? 0) >= 1 ? win.cspPlayer : undefined), 'the video metadata', 8000);
      player.hasStarted(true);
      player.userActive(true);
      expect(player.el().contains(el as unknown as Node), 'the element moved inside the player').to.equal(true);
      const box = frame!.getBoundingClientRect();
      const point = pointForTime(player, 70);
      await sendMouse({ type: 'move', position: [Math.round(box.left + point.x), Math.round(box.top + point.y)] });
      await expectTileFor(el, point.time, run);
      expect(labelText(el)).to.equal(win.videojs!.time.formatTime(point.time, DURATION));
      // Our label replaces video.js's tooltip (a constructed stylesheet: allowed under CSP).
      expect(videoJsTooltipDisplay(player)).to.equal('none');
      expect((await requests(run)).some((entry) => entry.url.includes('imageSprite_10_0.jpg')), 'the hovered sheet loaded').to.equal(true);

      const violations = [...win.cspViolations];
      report(`CSP violations on the strict page: ${JSON.stringify(violations)}`);
      const ours = violations.filter((violation) => violation.source.includes('vod-sprite-thumbnails') || violation.directive === 'require-trusted-types-for');
      expect(ours, 'violations caused by the package or any Trusted Types sink').to.deep.equal([]);
      expect(violations.filter((violation) => !videoJsOwn(violation)), 'violations other than video.js’s data: font').to.deep.equal([]);
      // The policy really is in force (after reading the record: these add violations of their own): an inline style attribute and a string HTML sink are refused.
      const probe = win.document.createElement('div');
      probe.setAttribute('style', 'color: red');
      win.document.body.append(probe);
      expect(win.getComputedStyle(probe).color, 'an inline style attribute is blocked').not.to.equal('rgb(255, 0, 0)');
      probe.remove();
      expect(() => {
        win.document.createElement('div').innerHTML = '<b>x</b>';
      }, 'a string innerHTML is refused by Trusted Types').to.throw();

      expect(inner.thrown, 'errors in the strict page').to.deep.equal([]);
      expect(outer.thrown).to.deep.equal([]);
    } finally {
      inner.stop();
      outer.stop();
    }
  });

  it('without VIDEOJS_NO_DYNAMIC_STYLE, video.js’s own <style> element is refused (what the README documents)', async () => {
    const { win } = await open('#dynamic-style');
    const el = win.document.querySelector('vod-sprite-thumbnails') as unknown as VodSpriteThumbnails;
    await until(() => el.state === 'ready', 'the element to be ready', 8000);
    await until(() => win.cspViolations.some((violation) => violation.directive === 'style-src-elem'), 'a style-src-elem violation from video.js');
    const violations = [...win.cspViolations];
    report(`CSP violations with video.js's dynamic style: ${JSON.stringify(violations)}`);
    expect(violations.filter((violation) => violation.source.includes('vod-sprite-thumbnails')), 'violations of the package').to.deep.equal([]);
    expect(violations.every((violation) => videoJsOwn(violation) || violation.source.includes('video.min.js')), 'all from video.js').to.equal(true);
  });
});
