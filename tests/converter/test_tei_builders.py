"""toolkit.tei.el builds elements in a shared factory document (for speed): what callers
see must be what a document of their own gives."""

from __future__ import annotations

import threading

from lxml import etree

from toolkit.output import serialize
from toolkit.tei import TEI_NS, XML_ID, XML_LANG, el, sub


def test_a_detached_element_serialises_alone_with_its_namespace() -> None:
    node = el("persName", "Kim", ref="per:kim", xml_id="n1", type_="x", xml_lang="ko")
    assert etree.tostring(node) == (
        f'<persName xmlns="{TEI_NS}" ref="per:kim" xml:id="n1" type="x" xml:lang="ko">Kim'
        "</persName>").encode()
    assert node.get(XML_ID) == "n1" and node.get(XML_LANG) == "ko"
    assert node.getparent() is None


def test_a_tei_root_is_its_own_document() -> None:
    root = el("TEI", xml_lang="en")
    text = sub(root, "text")
    sub(text, "body", [el("p", ["a ", el("hi", "b", rend="bold"), " c"])])
    assert root.getroottree().getroot() is root
    assert etree.ElementTree(root).getroot() is root
    data = serialize(etree.ElementTree(root))
    assert data.decode().count("xmlns=") == 1  # declared once, on the root
    assert b'<p>a <hi rend="bold">b</hi> c</p>' in data
    assert etree.fromstring(data).tag == f"{{{TEI_NS}}}TEI"


def test_elements_made_in_other_threads_are_whole() -> None:
    made: list[bytes] = []

    def work() -> None:
        root = el("TEI")
        for index in range(200):
            sub(root, "p", [el("name", str(index))], n=str(index))
        made.append(serialize(etree.ElementTree(root)))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 4 and len(set(made)) == 1
    assert made[0].count(b"<p ") == 200
