// The host page's own script: passes what the form knows to <netral-check> and listens for verdicts.
const check = document.getElementById('check');
const status = document.getElementById('status');
const line = document.getElementById('verdict-line');
const WORDS = { violation: 'Melanggar aturan netralitas', allowed: 'Diperbolehkan', needs_more_info: 'Perlu informasi tambahan' };

status.addEventListener('change', () => {
  check.facts = status.value ? { subject: status.value } : {};
});
document.addEventListener('netral-verdict', (e) => {
  document.getElementById('verdict').value = e.detail.verdict;
  line.textContent = `Hasil pemeriksaan: ${WORDS[e.detail.verdict]}.`;
});
document.getElementById('gov-form').addEventListener('submit', (e) => e.preventDefault());
