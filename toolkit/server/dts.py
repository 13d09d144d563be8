"""Distributed Text Services 1.0 over the edition: entry point, collection, navigation, document.

Collections: the root collection holds one collection per archive (the OAI sets: `wcda`,
`frus`...), each holding its documents as Resources. Citation trees are derived at serve time
(toolkit.server.citations). Fragments come back inside `dts:wrapper` in a TEI document that
keeps the document's teiHeader. Errors are 400 (missing or conflicting parameters) and 404
(unknown resource, reference, tree, page or media type), as the specification lists them.

Every URI template and link is absolute (the community's DTS validator follows them), built
from the server's public base (its configured base URL, or the checked request host), never
from an unchecked Host header. Numbers in parameters are ASCII digits of bounded length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from contextvars import ContextVar
from copy import deepcopy
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from lxml import etree
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from toolkit.exchange.standalone import standalone
from toolkit.facsimile.published import resolve_image_urls
from toolkit.server.catalogue import Catalogue, Item
from toolkit.server.hosts import HostError
from toolkit.server.citations import CitationScheme, Unit, schemes
from toolkit.tei import tree_of
from toolkit.readers.tei_import.loss import source_path
from toolkit.tei import NS, TEI_NS, XML_LANG

CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_NS = "https://w3id.org/api/dts#"
VERSION = "1.0"
ROOT_ID = "edition"
TEI_MEDIA = "application/tei+xml"
_NUMBER = re.compile(r"^[0-9]{1,9}$")  # "²".isdigit() is true; int() of 4,300 digits raises


@dataclass(frozen=True)
class DtsConfig:
    prefix: str = "/dts"
    title: str = "teikit edition"
    page_size: int = 50
    # where the web edition is published (teikit.toml base_url): a document with a facsimile
    # links its IIIF manifest there, and its images' URLs point there (issue 15); '' links
    # none and keeps image URLs relative to the TEI file, since no published address is known
    edition_url: str = ""


class DtsError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class LdResponse(JSONResponse):
    media_type = "application/ld+json"


def _error(error: DtsError) -> Response:
    return LdResponse({"@context": CONTEXT, "@type": "Error", "dtsVersion": VERSION,
                       "statusCode": error.status, "title": "Bad Request" if error.status == 400 else "Not Found",
                       "description": error.message}, status_code=error.status)


def _relative(url: URL) -> str:
    """A URL's path and query, to be put after the public base."""
    return url.path + (f"?{url.query}" if url.query else "")


# the absolute DTS root of the request being answered (sync endpoints run in a thread pool,
# each call in its own copy of the context, so concurrent requests do not share it)
_ROOT: ContextVar[str] = ContextVar("dts_root", default="")


class DtsService:
    def __init__(self, catalogue: Catalogue, config: DtsConfig,
                 base: Callable[[Request], str] = lambda _request: "") -> None:
        self.catalogue = catalogue
        self.config = config
        self._base = base  # raises HostError for a host not served

    @property
    def root(self) -> str:
        return _ROOT.get() or self.config.prefix

    # -- templates ------------------------------------------------------------------------
    @property
    def collection_template(self) -> str:
        return f"{self.root}/collection{{?id,page,nav}}"

    @property
    def navigation_template(self) -> str:
        return f"{self.root}/navigation{{?resource,ref,start,end,down,tree,page}}"

    @property
    def document_template(self) -> str:
        return f"{self.root}/document{{?resource,ref,start,end,tree,mediaType}}"

    def entry(self, request: Request) -> Response:
        return self._guarded(self._entry, request)

    def _entry(self, request: Request) -> Response:
        return LdResponse({"@context": CONTEXT, "dtsVersion": VERSION, "@id": f"{self.root}/",
                           "@type": "EntryPoint", "collection": self.collection_template,
                           "navigation": self.navigation_template, "document": self.document_template})

    def _guarded(self, handler: Callable[[Request], Response], request: Request) -> Response:
        try:
            try:
                token = _ROOT.set(self._base(request) + self.config.prefix)
            except HostError as error:
                raise DtsError(400, str(error)) from None
            try:
                return handler(request)
            finally:
                _ROOT.reset(token)
        except DtsError as error:
            return _error(error)

    # -- collection -----------------------------------------------------------------------
    def _sets(self, items: list[Item]) -> dict[str, tuple[str, list[Item]]]:
        sets: dict[str, tuple[str, list[Item]]] = {}
        for item in items:
            sets.setdefault(item.set_spec, (item.set_name, []))[1].append(item)
        return sets

    def _resource(self, item: Item, full: bool) -> dict[str, Any]:
        rid = quote(item.number, safe="")
        data: dict[str, Any] = {
            "@id": item.number, "@type": "Resource", "title": item.title, "totalParents": 1, "totalChildren": 0,
            "collection": f"{self.root}/collection?id={rid}{{&page,nav}}",
            "navigation": f"{self.root}/navigation?resource={rid}{{&ref,start,end,down,tree,page}}",
            "document": f"{self.root}/document?resource={rid}{{&ref,start,end,tree,mediaType}}",
            "mediaTypes": [TEI_MEDIA],
            "citationTrees": [scheme.structure for scheme in schemes(item.tree)],
        }
        if full:
            data["dublinCore"] = self._dublin_core(item)
        manifest = self._manifest(item)
        if manifest:
            # DTS 1.0 leaves other vocabularies to `extensions`; this one is IIIF's own
            data["extensions"] = {"@context": "http://iiif.io/api/presentation/3/context.json",
                                  "seeAlso": [{"id": manifest, "type": "Manifest",
                                               "format": "application/ld+json",
                                               "profile": "http://iiif.io/api/presentation/3/context.json"}]}
        return data

    def _manifest(self, item: Item) -> str:
        """The IIIF manifest the web build publishes for the document, '' if none."""
        if not self.config.edition_url:
            return ""
        from toolkit.facsimile.iiif import pages_of

        if not any(page.image is not None for page in pages_of(item.tree.getroot(), item.path)):
            return ""
        return f"{self.config.edition_url.rstrip('/')}/iiif/{quote(item.number, safe='')}/manifest.json"

    def _dublin_core(self, item: Item) -> dict[str, Any]:
        header = item.tree.find("tei:teiHeader", NS)
        lang = item.tree.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") or "en"
        dc: dict[str, Any] = {"title": [{"lang": lang, "value": item.title}]}
        if header is not None:
            date = header.find("tei:profileDesc/tei:creation/tei:date", NS)
            if date is not None and date.get("when"):
                dc["date"] = [date.get("when")]
            languages = [str(n.get("ident")) for n in header.iterfind("tei:profileDesc/tei:langUsage/tei:language", NS)]
            if languages:
                dc["language"] = languages
            publisher = header.findtext("tei:fileDesc/tei:publicationStmt/tei:distributor", namespaces=NS)
            if publisher:
                dc["publisher"] = [" ".join(publisher.split())]
        return dc

    def _collection_object(self, cid: str, title: str, parents: int, children: int) -> dict[str, Any]:
        return {"@id": cid, "@type": "Collection", "title": title, "totalParents": parents,
                "totalChildren": children,
                "collection": f"{self.root}/collection?id={quote(cid, safe='')}{{&page,nav}}"}

    def collection(self, request: Request) -> Response:
        return self._guarded(self._collection, request)

    def _collection(self, request: Request) -> Response:
        params = request.query_params
        cid = params.get("id") or ROOT_ID
        nav = params.get("nav") or "children"
        if nav not in ("children", "parents"):
            raise DtsError(400, "nav is 'children' or 'parents'")
        page = self._page(params.get("page"))
        items = self.catalogue.items()
        sets = self._sets(items)
        members: list[dict[str, Any]]
        if cid == ROOT_ID:
            data = self._collection_object(ROOT_ID, self.config.title, 0, len(sets))
            members = [] if nav == "parents" else [
                self._collection_object(spec, name, 1, len(group)) for spec, (name, group) in sorted(sets.items())]
        elif cid in sets:
            name, group = sets[cid]
            data = self._collection_object(cid, name, 1, len(group))
            members = [self._collection_object(ROOT_ID, self.config.title, 0, len(sets))] if nav == "parents" \
                else [self._resource(item, full=False) for item in group]
        else:
            item = next((i for i in items if i.number == cid), None)
            if item is None:
                raise DtsError(404, f"no collection or resource {cid!r}")
            data = self._resource(item, full=True)
            members = [self._collection_object(item.set_spec, item.set_name, 1, len(sets[item.set_spec][1]))] \
                if nav == "parents" else []
        body: dict[str, Any] = {"@context": CONTEXT, "dtsVersion": VERSION, **data}
        body["collection"] = self.collection_template if data["@type"] == "Collection" else data["collection"]
        body.update(self._paged(members, page, request, "member"))
        return LdResponse(body)

    def _page(self, value: str | None) -> int | None:
        if value is None:
            return None
        if not _NUMBER.match(value) or int(value) < 1:
            raise DtsError(400, f"page={value!r}: a page is a number from 1")
        return int(value)

    def _paged(self, members: list[Any], page: int | None, request: Request, key: str) -> dict[str, Any]:
        size = self.config.page_size
        if len(members) <= size and page in (None, 1):
            return {key: members}
        last = max(1, math.ceil(len(members) / size))
        current = page or 1
        if current > last:
            raise DtsError(404, f"page {current} is past the last page ({last})")

        base = self._base(request)

        def url(number: int) -> str:
            return base + _relative(request.url.include_query_params(page=number))
        view = {"@id": url(current), "@type": "Pagination", "first": url(1),
                "previous": url(current - 1) if current > 1 else None,
                "next": url(current + 1) if current < last else None, "last": url(last)}
        return {key: members[(current - 1) * size: current * size],
                "view": {k: v for k, v in view.items() if v is not None}}

    # -- navigation -----------------------------------------------------------------------
    def _target(self, params: Any) -> tuple[Item, CitationScheme, list[Unit], dict[str, Unit]]:
        resource = params.get("resource")
        if not resource:
            raise DtsError(400, "the resource parameter is required")
        item = self.catalogue.get(resource)
        if item is None:
            raise DtsError(404, f"no resource {resource!r}")
        tree = params.get("tree")
        available = schemes(item.tree)
        chosen = next((s for s in available if s.identifier == tree), None) if tree is not None else available[0]
        if chosen is None:
            names = [s.identifier for s in available if s.identifier]
            raise DtsError(404, f"no citation tree {tree!r} in the resource"
                           + (f"; its other trees: {', '.join(names)}" if names else "; it has only its default tree"))
        return item, chosen, chosen.units, chosen.by_id()

    def _range(self, params: Any, by_id: dict[str, Unit], found: list[Unit]) -> tuple[Unit | None, Unit | None, Unit | None]:
        ref, start, end = params.get("ref"), params.get("start"), params.get("end")
        if ref is not None and (start is not None or end is not None):
            raise DtsError(400, "ref cannot be combined with start or end")
        if (start is None) != (end is None):
            raise DtsError(400, "start and end go together")
        for name, value in (("ref", ref), ("start", start), ("end", end)):
            if value is not None and value not in by_id:
                raise DtsError(404, f"{name}={value!r} is not a reference of the resource")
        ref_unit = by_id[ref] if ref is not None else None
        start_unit = by_id[start] if start is not None else None
        end_unit = by_id[end] if end is not None else None
        if start_unit and end_unit and found.index(start_unit) > found.index(end_unit):
            raise DtsError(400, "start comes after end in the document")
        return ref_unit, start_unit, end_unit

    def navigation(self, request: Request) -> Response:
        return self._guarded(self._navigation, request)

    @staticmethod
    def _unit(unit: Unit) -> dict[str, Any]:
        data: dict[str, Any] = {"identifier": unit.identifier, "@type": "CitableUnit", "level": unit.level,
                                "parent": unit.parent, "citeType": unit.cite_type}
        if unit.title:
            data["dublinCore"] = {"title": [{"lang": "en", "value": unit.title}]}
        return data

    def _navigation(self, request: Request) -> Response:
        params = request.query_params
        item, _scheme, found, by_id = self._target(params)
        ref, start, end = self._range(params, by_id, found)
        down_value = params.get("down")
        down: int | None = None
        if down_value is not None:
            if not re.match(r"^-?[0-9]{1,9}$", down_value):
                raise DtsError(400, f"down={down_value!r} is not a number")
            down = int(down_value)
            if down < -1:
                raise DtsError(400, "down is -1 (the whole tree) or a depth from 0")
        page = self._page(params.get("page"))
        if down is None and ref is None and start is None:
            raise DtsError(400, "give ref, start and end, or down")
        if down == 0 and ref is None:
            raise DtsError(400, "down=0 needs ref (it lists the siblings of ref)")
        body: dict[str, Any] = {"@context": CONTEXT, "dtsVersion": VERSION, "@type": "Navigation",
                                "@id": self._base(request) + _relative(request.url), "resource": self._resource(item, full=False)}
        if ref is not None:
            body["ref"] = self._unit(ref)
        if start is not None and end is not None:
            body["start"] = self._unit(start)
            body["end"] = self._unit(end)
        if down is None:
            return LdResponse(body)
        if down == 0:
            assert ref is not None
            members = [u for u in found if u.parent == ref.parent]
        elif ref is not None:
            members = [u for u in found if u.identifier.startswith(ref.identifier + ".")
                       and (down == -1 or u.level <= ref.level + down)]
            members = members or [ref]
        elif start is not None and end is not None:
            span = found[found.index(start): found.index(end) + 1]
            tops = [u for u in span if not any(u.identifier.startswith(o.identifier + ".") for o in span if o is not u)]
            base = max(start.level, end.level)
            members = [u for u in found if any(u is t or u.identifier.startswith(t.identifier + ".") for t in tops)
                       and (down == -1 or u.level <= base + down)]
        else:
            members = [u for u in found if down == -1 or u.level <= down]
        body.update(self._paged([self._unit(u) for u in members], page, request, "member"))
        return LdResponse(body)

    # -- document -------------------------------------------------------------------------
    def document(self, request: Request) -> Response:
        return self._guarded(self._document, request)

    def _document(self, request: Request) -> Response:
        params = request.query_params
        item, scheme, found, by_id = self._target(params)
        ref, start, end = self._range(params, by_id, found)
        media = params.get("mediaType")
        if media is not None and media not in (TEI_MEDIA, "application/xml", "text/xml"):
            raise DtsError(404, f"mediaType {media!r} is not available; use {TEI_MEDIA}")
        root = standalone(self.catalogue.edition(), item.number)
        # images relative to the TEI file: where the web edition published them (issue 15)
        resolve_image_urls(root, item.path, item.number, self.config.edition_url)
        if ref is not None or start is not None:
            if ref is not None:
                chosen = [ref]
            else:
                assert start is not None and end is not None
                span = found[found.index(start): found.index(end) + 1]
                chosen = [u for u in span if not any(u.identifier.startswith(o.identifier + ".") for o in span if o is not u)]
            root = self._fragment(root, scheme, chosen, ref, start, end)
        link = f'<{self.root}/collection?id={quote(item.number, safe="")}>; rel="collection"'
        return Response(etree.tostring(tree_of(root), xml_declaration=True, encoding="UTF-8"),
                        media_type=TEI_MEDIA, headers={"Link": link})

    def _fragment(self, full: etree._Element, scheme: CitationScheme, chosen: list[Unit], ref: Unit | None,
                  start: Unit | None, end: Unit | None) -> etree._Element:
        """A TEI document with the header (and standOff) and the chosen units inside dts:wrapper."""
        root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS, "dts": DTS_NS})  # type: ignore[dict-item]
        for attribute, value in full.attrib.items():
            root.set(attribute, value)
        for child in full:
            if isinstance(child.tag, str) and etree.QName(child).localname in ("teiHeader", "standOff"):
                root.append(deepcopy(child))
        text = etree.SubElement(root, f"{{{TEI_NS}}}text")
        source_text = full.find("tei:text", NS)
        if source_text is not None and source_text.get(XML_LANG):
            text.set(XML_LANG, str(source_text.get(XML_LANG)))
        wrapper = etree.SubElement(etree.SubElement(text, f"{{{TEI_NS}}}body"), f"{{{DTS_NS}}}wrapper")
        if ref is not None:
            wrapper.set("ref", source_path(ref.element))
        elif start is not None and end is not None:
            wrapper.set("start", source_path(start.element))
            wrapper.set("end", source_path(end.element))
        # the standalone document has the same body, with pointers into its own standOff
        same = next(s for s in schemes(full.getroottree()) if s.identifier == scheme.identifier)
        own = same.by_id()
        for unit in chosen:
            copy = deepcopy(own[unit.identifier].element)
            copy.tail = None
            wrapper.append(copy)
        return root
