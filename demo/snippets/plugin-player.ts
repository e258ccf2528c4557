import videojs from 'video.js';
import 'vod-sprite-thumbnails'; // registers the plugin

// The callback body Tencent Cloud VOD posted to your
// server (its unused *Event keys left out here).
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
