"""Word's notes, comments and tracked changes: the notes at their reference, the comments
after their passage with an anchor at its start, the changes' authors and revisions declared
in the teiHeader (respStmt, revisionDesc)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lxml import etree

from toolkit.readers.docx.blocks import Comment, Paragraph
from toolkit.readers.docx.conventions import WORD_CONVENTIONS
from toolkit.readers.docx.model import DocumentWalker
from toolkit.readers.docx.paragraphs import without_own_mark
from toolkit.tei import NS, Inline, el, sub, tei

DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?"
                       r"(Z|[+-]\d{2}:\d{2})?)?$")


class Annotations:
    """What the reader lays at a marker of a paragraph, and the people and revisions it met."""

    def __init__(self, walker: DocumentWalker, footnotes: dict[str, list[Paragraph]],
                 endnotes: dict[str, list[Paragraph]], comments: dict[str, Comment],
                 paragraphs: Callable[[Sequence[Paragraph]], list[Inline]],
                 warn: Callable[[str, int | None], None], count: Callable[[str], None]) -> None:
        self.walker = walker
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.comments = comments
        self._paragraphs = paragraphs
        self.warn = warn
        self.count = count
        self.people: dict[str, str] = {}  # author name -> xml:id of the header persName
        self.changes: dict[str, str] = {}  # revision key -> xml:id of its change
        self.note_numbers = {"footnote": 0, "endnote": 0}
        self.anchored: set[str] = set()  # comments whose range start has been placed

    def change_maker(self, kind: str, key: str) -> Callable[[], etree._Element]:
        """The add or del of a tracked change, its author and revision declared."""
        change = self._change(key)
        self.count("changes")
        return lambda: el(kind, change=f"#{change}",
                          resp=f"#{self._person(self.walker.revisions[key].author)}")

    def marker(self, kind: str, key: str, mark: str | None, line: int) -> etree._Element | None:
        if kind in ("footnote", "endnote"):
            notes = self.footnotes if kind == "footnote" else self.endnotes
            if key not in notes:
                self.warn(f"a {kind} reference points to no {kind} (id {key}); dropped", line)
                return None
            self.note_numbers[kind] += 1
            self.count("notes")
            number = mark or self.walker.note_label(kind, self.note_numbers[kind])
            return el("note", self._paragraphs(without_own_mark(notes[key], mark)),
                      place="foot" if kind == "footnote" else "end", n=number)
        if kind == "comment-start":
            if key not in self.comments or key in self.anchored:
                return None
            self.anchored.add(key)
            return el("anchor", xml_id=_comment_anchor(key))
        comment: Comment | None = self.comments.get(key)
        if comment is None:
            self.warn(f"a comment reference points to no comment (id {key}); dropped", line)
            return None
        self.count("comments")
        attrs = {"type": "comment", "resp": f"#{self._person(comment.author)}"}
        if self._has_anchor(key):
            attrs["target"] = f"#{_comment_anchor(key)}"
        when = _when(comment.date)
        content: list[Inline] = [el("date", when=when)] if when else []
        return el("note", content + self._paragraphs(comment.paragraphs), **attrs)

    def _has_anchor(self, key: str) -> bool:
        return key in self.anchored

    def _person(self, author: str) -> str:
        if author not in self.people:
            self.people[author] = f"docx-person-{len(self.people) + 1}"
        return self.people[author]

    def _change(self, key: str) -> str:
        if key not in self.changes:
            self.changes[key] = f"docx-change-{len(self.changes) + 1}"
            self._person(self.walker.revisions[key].author)
        return self.changes[key]

    def declare(self, header: etree._Element) -> None:
        """How Word's markup was encoded; the authors of changes and comments, and each
        revision, in the teiHeader."""
        interpretation = header.find("tei:encodingDesc/tei:editorialDecl/tei:interpretation", NS)
        if interpretation is not None:
            sub(interpretation, "p", WORD_CONVENTIONS)
        if self.people:
            title_stmt = header.find("tei:fileDesc/tei:titleStmt", NS)
            assert title_stmt is not None
            resp = sub(title_stmt, "respStmt")
            sub(resp, "resp", "tracked changes and comments in the Word file")
            for author, xml_id in self.people.items():
                sub(resp, "persName", author, xml_id=xml_id)
        if self.changes:
            revision = header.find("tei:revisionDesc", NS)
            assert revision is not None
            for key, xml_id in self.changes.items():
                found = self.walker.revisions[key]
                attrs = {"xml_id": xml_id, "who": f"#{self.people[found.author]}"}
                when = _when(found.date)
                if when:
                    attrs["when"] = when
                sub(revision, "change", f"Tracked changes by {found.author} in the Word file "
                    "(encoded as add and del).", **attrs)


def substitutions(root: etree._Element) -> None:
    """A tracked deletion right followed by an insertion of the same author, nothing between
    them (`Kosigin` struck, `Kosygin` typed in its place), is one intervention, a
    substitution: `subst` holds the two (TEI 11.3.1.5). A deletion and an insertion apart by
    a word, or by two people, stay apart."""
    for deleted in list(root.iter(tei("del"))):
        added = deleted.getnext()
        parent = deleted.getparent()
        if added is None or parent is None or added.tag != tei("add") or \
                (deleted.tail or "") != "" or added.get("resp") != deleted.get("resp") or \
                parent.tag == tei("subst"):
            continue
        index = parent.index(deleted)
        subst = etree.Element(tei("subst"))
        subst.tail, added.tail = added.tail, None
        parent.insert(index, subst)
        subst.extend([deleted, added])


def _comment_anchor(key: str) -> str:
    return f"docx-comment-{re.sub(r'[^A-Za-z0-9_.-]', '-', key)}"


def _when(value: str) -> str | None:
    """A Word date as xs:date or xs:dateTime, or None when it is not one."""
    match = DATE_TIME.match(value.strip())
    if not match:
        return None
    day, minutes, seconds, zone = match.groups()
    if minutes is None:
        return day
    return f"{day}T{minutes}{seconds or ':00'}{zone or ''}"


__all__ = ["Annotations", "substitutions"]
