import { expectWarnings, recordWarnings } from './support/console.js';
import { expect } from '@open-wc/testing';
import videojs from 'video.js';

const SAMPLE = '/demo/public/media/sample.mp4';

describe('test harness', () => {
  let holder: HTMLDivElement;
  afterEach(() => holder?.remove());

  it('plays the generated sample video in a real video.js player', async () => {
    holder = document.createElement('div');
    holder.innerHTML = '<video id="harness-player" class="video-js" width="640" height="360" controls preload="auto" muted></video>';
    document.body.append(holder);
    const player = videojs('harness-player');
    player.src({ src: SAMPLE, type: 'video/mp4' });
    await new Promise<void>((resolve, reject) => {
      player.one('loadedmetadata', () => resolve());
      player.one('error', () => reject(new Error(`video error: ${player.error()?.message}`)));
    });
    expect(player.duration()).to.be.closeTo(180, 0.2);
    const seekBar = player.el().querySelector('.vjs-progress-control .vjs-progress-holder');
    expect(seekBar, 'seek bar').to.exist;
    await player.play();
    await new Promise<void>((resolve) => player.on('timeupdate', () => (player.currentTime() ?? 0) > 0.3 && resolve()));
    // The control bar shows once playback has started.
    expect(seekBar!.getBoundingClientRect().width).to.be.greaterThan(300);
    // The test server answers Range requests, so seeking far ahead works as on a real server.
    player.currentTime(120);
    await new Promise<void>((resolve) => player.one('seeked', () => resolve()));
    expect(player.currentTime()).to.be.closeTo(120, 0.5);
    player.dispose();
  });

  // The warning guard (support/console.ts): an unclaimed warning fails its test, which a passing
  // suite cannot show; these show that claimed ones are captured and matched as documented.
  it('claims the warnings a test declares with expectWarnings (count and pattern), across async steps', async () => {
    expectWarnings(/^probe: first/, 2);
    expectWarnings(/^probe:/);
    console.warn('probe: first');
    await new Promise((resolve) => setTimeout(resolve, 10));
    console.warn('probe: first', { detail: 1 });
    console.warn('probe: second');
  });

  it('recordWarnings records (so claims) what is warned while it runs, as arguments and as text', () => {
    const recorder = recordWarnings();
    const error = new TypeError('bad');
    console.warn('probe:', error);
    recorder.stop();
    expect(recorder.warnings).to.deep.equal([['probe:', error]]);
    expect(recorder.texts()).to.deep.equal(['probe: TypeError: bad']);
    // After stop() a warning is no longer the recorder's: this test claims it by pattern.
    expectWarnings(/^probe: after stop$/, 1);
    console.warn('probe: after stop');
    expect(recorder.warnings).to.have.length(1);
  });
});
