"""The citation structure a converted document declares (`encodingDesc/refsDecl`).

Declared, a passage's reference is the edition's, not a guess of each consumer (the DTS
server cites as declared; TEI Publisher and others read the same declaration). The default
tree cites the paragraphs of the translation by their position ("3"), as the server's derived
scheme does, so references stay stable whether or not a document declares them. A second tree,
named "points", cites numbered points by their label (`p/@n`: "2", "b"), written only when
every label in the document is unique, since a reference must name one passage.
"""

from __future__ import annotations

from lxml import etree

from toolkit.tei import NS, el

PARAGRAPHS = "/TEI/text/body/div/p"
POINTS = "/TEI/text/body/div/p[@n]"


def declare_citations(tei: etree._Element) -> None:
    """Add the refsDecl elements to the teiHeader's encodingDesc (after editorialDecl, the
    Guidelines' order), from the body as encoded."""
    encoding = tei.find("tei:teiHeader/tei:encodingDesc", NS)
    assert encoding is not None, "build_header writes an encodingDesc"
    declarations = [el("refsDecl", [el("citeStructure", unit="paragraph", match=PARAGRAPHS,
                                       use="position()")])]
    labels = [str(p.get("n")) for p in tei.iterfind("tei:text/tei:body/tei:div/tei:p[@n]", NS)]
    if labels and len(set(labels)) == len(labels):
        declarations.append(el("refsDecl", [el("citeStructure", unit="point", match=POINTS,
                                               use="@n")], n="points"))
    anchor = encoding.find("tei:editorialDecl", NS)
    position = encoding.index(anchor) + 1 if anchor is not None else len(encoding)
    for offset, declaration in enumerate(declarations):
        encoding.insert(position + offset, declaration)
