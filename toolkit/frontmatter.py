"""The edition's front matter as TEI: the about and editorial-principles texts that teikit.toml
names (Markdown or TEI) and the list of abbreviations the organisations register holds.

Made once per build in Python, then handed to the XSLT stages as one `<tk:front>` document, so
that the web's about and abbreviations pages, the print volume and the EPUB read the same TEI
and one rule of what an abbreviation is, and never parse Markdown themselves. Markdown is read by markdown-it-py (CommonMark) with raw HTML off: a
tag in the text prints as text, and a link is kept only as http(s), mailto or relative.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token

from toolkit.config import EditionConfig
from toolkit.errors import InputError
from toolkit.safe_xml import decode_utf8, parse_xml, read_bytes
from toolkit.tei import TEI_NS
from toolkit.urls import safe_url

TK_NS = "https://teikit.org/ns"
_T = f"{{{TEI_NS}}}"

#: a register name that is an abbreviation: capitals (and digits, &, -, .) without spaces,
#: at least two letters (CPSU, COMECON, MOL, NKVD, U.S.), or one typed so by the encoder
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÀ-Þ]){2})[A-ZÀ-Þ][A-ZÀ-Þ0-9&.\-]*$")
ABBREVIATION_TYPES = ("abbreviation", "abbr", "acronym", "short")


def front_matter(config: EditionConfig, registers_dir: Path) -> etree._Element:
    """`<tk:front>`: `<tk:text kind="about|principles" source>` each holding one TEI `div`,
    then `<tk:abbreviations>` of `<tk:abbr form id>expansion</tk:abbr>`, sorted by form."""
    front = etree.Element(f"{{{TK_NS}}}front", nsmap={"tk": TK_NS, None: TEI_NS})  # type: ignore[dict-item]
    for kind, path in (("about", config.about), ("principles", config.editorial_principles)):
        if path is not None:
            holder = etree.SubElement(front, f"{{{TK_NS}}}text", kind=kind, source=path.name)
            holder.append(text_as_tei(path))
    listing = etree.SubElement(front, f"{{{TK_NS}}}abbreviations")
    for form, expansion, entry in abbreviations(registers_dir / "organisations.xml"):
        abbr = etree.SubElement(listing, f"{{{TK_NS}}}abbr", form=form, id=entry)
        abbr.text = expansion
    return front


# -- the editorial texts -----------------------------------------------------------------------

def text_as_tei(path: Path) -> etree._Element:
    """A Markdown or TEI text as one TEI `div`: headings open nested `div`s with their `head`."""
    data = read_bytes(path)
    if path.suffix.lower() == ".xml":
        return _tei_text(parse_xml(data, str(path)).getroot(), str(path))
    return markdown_to_tei(decode_utf8(data, str(path)))


def _line(node: etree._Element) -> int | None:
    return node.sourceline if isinstance(node.sourceline, int) else None


def _tei_text(root: etree._Element, shown: str) -> etree._Element:
    """The body of a TEI document (or a TEI `body`/`div` on its own) as a `div`."""
    if root.tag == f"{_T}TEI":
        found = root.find(f"{_T}text/{_T}body")
        if found is None:
            raise InputError("the TEI text has no text/body to print", shown, _line(root))
        root = found
    elif not str(root.tag).startswith(_T):
        raise InputError(f"expected a TEI document, body or div, found <{root.tag}>", shown,
                         _line(root))
    div = etree.Element(f"{_T}div", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    for child in root:
        if isinstance(child.tag, str):  # comments and processing instructions stay behind
            copy = etree.fromstring(etree.tostring(child, with_tail=False))
            div.append(copy)
    return div


_MARKDOWN = MarkdownIt("commonmark", {"html": False})
# Every link is parsed as a link and judged by the project's one URL filter (toolkit.urls):
# markdown-it's own check would print a refused link's Markdown source as text.
_MARKDOWN.validateLink = lambda url: True  # type: ignore[method-assign]

_INLINE_TAGS = {"em_open": ("hi", "italic"), "strong_open": ("hi", "bold")}
_BLOCK_TAGS = {"paragraph_open": "p", "bullet_list_open": "list", "ordered_list_open": "list",
               "list_item_open": "item", "blockquote_open": "quote"}


def markdown_to_tei(text: str) -> etree._Element:
    """CommonMark as TEI: `#` headings open nested `div`s (`head`), paragraphs `p`, lists
    `list/item` (`@rend="numbered"` when ordered), quotes `quote`, code `code`, emphasis
    `hi[@rend]`, links `ref[@target]` (safe URLs only; others keep their text), breaks `lb`."""
    root = etree.Element(f"{_T}div", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    sections: list[tuple[int, etree._Element]] = [(0, root)]
    stack: list[etree._Element] = [root]
    for token in _MARKDOWN.parse(text):
        if token.type == "heading_open":
            level = int(token.tag[1:])
            while sections[-1][0] >= level:
                sections.pop()
            div = etree.SubElement(sections[-1][1], f"{_T}div")
            sections.append((level, div))
            stack = [div, etree.SubElement(div, f"{_T}head")]
        elif token.type == "heading_close":
            stack.pop()
        elif token.type in _BLOCK_TAGS:
            node = etree.SubElement(stack[-1], _T + _BLOCK_TAGS[token.type])
            if token.type == "ordered_list_open":
                node.set("rend", "numbered")
            stack.append(node)
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in _BLOCK_TAGS:
            stack.pop()
        elif token.type in ("fence", "code_block"):
            etree.SubElement(stack[-1], f"{_T}ab", type="code").text = token.content.rstrip("\n")
        elif token.type == "inline":
            _inline(stack[-1], token.children or [])
    _trim(root)
    return root


def _inline(parent: etree._Element, tokens: list[Token]) -> None:
    """Inline tokens appended to `parent`, text and tails kept in order."""
    stack = [parent]

    def add_text(value: str) -> None:
        node = stack[-1]
        if len(node):
            last = node[-1]
            last.tail = (last.tail or "") + value
        else:
            node.text = (node.text or "") + value

    for token in tokens:
        kind = token.type
        if kind == "text":
            add_text(token.content)
        elif kind == "softbreak":
            add_text(" ")
        elif kind == "hardbreak":
            etree.SubElement(stack[-1], f"{_T}lb")
        elif kind == "code_inline":
            etree.SubElement(stack[-1], f"{_T}code").text = token.content
        elif kind in _INLINE_TAGS:
            tag, rend = _INLINE_TAGS[kind]
            stack.append(etree.SubElement(stack[-1], _T + tag, rend=rend))
        elif kind == "link_open":
            href = safe_url(str(token.attrGet("href") or ""))
            node = etree.SubElement(stack[-1], f"{_T}ref")
            if href:
                node.set("target", href)
            stack.append(node)
        elif kind in ("em_close", "strong_close", "link_close"):
            if len(stack) > 1:
                stack.pop()
        elif kind == "image":  # an image is its description in print and e-book alike
            add_text(token.content)
        else:
            add_text(token.content)


def _trim(root: etree._Element) -> None:
    """A `ref` left without a target (an unsafe URL) is its text alone."""
    for ref in list(root.iter(f"{_T}ref")):
        if ref.get("target") is None:
            ref.tag = f"{_T}seg"


# -- the abbreviations ---------------------------------------------------------------------------

def abbreviations(register: Path) -> list[tuple[str, str, str]]:
    """(abbreviation, expansion, entry id) for every organisation with a name that is an
    abbreviation (typed so, or all capitals) beside its preferred, longer name; by form."""
    if not register.is_file():
        return []
    root = parse_xml(read_bytes(register), str(register)).getroot()
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for org in root.iter(f"{_T}org"):
        entry = org.get("{http://www.w3.org/XML/1998/namespace}id", "")
        names = [(" ".join("".join(str(t) for t in n.itertext()).split()), n.get("type", ""))
                 for n in org.findall(f"{_T}orgName")]
        names = [(text, kind) for text, kind in names if text]
        if not names:
            continue
        expansion = next((t for t, k in names if k != "variant" and not _is_abbreviation(t, k)),
                         None)
        if expansion is None:
            continue
        for text, kind in names:
            if _is_abbreviation(text, kind) and text != expansion:
                found.setdefault((text, expansion), (text, expansion, entry))
    return sorted(found.values(), key=lambda item: (item[0].casefold(), item[1].casefold()))


def _is_abbreviation(text: str, kind: str) -> bool:
    return kind in ABBREVIATION_TYPES or bool(_ACRONYM.match(text))
