// Presenter mode of the Latihan tab (www/training.js): for a trainer with a projector. Full
// screen, large type, one case at a time; Space or → reveals the answer, then goes to the next
// case; ← goes back; Esc leaves. The reveal shows what the engine says: the verdict, the words
// that led there (highlighted in the story), each rule with its basis, sanction and advice.

let open = null; // the presenter on screen: { box, items, pos, revealed, back, keys }

/**
 * Shows `items` from `start`. `look` gives the page's helpers: `el`, `t`, `w` (the tab's words),
 * `verdictOf(case)` (the engine's verdict, in the page's language) and `describeFacts`.
 */
export function present(items, start, look) {
  if (open || !items.length) return;
  const box = look.el('div', { id: 'presenter', class: 'presenter', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'presenter-progress', tabindex: '-1' });
  const keys = (e) => onKey(e, look);
  open = { box, items, pos: Math.min(start, items.length - 1), revealed: false, back: document.activeElement, keys };
  document.body.append(box);
  document.body.classList.add('is-presenting');
  document.addEventListener('keydown', keys, true);
  // Full screen where the browser allows it; the overlay fills the window either way. There the
  // browser takes Esc to leave full screen (the page never sees the key), so leaving full screen
  // leaves presenter mode too.
  box.requestFullscreen?.().then(() => {
    box.addEventListener('fullscreenchange', () => { if (!document.fullscreenElement) leave(); });
  }, () => {});
  draw(look);
  box.focus();
}

function onKey(e, look) {
  if (!open) return;
  // Space on a button presses that button; elsewhere it moves the presentation on.
  if (e.key === ' ' && e.target instanceof HTMLButtonElement) return;
  if (e.key === ' ' || e.key === 'ArrowRight' || e.key === 'PageDown') forward(look);
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') backward(look);
  else if (e.key === 'Escape') leave();
  else if (e.key === 'Tab') trapFocus(e);
  else return;
  e.preventDefault();
  e.stopPropagation();
}

/** Tab and Shift+Tab cycle through the presenter's buttons (a modal dialog keeps the focus). */
function trapFocus(e) {
  const buttons = [...open.box.querySelectorAll('button:not([disabled])')];
  const i = buttons.indexOf(document.activeElement);
  const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : (i + 1) % buttons.length;
  buttons[next]?.focus();
}

function forward(look) {
  if (!open.revealed) open.revealed = true;
  else if (open.pos < open.items.length - 1) { open.pos += 1; open.revealed = false; }
  draw(look);
}

function backward(look) {
  if (open.revealed) open.revealed = false;
  else if (open.pos > 0) open.pos -= 1;
  draw(look);
}

/** Leaves presenter mode; focus goes back where it was. */
export function leave() {
  if (!open) return;
  const { box, back, keys } = open;
  open = null;
  document.removeEventListener('keydown', keys, true);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  box.remove();
  document.body.classList.remove('is-presenting');
  back?.focus?.();
}

function draw(look) {
  const { el, t, w } = look;
  const { box, items, pos, revealed } = open;
  const c = items[pos];
  const v = revealed ? look.verdictOf(c) : null;
  const ok = v && !v.error;
  const facts = Object.keys(c.facts).length ? look.describeFacts(c.facts) : '';
  box.replaceChildren(
    el('div', { class: 'pr-bar' },
      el('p', { id: 'presenter-progress', class: 'pr-progress' }, w('presentProgress', { n: pos + 1, t: items.length })),
      el('p', { class: 'pr-keys' }, w('presentKeys'))),
    el('blockquote', { class: 'pr-case' }, ok ? highlighted(c.text, v.evidence, el) : c.text),
    facts ? el('p', { class: 'pr-facts' }, `${t('knownFacts')}: ${facts}`) : null,
    revealed ? el('div', { class: `pr-reveal pr-${c.expected}`, 'aria-live': 'polite' },
      el('p', { class: 'pr-verdict' }, t('quizAnswerIs', { v: t(`v_${c.expected}`) })),
      ok ? v.matched.map((m) => el('div', { class: 'pr-rule' },
        el('p', {}, el('strong', {}, `${w('quizRule')}: `), m.title),
        m.basis.length ? el('p', {}, el('strong', {}, `${w('basis')}: `), m.basis.slice(0, 3).join('; '), m.basis.length > 3 ? '; …' : '') : null,
        m.sanction && m.kind === 'prohibition' ? el('p', {}, el('strong', {}, `${w('sanction')}: `), m.sanction.label) : null,
        m.advice ? el('p', {}, el('strong', {}, `${w('advice')}: `), m.advice) : null)) : null,
      ok && !v.matched.length && v.nearly.length ? el('p', {}, el('strong', {}, `${w('whyNot')}: `),
        v.nearly.slice(0, 2).map((n) => `${n.title} (${w('lacking')}: ${n.lacking.join('; ')})`).join(' · ')) : null)
      : null,
    el('div', { class: 'pr-actions' },
      el('button', { type: 'button', class: 'btn btn-secondary', id: 'presenter-back', disabled: pos === 0 && !revealed, onclick: () => backward(look) }, w('presentBack')),
      el('button', { type: 'button', class: 'btn btn-primary', id: 'presenter-next', disabled: revealed && pos === items.length - 1, onclick: () => forward(look) },
        w(revealed ? 'presentNext' : 'presentReveal')),
      el('button', { type: 'button', class: 'btn btn-secondary', id: 'presenter-leave', onclick: leave }, w('presentLeave'))));
}

/** The story with the engine's evidence spans (UTF-16 offsets) marked. */
function highlighted(text, evidence, el) {
  const spans = [...evidence].filter((s) => s.start < s.end && s.end <= text.length).sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping spans: the first one is kept
    out.push(text.slice(at, s.start), el('mark', {}, text.slice(s.start, s.end)));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}
