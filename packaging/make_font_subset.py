#!/usr/bin/env python3
"""Build the kiosk's bundled Chinese fonts: subsets of Noto Sans CJK SC (Regular and Bold).

Qt wheels ship no fonts, so the kiosk registers these files with
``QFontDatabase.addApplicationFont`` at start-up. Each output is renamed to the family
"Noto Sans SC Kiosk" (SIL OFL 1.1 allows it; a system copy of Noto Sans CJK SC must not shadow it)
and holds:

* every character of GB2312 (6,763 hanzi plus its 682 symbols),
* ASCII, Latin-1, general punctuation, CJK symbols and punctuation, fullwidth forms,
  and the arrows / geometric shapes / dingbats that the source font has,
* every character used by any text file under ``resources/`` (*.toml, *.json, *.md, *.txt)
  at the time the script runs. Characters the source font lacks are reported and skipped.

Rerun it after changing any text under resources/ (output is byte-identical when nothing changed):

    python3 packaging/make_font_subset.py

Needs only the standard library and fontTools (``pip install fonttools``), plus the source
fonts from Debian's ``fonts-noto-cjk`` package (``apt-get install fonts-noto-cjk``) or the
same TTC files from upstream noto-cjk (pass their folder with ``--source-dir``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:  # pragma: no cover - message for operators
    sys.exit("make_font_subset.py needs fontTools: pip install fonttools")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RESOURCES = REPO_ROOT / "resources"
DEFAULT_OUTPUT_DIR = DEFAULT_RESOURCES / "fonts"

# Folders searched in order when --source-dir is not given (Debian/Ubuntu first).
SOURCE_DIR_CANDIDATES = (
    Path("/usr/share/fonts/opentype/noto"),  # Debian / Ubuntu fonts-noto-cjk
    Path("/usr/share/fonts/noto-cjk"),  # Arch noto-fonts-cjk
    Path("/usr/share/fonts/google-noto-cjk"),  # Fedora
    Path("/usr/share/fonts/opentype/noto-cjk"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
)

# (source TTC file name, output file name)
WEIGHTS = (
    ("NotoSansCJK-Regular.ttc", "NotoSansSC-Kiosk-Regular.otf"),
    ("NotoSansCJK-Bold.ttc", "NotoSansSC-Kiosk-Bold.otf"),
)

SC_FAMILY = "Noto Sans CJK SC"  # name ID 1 of the face we want inside the collection
# The subset gets a family name of its own: where the system has Debian's fonts-noto-cjk, Qt
# would otherwise pick the system face of the same name and PDFs would embed that one instead.
# The OFL allows renaming (the only Reserved Font Name upstream is "Source").
KIOSK_FAMILY = "Noto Sans SC Kiosk"
SC_FALLBACK_FONT_NUMBER = 2  # its index in the upstream/Debian TTC

TEXT_SUFFIXES = {".toml", ".json", ".md", ".txt"}

# Ranges included as far as the source font has them: (first, last) inclusive.
FIXED_RANGES = (
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1 supplement: punctuation (¥ £ § ° ± · « »), × ÷ and letters
    (0x2000, 0x206F),  # general punctuation (— – ‘ ’ “ ” … ‰ ※)
    (0x20A0, 0x20CF),  # currency symbols (€)
    (0x2100, 0x214F),  # letterlike symbols (℃ № ™)
    (0x2150, 0x218F),  # number forms (⅓ Ⅰ Ⅱ Ⅲ ⅰ)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (− ≤ ≥ ≠ ≈ √ ∑)
    (0x2460, 0x24FF),  # enclosed alphanumerics (① ② ⑪ ⑴ ⒈)
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ △ ● ○ ◆ ◇)
    (0x2700, 0x27BF),  # dingbats (✓ ✔ ✕ ✗ ❶...)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。〈〉《》「」【】〔〕)
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (，！？：；（）￥)
)


def gb2312_characters() -> set[str]:
    """Every character of GB2312: decode each valid 2-byte code (rows 0xA1-0xF7)."""
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def range_characters() -> set[str]:
    return {chr(cp) for first, last in FIXED_RANGES for cp in range(first, last + 1)}


def iter_text_files(resources: Path, skip: Iterable[Path] = ()) -> Iterator[Path]:
    skipped = {p.resolve() for p in skip}
    for dirpath, dirnames, filenames in os.walk(resources):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix.lower() in TEXT_SUFFIXES and path.resolve() not in skipped:
                yield path


def resource_characters(resources: Path, skip: Iterable[Path] = ()) -> dict[str, list[Path]]:
    """Map each character used in resources/ text files to the files that use it."""
    used: dict[str, list[Path]] = {}
    if not resources.is_dir():
        print(f"warning: no resources folder at {resources}; only the fixed set is included")
        return used
    for path in iter_text_files(resources, skip):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            print(f"warning: {path} is not UTF-8 ({exc}); its characters are not scanned")
            continue
        for ch in set(text):
            # Control characters (newline, tab, ...) and stray BOMs need no glyph.
            if unicodedata.category(ch) in ("Cc", "Cs") or ch == "\ufeff":
                continue
            used.setdefault(ch, []).append(path)
    return used


def find_source_dir(explicit: Path | None) -> Path:
    wanted = [src for src, _ in WEIGHTS]
    if explicit is not None:
        missing = [name for name in wanted if not (explicit / name).is_file()]
        if missing:
            sys.exit(f"error: {explicit} lacks {', '.join(missing)}")
        return explicit
    for candidate in SOURCE_DIR_CANDIDATES:
        if all((candidate / name).is_file() for name in wanted):
            return candidate
    # Last resort: search /usr/share/fonts for the Regular TTC.
    root = Path("/usr/share/fonts")
    if root.is_dir():
        for hit in sorted(root.rglob(wanted[0])):
            if all((hit.parent / name).is_file() for name in wanted):
                return hit.parent
    sys.exit(
        "error: Noto Sans CJK TTC files not found "
        f"({', '.join(wanted)}). Install them (Debian: apt-get install fonts-noto-cjk) "
        "or pass --source-dir FOLDER."
    )


def sc_font_number(ttc: Path) -> int:
    """Index of the 'Noto Sans CJK SC' face in the collection, read from the name table."""
    collection = TTCollection(str(ttc), lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            if face["name"].getDebugName(1) == SC_FAMILY:
                return index
    finally:
        collection.close()
    print(f"warning: no face named {SC_FAMILY!r} in {ttc}; using index {SC_FALLBACK_FONT_NUMBER}")
    return SC_FALLBACK_FONT_NUMBER


def subset_options(font_number: int) -> subset.Options:
    options = subset.Options()
    options.font_number = font_number
    options.layout_features = ["*"]  # keep every OpenType feature (vert, locl, fwid, ...)
    options.name_IDs = ["*"]  # keep the whole name table: family, copyright, licence
    options.name_languages = ["*"]
    options.name_legacy = True
    options.hinting = False
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False  # reproducible output: keep the source's head.modified
    return options


def package_version() -> str | None:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "fonts-noto-cjk"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {ch!r} {unicodedata.name(ch, '<unnamed>')}"


def rename_family(font: TTFont, style: str) -> None:
    """Give the subset its own family name (IDs 1, 4, 6, 16, 17), keeping copyright and licence."""
    postscript = f"{KIOSK_FAMILY.replace(' ', '')}-{style.replace(' ', '')}"
    names = {
        1: KIOSK_FAMILY,
        4: f"{KIOSK_FAMILY} {style}",
        6: postscript,
        16: KIOSK_FAMILY,
        17: style,
    }
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 4, 6, 16, 17, 3):
            table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English (US)
        table.setName(text, name_id, 1, 0, 0)  # Macintosh, Roman, English
    table.setName(f"{postscript};kiosk-subset", 3, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName = names[4]
        top.FamilyName = KIOSK_FAMILY


def build_one(
    source: Path,
    output: Path,
    fixed: set[str],
    from_resources: dict[str, list[Path]],
    resources: Path,
) -> tuple[set[str], int, int]:
    """Subset one weight; return (resource characters missing from the source, bytes, glyphs)."""
    font_number = sc_font_number(source)
    options = subset_options(font_number)
    font = subset.load_font(str(source), options, lazy=False)
    try:
        cmap = font.getBestCmap()
        wanted = fixed | set(from_resources)
        present = sorted(ord(ch) for ch in wanted if ord(ch) in cmap)
        missing = {ch for ch in from_resources if ord(ch) not in cmap}
        family = font["name"].getDebugName(1)
        style = font["name"].getDebugName(2)
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(unicodes=present)
        subsetter.subset(font)
        rename_family(font, style)
        family = KIOSK_FAMILY
        output.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file first so an interrupted run never leaves half a font.
        fd, tmp_name = tempfile.mkstemp(prefix=output.name, suffix=".tmp", dir=output.parent)
        os.close(fd)
        try:
            subset.save_font(font, tmp_name, options)
            os.chmod(tmp_name, 0o644)  # mkstemp makes 0600; the kiosk user must read it
            os.replace(tmp_name, output)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        glyphs = len(font.getGlyphOrder())
    finally:
        font.close()
    size = output.stat().st_size
    print(
        f"{output.relative_to(REPO_ROOT) if output.is_relative_to(REPO_ROOT) else output}: "
        f"{size:,} bytes ({size / 1024 / 1024:.2f} MiB), {glyphs:,} glyphs, "
        f"{len(present):,} characters mapped; from {source} face #{font_number} "
        f"({family} {style})"
    )
    for ch in sorted(missing):
        files = ", ".join(
            str(p.relative_to(resources)) if p.is_relative_to(resources) else str(p)
            for p in from_resources[ch]
        )
        print(f"  missing from source font, skipped: {describe(ch)} (used in {files})")
    return missing, size, glyphs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Subset Noto Sans CJK SC (Regular, Bold) for the kiosk.",
    )
    parser.add_argument(
        "--source-dir",
        type=Path,
        help="folder holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc "
        "(default: search the usual system font folders)",
    )
    parser.add_argument(
        "--resources",
        type=Path,
        default=DEFAULT_RESOURCES,
        help="folder whose *.toml/*.json/*.md/*.txt text must be covered (default: %(default)s)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        help="where the .otf files are written (default: %(default)s)",
    )
    parser.add_argument(
        "--fail-on-missing",
        action="store_true",
        help="exit with status 1 if a character used under resources/ is not in the font",
    )
    args = parser.parse_args(argv)

    source_dir = find_source_dir(args.source_dir)
    resources: Path = args.resources.resolve()
    output_dir: Path = args.output_dir.resolve()

    gb2312 = gb2312_characters()
    fixed = gb2312 | range_characters()
    from_resources = resource_characters(resources)
    extra = set(from_resources) - fixed
    version = package_version()
    print(f"source: {source_dir}" + (f" (Debian fonts-noto-cjk {version})" if version else ""))
    print(
        f"characters: {len(gb2312):,} GB2312 + fixed ranges = {len(fixed):,} "
        f"requested; {len(from_resources):,} used under {resources}, "
        f"{len(extra):,} of them beyond the fixed set"
    )
    for ch in sorted(extra):
        print(f"  from resources/: {describe(ch)}")

    all_missing: set[str] = set()
    for source_name, output_name in WEIGHTS:
        missing, _size, _glyphs = build_one(
            source_dir / source_name,
            output_dir / output_name,
            fixed,
            from_resources,
            resources,
        )
        all_missing |= missing

    if all_missing and args.fail_on_missing:
        print(f"error: {len(all_missing)} character(s) used under resources/ have no glyph")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
