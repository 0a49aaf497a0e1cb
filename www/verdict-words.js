// The words of a verdict that the page (www/i18n.js) and <netral-check> (netral-check-element.js)
// both show, Indonesian first: the three verdicts' names and icons, and the labels of a matched
// rule's parts. What fills them (titles, citations, sanctions, advice, uncertain points) comes
// from the engine, in the incident's language; nothing here decides or words a verdict.

/** The three verdicts, in the order the quiz offers them. */
export const VERDICTS = ['violation', 'allowed', 'needs_more_info'];

/** The icon beside a verdict's name (aria-hidden: the name carries the meaning). */
export const VERDICT_ICON = { violation: '!', allowed: '✓', needs_more_info: '?' };

export const VERDICT_WORDS = {
  id: {
    v_violation: 'Melanggar aturan netralitas', v_allowed: 'Diperbolehkan', v_needs_more_info: 'Perlu informasi tambahan',
    basis: 'Dasar hukum', sanction: 'Sanksi', advice: 'Saran', note: 'Catatan hukum', uncertain: 'Belum pasti',
  },
  en: {
    v_violation: 'Breaks the neutrality rules', v_allowed: 'Allowed', v_needs_more_info: 'More information needed',
    basis: 'Legal basis', sanction: 'Sanction', advice: 'Advice', note: 'Legal note', uncertain: 'Belum pasti / Uncertain',
  },
};
