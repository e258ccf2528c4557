import './support/console.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { parseSpriteEvent } from '../src/parse/payload.js';
import { ImageResolver, isHttpUrl, lastPathSegment, shouldUpgrade, upgradeUrl } from '../src/parse/urls.js';
import { parseThumbnailVtt } from '../src/parse/thumbnail-vtt.js';

const VTT_URL = 'https://vod.example/a/b/imageSprite_10.vtt';
const SIGNED = ['https://cdn.other.example/sign/imageSprite_10_0.jpg?t=1&us=2&sign=3', 'https://cdn.other.example/sign/imageSprite_10_1.jpg?t=1&us=2&sign=3'];

/** The URL each ref's cue gets. */
function urls(refs: string[], options: { imageUrls?: string[]; vttUrl?: string; pageProtocol?: string; upgradeInsecure?: boolean } = {}): string[] {
  const body = refs.map((ref, i) => `00:00:0${i}.000 --> 00:00:0${i + 1}.000\n${ref}#xywh=0,0,1,1\n`).join('\n');
  const track = parseThumbnailVtt(`WEBVTT\n\n${body}`, { vttUrl: VTT_URL, imageUrls: SIGNED, pageProtocol: 'http:', ...options });
  return track.cues.map((cue) => cue.url);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  return img.decode().then(() => img);
}

describe('image resolution', () => {
  it('a bare file name takes the image set’s URL: signature kept, other host', () => {
    expect(urls(['imageSprite_10_0.jpg', 'imageSprite_10_1.jpg'])).to.deep.equal(SIGNED);
  });

  it('matching ignores the ref’s folder, query and fragment', () => {
    expect(urls(['sub/dir/imageSprite_10_1.jpg', 'imageSprite_10_0.jpg?v=2', '../imageSprite_10_1.jpg'])).to.deep.equal([SIGNED[1], SIGNED[0], SIGNED[1]]);
  });

  it('an absolute ref whose file name is in the set also takes the set’s URL', () => {
    expect(urls(['http://old-host.example/x/imageSprite_10_0.jpg'])).to.deep.equal([SIGNED[0]]);
  });

  it('refs not in the set resolve against the VTT URL', () => {
    expect(urls(['other.jpg', '../up.jpg', '/root.jpg', 'sub/x.jpg?q=1', '//proto.example/r.jpg'])).to.deep.equal([
      'https://vod.example/a/b/other.jpg',
      'https://vod.example/a/up.jpg',
      'https://vod.example/root.jpg',
      'https://vod.example/a/b/sub/x.jpg?q=1',
      'https://proto.example/r.jpg',
    ]);
  });

  it('absolute refs not in the set are used as they are', () => {
    expect(urls(['https://x.example/p/q.jpg', 'http://y.example/z.jpg'])).to.deep.equal(['https://x.example/p/q.jpg', 'http://y.example/z.jpg']);
  });

  it('names match percent-encoded or not; the first of two equal names wins', () => {
    const imageUrls = ['https://c.example/1/a%20b.jpg', 'https://c.example/2/a%20b.jpg', 'https://c.example/%E5%9B%BE.jpg'];
    expect(urls(['a b.jpg', 'a%20b.jpg', '图.jpg'], { imageUrls })).to.deep.equal([imageUrls[0], imageUrls[0], imageUrls[2]]);
  });

  it('unusual image set entries are normalized by the URL parser (spaces, fragments, relative)', () => {
    const imageUrls = ['https://c.example/x/a b.jpg', 'https://c.example/x/b.jpg#xywh=0,0,1,1', 'sheets/c.jpg'];
    expect(urls(['a b.jpg', 'b.jpg', 'c.jpg'], { imageUrls })).to.deep.equal([
      'https://c.example/x/a%20b.jpg',
      'https://c.example/x/b.jpg',
      'https://vod.example/a/b/sheets/c.jpg',
    ]);
  });

  it('http: becomes https: on an https page, unless upgradeInsecure is false', () => {
    const imageUrls = ['http://1256.vod2.myqcloud.com/x/imageSprite_10_0.jpg?sign=1'];
    const vttUrl = 'http://1256.vod2.myqcloud.com/x/imageSprite_10.vtt';
    const refs = ['imageSprite_10_0.jpg', 'imageSprite_10_5.jpg', 'https://secure.example/s.jpg'];
    expect(urls(refs, { imageUrls, vttUrl, pageProtocol: 'https:' })).to.deep.equal([
      'https://1256.vod2.myqcloud.com/x/imageSprite_10_0.jpg?sign=1',
      'https://1256.vod2.myqcloud.com/x/imageSprite_10_5.jpg',
      'https://secure.example/s.jpg',
    ]);
    expect(urls(refs, { imageUrls, vttUrl, pageProtocol: 'https:', upgradeInsecure: false })).to.deep.equal([
      'http://1256.vod2.myqcloud.com/x/imageSprite_10_0.jpg?sign=1',
      'http://1256.vod2.myqcloud.com/x/imageSprite_10_5.jpg',
      'https://secure.example/s.jpg',
    ]);
    expect(urls(refs, { imageUrls, vttUrl, pageProtocol: 'http:' })[0]).to.equal(imageUrls[0]);
  });

  it('by default the page’s own protocol decides (this test page is http:)', () => {
    expect(location.protocol).to.equal('http:');
    const track = parseThumbnailVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nhttp://h.example/a.jpg\n', { vttUrl: VTT_URL });
    expect(track.cues[0]!.url).to.equal('http://h.example/a.jpg');
    expect(shouldUpgrade()).to.equal(false);
    expect(shouldUpgrade({ pageProtocol: 'https:' })).to.equal(true);
    expect(shouldUpgrade({ pageProtocol: 'https:', upgradeInsecure: false })).to.equal(false);
  });

  it('refs that resolve to other schemes are refused, even in the image set', () => {
    expect(() => urls(['javascript:alert(1)'])).to.throw(/does not resolve to an http: or https: URL/);
    const resolver = new ImageResolver(VTT_URL, ['javascript:alert(1)//evil.jpg', 'data:image/png;base64,AAAA']);
    expect(resolver.resolve('evil.jpg')).to.equal(null);
    expect(resolver.resolve('data:image/png;base64,AAAA')).to.equal(null);
    expect(resolver.resolve('ok.jpg')).to.equal('https://vod.example/a/b/ok.jpg');
  });

  it('helpers: isHttpUrl, lastPathSegment, upgradeUrl', () => {
    expect(['https://a/b', 'http://a', 'HTTP://A/b'].map(isHttpUrl)).to.deep.equal([true, true, true]);
    expect(['javascript:x', 'data:,x', 'ftp://a/b', 'a/b.jpg', '', '//a/b'].map(isHttpUrl)).to.deep.equal([false, false, false, false, false, false]);
    expect(['a.jpg', 'x/y/a.jpg?q=1#f', 'https://h/p/a.jpg?t=1&sign=2', 'x\\a.jpg', 'dir/', 'a%20b.jpg', 'bad%E0.jpg'].map(lastPathSegment)).to.deep.equal([
      'a.jpg',
      'a.jpg',
      'a.jpg',
      'a.jpg',
      '',
      'a b.jpg',
      'bad%E0.jpg',
    ]);
    expect(upgradeUrl('http://a/b', true)).to.equal('https://a/b');
    expect(upgradeUrl('http://a/b', false)).to.equal('http://a/b');
    expect(upgradeUrl('https://a/b', true)).to.equal('https://a/b');
  });

  it('end to end: the signed reliable payload, its VTT and its sheets load from the server', async () => {
    const payloadUrl = new URL('/demo/public/payloads/reliable.json', location.href).href;
    const [info] = parseSpriteEvent(await (await fetch(payloadUrl)).text(), { baseUrl: payloadUrl });
    const track = parseThumbnailVtt(await (await fetch(info!.vttUrl)).text(), { vttUrl: info!.vttUrl, imageUrls: info!.imageUrls });
    expect(track.sheets).to.deep.equal(info!.imageUrls);
    expect(track.sheets.every((url) => url.includes('&sign='))).to.be.true;
    const images = await Promise.all(track.sheets.map(loadImage));
    expect(images.map((img) => [img.naturalWidth, img.naturalHeight])).to.deep.equal([
      [1420, 800],
      [1420, 800],
      [1420, 240],
    ]);
  });

  it('end to end: sheets on another origin (no CORS) are matched by name and load as images', async () => {
    const other = (await executeServerCommand('other-origin')) as string;
    const run = Math.random().toString(36).slice(2);
    const imageUrls = [0, 1, 2].map((i) => `${other}/demo/public/media/imageSprite_10_${i}.jpg?sign=${run}`);
    const vttUrl = new URL('/demo/public/media/imageSprite_10.vtt', location.href).href;
    const track = parseThumbnailVtt(await (await fetch(vttUrl)).text(), { vttUrl, imageUrls });
    expect(track.sheets).to.deep.equal(imageUrls);
    const img = await loadImage(track.at(100)!.url);
    expect(img.naturalWidth).to.equal(1420);
    const log = (await executeServerCommand('request-log', { contains: run })) as { url: string; origin: string }[];
    expect(log.map((entry) => entry.origin)).to.deep.equal(['other']);
  });
});
