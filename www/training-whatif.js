// "What if" on a case of the Latihan tab (www/training.js): the trainer changes the facts (the
// subject, on leave, the date, the acts read from the story) and the engine answers again; the
// panel shows the new verdict and names the rules that flipped (held before and not now, or the
// reverse). Every verdict and word comes from `netral.classify`; this only compares two answers.

/**
 * Opens the panel on case `c` in `box`. `look` gives the page's helpers: `el`, `t`, `w`, the
 * engine (`netral`), the page's language (`lang`) and `questions` (the engine's form).
 */
export function whatIf(box, c, look) {
  const { el, t, w } = look;
  const classify = (facts) => look.netral.classify({ text: c.text, facts, lang: look.lang });
  const base = classify(c.facts);
  if (!base || base.error) { box.replaceChildren(el('p', { class: 'notice' }, w('whatIfCannot'))); return; }
  const acts = actsOf(c, base, classify);
  const subject = look.questions.find((q) => q.id === 'subject');
  const keep = el('option', { value: '' }, w('whatIfAsCase'));
  const field = (id, key, control) => el('div', { class: 'tr-field' }, el('label', { class: 'field-label', for: id }, w(key)), control);
  const form = el('div', { class: 'tr-row wi-form' },
    subject ? field('whatif-subject', 'whatIfSubject', el('select', { id: 'whatif-subject', class: 'input' }, keep,
      subject.answers.map((a) => el('option', { value: a.value }, a.label)))) : null,
    field('whatif-leave', 'whatIfLeave', el('select', { id: 'whatif-leave', class: 'input' }, keep.cloneNode(true),
      el('option', { value: 'true' }, w('yes')), el('option', { value: 'false' }, w('no')))),
    field('whatif-date', 'whatIfDate', el('input', { id: 'whatif-date', class: 'input', type: 'date' })));
  const checks = acts.length ? el('fieldset', { class: 'tr-set' }, el('legend', {}, w('whatIfActs')),
    acts.map((a) => el('label', { class: 'tr-check' }, el('input', { type: 'checkbox', name: 'whatif-act', value: a.id, checked: true }), ' ', a.label))) : null;
  const out = el('div', { id: 'whatif-result', class: 'wi-result', 'aria-live': 'polite' });
  box.replaceChildren(
    el('h2', { class: 'h-small', id: 'whatif-title', tabindex: '-1' }, w('whatIfTitle')),
    el('p', { class: 'field-hint' }, w('whatIfHint')),
    el('blockquote', { class: 'quiz-case' }, c.text),
    el('p', {}, el('strong', {}, `${w('whatIfBefore')}: `), verdictBadge(base, el, t), ' ', titles(base)),
    form, checks, out,
    el('button', { type: 'button', class: 'btn btn-link', id: 'whatif-close', onclick: () => { box.hidden = true; box.replaceChildren(); look.back?.focus(); } }, w('whatIfClose')));
  const update = () => {
    const facts = { ...c.facts };
    const s = box.querySelector('#whatif-subject')?.value;
    if (s) facts.subject = s;
    const leave = box.querySelector('#whatif-leave').value;
    if (leave) facts.on_leave = leave === 'true';
    const date = box.querySelector('#whatif-date').value;
    if (date) facts.date = date;
    if (acts.length) {
      const done = [...box.querySelectorAll('input[name=whatif-act]')].filter((i) => i.checked).map((i) => i.value);
      if (done.length < acts.length) facts.acts = done;
    }
    const now = classify(facts);
    out.replaceChildren(...result(base, now, look));
  };
  // Properties, not listeners: the panel is reused from case to case.
  box.onchange = update;
  box.oninput = update;
  box.hidden = false;
  update();
  box.querySelector('#whatif-title').focus();
}

/** The acts the engine read from the story (each confirmed as an act by the engine), with their words. */
function actsOf(c, base, classify) {
  const words = new Map();
  for (const e of base.evidence) {
    if (!words.has(e.fact)) words.set(e.fact, []);
    if (!words.get(e.fact).includes(e.text)) words.get(e.fact).push(e.text);
  }
  return Object.entries(base.facts)
    .filter(([id, v]) => v === true && words.has(id))
    // The engine refuses (E-UNKNOWN-VALUE) a fact that is not an act its acts question asks about.
    .filter(([id]) => { const v = classify({ ...c.facts, acts: [id] }); return v && !v.error; })
    .map(([id]) => ({ id, label: `«${words.get(id).slice(0, 3).join('», «')}»` }));
}

function verdictBadge(v, el, t) {
  return el('span', { class: `badge badge-${v.verdict}` }, t(`vk_${v.verdict}`));
}

function titles(v) {
  return v.matched.filter((m) => m.kind === 'prohibition').map((m) => m.title).join('; ');
}

/** The new verdict, and the rules that flipped between the two answers. */
function result(base, now, { el, t, w }) {
  if (!now || now.error) return [el('p', { class: 'notice' }, w('whatIfError'), ' ', (now?.error ?? []).map((d) => d.message).join('; '))];
  const held = (v) => new Map(v.matched.map((m) => [m.rule, m.title]));
  const before = held(base);
  const after = held(now);
  const gone = [...before].filter(([id]) => !after.has(id));
  const added = [...after].filter(([id]) => !before.has(id));
  return [
    el('p', { class: 'wi-now', 'data-verdict': now.verdict }, el('strong', {}, `${w('whatIfAfter')}: `), verdictBadge(now, el, t),
      now.verdict === base.verdict ? ` ${w('whatIfSame')}` : ` ${w('whatIfChanged')}`),
    gone.length ? el('p', { class: 'wi-gone' }, el('strong', {}, `${w('whatIfGone')}: `), gone.map(([, title]) => title).join('; ')) : null,
    added.length ? el('p', { class: 'wi-added' }, el('strong', {}, `${w('whatIfAdded')}: `), added.map(([, title]) => title).join('; ')) : null,
    now.question ? el('p', {}, el('strong', {}, `${w('openQuestion')}: `), now.question.text) : null,
    !now.matched.length && now.nearly.length ? el('p', {}, el('strong', {}, `${w('whyNot')}: `),
      now.nearly.slice(0, 2).map((n) => `${n.title} (${w('lacking')}: ${n.lacking.join('; ')})`).join(' · ')) : null,
  ].filter(Boolean);
}
