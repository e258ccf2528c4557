import './support/console.js';
import { expect } from '@open-wc/testing';
import { ThumbnailVttError } from '../src/parse/errors.js';
import { gridTrack, MAX_TILE_SIZE, MAX_TILES } from '../src/parse/grid.js';
import { parseThumbnailVtt } from '../src/parse/thumbnail-vtt.js';

const MEDIA = new URL('/demo/public/media/', location.href).href;
const sheets = [0, 1, 2].map((i) => `${MEDIA}imageSprite_10_${i}.jpg`);
// The demo sprite: 10 × 10 tiles of 142 × 80 per sheet, one every 0.8 s, 180 s of video.
const grid = { columns: 10, rows: 10, interval: 0.8, width: 142, height: 80 };

describe('gridTrack', () => {
  it('lays tiles row-major over the sheets exactly as Tencent’s VTT does (demo sprite)', async () => {
    const vttUrl = `${MEDIA}imageSprite_10.vtt`;
    const fromVtt = parseThumbnailVtt(await (await fetch(vttUrl)).text(), { vttUrl, imageUrls: sheets });
    const fromGrid = gridTrack(sheets, grid, { duration: 180 });
    expect(fromGrid.cues.length).to.equal(225);
    expect(fromGrid.cues.map((c) => ({ ...c }))).to.deep.equal(fromVtt.cues.map((c) => ({ ...c })));
    expect(fromGrid.sheets).to.deep.equal(sheets);
  });

  it('tile positions: row-major within a sheet, next sheet after columns × rows tiles', () => {
    const track = gridTrack(['https://a/0.jpg', 'https://a/1.jpg'], { columns: 3, rows: 2, interval: 10, width: 20, height: 15 });
    expect(track.cues.map((c) => [c.start, c.end, c.url.slice(-5), c.x, c.y, c.w, c.h])).to.deep.equal([
      [0, 10, '0.jpg', 0, 0, 20, 15],
      [10, 20, '0.jpg', 20, 0, 20, 15],
      [20, 30, '0.jpg', 40, 0, 20, 15],
      [30, 40, '0.jpg', 0, 15, 20, 15],
      [40, 50, '0.jpg', 20, 15, 20, 15],
      [50, 60, '0.jpg', 40, 15, 20, 15],
      [60, 70, '1.jpg', 0, 0, 20, 15],
      [70, 80, '1.jpg', 20, 0, 20, 15],
      [80, 90, '1.jpg', 40, 0, 20, 15],
      [90, 100, '1.jpg', 0, 15, 20, 15],
      [100, 110, '1.jpg', 20, 15, 20, 15],
      [110, 120, '1.jpg', 40, 15, 20, 15],
    ]);
    expect(track.at(65)!.url).to.equal('https://a/1.jpg');
  });

  it('duration: no tile at or after it; the last tile ends at it', () => {
    const track = gridTrack(sheets, grid, { duration: 100 });
    expect(track.cues.length).to.equal(125);
    expect(track.cues.at(-1)!.start).to.equal(99.2);
    expect(track.cues.at(-1)!.end).to.equal(100);
    expect(track.at(99.9)!.x).to.equal(4 * 142);
  });

  it('totalCount leaves out tiles Tencent did not make', () => {
    expect(gridTrack(sheets, grid, { totalCount: 225 }).cues.length).to.equal(225);
    expect(gridTrack(sheets, grid).cues.length).to.equal(300);
  });

  it('rejects bad options with a message naming the option', () => {
    const bad: [unknown[], RegExp][] = [
      [[[], grid], /imageUrls must be a non-empty array/],
      [[['javascript:alert(1)'], grid], /imageUrls\[0\] is "javascript:alert\(1\)"; only absolute http: or https: URLs/],
      [[['sprite.jpg'], grid], /imageUrls\[0\] is "sprite.jpg"/],
      [[sheets, { ...grid, columns: 0 }], /grid.columns must be a positive integer, got 0/],
      [[sheets, { ...grid, rows: 1.5 }], /grid.rows must be a positive integer, got 1.5/],
      [[sheets, { ...grid, interval: -1 }], /grid.interval \(seconds per tile\) must be a positive number, got -1/],
      [[sheets, { ...grid, width: Number.NaN }], /grid.width \(tile width in pixels\) must be a positive number, got NaN/],
      [[sheets, { ...grid, height: '80' }], /grid.height \(tile height in pixels\) must be a positive number, got "80"/],
      [[sheets, null], /grid must be an object/],
      [[sheets, grid, { duration: 0 }], /duration \(seconds\) must be a positive number, got 0/],
      [[sheets, grid, { totalCount: 2.5 }], /totalCount must be a positive integer, got 2.5/],
    ];
    for (const [args, message] of bad) {
      expect(() => (gridTrack as (...a: unknown[]) => unknown)(...args), String(message)).to.throw(message);
    }
  });

  it('bad options are typed errors (ThumbnailVttError: bad-url for a sheet URL, bad-grid for the rest), not RangeError/TypeError', () => {
    const cases: [unknown[], string][] = [
      [[[], grid], 'bad-grid'],
      [[['javascript:alert(1)'], grid], 'bad-url'],
      [[[42], grid], 'bad-url'],
      [[sheets, { ...grid, columns: 0 }], 'bad-grid'],
      [[sheets, { ...grid, interval: Number.NaN }], 'bad-grid'],
      [[sheets, null], 'bad-grid'],
      [[sheets, grid, { duration: -1 }], 'bad-grid'],
    ];
    for (const [args, code] of cases) {
      let thrown: unknown;
      try {
        (gridTrack as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(args[1])).to.be.instanceOf(ThumbnailVttError);
      expect((thrown as ThumbnailVttError).code).to.equal(code);
      expect(thrown).to.not.be.instanceOf(RangeError);
    }
  });

  it('bounds keep every time and position finite: tile sides, tile count, interval', () => {
    expect(() => gridTrack(sheets, { ...grid, width: 1e308 })).to.throw(ThumbnailVttError, `grid.width (tile width in pixels) must be at most ${MAX_TILE_SIZE}, got 1e+308`);
    expect(() => gridTrack(sheets, { ...grid, columns: 1e6, rows: 1e6 })).to.throw(ThumbnailVttError, `more than ${MAX_TILES}`);
    expect(() => gridTrack(sheets, { ...grid, interval: 1e300 })).to.throw(ThumbnailVttError, 'grid.interval (seconds per tile) must be at most 86400');
    // Sheet URLs are used as a browser loads them (found by the property test with FUZZ_RUNS).
    expect(gridTrack([' https://cdn.example/a b.jpg '], grid).cues[0]!.url).to.equal('https://cdn.example/a%20b.jpg');
    // A long video at the bound still works: 10 hours at one tile a second.
    expect(gridTrack(sheets, { ...grid, columns: 100, rows: 120, interval: 1 }, { duration: 36000 }).cues.length).to.equal(36000);
  });
});
