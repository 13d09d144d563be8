"""Other archives' facsimiles and the exchange formats (issue 15).

An imported letter keeps its `facsimile` and `pb/@facs`; its local page images are published
and shown like a converted report's; a remote one is listed in the loss report and never
fetched (the build runs with sockets refused). DTS and OAI-PMH keep `@facs`, and the DTS
collection entry of a document with a facsimile links its IIIF manifest; with a base_url their
page images are the published IIIF images, without one relative to the TEI file as written."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
from lxml import etree, html

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.cli import main

from edition_cli import serving

from .scans import SAMPLE, make_edition, page_image, scan_pdf

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Letter from Anna to Johan, 9 October 1905</title></titleStmt>
      <publicationStmt><publisher>A letters edition</publisher><idno type="local">anna-0001</idno></publicationStmt>
      <sourceDesc><p>Autograph letter, two leaves.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <facsimile>
    <surface xml:id="s1"><graphic url="scans/p1.png"/></surface>
    <surface xml:id="s2"><graphic url="scans/p2.png"/></surface>
    <surface xml:id="s3"><graphic url="https://images.example.org/anna-0001/3.jpg"/></surface>
  </facsimile>
  <text>
    <body>
      <pb n="1" facs="#s1"/>
      <p>Dear Johan, your letter came yesterday. Mother is well again and sends her love.</p>
      <pb n="2" facs="#s2"/>
      <p>We have sold the farm by the lake.</p>
      <pb n="3" facs="#s3"/>
      <p>Write soon! Anna</p>
    </body>
  </text>
</TEI>
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("import")
    (root / "src" / "scans").mkdir(parents=True)
    (root / "src" / "letter.xml").write_text(LETTER, "utf-8")
    for number in (1, 2):
        page_image(number).save(root / "src" / "scans" / f"p{number}.png")
    assert main(["import", str(root / "src" / "letter.xml"), "-o", str(root / "out"), "-j", "1"]) == 0
    shutil.copytree(root / "src" / "scans", root / "out" / "scans")  # as the loss report says
    return root


def test_the_import_keeps_the_facsimile_and_lists_the_remote_image(imported: Path) -> None:
    tree = etree.parse(str(imported / "out" / "anna-0001.xml"))
    assert [pb.get("facs") for pb in tree.iter(f"{{{TEI}}}pb")] == ["#s1", "#s2", "#s3"]
    assert [g.get("url") for g in tree.iterfind("tei:facsimile/tei:surface/tei:graphic", NS)] == \
        ["scans/p1.png", "scans/p2.png", "https://images.example.org/anna-0001/3.jpg"]
    loss = json.loads((imported / "out" / "loss" / "anna-0001.json").read_text("utf-8"))
    remote = [e for e in loss["entries"] if "remote image" in e["detail"]]
    assert len(remote) == 1 and remote[0]["element"] == "graphic/@url" and remote[0]["line"] == 13
    assert "never fetched" in remote[0]["detail"]


def test_local_pages_are_published_and_shown_and_nothing_is_fetched(
        imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the build opened a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    config = BuildConfig(source_dir=imported / "out", output_dir=imported / "build", jobs=1)
    run_builder(HtmlBuilder, config)
    site = imported / "build" / "html"
    assert sorted(p.name for p in (site / "iiif" / "anna-0001").iterdir()) == ["1", "2", "manifest.json"]
    manifest = json.loads((site / "iiif" / "anna-0001" / "manifest.json").read_text("utf-8"))
    assert [c["label"] for c in manifest["items"]] == [{"none": ["p. 1"]}, {"none": ["p. 2"]}]
    page = html.fromstring((site / "anna-0001.html").read_bytes())
    # the letter's own pb opens page 1 (no extra marker), the remote page 3 has none
    assert [b.get("data-facs-page") for b in page.xpath("//button[@class='tk-facs-open']")] == ["1", "2"]
    assert page.xpath("//aside[@id='tk-facsimile']//li/@data-page") == ["1", "2"]


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exchange")
    folder = make_edition(root / "edition")
    assert main(["facsimile", str(folder / "tei" / f"{SAMPLE}.xml"), str(scan_pdf(root / "scan.pdf", 3))]) == 0
    return folder


def test_the_dts_collection_entry_links_the_manifest(edition: Path, imported: Path) -> None:
    # `teikit serve` reads the web edition's address from teikit.toml (base_url)
    config = edition / "teikit.toml"
    config.write_text(config.read_text("utf-8").replace('base_url = ""', 'base_url = "https://edition.example.org/"'), "utf-8")
    with serving(["tei"], cwd=edition) as base, httpx.Client(base_url=base, timeout=60) as client:
        entry = client.get("/dts/collection", params={"id": SAMPLE}).json()
        assert entry["extensions"]["seeAlso"] == [{
            "id": f"https://edition.example.org/iiif/{SAMPLE}/manifest.json", "type": "Manifest",
            "format": "application/ld+json", "profile": "http://iiif.io/api/presentation/3/context.json"}]
        document = client.get("/dts/document", params={"resource": SAMPLE})
        tree = etree.fromstring(document.content)
        assert [pb.get("facs") for pb in tree.iter(f"{{{TEI}}}pb")] == [f"#facs-{SAMPLE}-2", f"#facs-{SAMPLE}-3"]
        record = etree.fromstring(client.get("/oai", params={
            "verb": "GetRecord", "identifier": f"oai:teikit.example.org:{SAMPLE}", "metadataPrefix": "tei"}).content)
        assert [pb.get("facs") for pb in record.iter(f"{{{TEI}}}pb")] == [f"#facs-{SAMPLE}-2", f"#facs-{SAMPLE}-3"]
        assert len(record.findall(f".//{{{TEI}}}facsimile/{{{TEI}}}surface")) == 3
        listed = etree.fromstring(client.get("/oai", params={"verb": "ListRecords", "metadataPrefix": "tei"}).content)
        ids = {s.get("{http://www.w3.org/XML/1998/namespace}id") for s in listed.iter(f"{{{TEI}}}surface")}
        pointers = {pb.get("facs") for pb in listed.iter(f"{{{TEI}}}pb")}
        assert pointers and {p.lstrip("#") for p in pointers} <= ids  # scoped ids, pointers still resolve
        # page images: where the web edition published them, not relative to a TEI file elsewhere
        scans = [f"https://edition.example.org/iiif/{SAMPLE}/{n}/full/max/0/default.jpg" for n in (1, 2, 3)]
        assert [g.get("url") for g in tree.iter(f"{{{TEI}}}graphic")] == scans
        assert [g.get("url") for g in record.iter(f"{{{TEI}}}graphic")] == scans
        assert scans[0] in {g.get("url") for g in listed.iter(f"{{{TEI}}}graphic")}
    # without a known web edition address, no link is invented
    config.write_text(config.read_text("utf-8").replace('base_url = "https://edition.example.org/"', 'base_url = ""'), "utf-8")
    with serving(["tei"], cwd=edition) as base:
        assert "extensions" not in httpx.get(f"{base}/dts/collection", params={"id": SAMPLE}).json()
        # and image URLs stay as the file writes them, relative to it
        written = [g.get("url") for g in etree.parse(str(edition / "tei" / f"{SAMPLE}.xml")).iter(f"{{{TEI}}}graphic")]
        assert written and all(u.startswith(f"../facsimiles/{SAMPLE}/") for u in written)
        served = etree.fromstring(httpx.get(f"{base}/dts/document", params={"resource": SAMPLE}).content)
        assert [g.get("url") for g in served.iter(f"{{{TEI}}}graphic")] == written
