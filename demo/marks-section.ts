/**
 * Section 4: the markup of the snippet, a preview-width switch (what the definition choice
 * depends on, with devicePixelRatio), and a readout of what the element reports.
 */
import type { VodSpriteThumbnails } from 'vod-sprite-thumbnails';
import { showCode } from './code-view.js';
import markup from './snippets/marks-chapters.html?raw';

/** What the element's events report; fields the element does not send yet read as absent. */
interface Report {
  definition?: string | number;
  marks?: unknown[];
  chapters?: unknown[];
}

export function setUpMarksSection(): void {
  const template = document.createElement('template');
  // Our own constant, not user input.
  template.innerHTML = markup;
  document.getElementById('marks-demo')!.append(template.content);
  showCode('marks', markup, 'html');

  const section = document.getElementById('marks')!;
  const element = section.querySelector<VodSpriteThumbnails>('vod-sprite-thumbnails')!;
  const readout = document.getElementById('definition-readout')!;
  const report: Report = {};
  const render = () => {
    const parts = [`devicePixelRatio ${Number(devicePixelRatio.toFixed(2))}`];
    if (report.definition !== undefined) parts.push(`definition ${report.definition}`);
    if (report.marks) parts.push(`${report.marks.length} marks`);
    if (report.chapters) parts.push(`${report.chapters.length} chapters`);
    readout.textContent = parts.join(' · ');
  };
  // The element moves into the player while attached; its events bubble from there.
  section.addEventListener('vod-thumbnails-ready', (event) => {
    Object.assign(report, event.detail as unknown as Report);
    render();
  });
  section.addEventListener('vod-thumbnails-definition', (event) => {
    report.definition = (event as CustomEvent<Report>).detail.definition;
    render();
  });
  // devicePixelRatio changes with page zoom; the element re-picks on its own, the readout follows.
  const watchRatio = () => {
    matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener(
      'change',
      () => {
        render();
        watchRatio();
      },
      { once: true },
    );
  };
  watchRatio();
  render();

  for (const button of section.querySelectorAll<HTMLButtonElement>('.dpr-switch [data-width]')) {
    button.addEventListener('click', () => {
      const width = button.dataset.width;
      if (width) element.setAttribute('width', width);
      else element.removeAttribute('width');
      for (const other of section.querySelectorAll('.dpr-switch [data-width]')) other.classList.toggle('active', other === button);
    });
  }
}
