//! The code's layout keeps its promises (docs/architecture.md, "The shape"): no module imports
//! another that imports it back, directly or around a loop, and no source file grows past about
//! 600 lines without saying why at its top ("Long file:").

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/sim/ai/mod.rs` → `sim::ai`; `src/ui/panels/top_bar.rs` → `ui::panels::top_bar`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The module paths a file names: `crate::a::b…` and `super::x`, outside comments.
fn named_paths(module: &str, text: &str) -> Vec<String> {
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (prefix, base) in [("crate::", ""), ("super::", parent)] {
            let mut rest = code;
            while let Some(i) = rest.find(prefix) {
                rest = &rest[i + prefix.len()..];
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
                    .collect();
                let path = path.trim_end_matches(':');
                if !path.is_empty() {
                    out.push(if base.is_empty() {
                        path.to_string()
                    } else {
                        format!("{base}::{path}")
                    });
                }
            }
        }
    }
    out
}

#[test]
fn no_module_imports_itself_round_a_loop() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    // The longest known module a path names.
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len())
            .rev()
            .map(|n| parts[..n].join("::"))
            .find(|m| modules.contains(m))
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let m = module_of(&src, f);
        if m == "lib" || m == "main" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        for p in named_paths(&m, &text) {
            // A module may use its ancestors' items (`super::*`): that is nesting, not a loop.
            if let Some(r) = resolve(&p)
                && r != m
                && !m.starts_with(&format!("{r}::"))
            {
                edges.entry(m.clone()).or_default().insert(r);
            }
        }
    }
    // Areas (the first segment) must not loop either.
    let mut areas: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, bs) in &edges {
        for b in bs {
            let (x, y) = (a.split("::").next().unwrap(), b.split("::").next().unwrap());
            if x != y {
                areas.entry(x.to_string()).or_default().insert(y.to_string());
            }
        }
    }
    for graph in [&edges, &areas] {
        // Depth-first search for a back edge; report the loop it closes.
        fn visit(
            n: &str,
            g: &BTreeMap<String, BTreeSet<String>>,
            stack: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> Option<Vec<String>> {
            if let Some(i) = stack.iter().position(|s| s == n) {
                let mut cycle = stack[i..].to_vec();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            if done.contains(n) {
                return None;
            }
            stack.push(n.to_string());
            for next in g.get(n).into_iter().flatten() {
                if let Some(c) = visit(next, g, stack, done) {
                    return Some(c);
                }
            }
            stack.pop();
            done.insert(n.to_string());
            None
        }
        let mut done = BTreeSet::new();
        for n in graph.keys() {
            if let Some(cycle) = visit(n, graph, &mut Vec::new(), &mut done) {
                panic!("an import loop: {}", cycle.join(" -> "));
            }
        }
    }
    assert!(
        edges.len() > 20,
        "the graph was read: {} modules with imports",
        edges.len()
    );
}

#[test]
fn long_files_say_why() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let unexplained: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let lines = text.lines().count();
            let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
            (lines > 600 && !head.contains("Long file:")).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "over 600 lines without a 'Long file:' reason at the top: {unexplained:?}"
    );
}
