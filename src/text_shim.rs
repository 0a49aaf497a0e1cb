//! Temporary shim.
pub struct Token { pub start: u32, pub end: u32, pub negated: bool, pub sentence: u32 }
pub struct Analysis { toks: Vec<Token>, words: Vec<String> }
impl Analysis { pub fn tokens(&self) -> &[Token] { &self.toks } pub fn word(&self, i: usize) -> &str { &self.words[i] } pub fn stem(&self, i: usize) -> &str { &self.words[i] } }
pub fn analyse(text: &str) -> Analysis {
  let mut toks = vec![]; let mut words = vec![]; let mut neg = false;
  let mut start = None;
  for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
    if c.is_alphanumeric() { if start.is_none() { start = Some(i) } } else if let Some(s) = start.take() {
      let w = text[s..i].to_lowercase(); let is_neg = w == "tidak" || w == "bukan" || w == "ga";
      toks.push(Token { start: s as u32, end: i as u32, negated: neg && !is_neg, sentence: 0 }); words.push(w); neg = neg || is_neg;
      if c == ',' || c == '.' { neg = false }
    }
  }
  Analysis { toks, words }
}
pub fn phrase_words(p: &str) -> Vec<(String, String)> { p.split_whitespace().map(|w| (w.to_lowercase(), w.to_lowercase())).collect() }
pub struct FoundDate { pub day: i32, pub start: u32, pub end: u32 }
pub fn find_dates(_t: &str) -> Vec<FoundDate> { vec![] }
pub fn parse_iso_date(s: &str) -> Option<i32> { let p: Vec<i32> = s.split('-').filter_map(|x| x.parse().ok()).collect(); (p.len()==3).then(|| p[0]*372+p[1]*31+p[2]) }
pub fn format_iso_date(d: i32) -> String { format!("{}", d) }
