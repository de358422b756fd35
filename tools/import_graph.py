#!/usr/bin/env python3
"""Print the crate's module dependency graph and any cycles in it (issue: "no import loops").

Reads src/**/*.rs for `crate::a::b` and `super::x` paths. Usage: python3 tools/import_graph.py
Exits 1 if a cycle exists between top-level modules or between modules of one area.
"""
import collections, os, re, sys

def modname(path):
    p = path[len("src/"):-3]
    if p.endswith("/mod"):
        p = p[:-4]
    return p.replace("/", "::")

deps = collections.defaultdict(set)
mods = set()
for d, _, fs in os.walk("src"):
    for f in fs:
        if f.endswith(".rs") and f not in ("lib.rs", "main.rs"):
            path = os.path.join(d, f)
            m = modname(path)
            mods.add(m)
            text = open(path, encoding="utf-8").read()
            # Skip comments so a doc link does not count as an import.
            code = "\n".join(l.split("//")[0] for l in text.splitlines())
            for t in re.findall(r"crate::([a-z_]+(?:::[a-z_]+)*)", code):
                deps[m].add(t)
            parent = "::".join(m.split("::")[:-1])
            for t in re.findall(r"super::([a-z_]+)", code):
                deps[m].add(f"{parent}::{t}" if parent else t)

def resolve(t):
    """The longest known module that path `t` names."""
    parts = t.split("::")
    for i in range(len(parts), 0, -1):
        cand = "::".join(parts[:i])
        if cand in mods:
            return cand
    return None

edges = collections.defaultdict(set)
for m, ts in deps.items():
    for t in ts:
        r = resolve(t)
        if r and r != m and not m.startswith(r + "::"):
            edges[m].add(r)

top = collections.defaultdict(set)
for a, bs in edges.items():
    for b in bs:
        if a.split("::")[0] != b.split("::")[0]:
            top[a.split("::")[0]].add(b.split("::")[0])
for a in sorted(top):
    print(f"{a} -> {', '.join(sorted(top[a]))}")

def cycles(graph):
    found, seen = [], set()
    def dfs(n, stack):
        if n in stack:
            cyc = stack[stack.index(n):]
            key = frozenset(cyc)
            if key not in seen:
                seen.add(key)
                found.append(cyc + [n])
            return
        for x in sorted(graph.get(n, ())):
            dfs(x, stack + [n])
    for n in sorted(graph):
        dfs(n, [])
    return found

bad = cycles(top) + cycles(edges)
for c in bad:
    print("cycle: " + " -> ".join(c))
sys.exit(1 if bad else 0)
