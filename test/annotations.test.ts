// Key-frame marks and chapters: ticks on the seek bar, text in the preview, the live region.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import videojs from 'video.js';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { markNear, chapterAt } from '../src/element/text-lookup.js';
import { errorOf, recordWarnings, startWithThumbnails } from './support/element.js';
import { serveText } from './support/faults.js';
import { DURATION, hover, hoverTime, MEDIA, moveAway, pointForTime, productSuite, seekBarOf, sleep, touch, until } from './support/player.js';
import { labelText, part } from './support/preview.js';

/** Our own chapters file (the demo's may change): six chapters, one Chinese and one Arabic title. */
const CHAPTER_TITLES = ['Opening: blue to violet', 'Red and orange', '第二分钟：绿色', 'الدقيقة الثانية: سماوي', 'Last minute', 'Credits'];
const CHAPTER_STARTS = [0, 30, 60, 90, 120, 170];
let chaptersUrl: Promise<string> | undefined;
const chaptersVtt = () => {
  const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const cues = CHAPTER_TITLES.map((title, i) => `${stamp(CHAPTER_STARTS[i]!)} --> ${stamp(CHAPTER_STARTS[i + 1] ?? 180)}\n${title}`);
  chaptersUrl ??= serveText(`WEBVTT\n\n${cues.join('\n\n')}\n`, 'chapters.vtt');
  return chaptersUrl;
};

const shadow = (el: VodSpriteThumbnails) => el.shadowRoot!;
const ticks = (el: VodSpriteThumbnails, kind: 'mark' | 'chapter') => [...shadow(el).querySelectorAll(`[part="marks"] [part="${kind}"]`)] as HTMLElement[];
const textShown = (el: VodSpriteThumbnails) => {
  const text = part(el, 'text' as 'time');
  return text.checkVisibility() ? (text.textContent ?? '') : '';
};
const live = (el: VodSpriteThumbnails) => shadow(el).querySelector('[aria-live="polite"]')!.textContent ?? '';

describe('text lookup (pure)', () => {
  const marks = [
    { time: 10, text: 'a' },
    { time: 20, text: 'b' },
  ];
  it('finds the nearest mark within reach, and none beyond', () => {
    expect(markNear(marks, 11, 2)?.text).to.equal('a');
    expect(markNear(marks, 16, 5)?.text).to.equal('b');
    expect(markNear(marks, 15, 4.9)).to.equal(undefined);
    expect(markNear([], 5, 1)).to.equal(undefined);
  });
  it('finds the chapter holding a time ([start, end))', () => {
    const chapters = [
      { start: 0, end: 30, text: 'one' },
      { start: 30, end: 60, text: 'two' },
    ];
    expect(chapterAt(chapters, 0)?.text).to.equal('one');
    expect(chapterAt(chapters, 30)?.text).to.equal('two');
    expect(chapterAt(chapters, 60)).to.equal(undefined);
  });
});

describe('marks and chapters', () => {
  productSuite();

  it('draws a tick at the right x for each mark, and a boundary per chapter start', async () => {
    const marks = [
      { time: 45, text: 'Goal' },
      { time: 135, text: 'Second goal' },
    ];
    const { player, el } = await startWithThumbnails({ marks, chaptersSrc: await chaptersVtt() });
    await until(() => ticks(el, 'mark').length === 2 && ticks(el, 'chapter').length === 5, 'the ticks');
    const bar = seekBarOf(player).getBoundingClientRect();
    for (const [index, mark] of marks.entries()) {
      const tick = ticks(el, 'mark')[index]!.getBoundingClientRect();
      expect(tick.left + tick.width / 2, `mark at ${mark.time}s`).to.be.closeTo(bar.left + (mark.time / DURATION) * bar.width, 1.5);
      expect(tick.top).to.be.closeTo(bar.top, 1.5);
    }
    const chapter = ticks(el, 'chapter')[0]!.getBoundingClientRect();
    expect(chapter.left + chapter.width / 2).to.be.closeTo(bar.left + (30 / DURATION) * bar.width, 1.5);
  });

  it('snaps to a mark near the pointer and shows its text; shows the chapter title elsewhere', async () => {
    const { player, el } = await startWithThumbnails({ marks: [{ time: 45, text: '<b>Goal</b> & more' }], chaptersSrc: await chaptersVtt() });
    await until(() => ticks(el, 'chapter').length === 5, 'chapters');
    const bar = seekBarOf(player).getBoundingClientRect();
    const near = pointForTime(player, 45);
    await hover(near.x + 3, near.y);
    await until(() => textShown(el) === '<b>Goal</b> & more', 'the mark text, as text');
    expect(labelText(el)).to.equal(videojs.time.formatTime(45, DURATION));
    expect(shadow(el).querySelector('b'), 'no markup from the payload').to.equal(null);
    const box = part(el, 'time').getBoundingClientRect();
    expect(box.left + box.width / 2, 'snapped to the mark').to.be.closeTo(bar.left + (45 / DURATION) * bar.width, 1.5);
    await hoverTime(player, 75);
    await until(() => textShown(el) === '第二分钟：绿色', 'the chapter title');
    await hoverTime(player, 100);
    await until(() => textShown(el) === 'الدقيقة الثانية: سماوي', 'the Arabic chapter title');
    expect(part(el, 'text' as 'time').getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(part(el, 'text' as 'time')).direction).to.equal('rtl');
    await moveAway();
  });

  it('touch near a mark snaps too', async () => {
    const { player, el } = await startWithThumbnails({ marks: [{ time: 120, text: 'Touch mark' }] });
    await until(() => ticks(el, 'mark').length === 1, 'the tick');
    const point = pointForTime(player, 120);
    await touch('start', point.x - 2, point.y);
    await touch('move', point.x + 2, point.y);
    await until(() => textShown(el) === 'Touch mark', 'the mark text on touch');
    await touch('end');
  });

  it('announces keyboard previews (time and text) in a polite live region, and stays silent on hover', async () => {
    const { player, el } = await startWithThumbnails({ chaptersSrc: await chaptersVtt() });
    await until(() => ticks(el, 'chapter').length === 5, 'chapters');
    await hoverTime(player, 100);
    await until(() => textShown(el) !== '', 'hover text');
    await sleep(600);
    expect(live(el), 'nothing said on hover').to.equal('');
    await moveAway();
    const bar = seekBarOf(player);
    bar.focus();
    await sendKeys({ press: '5' });
    await until(() => live(el) !== '', 'an announcement');
    expect(live(el)).to.equal(`${videojs.time.formatTime(90, DURATION)}, الدقيقة الثانية: سماوي`);
    expect(textShown(el)).to.equal('الدقيقة الثانية: سماوي');
  });

  it('uses the marks in the payload, and reports bad marks as a typed error while sprites keep working', async () => {
    const warnings = recordWarnings();
    try {
      const run = 'marks';
      const { player, el } = await startWithThumbnails();
      el.marks = [{ time: Number.NaN, text: 'x' }];
      const { error } = await errorOf(el);
      expect((error as Error & { code?: string }).code).to.equal('bad-marks');
      await hoverTime(player, 30);
      await until(() => part(el, 'thumbnail').checkVisibility(), `the tile still shows (${run})`);
      el.marks = Array.from({ length: 5 }, (_, index) => ({ time: index * 30 + 15, text: `m${index}` }));
      await until(() => ticks(el, 'mark').length === 5, 'the new marks');
    } finally {
      warnings.stop();
    }
    expect(warnings.texts()).to.have.length(1);
    expect(warnings.texts()[0]).to.match(/^vod-sprite-thumbnails \(payload\): marks\[0\]\.time is NaN/);
  });

  it('a bad chapters file is an error with stage "chapters"; sprites keep working', async () => {
    const warnings = recordWarnings();
    try {
      const { player, el } = await startWithThumbnails();
      el.chaptersSrc = `${MEDIA}/imageSprite_10_0.jpg`;
      const { error, stage } = await errorOf(el);
      expect(stage).to.equal('chapters');
      expect((error as Error & { code?: string }).code).to.equal('not-webvtt');
      await hoverTime(player, 30);
      await until(() => part(el, 'thumbnail').checkVisibility(), 'the tile still shows');
    } finally {
      warnings.stop();
    }
    expect(warnings.texts()).to.have.length(1);
    expect(warnings.texts()[0]).to.match(/^vod-sprite-thumbnails \(chapters\): line 1: not a WebVTT file/);
  });
});
