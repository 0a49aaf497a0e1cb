//! Cycles and order among declarations that use one another (named patterns, concepts that
//! include concepts), found without recursion: a file may chain 100,000 of them
//! (`pattern p1 = p0`, `pattern p2 = p1`, …), and a recursive search would need a stack frame
//! for each.

/// No number given yet.
const NONE: u32 = u32::MAX;

/// The strongly connected components of the graph whose node `v` has the edges `edges[v]`: a
/// number per node, equal for nodes on a common cycle. An edge never leads to a higher number,
/// so handling nodes by increasing number handles what a node uses before the node itself.
/// (Tarjan's algorithm, with its call stack kept in a vector.)
pub(crate) fn components(edges: &[Vec<u32>]) -> Vec<u32> {
    let n = edges.len();
    let mut t = Tarjan {
        index: vec![NONE; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: vec![],
        comp: vec![NONE; n],
        next_index: 0,
        next_comp: 0,
    };
    for root in 0..n {
        if t.index[root] != NONE {
            continue;
        }
        // (node, how many of its edges have been followed)
        let mut calls = vec![(root, 0usize)];
        t.visit(root);
        while let Some(&(v, followed)) = calls.last() {
            match edges[v].get(followed).map(|&w| w as usize) {
                Some(w) => {
                    if let Some(call) = calls.last_mut() {
                        call.1 += 1;
                    }
                    if w >= n {
                        continue;
                    }
                    if t.index[w] == NONE {
                        t.visit(w);
                        calls.push((w, 0));
                    } else if t.on_stack[w] {
                        t.low[v] = t.low[v].min(t.index[w]);
                    }
                }
                None => {
                    calls.pop();
                    if let Some(&(u, _)) = calls.last() {
                        t.low[u] = t.low[u].min(t.low[v]);
                    }
                    if t.low[v] == t.index[v] {
                        t.close(v);
                    }
                }
            }
        }
    }
    t.comp
}

struct Tarjan {
    index: Vec<u32>,
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    comp: Vec<u32>,
    next_index: u32,
    next_comp: u32,
}

impl Tarjan {
    fn visit(&mut self, v: usize) {
        self.index[v] = self.next_index;
        self.low[v] = self.next_index;
        self.next_index += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
    }

    /// `v` is the first node of its component reached: the nodes above it on the stack are
    /// the rest of the component.
    fn close(&mut self, v: usize) {
        while let Some(w) = self.stack.pop() {
            self.on_stack[w] = false;
            self.comp[w] = self.next_comp;
            if w == v {
                break;
            }
        }
        self.next_comp += 1;
    }
}

/// Per node, whether it is on a cycle: it shares its component or uses itself.
pub(crate) fn on_cycle(edges: &[Vec<u32>], comp: &[u32]) -> Vec<bool> {
    let mut size = vec![0u32; comp.len()];
    for &c in comp {
        size[c as usize] += 1;
    }
    (0..comp.len()).map(|v| size[comp[v] as usize] > 1 || edges[v].contains(&(v as u32))).collect()
}

/// The nodes in an order that puts what a node uses before it (by component; declaration
/// order within one).
pub(crate) fn order(comp: &[u32]) -> Vec<usize> {
    let mut nodes: Vec<usize> = (0..comp.len()).collect();
    nodes.sort_by_key(|&v| comp[v]);
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_share_a_component_and_uses_come_first() {
        // 0 → 1 → 2 → 1, 3 → 3, 4 → 0
        let edges = vec![vec![1], vec![2], vec![1], vec![3], vec![0]];
        let comp = components(&edges);
        assert_eq!(comp[1], comp[2]);
        assert_ne!(comp[0], comp[1]);
        assert_ne!(comp[3], comp[0]);
        for (v, out) in edges.iter().enumerate() {
            for &w in out {
                assert!(comp[w as usize] <= comp[v], "{v} → {w}");
            }
        }
        assert_eq!(on_cycle(&edges, &comp), [false, true, true, true, false]);
        let order = order(&comp);
        let at = |v: usize| order.iter().position(|&x| x == v).unwrap();
        assert!(at(2) < at(0) && at(0) < at(4));
    }

    #[test]
    fn a_long_chain_needs_no_deep_stack() {
        let n = 200_000;
        let edges: Vec<Vec<u32>> = (0..n).map(|v| if v == 0 { vec![] } else { vec![v as u32 - 1] }).collect();
        let comp = components(&edges);
        assert!(comp.windows(2).all(|w| w[0] < w[1]));
    }
}
