import 'video.js/dist/video-js.css';
import './styles.css';
// Importing the package defines <vod-sprite-thumbnails> and registers the plugin.
import 'vod-sprite-thumbnails';
import { showCode } from './code-view.js';
import { setUpPlayground } from './playground.js';
import elementMarkup from './snippets/custom-element.html?raw';
// Section 2 runs this module as it is and shows its source.
import './snippets/plugin-player.ts';
import pluginSource from './snippets/plugin-player.ts?raw';

// Section 1: the snippet shown is the markup on the page (our own constant, not user input).
const template = document.createElement('template');
template.innerHTML = elementMarkup;
document.getElementById('element-demo')!.append(template.content);
showCode('element', elementMarkup, 'html');

// Section 2
showCode('plugin', pluginSource, 'ts');

// Section 3
setUpPlayground();
