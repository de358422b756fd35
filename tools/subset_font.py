#!/usr/bin/env python3
"""Regenerate assets/fonts/TradecraftSansJP.otf: the Japanese glyphs the game draws, cut from
Noto Sans CJK JP Regular (SIL Open Font License 1.1, assets/fonts/OFL.txt).

The subset holds kana, CJK punctuation, full-width forms, the 2,965 kanji of JIS X 0208
level 1 (the everyday set: what a teacher or player types into a note is almost always
there), and every other character in the Japanese message files (assets/i18n/ja/) and the
scenarios' Japanese texts (levels/). egui falls back to it for any glyph its own fonts lack.

Needs: Debian's fonts-noto-cjk (or NOTO_CJK=path/to/NotoSansCJK-Regular.ttc) and fonttools
(`pip install fonttools`). Run from the repository's top: `python3 tools/subset_font.py`.
The game's test `i18n::every_japanese_message_has_its_glyphs` fails when a message uses a
character the subset lacks: run this script again then.
"""

import os
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = os.environ.get("NOTO_CJK", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "assets" / "fonts" / "TradecraftSansJP.otf"
FAMILY = "Tradecraft Sans JP"

RANGES = [
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x309F),  # hiragana
    (0x30A0, 0x30FF),  # katakana
    (0x31F0, 0x31FF),  # katakana phonetic extensions
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x2010, 0x206F),  # general punctuation (dashes, quotes, ellipsis)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (circled numbers)
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols
    (0x00A0, 0x00FF),  # Latin-1 punctuation and signs
]


def jis_level_1():
    """The kanji of JIS X 0208 level 1: rows 16 to 47, EUC-JP bytes 0xB0A1 to 0xCFD3."""
    out = set()
    for hi in range(0xB0, 0xD0):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("euc_jp"))
            except UnicodeDecodeError:
                pass
    return out


def used_characters():
    out = set()
    for folder, pattern in ((ROOT / "assets" / "i18n" / "ja", "*.ftl"), (ROOT / "levels", "**/*.ron")):
        for path in sorted(folder.glob(pattern)):
            out.update(path.read_text(encoding="utf-8"))
    return {c for c in out if ord(c) > 0x7F}


def main():
    chars = set()
    for lo, hi in RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    chars |= jis_level_1()
    chars |= used_characters()
    collection = TTCollection(SOURCE)
    font = next(f for f in collection.fonts if f["name"].getDebugName(4) == "Noto Sans CJK JP")
    options = subset.Options()
    options.layout_features = ["kern", "palt", "halt", "locl"]
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(font)
    # A modified version goes by a name of its own (OFL 1.1, condition 3 asks it of reserved
    # names; the new name also keeps it apart from an installed Noto font).
    names = font["name"]
    for rec in names.names:
        if rec.nameID in (1, 4, 16):
            rec.string = FAMILY if rec.nameID != 4 else FAMILY + " Regular"
        elif rec.nameID == 6:
            rec.string = "TradecraftSansJP-Regular"
        elif rec.nameID == 3:
            rec.string = "TradecraftSansJP-Regular;subset of Noto Sans CJK JP"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    missing = sorted(c for c in used_characters() if ord(c) not in font.getBestCmap())
    print(f"{OUT.relative_to(ROOT)}: {len(font.getBestCmap())} characters, {OUT.stat().st_size:,} bytes")
    if missing:
        print("not in Noto Sans CJK JP:", "".join(missing), file=sys.stderr)


if __name__ == "__main__":
    main()
