"""The plain-text projection of a TEI document: the text a reader of the source saw.

It regenerates the translator's brackets from the elements that encode them (supplied text in
brackets, gaps as [...], `orig [reg]`, `word [sic]`, expansions as `F[oreign]`), turns page
breaks back into the paragraph breaks they came from, and puts footnotes at the end. For a
converted report it gives back the source body; that is the converter's round-trip test.

Line structure: every block of the TEI (a paragraph, a head, a mark, a dateline, a list
item, each line of a signature or of a stamp, each line after an lb) is one line, and lines are separated by a
blank line. A source with one paragraph per line and one with blank lines between its
paragraphs therefore project alike, line for line; a page-break join projects as the two
lines it came from; a hard-wrapped paragraph gives back its lines (the converter keeps
them as lb: the source's line structure, issue #10); a line holding two fields apart by a
run of spaces (an office and a place-and-date line, two marks) projects as the one line it
was, the run as long as the `space` between the fields says.
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.encoding.blocks import block_text, split_blocks

from toolkit.tei import NS, local_name

BLOCKS = {"p", "head", "ab", "fw", "opener", "closer", "dateline", "salute", "signed", "byline",
          "trailer", "item", "l", "postscript", "argument", "epigraph", "docDate", "address",
          "cell", "addrLine"}
CONTAINERS = {"div", "body", "front", "back", "list", "lg", "closer", "opener", "postscript",
              "floatingText", "group", "text", "table", "row"}


# the elements whose projection depends on their parent's name (`visit`)
_READ_PARENT = frozenset({"seg", "space", "fw", "note", "gap", "stage"})
# every name `visit` has a rule of its own for, and every name `inline` has: any other element
# (a name, a date, a phrase: most of a tree) goes straight to the last rule, its content,
# without the chain of name tests (a test holds each rule's name to these sets)
_VISITED = frozenset({"teiHeader", "facsimile", "standOff", "stage", "list", "note", "closer",
                      "opener", "seg", "sp", "space", "fw", "gap"}) | CONTAINERS | BLOCKS
_INLINED = frozenset({"gap", "vocal", "kinesic", "incident", "pause", "pb", "lb", "ptr", "note",
                      "unclear", "supplied", "ex", "sic", "del", "orig", "choice", "hi", "ref"})


class _Projector:
    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.footnotes: list[tuple[str, str]] = []  # (number, text)
        self.free: set[int] = set()  # indices of footnotes referenced nowhere (kept in place)
        self.bottom: list[str] = []  # a page's footer (forme work): after the footnotes
        self.section_notes: list[tuple[str, str]] = []  # place="end": after their division
        self.taken: set[etree._Element] = set()  # pb, lb already projected inside a gap's bracket
        self.glue = ""  # a `space` between two blocks: the next block goes on the last line

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text and self.glue and self.paragraphs:
            self.paragraphs[-1] += self.glue + text  # two fields of one source line
        elif text:
            self.paragraphs.append(text)
        if text:
            self.glue = ""
        self.current = []

    def space(self, node: etree._Element) -> None:
        """A `space` between two blocks (an office and its dateline, two marks): the run of
        spaces that kept them apart on one source line, as KEPT (not collapsed)."""
        self.flush()
        quantity = node.get("quantity", "")
        self.glue = KEPT * (int(quantity) if quantity.isdigit() and int(quantity) else 1)

    def block(self, node: etree._Element) -> None:
        self.flush()
        self.inline_children(node)
        self.flush()

    def inline_children(self, node: etree._Element) -> None:
        if node.text:
            self.current.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                self.visit(child)
            if child.tail:
                self.current.append(child.tail)

    def visit(self, node: etree._Element) -> None:
        name = local_name(node)
        if name not in _VISITED:
            self.current.append(self.content(node) if name not in _INLINED else self.inline(node))
            return
        # the parent's name is asked only of the elements whose rules read it (most visits
        # are of paragraphs and phrases: no parent looked up for them)
        parent_name = ""
        if name in _READ_PARENT:
            parent = node.getparent()
            parent_name = local_name(parent) if parent is not None else ""
        if name in ("teiHeader", "facsimile", "standOff"):
            return
        if name == "stage" and parent_name in CONTAINERS | {"sp"}:
            self.block(node)  # a stage direction between blocks is a line of its own
            return
        if name == "list" and node.get("rend") == "inline":  # `(a) ...; (b) ...` in its line
            for child in node:
                if isinstance(child.tag, str):
                    self.inline_children(child)
                if child.tail:
                    self.current.append(child.tail)
            return
        if (name in CONTAINERS and name not in ("closer", "opener")) or \
                (name == "note" and node.get("type") == "distribution"):  # a note holding a list
            self.flush()
            first = True
            for child in node:
                if isinstance(child.tag, str):
                    if name == "row" and not first:
                        self.glue = " "  # a row's cells stood on one source line
                    self.visit(child)
                    first = False
            self.flush()
            if name == "row":
                self.glue = ""  # the next row is a line of its own
            if name == "div" and self.section_notes:  # notes printed after their section
                self.paragraphs.extend(text for _, text in self.section_notes)
                self.section_notes = []
            return
        if name in ("closer", "opener") or (name == "seg" and parent_name == "opener"):
            self.block(node) if name == "seg" else self._lines(node)
            return
        if name == "sp":
            self._speech(node)
            return
        if name == "space" and parent_name in CONTAINERS:
            self.space(node)
            return
        if name == "fw" and node.get("place") == "inline":  # a page number inside its line
            self.current.append(self.content(node))
            return
        if name == "fw" and node.get("rend") == "bracketed":
            self.flush()  # a page marker the translator wrote in brackets: `[Page 2]`
            self.current.append(f"[{self.content(node)}]")
            self.flush()
            return
        if name == "fw" and node.get("type") == "footer" and parent_name in CONTAINERS \
                and node.get("place") is None:  # (a running footer has its place: it stays)
            self.bottom.append(self.content(node))
            return
        if name in BLOCKS:
            if name == "signed":
                self._lines(node)
            else:
                self.block(node)
            return
        if name == "note" and parent_name in CONTAINERS and (node.get("place") == "foot" or (
                node.get("place") == "end" and node.get("rend") != "symbol")):
            before = len(self.footnotes)
            self.inline(node)  # a note referenced nowhere: its text goes with the footnotes
            self.free.update(range(before, len(self.footnotes)))
            return
        if name == "note" and parent_name in CONTAINERS:
            # a note between paragraphs (a stamp): a block, its line breaks kept as lines
            self.flush()
            self.current.append(self.inline(node))
            self.flush()
            return
        if name == "gap" and parent_name in CONTAINERS:
            self.flush()
            self.current.append(self._gap(node))
            self.flush()
            return
        text = self.inline(node)
        self.current.append(text)

    def _speech(self, node: etree._Element) -> None:
        """A speech: its speaker and its first paragraph are the source's one line
        (`Zhou Enlai: Welcome...`); further paragraphs of the speech are lines of their own."""
        self.flush()
        joined = False
        for child in node:
            if not isinstance(child.tag, str):
                continue
            child_name = local_name(child)
            if child_name == "speaker":
                self.inline_children(child)
                self.current.append(" ")
            elif child_name == "p" and not joined:
                joined = True
                self.inline_children(child)
                self.flush()
            else:
                self.visit(child)
        self.flush()

    def _lines(self, node: etree._Element) -> None:
        """A closer or opener: each child block, and every lb, starts a new paragraph."""
        self.flush()
        if node.text:
            self.current.append(node.text)
        columns: list[list[str]] = []  # signatures side by side: their lines, per column
        for child in node:
            if isinstance(child.tag, str):
                child_name = local_name(child)
                if columns and not (child_name == "signed" and child.get("rend") == "columns"):
                    self._rows(columns)
                if child_name == "lb":
                    self.flush()
                elif child_name == "space":
                    self.space(child)
                elif child_name == "signed" and child.get("rend") == "columns":
                    self.flush()
                    start = len(self.paragraphs)
                    self._lines(child)
                    columns.append(self.paragraphs[start:])
                    del self.paragraphs[start:]
                elif child_name in BLOCKS or child_name == "seg":
                    self.block(child) if child_name != "signed" else self._lines(child)
                else:
                    line = self._inline_lines(child)  # may flush: read self.current after
                    self.current.append(line)
            if child.tail:
                self.current.append(child.tail)
        if columns:
            self._rows(columns)
        self.flush()

    def _rows(self, columns: list[list[str]]) -> None:
        """Signatures that stood side by side, given back as the source's rows: the first
        line of each column, then the second... (three spaces apart, as the columns were)."""
        for row in range(max(len(c) for c in columns)):
            self.paragraphs.append("   ".join(c[row] for c in columns if row < len(c)))
        columns.clear()

    def _inline_lines(self, node: etree._Element) -> str:
        """An element inside a signature whose lb children mark source paragraph breaks."""
        if node.find("tei:lb", NS) is None:
            return self.inline(node)
        parts = [node.text or ""]
        for child in node:
            parts.append("\n\n\x00" if local_name(child) == "lb" else self.inline(child))
            parts.append(child.tail or "")
        joined = "".join(parts)
        if "\x00" in joined:
            pieces = joined.split("\n\n\x00")
            for piece in pieces[:-1]:
                self.current.append(piece)
                self.flush()
            return pieces[-1]
        return joined

    def _gap(self, node: etree._Element) -> str:
        desc = node.find("tei:desc", NS)
        if desc is not None:
            text = "".join(str(t) for t in desc.itertext())
            return f"[{self._broken_desc(node, text)}]"
        rend = node.get("rend") or "..."
        return rend if rend.startswith("(") else f"[{rend}]"  # `(...)`: its parentheses

    def _broken_desc(self, gap: etree._Element, text: str) -> str:
        """A page break or a line wrap inside a gap's bracket stands right after the gap (a gap
        holds no pb nor lb); the converter leaves a newline in the desc where the page turned or
        the line wrapped: the break goes back there, and is not projected again."""
        pieces = text.split("\n")
        breaks: list[etree._Element] = []
        node = gap
        while len(breaks) < len(pieces) - 1 and not (node.tail or "").strip():
            following = node.getnext()
            if following is None or not isinstance(following.tag, str) or \
                    local_name(following) not in ("pb", "lb"):
                break
            breaks.append(following)
            node = following
        if not breaks:
            return text
        self.taken.update(breaks)
        return "\n\n\x00".join(pieces[:len(breaks)]) + "\n\n\x00" + \
            " ".join(pieces[len(breaks):])

    def inline(self, node: etree._Element) -> str:
        name = local_name(node)
        if name not in _INLINED:
            return self.content(node)
        if name == "gap":
            return self._gap(node)
        if name in ("vocal", "kinesic", "incident"):
            if node.get("rend") == "parentheses":  # `(Applause)` as the record wrote it
                return f"({self.content(node)})"
            return f"[{self.content(node)}]"  # its desc: the translator's words
        if name == "pause":
            return f"[{node.get('rend') or 'pause'}]"
        if name == "pb":
            following = node.getnext()
            inline = following is not None and local_name(following) == "fw" \
                and following.get("place") == "inline"  # the line goes on past the number
            return "" if node in self.taken or inline else "\n\n\x00"
        if name == "lb":  # a line of the source: a line of the projection
            return "" if node in self.taken else "\n\n\x00"
        if name == "ptr" and node.get("n") and node.get("target", "").startswith("#"):
            return _reference(node.get("n", ""), node.get("rend"))  # a further reference
        if name == "note":
            # a sign's note printed after its section: place end, rend symbol; any other
            # note at the end (a Word endnote) projects as a footnote does, at the end
            section = node.get("place") == "end" and node.get("rend") == "symbol"
            if node.get("place") in ("foot", "end"):
                number = node.get("n") or str(len(self.footnotes) + 1)
                first = node[0] if len(node) else None
                if first is None and not (node.text or "").strip():
                    return _reference(number, node.get("rend"))  # a reference with no text
                if first is not None and isinstance(first.tag, str) and \
                        local_name(first) == "label" and not (node.text or "").strip():
                    text = self.content(node)  # the text's label as the source wrote it
                else:
                    text = f"[{number}] {self.content(node)}"
                (self.section_notes if section else self.footnotes).append((number, text))
                return _reference(number, node.get("rend"))
            if node.get("rend") == "parentheses":  # `(Translator's note: ...)` as written
                return f"({self.content(node)})"
            return f"[{self.content(node)}]"
        if name == "unclear" and node.get("rend") in UNCLEAR_FORMS:
            return UNCLEAR_FORMS[node.get("rend", "")].format(self.content(node))
        if name in ("supplied", "ex"):
            return f"[{self.content(node)}]"
        parent_name = ""
        if name in ("sic", "del", "orig"):  # (the only names whose rules read the parent's)
            parent = node.getparent()
            parent_name = local_name(parent) if parent is not None else ""
        if name == "sic" and parent_name != "choice":
            inner = self.content(node)
            mark = node.get("rend") or "sic"  # the form the translator wrote: sic!, Sic
            return f"{inner} [{mark}]" if inner else f"[{mark}]"
        if name == "choice":
            return self._choice(node)
        if name == "hi" and node.get("rend") in ("bold", "italic"):
            mark = "**" if node.get("rend") == "bold" else "*"
            return f"{mark}{self.content(node)}{mark}"
        if name == "ref" and node.get("target", "").startswith("http") and \
                self.content(node) != node.get("target"):
            return f"[{self.content(node)}]({node.get('target')})"
        if name in ("del", "orig") and parent_name == "subst":
            return ""
        return self.content(node)

    def _choice(self, node: etree._Element) -> str:
        """The converter's pairs (orig/reg, sic/corr, abbr/expan in either order) are the text
        and its bracket: `first [second]`."""
        children = [c for c in node if isinstance(c.tag, str)]
        parts = {local_name(c): c for c in children}
        if len(children) == 2 and set(parts) in ({"orig", "reg"}, {"sic", "corr"}, {"abbr", "expan"}):
            return f"{self.content(children[0])} [{self.content(children[1])}]"
        if "expan" in parts:
            return self.content(parts["expan"])
        first = next(iter(parts.values()), None)
        return self.content(first) if first is not None else ""

    def content(self, node: etree._Element) -> str:
        parts = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str):
                parts.append(self.inline(child))
            parts.append(child.tail or "")
        return "".join(parts)


# The converter's uncertain readings (toolkit/encoding/brackets.py): @rend is the form the
# translator wrote, `[word?]`, `[[word?]]` or `word [?]`.
KEPT = "\x01"  # a space of a `space` element: not white space to str.split, so never collapsed
UNCLEAR_FORMS = {"query": "[{}?]", "double-query": "[[{}?]]", "query-after": "{} [?]",
                 "query-attached": "{}[?]"}
SUPERSCRIPT_FIGURES = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _reference(label: str, rend: str | None) -> str:
    """A footnote reference as written: `[1]`, `¹` (rend superscript), `^1^` (rend caret)."""
    if rend == "superscript":
        return label.translate(SUPERSCRIPT_FIGURES)
    if rend == "caret":
        return f"^{label}^"
    if rend == "symbol":
        return label  # `*`, `**`, `†`: the sign as written
    if rend == "parenthesised":
        return f"({label})"
    if rend == "parenthesis-after":
        return f"{label})"
    return f"[{label}]"


def _note_order(number: str) -> tuple[int, str]:
    """Footnote numbers in a source's order: 1, 1a, 1b, 2 ... ; signs (`*`, `§`, `†`) last,
    in the order of their references (the sort is stable), not of their code points."""
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2)) if match else (1 << 30, "")


def _footnote_order(footnotes: list[tuple[str, str]], free: set[int]) -> list[tuple[str, str]]:
    """Referenced notes in the order of their numbers; notes referenced nowhere stand where the
    converter left them, in the source's order, so they keep their order among themselves
    (`²a` over `¹aa` with no reference comes back as written) and go in before the first
    referenced note of a higher number."""
    placed = sorted((f for i, f in enumerate(footnotes) if i not in free),
                    key=lambda f: _note_order(f[0]))
    ordered: list[tuple[str, str]] = []
    at = 0
    for index in sorted(free):
        note = footnotes[index]
        while at < len(placed) and _note_order(placed[at][0]) <= _note_order(note[0]):
            ordered.append(placed[at])
            at += 1
        ordered.append(note)
    return ordered + placed[at:]


def project(tree: etree._ElementTree | etree._Element) -> str:
    """Paragraphs of plain text separated by blank lines."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    projector = _Projector()
    texts = root.findall(".//tei:text", NS) if local_name(root) != "text" else [root]
    for text in texts[:1]:
        projector.visit(text)
    projector.flush()
    projector.paragraphs.extend(text for _, text in projector.section_notes)
    paragraphs: list[str] = []
    # Footnote texts stand at the end in the order of their numbers, as a source lists them.
    footnotes = _footnote_order(projector.footnotes, projector.free)
    for paragraph in projector.paragraphs + [text for _, text in footnotes] + projector.bottom:
        paragraphs.extend(p for p in (" ".join(x.split()) for x in paragraph.split("\x00")) if p)
    return "\n\n".join(paragraphs).replace(KEPT, " ") + "\n"


def normalise(text: str) -> list[str]:
    """Paragraphs with white space collapsed: what the round trip compares. A source's
    paragraphs are read as the converter's block stage reads them (blank lines, one
    paragraph per line); a projection has one per line. The lines of a hard-wrapped
    paragraph are lines of it (lb), only a bold title over two lines is one."""
    paragraphs: list[str] = []
    for block in split_blocks(text):
        if block[0][1].lstrip().startswith("**") and len(block) > 1 and \
                not block[0][1].endswith("  "):
            paragraphs.append(" ".join(block_text(block).split()))
            continue
        paragraphs.extend(" ".join(line.split()) for _, line in block)
    return [p for p in paragraphs if p]
