//! Three-valued (Kleene) logic over fact values: a condition on an unknown fact is `Unknown`,
//! `false and unknown` is false, `true or unknown` is true.

use crate::rulebook::{CmpOp, Cond, FactId};

/// True, false or not known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Definitely false.
    False,
    /// Depends on facts not known.
    Unknown,
    /// Definitely true.
    True,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
}

impl Tri {
    #[inline]
    pub(crate) fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
    #[inline]
    pub(crate) fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }
    #[inline]
    pub(crate) fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
}

/// The value of one fact for one incident.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Val {
    /// Not known (for enums: any value).
    Unknown,
    Bool(bool),
    /// An enum fact: the set of values still possible (one bit: known).
    Set(u64),
    /// Days since 1970-01-01.
    Date(i32),
    /// Some day of a range, first and last inclusive, read from text ("Juli 2024"): a test
    /// holds when it holds for every day of the range, fails when it fails for every day, and
    /// is unknown when the range straddles its boundary.
    DateRange(i32, i32),
    Num(f64),
}

/// Evaluates a condition.
#[cfg_attr(netral_speed, optimize(speed))]
pub(crate) fn eval(c: &Cond, facts: &[Val]) -> Tri {
    match c {
        Cond::And(v) => {
            let mut acc = Tri::True;
            for x in v {
                acc = acc.and(eval(x, facts));
                if acc == Tri::False {
                    break;
                }
            }
            acc
        }
        Cond::Or(v) => {
            let mut acc = Tri::False;
            for x in v {
                acc = acc.or(eval(x, facts));
                if acc == Tri::True {
                    break;
                }
            }
            acc
        }
        Cond::Not(x) => eval(x, facts).not(),
        Cond::Const(b) => tri(*b),
        Cond::IsTrue(f) => match get(facts, *f) {
            Val::Bool(b) => tri(b),
            _ => Tri::Unknown,
        },
        Cond::InSet(f, mask) => match get(facts, *f) {
            Val::Set(m) if m & !mask == 0 && m != 0 => Tri::True,
            Val::Set(m) if m & mask == 0 => Tri::False,
            _ => Tri::Unknown,
        },
        Cond::DateIn(f, s, e, _) => match get(facts, *f) {
            Val::Date(d) => tri(*s <= d && d <= *e),
            Val::DateRange(a, b) => range_in(a, b, f64::from(*s), f64::from(*e)),
            _ => Tri::Unknown,
        },
        Cond::Cmp(f, op, x) => {
            let holds = |v: f64| match op {
                CmpOp::Eq => v == *x,
                CmpOp::Ne => v != *x,
                CmpOp::Lt => v < *x,
                CmpOp::Le => v <= *x,
                CmpOp::Gt => v > *x,
                CmpOp::Ge => v >= *x,
            };
            match get(facts, *f) {
                Val::Num(n) => tri(holds(n)),
                Val::Date(d) => tri(holds(d as f64)),
                Val::DateRange(a, b) => range_cmp(a, b, *op, *x),
                _ => Tri::Unknown,
            }
        }
    }
}

/// A range of days `a..=b` against a test of one day, given as the interval of days where it
/// holds, `lo..=hi`: true when the range lies inside, false when outside, unknown when it
/// straddles an end.
fn range_in(a: i32, b: i32, lo: f64, hi: f64) -> Tri {
    let (a, b) = (f64::from(a), f64::from(b));
    if lo <= a && b <= hi {
        Tri::True
    } else if b < lo || a > hi {
        Tri::False
    } else {
        Tri::Unknown
    }
}

/// A range of days against a comparison with `x` (a day number: dates in rule files are whole
/// days): each comparison holds on an interval, `!=` on everything but `x`.
fn range_cmp(a: i32, b: i32, op: CmpOp, x: f64) -> Tri {
    const INF: f64 = f64::INFINITY;
    match op {
        CmpOp::Lt => range_in(a, b, -INF, x - 1.0),
        CmpOp::Le => range_in(a, b, -INF, x),
        CmpOp::Gt => range_in(a, b, x + 1.0, INF),
        CmpOp::Ge => range_in(a, b, x, INF),
        CmpOp::Eq => range_in(a, b, x, x),
        CmpOp::Ne => range_in(a, b, x, x).not(),
    }
}

#[inline]
fn get(facts: &[Val], f: FactId) -> Val {
    facts.get(f as usize).copied().unwrap_or(Val::Unknown)
}

#[inline]
fn tri(b: bool) -> Tri {
    if b {
        Tri::True
    } else {
        Tri::False
    }
}

/// Calls `f` on every fact whose leaf evaluates to `Unknown` in `c`.
pub(crate) fn unknown_facts(c: &Cond, facts: &[Val], f: &mut impl FnMut(FactId)) {
    match c {
        Cond::And(v) | Cond::Or(v) => v.iter().for_each(|x| unknown_facts(x, facts, f)),
        Cond::Not(x) => unknown_facts(x, facts, f),
        Cond::Const(_) => {}
        Cond::IsTrue(id) | Cond::InSet(id, _) | Cond::DateIn(id, ..) | Cond::Cmp(id, ..) => {
            if eval(c, facts) == Tri::Unknown {
                f(*id)
            }
        }
    }
}

/// Calls `f` on every leaf of `c` that evaluates to `True` (for "because" explanations).
pub(crate) fn true_leaves<'a>(c: &'a Cond, facts: &[Val], f: &mut impl FnMut(&'a Cond)) {
    match c {
        Cond::And(v) | Cond::Or(v) => v.iter().for_each(|x| true_leaves(x, facts, f)),
        // A negated leaf that holds is explained by its own words ("not: …").
        Cond::Not(x) => {
            if eval(c, facts) == Tri::True && !matches!(**x, Cond::And(_) | Cond::Or(_)) {
                f(c)
            }
        }
        Cond::Const(_) => {}
        _ => {
            if eval(c, facts) == Tri::True {
                f(c)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_tables() {
        use Tri::*;
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(Unknown.not(), Unknown);
    }

    #[test]
    fn a_range_of_days_is_known_only_when_all_its_days_agree() {
        // Juli 2024 (19_905..=19_935) against a period, and against comparisons.
        let july = [Val::DateRange(19_905, 19_935)];
        assert_eq!(eval(&Cond::DateIn(0, 19_800, 20_000, 0), &july), Tri::True);
        assert_eq!(eval(&Cond::DateIn(0, 19_936, 20_000, 0), &july), Tri::False);
        assert_eq!(eval(&Cond::DateIn(0, 19_920, 20_000, 0), &july), Tri::Unknown);
        assert_eq!(eval(&Cond::Cmp(0, CmpOp::Ge, 19_905.0), &july), Tri::True);
        assert_eq!(eval(&Cond::Cmp(0, CmpOp::Lt, 19_905.0), &july), Tri::False);
        assert_eq!(eval(&Cond::Cmp(0, CmpOp::Ge, 19_920.0), &july), Tri::Unknown);
        assert_eq!(eval(&Cond::Cmp(0, CmpOp::Ne, 19_920.0), &july), Tri::Unknown);
        assert_eq!(eval(&Cond::Cmp(0, CmpOp::Ne, 19_000.0), &july), Tri::True);
        assert_eq!(eval(&Cond::Cmp(0, CmpOp::Eq, 19_920.0), &july), Tri::Unknown);
    }

    #[test]
    fn set_membership_is_unknown_while_values_remain_on_both_sides() {
        let facts = [Val::Set(0b011)];
        assert_eq!(eval(&Cond::InSet(0, 0b111), &facts), Tri::True);
        assert_eq!(eval(&Cond::InSet(0, 0b001), &facts), Tri::Unknown);
        assert_eq!(eval(&Cond::InSet(0, 0b100), &facts), Tri::False);
        assert_eq!(eval(&Cond::InSet(0, 0b100), &[Val::Unknown]), Tri::Unknown);
    }
}
