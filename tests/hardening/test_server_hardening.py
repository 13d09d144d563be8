"""Issue 14, item 8: the server under hostile requests, over real HTTP (uvicorn on localhost).

Strict harvesting (no xml:id repeated in a ListRecords response), hostile resumption tokens and
page numbers, bounded POST bodies, no Host header reflected, absolute DTS URI templates."""

from __future__ import annotations

import base64
import contextlib
import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from lxml import etree

from exchange.test_server import FIXTURES, OAI, serve
from teitest import ROOT
from toolkit.cli import main
from toolkit.server import ServerConfig

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PROTOCOL_ORDER = ["responseDate", "request"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample and two imported documents: each has its own register excerpt in standOff,
    so the same person's xml:id appears in more than one record."""
    folder = tmp_path_factory.mktemp("hostile-server")
    shutil.copy(ROOT / "tei" / "116488.xml", folder)
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    assert main(["import", str(FIXTURES / "frus-modern.xml"), str(FIXTURES / "letter.xml"),
                 "-o", str(folder), "-j", "1"]) == 0
    return folder


@pytest.fixture(scope="module")
def base(folder: Path) -> Iterator[str]:
    yield from serve(folder)


def get(base: str, path: str, **params: str) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, timeout=60)


@functools.cache
def oai_schema() -> etree.XMLSchema | None:
    """The protocol's own OAI-PMH.xsd (`make test` fetches it; see the Makefile): required in CI,
    where a missing schema must fail rather than quietly check less."""
    path = os.environ.get("TEIKIT_OAI_XSD") or str(ROOT / ".cache" / "OAI-PMH.xsd")
    if not Path(path).is_file():
        assert not os.environ.get("CI"), f"OAI-PMH.xsd not found at {path}"
        return None
    return etree.XMLSchema(etree.parse(path, etree.XMLParser(no_network=True)))


def structurally_valid(root: etree._Element) -> None:
    """Valid against OAI-PMH.xsd, and what it requires spelled out: OAI-PMH, then responseDate,
    request, then exactly one error list or one verb element."""
    schema = oai_schema()
    if schema is not None and not schema.validate(root):
        raise AssertionError(f"not valid against OAI-PMH.xsd: {schema.error_log}")
    assert root.tag == f"{{{OAI['o']}}}OAI-PMH"
    names = [etree.QName(c).localname for c in root if isinstance(c.tag, str)]
    assert names[:2] == PROTOCOL_ORDER, names
    rest = names[2:]
    assert rest and (set(rest) == {"error"} or (len(rest) == 1 and rest[0] != "error")), names


def test_list_records_in_tei_repeats_no_xml_id(base: str) -> None:
    response = get(base, "/oai", verb="ListRecords", metadataPrefix="tei")
    assert response.status_code == 200
    # strict parsing of the whole response as one document: libxml2 refuses a repeated ID
    root = etree.fromstring(response.content, etree.XMLParser(resolve_entities=False))
    structurally_valid(root)
    records = root.findall(".//o:record", OAI)
    assert len(records) >= 3
    ids = [str(n.get(XML_ID)) for n in root.iter() if isinstance(n.tag, str) and n.get(XML_ID)]
    assert ids and len(ids) == len(set(ids))
    for record in records:  # every #pointer still finds its target inside its own record
        own = {str(n.get(XML_ID)) for n in record.iter() if isinstance(n.tag, str) and n.get(XML_ID)}
        for node in record.iter():
            if not isinstance(node.tag, str):
                continue
            for value in node.attrib.values():
                for token in str(value).split():
                    if token.startswith("#") and len(token) > 1 and "." in token:
                        assert token[1:] in own, token
    single = etree.fromstring(get(base, "/oai", verb="GetRecord", metadataPrefix="tei",
                                  identifier="oai:test.teikit.org:116488").content)
    assert single.find(f".//tei:person[@{XML_ID}='kosygin']", OAI) is not None  # the document's own


@pytest.mark.parametrize("token", [
    base64.urlsafe_b64encode(b"[" * 200_000).decode(),  # RecursionError in json before issue 14
    base64.urlsafe_b64encode(b'{"a":' * 50_000).decode(),
    "A" * 100_000,
    "%%%",
])
def test_hostile_resumption_tokens_are_bad_tokens(base: str, token: str) -> None:
    response = httpx.post(f"{base}/oai", data={"verb": "ListRecords", "resumptionToken": token[:60_000]},
                          timeout=60)
    if len(token[:60_000]) + 40 > 64 * 1024:
        assert response.status_code == 413
        return
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    structurally_valid(root)
    assert root.find("o:error", OAI).get("code") == "badResumptionToken"  # type: ignore[union-attr]
    via_get = get(base, "/oai", verb="ListIdentifiers", resumptionToken=token[:6000])
    assert via_get.status_code == 200
    assert etree.fromstring(via_get.content).find("o:error", OAI).get("code") == "badResumptionToken"  # type: ignore[union-attr]


@pytest.mark.parametrize("path, params", [
    ("/dts/collection", {"page": "\u00b2"}),
    ("/dts/collection", {"page": "9" * 4300}),
    ("/dts/collection", {"page": "\u0663"}),  # ARABIC-INDIC DIGIT THREE: int() accepts it
    ("/dts/navigation", {"resource": "116488", "down": "\u00b2"}),
    ("/dts/navigation", {"resource": "116488", "down": "1" * 4300}),
    ("/dts/navigation", {"resource": "116488", "down": "1", "page": "1" * 4300}),
])
def test_odd_numbers_are_400(base: str, path: str, params: dict[str, str]) -> None:
    response = get(base, path, **params)
    assert response.status_code == 400, response.text[:300]
    assert response.json()["statusCode"] == 400


def test_post_bodies_are_bounded(base: str) -> None:
    big = b"verb=Identify&x=" + b"a" * (8 * 1024 * 1024)
    response = httpx.post(f"{base}/oai", content=big, timeout=60,
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and "over 65536 bytes" in response.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: the stream is cut at the limit
        yield b"verb=Identify&x="
        for _ in range(200):
            yield b"a" * 65536
    streamed = httpx.post(f"{base}/oai", content=chunks(), timeout=60,
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert streamed.status_code == 413
    small = httpx.post(f"{base}/oai", data={"verb": "Identify"}, timeout=60)
    assert small.status_code == 200 and b"<Identify>" in small.content


def test_an_unknown_host_is_refused_and_never_reflected(base: str) -> None:
    for path, params in (("/oai", {"verb": "Identify"}), ("/dts", {}), ("/dts/collection", {"page": "1"})):
        response = httpx.get(f"{base}{path}", params=params, headers={"Host": "evil.example"}, timeout=60)
        assert response.status_code == 400, (path, response.text[:200])
        assert "evil.example" not in response.headers.get("location", "")
    allowed = httpx.get(f"{base}/oai", params={"verb": "Identify"}, headers={"Host": "localhost"}, timeout=60)
    port = base.rsplit(":", 1)[1]
    assert etree.fromstring(allowed.content).findtext(".//o:baseURL", namespaces=OAI) == "http://localhost/oai"
    assert port


def test_a_configured_base_url_is_used_whatever_the_host(folder: Path) -> None:
    config = ServerConfig(folder, repository_id="test.teikit.org", page_size=1,
                          base_url="https://edition.example.org/api/")
    with contextlib.contextmanager(serve)(folder, config) as base_url:
        url = base_url
        hostile = {"Host": "evil.example"}
        identify = httpx.get(f"{url}/oai", params={"verb": "Identify"}, headers=hostile, timeout=60)
        root = etree.fromstring(identify.content)
        structurally_valid(root)
        assert root.findtext(".//o:baseURL", namespaces=OAI) == "https://edition.example.org/api/oai"
        assert root.findtext("o:request", namespaces=OAI) == "https://edition.example.org/api/oai"
        entry = httpx.get(f"{url}/dts", headers=hostile, timeout=60).json()
        assert entry["collection"] == "https://edition.example.org/api/dts/collection{?id,page,nav}"
        assert entry["navigation"].startswith("https://edition.example.org/api/dts/navigation{?")
        assert entry["document"].startswith("https://edition.example.org/api/dts/document{?")
        paged = httpx.get(f"{url}/dts/collection", headers=hostile, timeout=60).json()
        view = paged["view"]  # three archives, one per page
        assert view["next"] == "https://edition.example.org/api/dts/collection?page=2"
        for link in view.values():
            if link != "Pagination":
                assert str(link).startswith("https://edition.example.org/api/dts/collection?"), link
        assert "evil.example" not in identify.text + str(entry) + str(paged)


def test_entry_point_templates_are_absolute(base: str) -> None:
    entry = get(base, "/dts").json()
    assert entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0"
    for key in ("collection", "navigation", "document"):  # the DTS 1.0 entry point's members
        assert entry[key].startswith(f"{base}/dts/{key}{{?"), entry[key]
    collection = get(base, "/dts/collection").json()
    for member in collection["member"]:
        assert member["collection"].startswith(f"{base}/dts/collection?id=")


OAI_DC_ELEMENTS = {"title", "creator", "subject", "description", "publisher", "contributor", "date",
                   "type", "format", "identifier", "source", "language", "relation", "coverage", "rights"}
STAMP = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


@functools.cache
def oai_dc_schema() -> etree.XMLSchema:
    """The oai_dc format as the project states it from the OAI-PMH 2.0 specification
    (schemas/oai/: the Open Archives' own copy is in no package the build can install)."""
    return etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "oai" / "oai_dc.xsd"),
                                       etree.XMLParser(no_network=True)))


def check_record_structure(record: etree._Element, prefix: str) -> None:
    """A record's header and metadata: oai_dc against schemas/oai/oai_dc.xsd, strictly, plus what
    that schema cannot say (no empty element)."""
    import re as _re
    header = record.find("o:header", OAI)
    assert header is not None
    names = [etree.QName(c).localname for c in header]
    assert names[:2] == ["identifier", "datestamp"] and set(names[2:]) <= {"setSpec"}
    assert _re.match(STAMP, header.findtext("o:datestamp", namespaces=OAI) or "")
    metadata = record.find("o:metadata", OAI)
    assert metadata is not None and len(metadata) == 1  # exactly one element (xs:any, lax)
    if prefix == "oai_dc":
        dc = metadata[0]
        assert dc.tag == f"{{{OAI['oai_dc']}}}dc"
        schema = oai_dc_schema()
        assert schema.validate(dc), f"not valid oai_dc: {schema.error_log}"
        for element in dc:
            assert etree.QName(element).namespace == OAI["dc"]
            assert etree.QName(element).localname in OAI_DC_ELEMENTS
            assert len(element) == 0 and (element.text or "").strip()


def test_the_oai_dc_schema_refuses_what_the_format_does_not_allow() -> None:
    """The schema the harvest is checked with is not a pass-everything: each of these is refused."""
    head = ('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="urn:x">')
    schema = oai_dc_schema()
    assert schema.validate(etree.fromstring(head + '<dc:title xml:lang="en">A</dc:title><dc:date>1958</dc:date>'
                                            '<dc:title>B</dc:title></oai_dc:dc>'))
    for body in ("<dc:author>A</dc:author>", "<dc:title><dc:title>A</dc:title></dc:title>",
                 "<x:title>A</x:title>", '<dc:title type="x">A</dc:title>', "words"):
        assert not schema.validate(etree.fromstring(head + body + "</oai_dc:dc>")), body


@pytest.mark.parametrize("verb, prefix", [("ListRecords", "oai_dc"), ("ListRecords", "tei"),
                                          ("ListIdentifiers", "oai_dc")])
def test_every_response_of_a_harvest_is_well_formed_oai(folder: Path, verb: str, prefix: str) -> None:
    """A whole harvest page by page (page size 1), every response parsed strictly."""
    strict = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    config = ServerConfig(folder, repository_id="test.teikit.org", page_size=1)
    with contextlib.contextmanager(serve)(folder, config) as base_url:
        url = base_url + "/oai"
        params: dict[str, str] = {"verb": verb, "metadataPrefix": prefix}
        seen = 0
        while True:
            root = etree.fromstring(httpx.get(url, params=params, timeout=60).content, strict)
            structurally_valid(root)
            listing = root.find(f"o:{verb}", OAI)
            assert listing is not None, etree.tostring(root)[:300]
            for item in listing:
                name = etree.QName(item).localname
                if name == "record":
                    check_record_structure(item, prefix)
                    seen += 1
                elif name == "header":
                    seen += 1
                else:
                    assert name == "resumptionToken" and item is listing[-1]
                    assert set(item.attrib) <= {"completeListSize", "cursor", "expirationDate"}
            token = listing.findtext("o:resumptionToken", namespaces=OAI)
            if not token:
                break
            params = {"verb": verb, "resumptionToken": token}
        assert seen >= 3
        for extra in ({"verb": "Identify"}, {"verb": "ListSets"}, {"verb": "ListMetadataFormats"},
                      {"verb": "GetRecord", "identifier": "oai:test.teikit.org:116488", "metadataPrefix": prefix},
                      {"verb": "Nope"}, {"verb": "ListRecords", "metadataPrefix": "x"}):
            structurally_valid(etree.fromstring(httpx.get(url, params=extra, timeout=60).content, strict))


def test_dts_responses_have_the_required_members(base: str) -> None:
    """The members DTS 1.0 requires of each response type."""
    entry = get(base, "/dts").json()
    assert {"@context", "@id", "@type", "dtsVersion", "collection", "navigation", "document"} <= set(entry)
    root = get(base, "/dts/collection").json()
    required = {"@context", "@id", "@type", "dtsVersion", "title", "totalParents", "totalChildren", "collection"}
    assert required <= set(root)
    for member in root["member"]:
        assert {"@id", "@type", "title", "totalParents", "totalChildren"} <= set(member)
    resource = get(base, "/dts/collection", id="116488").json()
    assert {"navigation", "document", "collection", "@id", "@type", "title"} <= set(resource)
    assert resource["@type"] == "Resource"
    navigation = get(base, "/dts/navigation", resource="116488", down="1").json()
    assert {"@context", "@id", "@type", "dtsVersion", "resource", "member"} <= set(navigation)
    assert navigation["@id"].startswith(f"{base}/dts/navigation?")
    for unit in navigation["member"]:
        assert {"identifier", "@type", "level", "parent"} <= set(unit)
