// Browser side of `npm run bench:hover` (served as is, no bundler): builds one video.js player
// and sets up the contender named by <html data-page>, each the way its README says, all with
// the same size, video and sprites. Exposes `window.bench` for the Node runner.
(() => {
  const name = document.documentElement.dataset.page;
  const media = new URL('/media/', location.href).href;
  const sheets = [0, 1, 2].map((i) => `${media}imageSprite_10_${i}.jpg`);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until(check, what, timeout = 10000) {
    const end = performance.now() + timeout;
    for (;;) {
      const value = check();
      if (value) return value;
      if (performance.now() > end) throw new Error(`${name}: timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  /** A CreateImageSpriteComplete callback (3.0) for the demo sprites: what our package is given. */
  const spriteEvent = {
    EventType: 'CreateImageSpriteComplete',
    CreateImageSpriteCompleteEvent: {
      ErrCode: 0,
      Message: '',
      TaskId: 'bench',
      FileId: 'bench',
      Definition: 10,
      TotalCount: 225,
      ImageSpriteUrlSet: sheets,
      WebVttUrl: `${media}imageSprite_10.vtt`,
    },
  };

  /** The same sprites as a DescribeMediaInfos answer carrying 12 key-frame marks. */
  const mediaInfoWithMarks = {
    Response: {
      MediaInfoSet: [
        {
          FileId: 'bench',
          ImageSpriteInfo: {
            ImageSpriteSet: [{ Definition: 10, Width: 142, Height: 80, TotalCount: 225, ImageUrlSet: sheets, WebVttUrl: `${media}imageSprite_10.vtt` }],
          },
          KeyFrameDescInfo: {
            KeyFrameDescSet: Array.from({ length: 12 }, (_, i) => ({ TimeOffset: 7 + i * 14.5, Content: `Mark ${i + 1}: a moment worth a look` })),
          },
        },
      ],
    },
  };

  let annotated = false;
  const ours = () => document.querySelector('vod-sprite-thumbnails');

  /** Per contender: set it up (before the source is set), then say when it is ready to show tiles. */
  const contenders = {
    bare: { setup() {}, ready: () => true },
    element: {
      setup() {
        const el = document.createElement('vod-sprite-thumbnails');
        el.setAttribute('for', 'player');
        el.setAttribute('event', JSON.stringify(spriteEvent));
        document.body.append(el);
      },
      ready: () => oursReady(),
    },
    // The same element given Tencent's key-frame marks (a DescribeMediaInfos answer) and a
    // chapters file: ticks on the bar, chapter or mark text above the time while moving.
    marks: {
      setup() {
        const el = document.createElement('vod-sprite-thumbnails');
        el.setAttribute('for', 'player');
        el.setAttribute('chapters-src', `${media}chapters.vtt`);
        el.event = mediaInfoWithMarks;
        el.addEventListener('vod-thumbnails-ready', ({ detail }) => {
          annotated = detail.marks?.length === 12 && detail.chapters?.length > 1;
        });
        document.body.append(el);
      },
      // (The ticks themselves show with video.js's control bar, once playback has started.)
      ready: () => oursReady() && annotated,
    },
    plugin: {
      setup(player) {
        player.vodSpriteThumbnails({ event: spriteEvent });
      },
      ready: () => oursReady(),
    },
    sprite: {
      setup(player) {
        player.spriteThumbnails({
          url: `${media}imageSprite_10_{index}.jpg`,
          idxTag: (index) => index,
          columns: 10,
          rows: 10,
          width: 142,
          height: 80,
          interval: 0.8,
          downlink: 0,
          responsive: 0,
        });
      },
      ready: (player) => player.hasClass('vjs-thumbnails-ready'),
    },
    vtt: {
      setup(player) {
        player.vttThumbnails({ src: `${media}imageSprite_10.vtt` });
      },
      // Its display element is added once the VTT is loaded and parsed.
      ready: (player) => player.el().querySelector('.vjs-vtt-thumbnail-display'),
    },
  };

  function oursReady() {
    const el = ours();
    if (el?.state === 'error') throw new Error(`${name}: our element is in error: ${el.error?.code} ${el.error?.message}`);
    return el?.state === 'ready';
  }

  /** The box a user looks at while hovering (for bare video.js: its own time tooltip). */
  function previewBox(player) {
    const root = player.el();
    if (name === 'element' || name === 'plugin' || name === 'marks') return ours()?.shadowRoot?.querySelector('[part="thumbnail"]');
    if (name === 'vtt') return root.querySelector('.vjs-vtt-thumbnail-display');
    return root.querySelector('.vjs-mouse-display .vjs-time-tooltip');
  }

  function visible(node) {
    const rect = node.getBoundingClientRect();
    const onScreen = rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth && rect.top < innerHeight;
    return rect.width > 0 && rect.height > 0 && onScreen && node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }

  /** What is drawn in `node` or below it (open shadow roots included): a description, or ''. */
  async function drawnIn(node) {
    if (node instanceof HTMLCanvasElement && node.width > 0 && node.height > 0) {
      const { data } = node.getContext('2d').getImageData(0, 0, node.width, node.height);
      let opaque = 0;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) opaque++;
        if (colours.size < 16) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      if (opaque > data.length / 8 && colours.size > 4) return `a ${node.width}x${node.height} canvas with an image`;
    }
    if (node instanceof HTMLImageElement && node.complete && node.naturalWidth > 0) return `an <img> ${node.currentSrc}`;
    const background = /url\("?([^")]+)"?\)/.exec(getComputedStyle(node).backgroundImage)?.[1];
    if (background) {
      const image = new Image();
      image.src = background;
      const loaded = await image.decode().then(() => image.naturalWidth > 0, () => false);
      if (loaded) return `a background ${background.slice(background.lastIndexOf('/') + 1)} (${node.offsetWidth}x${node.offsetHeight})`;
    }
    for (const child of [...node.children, ...(node.shadowRoot?.children ?? [])]) {
      const found = await drawnIn(child);
      if (found) return found;
    }
    return '';
  }

  let player;
  // Frames that had a pointer move to handle (a rAF asked for by the move). Not a rAF loop:
  // that would make every vsync a frame, and on a throttled CPU those empty frames cost more
  // than the moves. Same listener on every page, bare video.js included.
  let frames = 0;
  let counting = false;
  let asked = false;
  const frameDone = () => {
    asked = false;
    frames++;
  };
  addEventListener(
    'pointermove',
    () => {
      if (!counting || asked) return;
      asked = true;
      requestAnimationFrame(frameDone);
    },
    { capture: true, passive: true },
  );

  async function start() {
    const video = document.createElement('video');
    Object.assign(video, { id: 'player', className: 'video-js', width: 640, height: 360, muted: true, controls: true, preload: 'auto' });
    document.body.append(video);
    player = videojs(video, { inactivityTimeout: 0 });
    contenders[name].setup(player);
    const loaded = new Promise((resolve) => player.one('loadedmetadata', resolve));
    player.src({ src: `${media}sample.mp4`, type: 'video/mp4' });
    await loaded;
    await until(() => player.duration() > 0, 'the duration');
    await until(() => contenders[name].ready(player), 'the thumbnails to be ready');
    // The control bar only has width once the player has started; keep it shown.
    player.hasStarted(true);
    player.userActive(true);
    await nextFrame();
    const bar = player.el().querySelector('.vjs-progress-control .vjs-progress-holder').getBoundingClientRect();
    return { left: bar.left, right: bar.right, y: bar.top + bar.height / 2, duration: player.duration() };
  }

  window.bench = {
    ready: start(),
    /** Waits up to `timeout` ms for a visible, drawn preview; resolves to `{ shown, what }`. */
    async preview(timeout = 5000) {
      const end = performance.now() + timeout;
      let what = 'no preview element';
      for (;;) {
        await nextFrame();
        const box = previewBox(player);
        if (box && !visible(box)) what = 'the preview element is not visible';
        else if (box) {
          const drawn = name === 'bare' ? 'video.js time tooltip' : await drawnIn(box);
          if (drawn) return { shown: true, what: drawn };
          what = 'the preview element shows nothing drawn';
        }
        if (performance.now() > end) return { shown: false, what };
      }
    },
    startFrames() {
      frames = 0;
      counting = true;
    },
    stopFrames() {
      counting = false;
      return frames;
    },
  };
})();
