//! "Why not": for an `allowed` verdict, the prohibitions nearest to holding and what each lacks.
//! "Saya PNS, saya like foto ulang tahun teman" is allowed; the nearest prohibition is the one on
//! liking a candidate's content, which lacks exactly that act. "Saya karyawan swasta, saya like
//! postingan kampanye caleg" is allowed; the same prohibition lacks only the person being an ASN.

use super::tri::{self, Tri, Val};
use crate::rulebook::{Cond, Rulebook};
use crate::verdict::RuleKind;

/// At most this many prohibitions are named, and only those this few conditions away.
const MAX_RULES: usize = 3;
const MAX_LACKING: u32 = 2;

/// A condition leaf and the value it would need (`true`: hold; `false`: not hold).
pub(crate) type Lack<'b> = (&'b Cond, bool);

/// The prohibitions nearest to holding, each with the leaves that would have to change: fewest
/// first, then those with the most in common with the incident (leaves that hold), then the
/// heaviest sanction. A prohibition counts only when something the incident says is already part
/// of it (one of its leaves holds), its `unless` does not hold, and no permission that holds
/// excuses it.
pub(crate) fn nearest<'b>(book: &'b Rulebook, vals: &[Val], effective: &[Tri]) -> Vec<(usize, Vec<Lack<'b>>)> {
    let mut found: Vec<(u32, u32, u32, usize)> = vec![];
    for (i, r) in book.rules.iter().enumerate() {
        if r.kind != RuleKind::Prohibition || effective[i] == Tri::True {
            continue;
        }
        // Cheapest test first: most prohibitions are more than two conditions away.
        let cost = cost(&r.cond, vals, true);
        if !(1..=MAX_LACKING).contains(&cost) {
            continue;
        }
        let excused = r.excused_by.iter().any(|&p| effective[p as usize] == Tri::True);
        if excused || r.unless.as_ref().is_some_and(|u| tri::eval(u, vals) == Tri::True) {
            continue;
        }
        let mut shared = 0;
        tri::true_leaves(&r.cond, vals, &mut |_| shared += 1);
        if shared > 0 {
            found.push((cost, shared, r.weight, i));
        }
    }
    found.sort_by_key(|&(cost, shared, weight, i)| (cost, std::cmp::Reverse(shared), std::cmp::Reverse(weight), i));
    found
        .into_iter()
        .take(MAX_RULES)
        .map(|(_, _, _, i)| {
            let mut lacking = vec![];
            collect(&book.rules[i].cond, vals, true, &mut lacking);
            (i, lacking)
        })
        .collect()
}

/// How many leaves must change for `c` to evaluate to `want` (`u32::MAX`: it cannot).
fn cost(c: &Cond, vals: &[Val], want: bool) -> u32 {
    match c {
        Cond::Const(b) => {
            if *b == want {
                0
            } else {
                u32::MAX
            }
        }
        Cond::Not(x) => cost(x, vals, !want),
        Cond::And(v) | Cond::Or(v) => {
            // An `and` must have every part hold; an `or` must have every part fail.
            let every = matches!(c, Cond::And(_)) == want;
            let costs = v.iter().map(|x| cost(x, vals, want));
            if every {
                costs.fold(0u32, u32::saturating_add)
            } else {
                costs.min().unwrap_or(u32::MAX)
            }
        }
        leaf => u32::from(tri::eval(leaf, vals) != Tri::from(want)),
    }
}

/// The leaves behind `cost`, in the order the condition names them.
fn collect<'b>(c: &'b Cond, vals: &[Val], want: bool, out: &mut Vec<Lack<'b>>) {
    match c {
        Cond::Const(_) => {}
        Cond::Not(x) => collect(x, vals, !want, out),
        Cond::And(v) | Cond::Or(v) => {
            if matches!(c, Cond::And(_)) == want {
                v.iter().for_each(|x| collect(x, vals, want, out));
            } else if let Some(x) = v.iter().min_by_key(|x| cost(x, vals, want)) {
                collect(x, vals, want, out);
            }
        }
        leaf => {
            if tri::eval(leaf, vals) != Tri::from(want) {
                out.push((leaf, want));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Incident, Rulebook, VerdictKind};

    fn nearly(text: &str) -> (VerdictKind, Vec<(String, Vec<String>)>) {
        let inc = Incident { text: text.into(), ..Default::default() };
        let v = Rulebook::builtin().classify(&inc).unwrap();
        (
            v.verdict,
            v.nearly.iter().map(|n| (n.rule.to_string(), n.lacking.iter().map(|l| l.to_string()).collect())).collect(),
        )
    }

    #[test]
    fn a_private_worker_is_told_which_status_would_make_it_a_violation() {
        let (verdict, nearly) = nearly("Saya karyawan swasta, saya like postingan kampanye caleg di Facebook");
        assert_eq!(verdict, VerdictKind::Allowed);
        let asn = nearly.iter().find(|(r, _)| r == "asn_social_media_engagement").expect("the ASN rule is nearest");
        assert_eq!(asn.1.len(), 1, "{asn:?}");
        assert!(asn.1[0].contains("ASN"), "{asn:?}");
    }

    #[test]
    fn only_an_allowed_verdict_says_why_not() {
        assert!(nearly("Saya PNS, saya like postingan kampanye caleg di Facebook").1.is_empty());
        let (verdict, nearly) = nearly("Saya PNS, saya like foto ulang tahun teman");
        assert_eq!(verdict, VerdictKind::Allowed);
        assert!(!nearly.is_empty() && nearly.len() <= super::MAX_RULES);
        assert!(nearly.iter().all(|(_, lacking)| !lacking.is_empty() && lacking.len() <= super::MAX_LACKING as usize));
    }
}
