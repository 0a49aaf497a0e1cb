#!/usr/bin/env python3
"""What the WebAssembly modules' bytes are spent on: `make size-parts` (after `make web`).

For each module `make web` built (the classify module, www/pkg/, then the editor module,
www/pkg-editor/; their unoptimised builds are kept beside each other in target/), rebuilds the
optimised module with its function names kept (wasm-bindgen without
--remove-name-section, wasm-opt -g, the same passes as `make web`), then sorts each function's
code into a part of Netral by its Rust path, and the data into the embedded rule sources and the
rest. Each part is gzipped on its own, so the figures add up to a little more than the module's
gzip size; they say where bytes go, for deciding what must earn its place.
"""
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RAW_DIR = os.path.join(ROOT, "target/wasm32-unknown-unknown/wasm")
# The module of each folder of www/, as `make module` keeps it.
MODULES = [("classify module (www/pkg/)", "netral-pkg.wasm"), ("editor module (www/pkg-editor/)", "netral-pkg-editor.wasm")]
WASM_OPT = os.path.join(ROOT, "node_modules/.bin/wasm-opt")
PASSES = ["--low-memory-unused", "--flatten", "--rereloop", "-Oz", "-Oz"]
FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
            "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]

# First match wins: a function's part is the first of these found in its demangled name.
PARTS = [
    ("netral::syntax", "rule-language parser (pest grammar) and lowering"),
    ("pest", "rule-language parser (pest grammar) and lowering"),
    ("netral::check", "checker (names, types, lints, examples)"),
    ("netral::diagnostic", "checker (names, types, lints, examples)"),
    ("netral::snapshot", "snapshot reader"),
    ("netral::text", "text reader (normalise, stem, negation, dates)"),
    ("netral::words", "text reader (normalise, stem, negation, dates)"),
    ("netral::eval", "evaluator (three-valued rules, explanation, question)"),
    ("netral::lean", "evaluator (three-valued rules, explanation, question)"),
    ("netral::rulebook", "evaluator (three-valued rules, explanation, question)"),
    ("netral::verdict", "JS boundary (serde, wasm-bindgen)"),
    ("netral::info", "JS boundary (serde, wasm-bindgen)"),
    ("netral::wasm", "JS boundary (serde, wasm-bindgen)"),
    ("serde", "JS boundary (serde, wasm-bindgen)"),
    ("wasm_bindgen", "JS boundary (serde, wasm-bindgen)"),
    ("js_sys", "JS boundary (serde, wasm-bindgen)"),
    ("externref shim", "JS boundary (serde, wasm-bindgen)"),
]
OTHER_CODE = "std, core, alloc, allocator"


class Reader:
    def __init__(self, data, at=0):
        self.b, self.i = data, at

    def byte(self):
        self.i += 1
        return self.b[self.i - 1]

    def leb(self):
        value, shift = 0, 0
        while True:
            x = self.byte()
            value |= (x & 0x7F) << shift
            shift += 7
            if x < 0x80:
                return value

    def bytes(self, n):
        self.i += n
        return self.b[self.i - n:self.i]

    def name(self):
        return self.bytes(self.leb()).decode("utf-8", "replace")

    def const_expr(self):
        # i32.const / global.get … end
        while self.byte() != 0x0B:
            pass


def sections(module):
    r = Reader(module, 8)
    while r.i < len(module):
        sid, size = r.byte(), None
        size = r.leb()
        yield sid, Reader(module, r.i), size
        r.i += size


def read_module(module):
    imported, bodies, names, data = 0, [], {}, []
    for sid, r, size in sections(module):
        end = r.i + size
        if sid == 2:  # imports: functions shift the index space
            for _ in range(r.leb()):
                r.name(), r.name()
                kind = r.byte()
                if kind == 0:
                    r.leb()
                    imported += 1
                elif kind == 1:
                    r.byte()
                    flags = r.leb()
                    r.leb()
                    if flags & 1:
                        r.leb()
                elif kind == 2:
                    flags = r.leb()
                    r.leb()
                    if flags & 1:
                        r.leb()
                elif kind == 3:
                    r.byte(), r.byte()
        elif sid == 10:
            for _ in range(r.leb()):
                bodies.append(r.bytes(r.leb()))
        elif sid == 11:
            for _ in range(r.leb()):
                flags = r.leb()
                if flags == 2:
                    r.leb()
                if flags != 1:
                    r.const_expr()
                data.append(r.bytes(r.leb()))
        elif sid == 0 and r.name() == "name":
            while r.i < end:
                kind, sub = r.byte(), r.leb()
                sub_end = r.i + sub
                if kind == 1:
                    for _ in range(r.leb()):
                        index = r.leb()
                        names[index] = r.name()
                r.i = sub_end
    return [(names.get(imported + k, "?"), body) for k, body in enumerate(bodies)], data


def part_of(name):
    name = re.sub(r"\[[0-9a-f]{16}\]", "", name)
    return next((part for key, part in PARTS if key in name), OTHER_CODE)


def report(title, raw_path):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["wasm-bindgen", "--target", "web", "--experimental-reset-state-function", "--out-name", "netral",
                        "--out-dir", tmp, raw_path], check=True)
        named = os.path.join(tmp, "netral_bg.wasm")
        subprocess.run([WASM_OPT, "-g", *PASSES, *FEATURES, named, "-o", named], check=True)
        module = open(named, "rb").read()
    functions, segments = read_module(module)
    parts = collections.defaultdict(bytearray)
    for name, body in functions:
        parts[part_of(name)] += body
    data = b"\0".join(segments)
    rest = data
    sources = bytearray()
    for f in sorted(glob.glob(os.path.join(ROOT, "rules/*.rules"))):
        text = open(f, "rb").read()
        if text in rest:
            rest = rest.replace(text, b"", 1)
            sources += text
    if sources:
        parts["data: the rule sources (shown in the editor)"] = sources
    parts["data: snapshot, word lists, messages"] = rest
    print(f"{title:72} {'raw KB':>8} {'gzip KB':>8}")
    total = 0
    for part, raw in sorted(parts.items(), key=lambda kv: -len(zlib.compress(bytes(kv[1]), 9))):
        z = len(zlib.compress(bytes(raw), 9))
        total += z
        print(f"  {part:70} {len(raw) / 1000:8.1f} {z / 1000:8.1f}")
    print(f"  {'sum (each part gzipped alone)':70} {'':8} {total / 1000:8.1f}")
    snapshot = os.path.join(ROOT, "target/netral.snapshot")
    if os.path.exists(snapshot) and open(snapshot, "rb").read()[-64:] in data:
        snap = open(snapshot, "rb").read()
        print(f"  {'of the data: the snapshot of the built-in rulebook (alone)':70} "
              f"{len(snap) / 1000:8.1f} {len(zlib.compress(snap, 9)) / 1000:8.1f}")


def main():
    found = [(t, os.path.join(RAW_DIR, f)) for t, f in MODULES if os.path.exists(os.path.join(RAW_DIR, f))]
    if not found:
        sys.exit(f"no module in {RAW_DIR}: run `make web` first")
    for i, (title, raw_path) in enumerate(found):
        if i:
            print()
        report(title, raw_path)


if __name__ == "__main__":
    main()
