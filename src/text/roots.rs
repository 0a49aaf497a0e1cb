//! Stemmer word lists: the roots the stemmer must recognise, and words with irregular stems.
//!
//! The stemmer has no dictionary. These lists are what it knows instead:
//! - a word in `ROOTS` as a root is never stemmed, and stemming stops as soon as it reaches one
//!   ("kampanye", "pejabat", "teman" look affixed but are roots);
//! - when a prefix hides the root's first letter (meN-, peN-, colloquial ng-/ny-, and
//!   ber-/ter-/per- before r), the root that is in `ROOTS` wins: "mengumpulkan" → "kumpul" (not
//!   "umpul") because "kumpul" is listed, "meminta" → "minta" (not "pinta"), "menyatakan" →
//!   "nyata";
//! - among several ways to take a word apart, one that ends on a listed root wins: "memberi" →
//!   "beri" (not "ber" + "-i"), "ajakan" → "ajak" (not "aja" + "-kan").
//!
//! Add a word here when the stemmer takes it apart wrongly, or give it its stem outright when no
//! rule can reach it ("mengetahui" → "tahu").

use super::lexicon::{lexicon, words};

/// What the stemmer knows about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Known {
    /// A root: never stemmed further.
    Root,
    /// A word with an irregular stem.
    Stem(&'static str),
}

lexicon!(
    /// Known roots and words that merely look affixed, grouped by the reason each is needed;
    /// then the words whose stem no rule reaches, as `word=stem`. One table: one lookup a word.
    pub(crate) static ROOTS: 1024 = words!(
    // Named by the brief, or domain words that look affixed.
    "dinas desa partai pilkada pemilu kampanye perangkat pegawai pejabat",
    "petahana berita kemarin teman pilpres pileg capres cawapres caleg calon",
    "bupati menteri pemerintah perintah pemprov pemkot pemkab pemda pemdes",
    "perpres perppu pergub perbup perwal perwali perkada perkap pemilukada",
    "kepala keluarga ketua kelurahan sekretaris sekda sekdes diklat disiplin",
    "direktur personel pelat pensiun penjara pengaruh penuh pendek pesan",
    "peserta pesawat pertama pernah perlu perang peran perempuan perkara",
    "periksa persis persen perut perwira terima teriak terang ternak terbit",
    "terus tertib terbang teras terap mereka memang menit merah mental",
    "mewah meriah merdeka mengerti berapa beras berat berani beranda bersih",
    "berkas berkat belum bukan jangan dengan bahkan akan tidak tanpa",
    "kemudian sekarang sedang ringan selama sebagai sesuai setiap seperti",
    "sebelum sesudah setelah serta segera sekali semoga seragam sendiri",
    "senang sehingga sebuah seorang selalu selesai sementara sepakat semangat",
    "sedikit sekadar selain setuju senin selasa sabtu sebab sehat sejarah",
    "sekitar sekolah sebelah sejumlah segala sejahtera selatan serang serah",
    "sepeda dinding dingin digital dini diri diam jalan makan rekan tekan",
    "badan tangan dewan taman zaman tuhan hujan depan lawan kawan bulan",
    "pimpin milik jabat dukung hadir pasang unggah bagi suka lapor laku",
    "tugas libat arah ajak pilih coblos awas langgar hukum sanksi saksi",
    "nikah kepolisian kejaksaan karyawan relawan wartawan pahlawan bawaslu",
    "panwaslu panwascam netral netralitas nonaktif cuti gaji",
    "nyaleg nyalon nyapres nyagub nyabup kades bumdes pergok mantan komandan pekan pencet",
    "maluku kantor",
    // Nouns that must not meet their verb: "postingan" (a post one may read) is not "posting",
    // "pencoblosan" (voting day) is not "coblos", "perseorangan" (independent) is not "seorang".
    "postingan unggahan pencoblosan perseorangan polwan babinsa seseorang",
    // Passive forms name what someone shared, not the speaker's sharing ("video yang dishare
    // teman"): the speaker says "saya share", "saya bagikan".
    "dishare dibagikan dibagiin diposting dipost diupload diunggah dilike dikomen direpost diforward",
    // "diajak" (was invited) is not "ajak" (invites); "ditetapkan", "penetapan" (determined) are
    // not "tetap" (still: "saya tetap ikut kampanye").
    "diajak diajakin ditetapkan penetapan menetapkan",
    // "kiriman" (something one received) is not "kirim" (to send).
    "kiriman",
    "kota provinsi kampung kabupaten negara instagram facebook whatsapp perdes polres",
    "kapolres mapolres reses",
    "sekretariat datang deklarasi sosialisasi koordinasi organisasi informasi instansi fasilitas",
    "lokasi posisi polisi aksi kursi opsi komisi bukti janji bantu kaus",
    "atribut stiker spanduk baliho poster foto video pose konten",
    // Roots ending in -i, so "-i" is not taken for a suffix ("memberi" → "beri").
    "beri jadi beli cari tari nanti isi cuci gali kunci hati mati lari",
    "mandi bunyi sembunyi pergi bumi tepi uji ganti pakai sampai",
    "mulai nilai pantai ramai santai damai pandai lalai tunai tinggi sepi",
    "mimpi kopi kali lagi pagi tadi padi puji suci benci sakti peduli",
    "rugi kendali mengenai hari istri suami negeri kami materi",
    "strategi ekonomi teknologi polri nasi roti energi mandiri kini sini",
    "ikut sengaja meski hadiah pribadi kembali abdi diskusi tani",
    // Roots ending in k, so "-kan" is not taken where "-an" was meant ("ajakan" → "ajak").
    "tolak tindak gerak bijak duduk masuk bentuk rusak letak cetak tarik",
    "desak tembak pajak injak tumpuk suntik tebak masak sidik didik naik",
    "baik balik pihak anak banyak bapak kakak adik jarak minyak tunjuk",
    "kotak rebak kelompok cocok pokok pungut pinjam",
    // First letters hidden by a nasal prefix: k- (meng-/peng-/ng- + vowel).
    "kumpul kenal kirim kata kunjung keluar komentar kosong kawal kalah",
    "kutip kena kelola kuasa kasih kembang kerja kecam kontrol kibar",
    "kurang kait kejar kemuka kuat kotor kubur kepung kemas kumandang",
    "kutuk kesan kupas kukuh koreksi kabar kritik kalkulasi",
    // m- (mem-/pem- + vowel; the default is p-).
    "minta muat minum mohon malu maju main mundur musuh menang muda",
    "manfaat maksud mahal marah miskin mudah muncul murni musnah mutasi",
    "mobilisasi manipulasi monitor masyarakat mulia mata mana makna mediasi",
    // n- (men-/pen- + vowel; the default is t-) and ny- (meny-/peny- + vowel; the default is s-).
    "nasihat nomor nama nyata nyanyi nyaman nyawa nyala nyaris nikmat",
    // c- (colloquial ny- + vowel: "nyoblos" → "coblos"; the default is s-).
    "coba cium catat colong copot cabut curi cerita cubit colek",
    // r- (ber-/ter-/per-/pe- + r: "berupa" → "rupa"; the default keeps the vowel).
    "rupa ragam rencana rumah rawat rasa rapat rekam ramal",
    // Indonesian words ending in -ing, so the English "-ing" is not taken off.
    "penting kucing asing sering kuning masing keliling samping paling saling",
    "banding tanding bimbing kambing anjing daging kering piring genting",
    "pusing miring guling gunting kencing cacing pening bening kening runcing",
    "ranting damping jaring saring gading suling sinting bonceng ngeri",
    // Words ending in -s or -es, so the English plural "-s" is not taken off.
    "proses akses sukses kongres progres stres protes ekspres kompres teks",
    "konteks indeks kompleks seks sains kaos status bus pers",
    // Words that end like a particle or a possessive (-lah, -kah, -pun, -ku, -mu, -nya).
    "masalah salah olah telah lelah belah jumlah istilah allah",
    "galah langkah berkah sedekah tingkah himpun ampun rumpun buku paku",
    "saku kuku suku beku selaku baku ilmu jamu temu tamu punya",
    "tanya hanya",
    // Irregular stems, and English words that begin like an Indonesian prefix.
    "mengetahui=tahu diketahui=tahu ketahui=tahu pengetahuan=tahu ketahuan=tahu ketemu=temu",
    "belajar=ajar pelajar=ajar pelajaran=ajar mempelajari=ajar dipelajari=ajar",
    "petugas=tugas pedagang=dagang petani=tani pesuruh=suruh",
    "members=member member=member meeting=meet meetings=meet photos=photo videos=video",
    "children=child people news this his its was has does perhaps during nothing something",
    "anything everything morning evening",
););

/// What the stemmer knows about the word `head` + `body`.
pub(crate) fn known(head: &str, body: &str) -> Option<Known> {
    ROOTS.get2(head, body).map(|v| if v.is_empty() { Known::Root } else { Known::Stem(v) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_plain_lowercase_words_once() {
        let mut seen = std::collections::HashSet::new();
        for (w, stem) in ROOTS.entries() {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(stem.bytes().all(|b| b.is_ascii_lowercase()), "{stem}");
            assert!(seen.insert(w), "duplicate word {w}");
        }
        assert!(seen.len() > 500);
        assert_eq!(known("", "tanya"), Some(Known::Root));
        assert_eq!(known("t", "anya"), Some(Known::Root));
        assert_eq!(known("", "diketahui"), Some(Known::Stem("tahu")));
        assert_eq!(known("", "member"), Some(Known::Stem("member")));
        assert_eq!(known("", "diketahu"), None);
    }
}
