// The page's words: every string of the interface, Indonesian first (the verdict words it shares
// with <netral-check> come from verdict-words.js; the Latihan tab's own, from training-words.js).
// `t` looks a word up in the page's language; translateStatic() puts the words into index.html's
// elements that name them (data-i18n, data-i18n-attr).

import { $ } from './dom.js';
import { state } from './state.js';
import { VERDICT_WORDS } from './verdict-words.js';

// The examples offered under the text box: in Indonesian in both languages, as people write them.
const PROMPTS = [
  'Saya PNS, saya like postingan kampanye caleg di Facebook',
  'Saya like postingan kampanye caleg di Instagram',
  'Saya kepala desa, saya ikut deklarasi dukungan untuk calon bupati',
  'Saya anggota Polri, saya memakai kaos bergambar paslon saat apel',
  'Saya PNS dan datang ke TPS untuk mencoblos',
];

export const DICT = {
  id: {
    ...VERDICT_WORDS.id,
    skip: 'Langsung ke isi', home: 'Netral — beranda', sections: 'Bagian',
    tagline: 'Cek netralitas ASN, TNI, Polri dan kepala desa dalam pemilu',
    privacy: 'Semua pemeriksaan berjalan di perangkat Anda. Tidak ada yang Anda ketik dikirim ke mana pun.',
    tabCheck: 'Periksa', tabTrain: 'Latihan', tabRules: 'Aturan',
    loading: 'Memuat mesin aturan…', loadFailed: 'Mesin aturan gagal dimuat. Muat ulang halaman ini.',
    trainingFailed: 'Bagian latihan gagal dimuat. Periksa koneksi, lalu buka tab ini lagi.',
    checkTitle: 'Apakah tindakan ini melanggar netralitas?',
    incidentLabel: 'Ceritakan apa yang Anda lakukan atau rencanakan',
    incidentHint: 'Sebutkan siapa Anda (misalnya PNS, PPPK, anggota TNI/Polri, kepala desa) dan apa tindakannya. Hasil diperbarui saat Anda mengetik.',
    incidentPlaceholder: 'Contoh: Saya PNS, saya like postingan kampanye caleg di Facebook',
    examplesTitle: 'Coba contoh:', printIncident: 'Uraian kejadian', resultTitle: 'Hasil pemeriksaan',
    printResult: 'Cetak hasil', factsTitle: 'Lengkapi fakta (opsional)',
    factsHint: 'Isian ini mengalahkan apa yang terbaca dari teks.', factsClear: 'Kosongkan isian',
    unknown: '— tidak diketahui —', fromText: 'Terbaca dari teks: {v}', noQuestions: 'Aturan ini tidak meminta fakta tambahan.',
    evidenceTitle: 'Kata yang menentukan:',
    vs_violation: 'Tindakan ini dilarang. Dasar hukum dan sanksinya ada di bawah.',
    vs_allowed: 'Tidak ada larangan yang terpenuhi menurut aturan yang berlaku.',
    vs_needs_more_info: 'Jawabannya bergantung pada hal yang belum Anda sebutkan.',
    vk_violation: 'Melanggar', vk_allowed: 'Boleh', vk_needs_more_info: 'Perlu info',
    emptyTitle: 'Belum ada uraian', emptyText: 'Tulis uraian di kotak teks atau pilih salah satu contoh. Hasilnya muncul di sini seketika.',
    prohibition: 'Larangan', permission: 'Izin', because: 'Alasan',
    possibleTitle: 'Aturan yang mungkin berlaku', waitsOn: 'Bergantung pada: {f}',
    nearlyTitle: 'Mengapa bukan pelanggaran', nearlyIf: 'berlaku bila: {l}',
    followUp: 'Satu pertanyaan lagi', answer: 'Jawab', answerActs: 'Kirim pilihan', knownFacts: 'Yang diketahui', yes: 'Ya', no: 'Tidak',
    activeCustom: 'Periksa memakai aturan yang Anda ubah di tab Aturan.', useBuiltin: 'Pakai aturan bawaan',
    incidentError: 'Uraian ini tidak dapat diperiksa:',
    quizTitle: 'Kuis netralitas', quizRestart: 'Mulai ulang kuis',
    summaryTitle: 'Ringkasan latihan', summaryPrint: 'Cetak ringkasan',
    libraryTitle: 'Perpustakaan kasus', libraryHint: 'Setiap kasus berasal dari contoh di dalam aturan, dengan putusan yang diharapkan.',
    libraryFilter: 'Saring kasus', noMatch: 'Tidak ada yang cocok.',
    editorTitle: 'Penyunting aturan', editorBuiltin: 'Kembalikan aturan bawaan', editorLabel: 'Teks aturan',
    editorHint: 'Ubah aturan di sini. Kesalahan muncul saat Anda mengetik; aturan yang valid langsung dipakai oleh tab Periksa.',
    edValid: 'Aturan valid: {r} aturan, dipakai oleh tab Periksa.', edBuiltin: 'Aturan bawaan: {r} aturan.',
    edErrors: '{n} kesalahan. Tab Periksa tetap memakai aturan valid terakhir.', edWarnings: '{n} peringatan.',
    diagTitle: 'Pesan pemeriksaan', diagNone: 'Tidak ada kesalahan atau peringatan.', lineCol: 'baris {l}:{c}',
    error: 'Kesalahan', warning: 'Peringatan', hint: 'Saran: {h}',
    edTimeout: 'Pemeriksaan dihentikan karena lebih dari {s} detik. Tab Periksa tetap memakai aturan valid terakhir; teks Anda tetap tersimpan.',
    savedSlow: 'Aturan yang Anda simpan tidak selesai diperiksa dalam {s} detik, jadi pemeriksaannya dihentikan dan tab Periksa memakai aturan bawaan. Teks aturan Anda tidak hilang: teks itu tetap tersimpan di tab Aturan.',
    openSaved: 'Buka aturan tersimpan',
    examplesRunTitle: 'Contoh dalam aturan', exPass: 'lulus', exFail: 'gagal', exSummary: '{p} dari {t} contoh lulus.',
    exNone: 'Belum ada contoh.', exBlocked: 'Perbaiki kesalahan dulu untuk menjalankan contoh.', exGot: 'hasil: {v}',
    ruleListTitle: 'Daftar aturan', ruleFilter: 'Cari aturan', rulesEmpty: 'Belum ada aturan.', ruleExamples: 'Contoh',
    disclaimer: 'Netral adalah alat bantu pemahaman, bukan nasihat hukum resmi. Putusan akhir ada pada Bawaslu, BKN dan pejabat yang berwenang.',
    clearData: 'Hapus data saya', cleared: 'Data Anda di perangkat ini telah dihapus.', undo: 'Batalkan',
    storageFull: 'Penyimpanan di perangkat ini penuh: teks terakhir Anda belum tersimpan dan akan hilang bila halaman dimuat ulang. Salin teks itu bila Anda masih memerlukannya.',
    langSwitch: 'English', langSwitchLabel: 'Switch to English', langSwitchLang: 'en',
    prompts: PROMPTS,
  },
  en: {
    ...VERDICT_WORDS.en,
    skip: 'Skip to content', home: 'Netral — home', sections: 'Sections',
    tagline: 'Election-neutrality check for civil servants, TNI, Polri and village heads',
    privacy: 'Every check runs on your device. Nothing you type is sent anywhere.',
    tabCheck: 'Check', tabTrain: 'Training', tabRules: 'Rules',
    loading: 'Loading the rules engine…', loadFailed: 'The rules engine failed to load. Please reload the page.',
    trainingFailed: 'The training part could not be loaded. Check the connection, then open this tab again.',
    checkTitle: 'Does this act break the neutrality rules?',
    incidentLabel: 'Describe what you did or plan to do',
    incidentHint: 'Say who you are (e.g. PNS, PPPK, TNI/Polri member, village head) and what the act is. The result updates as you type.',
    incidentPlaceholder: 'Example: Saya PNS, saya like postingan kampanye caleg di Facebook',
    examplesTitle: 'Try an example:', printIncident: 'Description of the incident', resultTitle: 'Result',
    printResult: 'Print result', factsTitle: 'Add facts (optional)',
    factsHint: 'What you choose here overrides what is read from the text.', factsClear: 'Clear the answers',
    unknown: '— not known —', fromText: 'Read from the text: {v}', noQuestions: 'These rules ask for no further facts.',
    evidenceTitle: 'Words that decided:',
    vs_violation: 'This act is prohibited. The legal basis and sanction are below.',
    vs_allowed: 'No prohibition is met under the rules in force.',
    vs_needs_more_info: 'The answer depends on something you have not said yet.',
    vk_violation: 'Violation', vk_allowed: 'Allowed', vk_needs_more_info: 'Needs info',
    emptyTitle: 'Nothing described yet', emptyText: 'Write a description in the text box or pick an example. The result appears here at once.',
    prohibition: 'Prohibition', permission: 'Permission', because: 'Because',
    possibleTitle: 'Rules that may apply', waitsOn: 'Depends on: {f}',
    nearlyTitle: 'Why this is not a violation', nearlyIf: 'would apply with: {l}',
    followUp: 'One more question', answer: 'Answer', answerActs: 'Send the choice', knownFacts: 'Known facts', yes: 'Yes', no: 'No',
    activeCustom: 'Check is using the rules you edited in the Rules tab.', useBuiltin: 'Use the built-in rules',
    incidentError: 'This description cannot be checked:',
    quizTitle: 'Neutrality quiz', quizRestart: 'Restart the quiz',
    summaryTitle: 'Training summary', summaryPrint: 'Print summary',
    libraryTitle: 'Case library', libraryHint: 'Every case comes from an example written in the rules, with its expected verdict.',
    libraryFilter: 'Filter cases', noMatch: 'Nothing matches.',
    editorTitle: 'Rule editor', editorBuiltin: 'Restore the built-in rules', editorLabel: 'Rule text',
    editorHint: 'Edit the rules here. Problems appear as you type; valid rules are used by the Check tab at once.',
    edValid: 'Valid: {r} rules, used by the Check tab.', edBuiltin: 'Built-in rules: {r} rules.',
    edErrors: '{n} errors. The Check tab keeps the last valid rules.', edWarnings: '{n} warnings.',
    diagTitle: 'Problems', diagNone: 'No errors or warnings.', lineCol: 'line {l}:{c}',
    error: 'Error', warning: 'Warning', hint: 'Hint: {h}',
    edTimeout: 'Check stopped: it took more than {s} seconds. The Check tab keeps the last valid rules; your text stays saved.',
    savedSlow: 'Your saved rules were not checked within {s} seconds, so the check was stopped and the Check tab uses the built-in rules. Your rule text is not lost: it is still saved in the Rules tab.',
    openSaved: 'Open the saved rules',
    examplesRunTitle: 'Examples in the rules', exPass: 'pass', exFail: 'fail', exSummary: '{p} of {t} examples pass.',
    exNone: 'No examples yet.', exBlocked: 'Fix the errors to run the examples.', exGot: 'got: {v}',
    ruleListTitle: 'Rule list', ruleFilter: 'Search the rules', rulesEmpty: 'No rules yet.', ruleExamples: 'Examples',
    disclaimer: 'Netral helps people understand the rules; it is not official legal advice. The final decision rests with Bawaslu, BKN and the competent officials.',
    clearData: 'Delete my data', cleared: 'Your data on this device has been deleted.', undo: 'Undo',
    storageFull: 'The storage on this device is full: your latest text has not been saved and will be lost if the page is reloaded. Please copy it if you still need it.',
    langSwitch: 'Bahasa Indonesia', langSwitchLabel: 'Ganti ke Bahasa Indonesia', langSwitchLang: 'id',
    prompts: PROMPTS,
  },
};

/** The word `key` in the page's language (else Indonesian), with each `{name}` of `vars` filled in. */
export const t = (key, vars) => {
  let s = DICT[state.lang][key] ?? DICT.id[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
};

/** The page's own elements in its language: index.html's data-i18n texts and attributes, the title. */
export function translateStatic() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr, t(key));
    }
  }
  const sw = $('lang-switch');
  sw.textContent = t('langSwitch');
  sw.setAttribute('lang', t('langSwitchLang'));
  sw.setAttribute('aria-label', t('langSwitchLabel'));
  $('library-filter').placeholder = '';
  document.title = `Netral — ${t('tagline')}`;
}
