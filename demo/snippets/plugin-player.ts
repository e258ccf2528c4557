import videojs from 'video.js';
import 'vod-sprite-thumbnails'; // registers the plugin

// The CreateImageSpriteComplete callback body, as Tencent Cloud VOD posted it
// to your server (unused *Event keys left out here for brevity).
const event = {
  EventType: 'CreateImageSpriteComplete',
  CreateImageSpriteCompleteEvent: {
    ErrCode: 0,
    Message: '',
    FileId: '5285890784246869380',
    Definition: 10,
    TotalCount: 225,
    ImageSpriteUrlSet: [
      'media/imageSprite_10_0.jpg',
      'media/imageSprite_10_1.jpg',
      'media/imageSprite_10_2.jpg',
    ],
    WebVttUrl: 'media/imageSprite_10.vtt',
  },
};

const player = videojs('plugin-player');
player.vodSpriteThumbnails({ event });
