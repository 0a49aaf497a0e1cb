//! Tests of date finding and ISO date conversion.

use super::*;

fn iso(text: &str) -> Vec<(String, &str)> {
    find_dates(text).into_iter().map(|d| (format_iso_date(d.day), &text[d.start as usize..d.end as usize])).collect()
}

#[test]
fn brief_forms() {
    for (text, want) in [
        ("14 Februari 2024", "14 Februari 2024"),
        ("14 Feb 2024", "14 Feb 2024"),
        ("14/2/2024", "14/2/2024"),
        ("2024-02-14", "2024-02-14"),
        ("February 14, 2024", "February 14, 2024"),
        ("14 February 2024", "14 February 2024"),
        ("14 feb. 2024", "14 feb. 2024"),
        ("14-Feb-2024", "14-Feb-2024"),
        ("14th February 2024", "14th February 2024"),
        ("Feb 14th 2024", "Feb 14th 2024"),
        ("14-02-2024", "14-02-2024"),
        ("14.02.2024", "14.02.2024"),
        ("2/14/2024", "2/14/2024"),
        ("2024/02/14", "2024/02/14"),
        ("14 PEBRUARI 2024", "14 PEBRUARI 2024"),
    ] {
        let text = format!("nyoblos tgl {text}, ok");
        let found = iso(&text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0], ("2024-02-14".to_string(), want), "{text}");
    }
}

#[test]
fn several_dates_and_months() {
    let t = "Tanggal 17 April 2019 dan 9 Desember 2020; lalu 27 Nov 2024, Agustus 17, 1945.";
    let got: Vec<String> = iso(t).into_iter().map(|d| d.0).collect();
    assert_eq!(got, ["2019-04-17", "2020-12-09", "2024-11-27", "1945-08-17"]);
    assert_eq!(iso("1 Mei 2024 / 1 May 2024")[1].0, "2024-05-01");
}

/// A month or part of a year is a range of days.
#[test]
fn months_and_parts_of_years_are_ranges() {
    fn range(text: &str) -> (String, String, &str) {
        let d = find_dates(text);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        (format_iso_date(d[0].day), format_iso_date(d[0].last), &text[d[0].start as usize..d[0].end as usize])
    }
    let r = |a: &str, b: &str, s: &'static str| (a.to_string(), b.to_string(), s);
    assert_eq!(range("pada Juli 2024 dia"), r("2024-07-01", "2024-07-31", "Juli 2024"));
    assert_eq!(range("bulan Februari 2024"), r("2024-02-01", "2024-02-29", "Februari 2024"));
    assert_eq!(range("in February 2023,"), r("2023-02-01", "2023-02-28", "February 2023"));
    assert_eq!(range("akhir Januari 2024"), r("2024-01-21", "2024-01-31", "akhir Januari 2024"));
    assert_eq!(range("awal bulan Oktober 2024"), r("2024-10-01", "2024-10-10", "awal bulan Oktober 2024"));
    assert_eq!(range("pertengahan Nov 2024"), r("2024-11-11", "2024-11-20", "pertengahan Nov 2024"));
    assert_eq!(range("the end of June 2024"), r("2024-06-21", "2024-06-30", "end of June 2024"));
    assert_eq!(range("akhir 2023"), r("2023-09-01", "2023-12-31", "akhir 2023"));
    assert_eq!(range("awal tahun 2024"), r("2024-01-01", "2024-04-30", "awal tahun 2024"));
    assert_eq!(range("mid-2024"), r("2024-05-01", "2024-08-31", "mid-2024"));
    assert_eq!(range("14 Juli 2024"), r("2024-07-14", "2024-07-14", "14 Juli 2024"));
    for text in ["Pemilu 2024", "tahun 2024", "Juli 2024/25", "akhir pekan"] {
        assert!(find_dates(text).is_empty(), "{text}: {:?}", find_dates(text));
    }
}

/// Invisible format characters are read as absent; the span keeps those inside the date.
#[test]
fn invisible_characters_inside_a_date() {
    assert_eq!(
        iso("tgl \u{200B}14 Feb\u{AD}ruari 20\u{200C}24\u{FEFF}, ok"),
        [("2024-02-14".to_string(), "14 Feb\u{AD}ruari 20\u{200C}24")]
    );
    assert_eq!(iso("14/\u{2060}2/2024")[0].1, "14/\u{2060}2/2024");
}

/// Tabs, line breaks and Unicode's spaces separate the parts of a date as a space does.
#[test]
fn every_space_separates_a_date() {
    for space in ["\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{202F}", "\u{3000}"] {
        let date = format!("14{space}Februari{space}2024");
        let text = format!("tgl{space}{date},{space}ok");
        assert_eq!(iso(&text), [("2024-02-14".to_string(), date.as_str())], "{text:?}");
    }
}

#[test]
fn not_dates() {
    for text in [
        "14 Februari",
        "kemarin",
        "yesterday",
        "31/2/2024",
        "30 Februari 2024",
        "29 Feb 2023",
        "14/2/24",
        "14 / 2 / 2024",
        "Pemilu 2024 nomor 14",
        "v1.14/2/2024",
        "14/2-2024",
        "2024.02.14",
        "12 Mei 3000",
        "",
    ] {
        assert!(find_dates(text).is_empty(), "{text}: {:?}", find_dates(text));
    }
    assert_eq!(iso("29 Feb 2024")[0].0, "2024-02-29");
}

#[test]
fn iso_conversion() {
    assert_eq!(parse_iso_date("1970-01-01"), Some(0));
    assert_eq!(parse_iso_date("2024-02-14"), Some(19_767));
    assert_eq!(parse_iso_date("1969-12-31"), Some(-1));
    assert_eq!(parse_iso_date("2000-02-29"), Some(11_016));
    for bad in [
        "2023-02-29",
        "1900-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-04-31",
        "2024-2-14",
        "2024/02/14",
        " 2024-02-14",
        "2024-02-14x",
        "२०२४-०२-१४",
        "abcd-ef-gh",
        "",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad}");
    }
    for day in [-800_000, -1, 0, 1, 19_767, 2_932_896, 100_000] {
        let s = format_iso_date(day);
        if s.len() == 10 {
            assert_eq!(parse_iso_date(&s), Some(day), "{s}");
        }
    }
    assert_eq!(format_iso_date(19_767), "2024-02-14");
    let _ = (format_iso_date(i32::MIN), format_iso_date(i32::MAX));
}

#[test]
fn odd_input_never_panics() {
    let long = "14/".repeat(50_000);
    for text in
        ["\u{0}", "14\u{301}/2/2024", "١٤/٢/٢٠٢٤", "99999999999999999999 Feb 2024", "14th", "🙂14 Feb 2024🙂", &long]
    {
        let _ = find_dates(text);
    }
    assert_eq!(iso("🙂14 Feb 2024🙂")[0].1, "14 Feb 2024");
}

/// Reading only the words around each four-digit number finds exactly what reading the whole
/// text finds, on texts built from date-like pieces.
#[test]
fn windows_find_what_the_whole_text_has() {
    const PIECES: &[&str] = &[
        "14",
        "2",
        "02",
        "2024",
        "1999",
        "12345",
        "Feb",
        "Februari",
        "September",
        "14th",
        "May",
        "-",
        "/",
        ".",
        ",",
        " ",
        "  ",
        "\n",
        "kampanye",
        "tgl",
        "🙂",
        "v1",
        "\u{a0}",
        "x2024",
        "\t",
        "\r\n",
        "\u{2009}",
        "\u{3000}",
        "\u{B}",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut dates = 0;
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..(seed % 24) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        seed = seed.wrapping_add(0x9e37_79b9);
        let mut whole = Vec::new();
        dates_in(&text, (0, text.len()), &mut whole);
        assert_eq!(find_visible(&text), whole, "{text:?}");
        dates += whole.len();
    }
    assert!(dates > 200, "the texts hold dates ({dates})");
}
