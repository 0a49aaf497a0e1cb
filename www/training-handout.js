// Printed handouts of the Latihan tab (www/training.js): for each subject group, one or two A4
// pages to take home, generated from the rulebook: what is forbidden (under its strongest
// sanction), what is allowed, the key dates and where to report, each with its legal basis and
// the points the legal digest leaves uncertain. Bahasa Indonesia first, English on request.
//
// The content is `handouts` of www/training/cases.json, selected and grouped natively from the
// compiled rules by `make web` (examples/training_data/handouts.rs); this module only lays it
// out. It prints with the page's print styles (`body[data-print=handout]`, training.css).

const LANGS = [['id', 'Bahasa Indonesia'], ['en', 'English']];

/**
 * Fills `box` with the handout controls and the sheet of the chosen group. `look` gives the
 * page's helpers: `el`, `words(lang)` (the tab's words in a language), `lang` (the page's),
 * `print()` (prints the sheet alone).
 */
export function handouts(box, data, look) {
  const { el } = look;
  const w = look.words(look.lang);
  const keep = { group: box.querySelector('#handout-group')?.value, lang: box.querySelector('#handout-lang')?.value };
  const groups = data.groups.filter((g) => g.forbidden.length || g.allowed.length);
  const group = groups.find((g) => g.group === keep.group) ?? groups[0];
  const lang = keep.lang ?? look.lang;
  const redraw = () => handouts(box, data, look);
  box.replaceChildren(
    el('div', { class: 'no-print' },
      el('h2', { class: 'h-small', id: 'handout-title' }, w.handoutTitle),
      el('p', { class: 'field-hint' }, w.handoutHint),
      el('div', { class: 'tr-row' },
        el('div', { class: 'tr-field' }, el('label', { class: 'field-label', for: 'handout-group' }, w.filterGroup),
          el('select', { id: 'handout-group', class: 'input', onchange: redraw },
            groups.map((g) => el('option', { value: g.group, selected: g === group }, g.label[look.lang] ?? g.label.id)))),
        el('div', { class: 'tr-field' }, el('label', { class: 'field-label', for: 'handout-lang' }, w.handoutLang),
          el('select', { id: 'handout-lang', class: 'input', onchange: redraw },
            LANGS.map(([value, name]) => el('option', { value, lang: value, selected: value === lang }, name)))),
        el('button', { type: 'button', class: 'btn btn-primary', id: 'handout-print', onclick: look.print }, w.handoutPrint))),
    group ? sheet(group, data, lang, look) : el('p', { class: 'field-hint' }, w.handoutNone));
}

/** The sheet of one group, in `lang`: what prints. */
function sheet(group, data, lang, look) {
  const { el } = look;
  const w = look.words(lang);
  const t = (x) => x[lang] ?? x.id;
  const basis = (list) => (list.length ? el('p', { class: 'ho-basis' }, `${w.basis}: ${list.join('; ')}`) : null);
  const doubts = (list) => list.map((u) => el('p', { class: 'ho-uncertain' }, el('strong', {}, `${w.handoutUncertain}: `), t(u)));
  const item = (r) => el('li', { 'data-rule': r.rule }, el('p', { class: 'ho-rule' }, t(r.title)), basis(r.basis), doubts(r.uncertain));
  const day = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID',
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const report = data.report;
  return el('article', { id: 'handout', class: 'handout', lang, 'aria-labelledby': 'handout-sheet-title', 'data-group': group.group },
    el('header', { class: 'ho-head' },
      el('h2', { id: 'handout-sheet-title' }, `${w.handoutSheet}: ${t(group.label)}`),
      el('p', {}, w.handoutIntro)),
    el('section', { class: 'ho-section ho-forbidden', 'aria-labelledby': 'ho-forbidden' },
      el('h3', { id: 'ho-forbidden' }, w.handoutForbidden),
      group.forbidden.map((s) => el('div', { class: 'ho-sanction' },
        el('h4', {}, `${w.handoutSanction}: ${t(s.label)}`),
        el('ul', {}, s.rules.map(item))))),
    group.allowed.length ? el('section', { class: 'ho-section ho-allowed', 'aria-labelledby': 'ho-allowed' },
      el('h3', { id: 'ho-allowed' }, w.handoutAllowed),
      el('ul', {}, group.allowed.map(item))) : null,
    el('section', { class: 'ho-section ho-dates', 'aria-labelledby': 'ho-dates' },
      el('h3', { id: 'ho-dates' }, w.handoutDates),
      el('ul', { class: 'ho-date-list' }, data.dates.map((d) => el('li', {},
        el('span', { class: 'ho-rule' }, t(d.label)), ': ',
        el('span', { class: 'ho-when' }, d.start === d.end ? day(d.start) : `${day(d.start)} – ${day(d.end)}`),
        d.basis.length ? el('span', { class: 'ho-basis' }, ` (${d.basis.join('; ')})`) : null)))),
    el('section', { class: 'ho-section ho-report', 'aria-labelledby': 'ho-report' },
      el('h3', { id: 'ho-report' }, w.handoutReport),
      el('p', { class: 'ho-rule' }, t(report.note)),
      el('p', {}, t(report.title)), basis(report.basis), doubts(report.uncertain)),
    el('footer', { class: 'ho-foot' }, w.handoutFoot));
}
