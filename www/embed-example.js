// The host page's own script: passes what the form knows to <netral-check> and listens for
// verdicts. The verdict itself is a field of the form (name="netral_verdict"): no hidden input.
const check = document.getElementById('check');
const status = document.getElementById('status');
const line = document.getElementById('verdict-line');
const WORDS = { violation: 'Melanggar aturan netralitas', allowed: 'Diperbolehkan', needs_more_info: 'Perlu informasi tambahan' };

status.addEventListener('change', () => {
  check.facts = status.value ? { subject: status.value } : {};
});
document.addEventListener('netral-verdict', (e) => {
  line.textContent = `Hasil pemeriksaan: ${WORDS[e.detail.verdict]}.`;
});
// An example page: the form is checked (require="not-violation" blocks a violation) but not sent.
document.getElementById('gov-form').addEventListener('submit', (e) => e.preventDefault());
