"""`teikit serve`: real uvicorn on a localhost port; DTS 1.0 and OAI-PMH 2.0 checked over HTTP."""

from __future__ import annotations

import base64
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from lxml import etree

from teitest import ROOT, assert_tei_all
from toolkit.cli import main
from toolkit.server import ServerConfig, create_app

FIXTURES = Path(__file__).parent / "fixtures"
# ../shared beside the repository: the only material outside it a test may read
FRUS_VOLUME = Path(__file__).resolve().parents[2].parent / "shared" / "frus" / "frus1894Nicaragua.xml"
OAI = {"o": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
       "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/", "tei": "http://www.tei-c.org/ns/1.0"}
DTS_NS = "https://w3id.org/api/dts#"
PAGE = 25


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(ROOT / "tei" / "116488.xml", folder)
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    sources = [str(FIXTURES / "frus-modern.xml"), str(FIXTURES / "letter.xml")]
    if FRUS_VOLUME.exists():
        sources.append(str(FRUS_VOLUME))
    assert main(["import", *sources, "-o", str(folder), "-j", "1"]) == 0
    return folder


def serve(folder: Path, config: ServerConfig | None = None) -> Iterator[str]:
    """A real uvicorn serving the edition on a free localhost port (its base URL yielded)."""
    port = free_port()
    app = create_app(config or ServerConfig(folder, title="Test edition", repository_id="test.teikit.org",
                                            page_size=PAGE))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def base(edition: Path) -> Iterator[str]:
    yield from serve(edition)


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=60) as session:
        yield session


def numbers(edition: Path) -> set[str]:
    return {p.stem for p in edition.glob("*.xml")}


# -- OAI-PMH ----------------------------------------------------------------------------------

def oai(client: httpx.Client, **params: str) -> etree._Element:
    response = client.get("/oai", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    return etree.fromstring(response.content)


def error_code(root: etree._Element) -> str:
    error = root.find("o:error", OAI)
    assert error is not None, etree.tostring(root)[:400]
    return str(error.get("code"))


def test_identify(client: httpx.Client, base: str) -> None:
    root = oai(client, verb="Identify")
    assert root.findtext("o:request", namespaces=OAI) == f"{base}/oai"
    assert root.find("o:request", OAI).get("verb") == "Identify"  # type: ignore[union-attr]
    identify = root.find("o:Identify", OAI)
    assert identify is not None
    assert identify.findtext("o:protocolVersion", namespaces=OAI) == "2.0"
    assert identify.findtext("o:baseURL", namespaces=OAI) == f"{base}/oai"
    assert identify.findtext("o:granularity", namespaces=OAI) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("o:deletedRecord", namespaces=OAI) == "no"
    assert identify.findtext(".//{http://www.openarchives.org/OAI/2.0/oai-identifier}repositoryIdentifier") == "test.teikit.org"


def test_metadata_formats_and_sets(client: httpx.Client) -> None:
    formats = oai(client, verb="ListMetadataFormats")
    assert [n.text for n in formats.iterfind(".//o:metadataPrefix", OAI)] == ["oai_dc", "tei"]
    one = oai(client, verb="ListMetadataFormats", identifier="oai:test.teikit.org:116488")
    assert len(one.findall(".//o:metadataFormat", OAI)) == 2
    sets = oai(client, verb="ListSets")
    specs = {n.findtext("o:setSpec", namespaces=OAI): n.findtext("o:setName", namespaces=OAI)
             for n in sets.iterfind(".//o:set", OAI)}
    assert specs["wcda"] == "Wilson Center Digital Archive"
    assert specs["frus"] == "Office of the Historian, U.S. Department of State"
    assert specs["edition"] == "Example Letters Edition"


def harvest(client: httpx.Client, verb: str, **params: str) -> tuple[list[etree._Element], list[etree._Element]]:
    """Follow resumption tokens to the end; returns the headers (or records) and the tokens."""
    items: list[etree._Element] = []
    tokens: list[etree._Element] = []
    root = oai(client, verb=verb, **params)
    while True:
        listing = root.find(f"o:{verb}", OAI)
        assert listing is not None, etree.tostring(root)[:500]
        items += listing.findall("o:record" if verb == "ListRecords" else "o:header", OAI)
        token = listing.find("o:resumptionToken", OAI)
        if token is None or not token.text:
            if token is not None:
                tokens.append(token)
            return items, tokens
        tokens.append(token)
        root = oai(client, verb=verb, resumptionToken=token.text)


def test_full_harvest_returns_each_document_exactly_once(client: httpx.Client, edition: Path) -> None:
    records, tokens = harvest(client, "ListRecords", metadataPrefix="oai_dc")
    identifiers = [r.findtext("o:header/o:identifier", namespaces=OAI) for r in records]
    assert len(identifiers) == len(set(identifiers))
    assert {str(i).rsplit(":", 1)[1] for i in identifiers} == numbers(edition)
    total = len(numbers(edition))
    assert total > PAGE  # the harvest really was paged
    assert len(tokens) == -(-total // PAGE)
    assert all(t.get("completeListSize") == str(total) for t in tokens)
    assert [int(str(t.get("cursor"))) for t in tokens] == list(range(0, total, PAGE))
    assert tokens[-1].text is None  # the last page carries an empty token
    first = records[0].find("o:metadata/oai_dc:dc", OAI)
    assert first is not None and first.findtext("dc:title", namespaces=OAI)


def test_list_identifiers_by_set_and_date(client: httpx.Client, edition: Path) -> None:
    headers, _tokens = harvest(client, "ListIdentifiers", metadataPrefix="tei", set="wcda")
    assert [h.findtext("o:identifier", namespaces=OAI) for h in headers] == ["oai:test.teikit.org:116488"]
    assert headers[0].findtext("o:setSpec", namespaces=OAI) == "wcda"
    stamp = str(headers[0].findtext("o:datestamp", namespaces=OAI))
    same, _ = harvest(client, "ListIdentifiers", metadataPrefix="tei", set="wcda", **{"from": stamp, "until": stamp})
    assert len(same) == 1
    day, _ = harvest(client, "ListIdentifiers", metadataPrefix="oai_dc", **{"from": stamp[:10], "until": stamp[:10]})
    assert len(day) == len(numbers(edition))
    assert error_code(oai(client, verb="ListIdentifiers", metadataPrefix="tei", **{"from": "2999-01-01"})) == "noRecordsMatch"
    assert error_code(oai(client, verb="ListIdentifiers", metadataPrefix="tei", set="nosuchset")) == "noRecordsMatch"


def test_get_record_in_both_formats(client: httpx.Client, tei_all: etree.RelaxNG) -> None:
    root = oai(client, verb="GetRecord", identifier="oai:test.teikit.org:116488", metadataPrefix="tei")
    tei = root.find(".//o:metadata/tei:TEI", OAI)
    assert tei is not None
    assert_tei_all(tei_all, etree.fromstring(etree.tostring(tei)))
    assert tei.find(".//tei:standOff//tei:person[@{http://www.w3.org/XML/1998/namespace}id='kosygin']", OAI) is not None
    dc = oai(client, verb="GetRecord", identifier="oai:test.teikit.org:116488", metadataPrefix="oai_dc")
    assert dc.findtext(".//dc:date", namespaces=OAI) == "1965-01-08"
    posted = httpx.post(f"{client.base_url}/oai", data={"verb": "GetRecord", "metadataPrefix": "oai_dc",
                                                          "identifier": "oai:test.teikit.org:116488"})
    assert etree.fromstring(posted.content).findtext(".//dc:date", namespaces=OAI) == "1965-01-08"


@pytest.mark.parametrize(("params", "code"), [
    ({}, "badVerb"),
    ({"verb": "Dance"}, "badVerb"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "Identify", "set": "x"}, "badArgument"),
    ({"verb": "GetRecord", "identifier": "oai:test.teikit.org:116488"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01", "until": "2020-01-01T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-01", "until": "2020-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "abc"}, "badArgument"),
    ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
    ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "identifier": "oai:test.teikit.org:116488", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "identifier": "oai:elsewhere.org:116488", "metadataPrefix": "tei"}, "idDoesNotExist"),
    ({"verb": "GetRecord", "identifier": "oai:test.teikit.org:999999", "metadataPrefix": "tei"}, "idDoesNotExist"),
    ({"verb": "ListMetadataFormats", "identifier": "oai:test.teikit.org:nope"}, "idDoesNotExist"),
])
def test_oai_errors(client: httpx.Client, base: str, params: dict[str, str], code: str) -> None:
    root = oai(client, **params)
    assert error_code(root) == code
    request = root.find("o:request", OAI)
    assert request is not None and request.text == f"{base}/oai"
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}  # the protocol: no attributes echoed for these errors
    else:
        assert request.get("verb") == params["verb"]


def test_repeated_arguments_are_bad(client: httpx.Client, base: str) -> None:
    root = etree.fromstring(httpx.get(f"{base}/oai?verb=Identify&verb=Identify").content)
    assert error_code(root) == "badVerb"
    root = etree.fromstring(httpx.get(f"{base}/oai?verb=ListRecords&metadataPrefix=tei&metadataPrefix=tei").content)
    assert error_code(root) == "badArgument"


def test_tokens_are_refused_after_the_edition_changes(edition: Path, tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    shutil.copytree(edition / "registers", folder / "registers")
    for path in sorted(edition.glob("frus1894Nicaragua-d1*.xml")):
        shutil.copy(path, folder)
    for url in serve(folder):
        first = etree.fromstring(httpx.get(f"{url}/oai", params={"verb": "ListIdentifiers", "metadataPrefix": "tei"}).content)
        token = first.findtext(".//o:resumptionToken", namespaces=OAI)
        assert token
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        assert data["offset"] == PAGE
        shutil.copy(ROOT / "tei" / "116488.xml", folder)
        later = etree.fromstring(httpx.get(f"{url}/oai", params={"verb": "ListIdentifiers", "resumptionToken": token}).content)
        assert error_code(later) == "badResumptionToken"


def test_empty_edition_has_no_sets(tmp_path: Path) -> None:
    for url in serve(tmp_path):
        root = etree.fromstring(httpx.get(f"{url}/oai", params={"verb": "ListSets"}).content)
        assert error_code(root) == "noSetHierarchy"
        root = etree.fromstring(httpx.get(f"{url}/oai", params={"verb": "ListRecords", "metadataPrefix": "tei"}).content)
        assert error_code(root) == "noRecordsMatch"


# -- DTS 1.0 ----------------------------------------------------------------------------------

CONTEXT = "https://dtsapi.org/context/v1.0.json"


def dts(client: httpx.Client, path: str, status: int = 200, **params: str) -> dict:  # type: ignore[type-arg]
    response = client.get(f"/dts/{path}", params=params)
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/ld+json")
    data = response.json()
    assert data["@context"] == CONTEXT and data["dtsVersion"] == "1.0"
    return data  # type: ignore[no-any-return]


def test_entry_point(client: httpx.Client) -> None:
    data = dts(client, "")
    assert data["@type"] == "EntryPoint"
    base = str(client.base_url).rstrip("/")  # absolute templates (issue 14): validators follow them
    assert data["collection"] == f"{base}/dts/collection{{?id,page,nav}}"
    assert data["navigation"] == f"{base}/dts/navigation{{?resource,ref,start,end,down,tree,page}}"
    assert data["document"] == f"{base}/dts/document{{?resource,ref,start,end,tree,mediaType}}"


def test_collections(client: httpx.Client, edition: Path) -> None:
    root = dts(client, "collection")
    assert root["@id"] == "edition" and root["@type"] == "Collection" and root["totalParents"] == 0
    assert {m["@id"] for m in root["member"]} == {"wcda", "frus", "edition"}
    wcda = dts(client, "collection", id="wcda")
    assert wcda["totalChildren"] == 1
    resource = wcda["member"][0]
    assert resource["@type"] == "Resource" and resource["@id"] == "116488"
    base = str(client.base_url).rstrip("/")
    assert resource["document"] == f"{base}/dts/document?resource=116488{{&ref,start,end,tree,mediaType}}"
    assert resource["citationTrees"] == [  # as the converter declares them (refsDecl)
        {"@type": "CitationTree", "citeStructure": [{"@type": "CiteStructure", "citeType": "paragraph"}]},
        {"@type": "CitationTree", "identifier": "points",
         "citeStructure": [{"@type": "CiteStructure", "citeType": "point"}]}]
    single = dts(client, "collection", id="116488")
    assert single["@type"] == "Resource" and single["dublinCore"]["date"] == ["1965-01-08"]
    parents = dts(client, "collection", id="116488", nav="parents")
    assert [m["@id"] for m in parents["member"]] == ["wcda"]
    dts(client, "collection", 404, id="nothing")
    dts(client, "collection", 400, id="wcda", nav="sideways")
    dts(client, "collection", 400, id="wcda", page="0")


def test_collection_pagination(client: httpx.Client, edition: Path) -> None:
    frus = dts(client, "collection", id="frus")
    total = len([n for n in numbers(edition) if n.startswith("frus")])
    assert frus["totalChildren"] == total > PAGE
    assert len(frus["member"]) == PAGE
    view = frus["view"]
    assert view["@type"] == "Pagination" and "previous" not in view and "page=2" in view["next"]
    seen = [m["@id"] for m in frus["member"]]
    page = 2
    while "next" in view:
        data = dts(client, "collection", id="frus", page=str(page))
        seen += [m["@id"] for m in data["member"]]
        view = data["view"]
        page += 1
    assert len(seen) == len(set(seen)) == total
    dts(client, "collection", 404, id="frus", page=str(page + 1))


def test_navigation(client: httpx.Client) -> None:
    top = dts(client, "navigation", resource="116488", down="1")
    assert top["@type"] == "Navigation" and top["resource"]["@id"] == "116488"
    assert [m["identifier"] for m in top["member"]][:3] == ["1", "2", "3"]
    assert all(m["level"] == 1 and m["parent"] is None and m["citeType"] == "paragraph" for m in top["member"])
    one = dts(client, "navigation", resource="116488", ref="3")
    assert one["ref"]["identifier"] == "3" and "member" not in one
    siblings = dts(client, "navigation", resource="116488", ref="3", down="0")
    assert len(siblings["member"]) == len(top["member"])
    doc = "frus1961-63v05-d84"
    tree = dts(client, "navigation", resource=doc, down="-1")
    ids = [(m["identifier"], m["level"], m["parent"]) for m in tree["member"]]
    assert ids[:2] == [("main1", 1, None), ("main1.1", 2, "main1")]
    assert ("attachment1", 1, None) in ids and ("attachment1.1", 2, "attachment1") in ids
    structure = tree["resource"]["citationTrees"][0]["citeStructure"]
    assert [s["citeType"] for s in structure] == ["main", "attachment"]
    assert structure[0]["citeStructure"] == [{"@type": "CiteStructure", "citeType": "paragraph"}]
    shallow = dts(client, "navigation", resource=doc, down="1")
    assert [m["identifier"] for m in shallow["member"]] == ["main1", "attachment1"]
    below = dts(client, "navigation", resource=doc, ref="attachment1", down="1")
    assert [m["identifier"] for m in below["member"]] == ["attachment1.1"]
    span = dts(client, "navigation", resource="116488", start="2", end="4", down="1")
    assert [m["identifier"] for m in span["member"]] == ["2", "3", "4"]
    assert span["start"]["identifier"] == "2" and span["end"]["identifier"] == "4"


@pytest.mark.parametrize(("params", "status"), [
    ({}, 400),
    ({"resource": "116488"}, 400),
    ({"resource": "116488", "ref": "1", "start": "1", "end": "2"}, 400),
    ({"resource": "116488", "start": "1"}, 400),
    ({"resource": "116488", "end": "1", "down": "1"}, 400),
    ({"resource": "116488", "down": "0"}, 400),
    ({"resource": "116488", "start": "1", "end": "2", "down": "0"}, 400),
    ({"resource": "116488", "down": "many"}, 400),
    ({"resource": "116488", "start": "4", "end": "2"}, 400),
    ({"resource": "nothing", "down": "1"}, 404),
    ({"resource": "116488", "ref": "999"}, 404),
    ({"resource": "116488", "start": "1", "end": "999"}, 404),
    ({"resource": "116488", "down": "1", "tree": "pages"}, 404),
])
def test_navigation_errors(client: httpx.Client, params: dict[str, str], status: int) -> None:
    data = dts(client, "navigation", status, **params)
    assert data["@type"] == "Error" and data["statusCode"] == status


def test_document_whole_and_fragments(client: httpx.Client, tei_all: etree.RelaxNG) -> None:
    whole = client.get("/dts/document", params={"resource": "116488"})
    assert whole.status_code == 200
    assert whole.headers["content-type"].startswith("application/tei+xml")
    base = str(client.base_url).rstrip("/")
    assert whole.headers["link"] == f'<{base}/dts/collection?id=116488>; rel="collection"'
    tree = etree.fromstring(whole.content)
    assert_tei_all(tei_all, tree)
    assert tree.find(".//tei:persName[@ref='#kosygin']", OAI) is not None
    part = etree.fromstring(client.get("/dts/document", params={"resource": "116488", "ref": "3"}).content)
    assert part.tag == f"{{{OAI['tei']}}}TEI"
    wrapper = part.find(f".//{{{DTS_NS}}}wrapper")
    assert wrapper is not None and wrapper.get("ref") == "/TEI/text[1]/body[1]/div[1]/p[3]"
    paragraphs = wrapper.findall("tei:p", OAI)
    assert len(paragraphs) == 1 and paragraphs[0].get("n") == "1"
    assert part.find("tei:teiHeader", OAI) is not None
    span = etree.fromstring(client.get("/dts/document", params={"resource": "116488", "start": "2", "end": "4"}).content)
    assert len(span.findall(f".//{{{DTS_NS}}}wrapper/tei:p", OAI)) == 3
    attachment = etree.fromstring(client.get("/dts/document", params={"resource": "frus1961-63v05-d84",
                                                                       "ref": "attachment1"}).content)
    assert attachment.find(f".//{{{DTS_NS}}}wrapper/tei:div[@type='attachment']/tei:head", OAI) is not None


@pytest.mark.parametrize(("params", "status"), [
    ({}, 400),
    ({"resource": "116488", "ref": "1", "end": "2"}, 400),
    ({"resource": "116488", "start": "2"}, 400),
    ({"resource": "nothing"}, 404),
    ({"resource": "116488", "ref": "999"}, 404),
    ({"resource": "116488", "tree": "pages", "ref": "1"}, 404),
    ({"resource": "116488", "mediaType": "application/pdf"}, 404),
])
def test_document_errors(client: httpx.Client, params: dict[str, str], status: int) -> None:
    response = client.get("/dts/document", params=params)
    assert response.status_code == status
    assert response.json()["statusCode"] == status


def test_declared_cite_structures_are_the_citation_trees(tmp_path: Path) -> None:
    """A refsDecl/citeStructure in the document wins over the derived tree; others are named trees."""
    source = (ROOT / "tei" / "116488.xml").read_text(encoding="utf-8")
    source = re.sub(r"\s*<refsDecl.*?</refsDecl>", "", source, flags=re.S)  # the converter's own
    declaration = ('<refsDecl><citeStructure unit="paragraph" match="/TEI/text/body/div/p" use="position()"/>'
                   '</refsDecl><refsDecl n="points"><citeStructure unit="point" match="//body/div/p[@n]" '
                   'use="@n"/></refsDecl>')
    cited = source.replace("</appInfo>", "</appInfo>" + declaration, 1)
    assert cited != source
    (tmp_path / "116488.xml").write_text(cited, encoding="utf-8")
    shutil.copytree(ROOT / "tei" / "registers", tmp_path / "registers")
    for url in serve(tmp_path):
        resource = httpx.get(f"{url}/dts/collection", params={"id": "116488"}).json()
        assert resource["citationTrees"] == [
            {"@type": "CitationTree", "citeStructure": [{"@type": "CiteStructure", "citeType": "paragraph"}]},
            {"@type": "CitationTree", "identifier": "points",
             "citeStructure": [{"@type": "CiteStructure", "citeType": "point"}]}]
        points = httpx.get(f"{url}/dts/navigation", params={"resource": "116488", "tree": "points", "down": "1"}).json()
        assert [(m["identifier"], m["citeType"]) for m in points["member"]] == [("1", "point"), ("2", "point"), ("3", "point")]
        default = httpx.get(f"{url}/dts/navigation", params={"resource": "116488", "down": "1"}).json()
        assert len(default["member"]) > 3 and default["member"][2]["identifier"] == "3"
        part = etree.fromstring(httpx.get(f"{url}/dts/document", params={"resource": "116488", "tree": "points",
                                                                          "ref": "2"}).content)
        paragraphs = part.findall(f".//{{{DTS_NS}}}wrapper/tei:p", OAI)
        assert [p.get("n") for p in paragraphs] == ["2"]
        missing = httpx.get(f"{url}/dts/navigation", params={"resource": "116488", "tree": "pages", "down": "1"})
        assert missing.status_code == 404 and "points" in missing.json()["description"]


def test_navigation_pagination(client: httpx.Client, edition: Path) -> None:
    from toolkit.server.citations import units
    sizes = {p.stem: len(units(etree.parse(str(p)))) for p in edition.glob("frus*.xml")}
    resource, size = max(sizes.items(), key=lambda pair: pair[1])
    assert size > PAGE
    first = dts(client, "navigation", resource=resource, down="-1")
    assert len(first["member"]) == PAGE and first["view"]["@type"] == "Pagination"
    members = list(first["member"])
    view = first["view"]
    while "next" in view:
        page = client.get(view["next"]).json()
        members += page["member"]
        view = page["view"]
    assert len(members) == size and len({m["identifier"] for m in members}) == size
    assert "page=" in view["last"] and view["@id"] == view["last"]
    dts(client, "navigation", 404, resource=resource, down="-1", page="99")
