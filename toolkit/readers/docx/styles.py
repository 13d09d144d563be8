"""Word's styles and list numbering, resolved as Word shows them.

A paragraph's boldness and heading level are those of its style chain (basedOn), and an
automatic list number is counted the way Word counts it, so "1)" drawn by Word is the same
text as "1)" typed by hand. Only formatting with a TEI meaning is read (`run_props`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from toolkit.readers.docx.package import w

TOGGLE_OFF = {"0", "false", "off", "none"}
LETTER_SPACED = 40  # twentieths of a point: 2 pt, more than any kerning or justification
# "Heading 1" as other languages' Word and LibreOffice templates name it, when a style of
# that name carries no outline level of its own (Word itself writes "heading 1" in any UI)
HEADING_NAME = re.compile(
    r"(?i)(?:heading|überschrift|titre|titolo|t[íi]tulo|kop|nagłówek|rubrik|otsikko|nadpis|"
    r"címsor|заголовок|başlık|overskrift|naslov|nadpis|επικεφαλίδα|見出し|标题|標題|제목)"
    r"\s*(\d)")
FIELD_TABS = {"right", "center", "decimal", "end"}  # a tab to one of these aligns a field
Props = dict[str, bool]


def _on(node: etree._Element) -> bool:
    return (node.get(w("val")) or "true").lower() not in TOGGLE_OFF


def run_props(rpr: etree._Element | None) -> Props:
    """The formatting of an rPr that has a TEI meaning, as explicit on/off values."""
    props: Props = {}
    if rpr is None:
        return props
    for child in rpr:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name == "b":
            props["bold"] = _on(child)
        elif name == "i":
            props["italic"] = _on(child)
        elif name == "u":
            props["underline"] = _on(child)
        elif name in ("strike", "dstrike"):
            props["strikethrough"] = _on(child)
        elif name == "smallCaps":
            props["smallcaps"] = _on(child)
        elif name == "spacing":  # expanded by at least 2 pt: a word set letter-spaced
            spacing = child.get(w("val")) or "0"
            props["letter-spaced"] = spacing.lstrip("-").isdigit() and \
                int(spacing) >= LETTER_SPACED
        elif name == "vertAlign":
            value = child.get(w("val"))
            props["superscript"] = value == "superscript"
            props["subscript"] = value == "subscript"
    return props


Lang = tuple[str | None, str | None, str | None]  # w:lang's val, eastAsia and bidi


def run_lang(rpr: etree._Element | None) -> Lang:
    """The languages an rPr's w:lang sets: for Latin and Cyrillic text, East Asian text and
    right-to-left text (Word keeps one of each, and uses the one the run's script needs)."""
    node = rpr.find(w("lang")) if rpr is not None else None
    if node is None:
        return None, None, None
    return node.get(w("val")), node.get(w("eastAsia")), node.get(w("bidi"))


def merge_lang(*langs: Lang) -> Lang:
    """Languages set at several levels (defaults, styles, the run): the nearest wins, each
    of the three on its own."""
    out: list[str | None] = [None, None, None]
    for lang in langs:
        for index, value in enumerate(lang):
            if value:
                out[index] = value
    return out[0], out[1], out[2]


@dataclass
class _Style:
    based_on: str | None
    kind: str
    name: str
    props: Props
    outline: int | None
    num: tuple[str, int] | None
    field_tabs: bool = False
    lang: Lang = (None, None, None)


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.defaults: Props = {}
        self.default_lang: Lang = (None, None, None)
        self.default_paragraph: str | None = None
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.defaults = run_props(defaults)
        self.default_lang = run_lang(defaults)
        for node in root.iter(w("style")):
            style_id = node.get(w("styleId")) or ""
            based = node.find(w("basedOn"))
            name = node.find(w("name"))
            ppr = node.find(w("pPr"))
            outline = ppr.find(w("outlineLvl")) if ppr is not None else None
            level = int(outline.get(w("val")) or 0) if outline is not None and \
                (outline.get(w("val")) or "").isdigit() else None
            name_text = (name.get(w("val")) or "") if name is not None else ""
            heading = HEADING_NAME.fullmatch(name_text.strip())
            if level is None and heading:
                level = int(heading.group(1)) - 1
            if name_text.lower() == "title":
                level = 0
            self.styles[style_id] = _Style(
                based.get(w("val")) if based is not None else None, node.get(w("type")) or "",
                name_text, run_props(node.find(w("rPr"))),
                level if level is not None and level < 9 else None, num_pr(ppr),
                field_tabs(ppr), run_lang(node.find(w("rPr"))))
            if node.get(w("type")) == "paragraph" and on_attr(node.get(w("default"))):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[_Style]:
        out: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            out.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return out

    def props(self, style_id: str | None) -> Props:
        merged: Props = {}
        for style in reversed(self.chain(style_id)):
            merged.update(style.props)
        return merged

    def lang(self, style_id: str | None) -> Lang:
        return merge_lang(*(s.lang for s in reversed(self.chain(style_id))))

    def outline(self, style_id: str | None) -> int | None:
        return next((s.outline for s in self.chain(style_id) if s.outline is not None), None)

    def field_tabs(self, style_id: str | None) -> bool:
        return any(s.field_tabs for s in self.chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        return next((s.num for s in self.chain(style_id) if s.num is not None), None)


def on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def left_stops(ppr: etree._Element | None) -> bool:
    """Whether a paragraph sets left tab stops of its own (columns of a typed table)."""
    tabs = ppr.find(w("tabs")) if ppr is not None else None
    return tabs is not None and any(t.get(w("val")) in ("left", "start")
                                    for t in tabs.iter(w("tab")))


def field_tabs(ppr: etree._Element | None) -> bool:
    """Whether a paragraph's tab stops align text right or centre (a dateline at the right
    margin, `Head of Section<tab>Berlin, 12 March`): its tabs separate fields."""
    tabs = ppr.find(w("tabs")) if ppr is not None else None
    return tabs is not None and any(t.get(w("val")) in FIELD_TABS for t in tabs.iter(w("tab")))


def num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(w("numPr"))
    if num is None:
        return None
    num_id = num.find(w("numId"))
    ilvl = num.find(w("ilvl"))
    if num_id is None:
        return None
    level = ilvl.get(w("val")) if ilvl is not None else "0"
    return num_id.get(w("val")) or "0", int(level) if level and level.isdigit() else 0


@dataclass
class _Level:
    start: int
    fmt: str
    text: str
    indent: int | None = None  # the left indentation (twips) Word gives the level
    legal: bool = False  # isLgl: the numbers of the levels above shown as decimals (1.1)


class Numbering:
    """Word's automatic list numbers, counted the way Word counts them."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # by abstract list: Word counts on
        # across the nums that share one, unless a num restarts a level (startOverride)
        self.used: set[str] = set()
        if root is None:
            return
        # a list style (Word's "Define New List Style"): the abstract list carrying its levels
        # names it (styleLink); the lists that use it hold only numStyleLink
        defines: dict[str, str] = {}
        uses: dict[str, str] = {}
        for node in root.iter(w("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(w("lvl")):
                levels[int(lvl.get(w("ilvl")) or 0)] = _level(lvl)
            abstract_id = node.get(w("abstractNumId")) or ""
            self.abstract[abstract_id] = levels
            for tag, links in (("styleLink", defines), ("numStyleLink", uses)):
                link = node.find(w(tag))
                if link is not None and link.get(w("val")):
                    if tag == "styleLink":
                        links[link.get(w("val")) or ""] = abstract_id
                    else:
                        links[abstract_id] = link.get(w("val")) or ""
        linked = {user: defines[style] for user, style in uses.items()
                  if style in defines and not self.abstract.get(user)}
        for node in root.iter(w("num")):
            abstract = node.find(w("abstractNumId"))
            overrides: dict[int, int] = {}
            for override in node.iter(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None and (start.get(w("val")) or "").isdigit():
                    overrides[int(override.get(w("ilvl")) or 0)] = int(start.get(w("val")) or 1)
            abstract_id = abstract.get(w("val")) or "" if abstract is not None else ""
            self.nums[node.get(w("numId")) or ""] = (linked.get(abstract_id, abstract_id),
                                                     overrides)

    def indent(self, num_id: str, level: int) -> int | None:
        """How far Word indents list `num_id` at `level`: List Bullet 2 is a list of its
        own, one level deep only by its indentation."""
        abstract_id = self.nums.get(num_id, ("", {}))[0]
        spec = self.abstract.get(abstract_id, {}).get(level)
        return spec.indent if spec is not None else None

    def label(self, num_id: str, level: int) -> tuple[str | None, bool]:
        """The label of the next item of list `num_id` at `level`, and whether it is a bullet."""
        if num_id == "0" or num_id not in self.nums:
            return None, False
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        spec = levels.get(level)
        if spec is None:
            return None, False
        if spec.fmt == "bullet":
            return None, True
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in overrides:
                counters.pop(restarted, None)
        start = overrides.get(level, spec.start)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index)
            count = counters.get(index, other.start if other else 1)
            legal = spec.legal and index < level
            return format_number(count, "decimal" if legal or other is None else other.fmt)

        if spec.fmt == "none":
            return re.sub(r"%\d", "", spec.text) or None, False
        return re.sub(r"%(\d)", value, spec.text), False


def _level(lvl: etree._Element) -> _Level:
    start = lvl.find(w("start"))
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    start_value = start.get(w("val")) if start is not None else "1"
    ind = lvl.find(f"{w('pPr')}/{w('ind')}")
    legal = lvl.find(w("isLgl"))
    left = (ind.get(w("left")) or ind.get(w("start")) or "") if ind is not None else ""
    return _Level(int(start_value) if start_value and start_value.isdigit() else 1,
                  (fmt.get(w("val")) or "decimal") if fmt is not None else "decimal",
                  (text.get(w("val")) or "") if text is not None else "",
                  int(left) if left.lstrip("-").isdigit() else None,
                  legal is not None and _on(legal))


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while number >= value:
            out += letters
            number -= value
    return out


def format_number(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)
