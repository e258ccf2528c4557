/**
 * Shows source text in a code card: a tiny highlighter that only ever creates text nodes
 * and spans (no innerHTML), and a copy button.
 */

type Language = 'html' | 'ts';

const rules: Record<Language, RegExp> = {
  // comment | string | tag name | attribute name | punctuation
  html: /(<!--[\s\S]*?-->)|("[^"]*"|'[^']*')|(<\/?[\w-]+|\/?>)|([\w-]+)(?==)/g,
  // comment | string | keyword | object key or property call | number
  ts: /(\/\/[^\n]*)|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)|\b(import|from|const|let|await|new|return|function|export|true|false)\b|\b([A-Za-z_$][\w$]*)(?=\s*[:(])|\b(\d+(?:\.\d+)?)\b/g,
};

const classes: Record<Language, string[]> = {
  html: ['tok-comment', 'tok-string', 'tok-tag', 'tok-attr'],
  ts: ['tok-comment', 'tok-string', 'tok-keyword', 'tok-name', 'tok-number'],
};

/** Fills `target` with `source`, wrapping recognised tokens in classed spans. */
export function renderCode(target: HTMLElement, source: string, language: Language): void {
  target.replaceChildren();
  const pattern = new RegExp(rules[language].source, 'g');
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last) target.append(source.slice(last, match.index));
    const group = match.slice(1).findIndex((part) => part !== undefined);
    const span = document.createElement('span');
    span.className = classes[language][group] ?? '';
    span.textContent = match[0];
    target.append(span);
    last = match.index + match[0].length;
  }
  target.append(source.slice(last));
}

/** Wires a card's copy button to copy `source`, with visible feedback. */
export function wireCopyButton(button: HTMLButtonElement, source: string): void {
  button.addEventListener('click', async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(source);
      copied = true;
    } catch {
      // No clipboard permission (e.g. an insecure origin): select the code so Ctrl/Cmd+C works.
      const code = button.closest('.code-card')?.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
    }
    button.textContent = copied ? 'Copied ✓' : 'Selected — press Ctrl+C';
    button.classList.toggle('done', copied);
    setTimeout(() => {
      button.textContent = 'Copy';
      button.classList.remove('done');
    }, 1800);
  });
}

/** Renders `source` into the card `[data-code=name]` and wires its copy button. */
export function showCode(name: string, source: string, language: Language): void {
  const card = document.querySelector<HTMLElement>(`[data-code="${name}"]`);
  if (!card) return;
  const text = source.trimEnd();
  renderCode(card.querySelector('code')!, text, language);
  wireCopyButton(card.querySelector<HTMLButtonElement>('button.copy')!, `${text}\n`);
}
