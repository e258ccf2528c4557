import 'video.js/dist/video-js.css';
import './styles.css';
// Importing the package defines <vod-sprite-thumbnails> and registers the plugin.
import 'vod-sprite-thumbnails';
import { showCode } from './code-view.js';
import { setUpMarksSection } from './marks-section.js';
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

// Section 4 (before the badges below start listening).
setUpMarksSection();

// Sections 1, 2 and 4: what the element reports, from its two events — every one of them, so a
// sheet that fails after "ready" turns the badge to the error.
for (const stage of document.querySelectorAll<HTMLElement>('#custom-element .stage, #plugin .stage, #marks .stage')) {
  const badge = stage.querySelector<HTMLElement>('[data-state]')!;
  stage.addEventListener('vod-thumbnails-ready', (event) => {
    badge.dataset.state = 'ready';
    badge.textContent = `ready · ${event.detail.cues.length} thumbnails on ${event.detail.sheets.length} sheets`;
  });
  stage.addEventListener('vod-thumbnails-error', (event) => {
    badge.dataset.state = 'error';
    badge.textContent = `error (${event.detail.stage}) · ${event.detail.error.message}`;
  });
}

// Section 3
setUpPlayground();
