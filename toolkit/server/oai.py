"""OAI-PMH 2.0 over the edition: the six verbs, oai_dc and tei records, sets by archive.

Records are the edition's documents; identifiers are `oai:{repository}:{number}`, datestamps
the files' modification times (seconds, UTC). Lists are paged with resumption tokens that
carry the request and the position; a token also carries a digest of the edition, so a
harvest that spans a change of the edition is told to start again (badResumptionToken)
instead of silently skipping or repeating records. Errors use the codes of the protocol.

In ListRecords, a tei record's xml:ids (and the #pointers to them) are prefixed with the
record's number (r116488.kosygin), so a list of records repeats no identifier: strict harvesters parse a whole response as one XML
document, and ids unique per document are not unique per response. GetRecord gives the document's own identifiers.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from lxml import etree

from toolkit.exchange.dc import dc_record
from toolkit.exchange.edition import Edition
from toolkit.exchange.standalone import standalone
from toolkit.server.catalogue import Catalogue, Item
from toolkit.facsimile.published import resolve_image_urls
from toolkit.tei import TEI_NS, XML_ID

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    "tei": ("https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd", TEI_NS),
}
VERBS: dict[str, tuple[set[str], set[str]]] = {  # verb -> (required, optional) arguments
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_NOT_NAME = re.compile(r"[^A-Za-z0-9._-]")
MAX_TOKEN = 4096  # the tokens issued here are a few hundred characters


@dataclass(frozen=True)
class OaiConfig:
    repository_name: str
    repository_id: str  # the namespace part of oai identifiers, a domain name
    admin_email: str
    page_size: int = 50
    edition_url: str = ""  # the web edition's address: tei records' image URLs point there


class OaiError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_stamp(value: str, name: str, end: bool) -> tuple[datetime, str]:
    if _DAY.match(value):
        granularity = "day"
        try:
            moment = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        except ValueError:
            raise OaiError("badArgument", f"{name}={value!r} is not a date") from None
        if end:
            moment += timedelta(days=1, seconds=-1)
        return moment, granularity
    if _SECOND.match(value):
        try:
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc), "seconds"
        except ValueError:
            raise OaiError("badArgument", f"{name}={value!r} is not a date and time") from None
    raise OaiError("badArgument", f"{name}={value!r}: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")


class OaiRepository:
    def __init__(self, catalogue: Catalogue, config: OaiConfig) -> None:
        self.catalogue = catalogue
        self.config = config

    # -- request handling -----------------------------------------------------------------
    def respond(self, pairs: Sequence[tuple[str, str]], base_url: str) -> bytes:
        """The OAI-PMH response document for the request's (name, value) argument pairs."""
        root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})  # type: ignore[dict-item]
        root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
        etree.SubElement(root, f"{{{OAI_NS}}}responseDate").text = _stamp(datetime.now(timezone.utc))
        request = etree.SubElement(root, f"{{{OAI_NS}}}request")
        request.text = base_url
        try:
            verb, args = self._arguments(pairs)
            for key, value in [("verb", verb), *sorted(args.items())]:
                request.set(key, value)
            root.append(getattr(self, f"_verb_{verb}")(args, base_url))
        except OaiError as error:
            if error.code in ("badVerb", "badArgument"):
                request.attrib.clear()
            node = etree.SubElement(root, f"{{{OAI_NS}}}error", code=error.code)
            node.text = error.message
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _arguments(self, pairs: Sequence[tuple[str, str]]) -> tuple[str, dict[str, str]]:
        verbs = [value for key, value in pairs if key == "verb"]
        if not verbs:
            raise OaiError("badVerb", "the request has no verb")
        if len(verbs) > 1:
            raise OaiError("badVerb", "the verb argument is repeated")
        verb = verbs[0]
        if verb not in VERBS:
            raise OaiError("badVerb", f"{verb!r} is not an OAI-PMH verb")
        required, optional = VERBS[verb]
        args: dict[str, str] = {}
        for key, value in pairs:
            if key == "verb":
                continue
            if key not in required | optional:
                raise OaiError("badArgument", f"{verb} does not take the argument {key!r}")
            if key in args:
                raise OaiError("badArgument", f"the argument {key!r} is repeated")
            args[key] = value
        if "resumptionToken" in args:
            if len(args) > 1:
                raise OaiError("badArgument", "resumptionToken is an exclusive argument")
            return verb, args
        missing = sorted(required - set(args))
        if missing:
            raise OaiError("badArgument", f"{verb} needs the argument{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        return verb, args

    # -- verbs ----------------------------------------------------------------------------
    def _element(self, tag: str, text: str | None = None) -> etree._Element:
        node = etree.Element(f"{{{OAI_NS}}}{tag}")
        if text is not None:
            node.text = text
        return node

    def _child(self, parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
        node = etree.SubElement(parent, f"{{{OAI_NS}}}{tag}")
        if text is not None:
            node.text = text
        return node

    def _verb_Identify(self, _args: Mapping[str, str], base_url: str) -> etree._Element:
        items = self.catalogue.items()
        node = self._element("Identify")
        self._child(node, "repositoryName", self.config.repository_name)
        self._child(node, "baseURL", base_url)
        self._child(node, "protocolVersion", "2.0")
        self._child(node, "adminEmail", self.config.admin_email)
        earliest = min((item.datestamp for item in items), default=datetime.now(timezone.utc))
        self._child(node, "earliestDatestamp", _stamp(earliest))
        self._child(node, "deletedRecord", "no")
        self._child(node, "granularity", "YYYY-MM-DDThh:mm:ssZ")
        description = self._child(node, "description")
        ident = etree.SubElement(description, f"{{{ID_NS}}}oai-identifier", nsmap={None: ID_NS})  # type: ignore[dict-item]
        ident.set(f"{{{XSI_NS}}}schemaLocation", f"{ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd")
        for tag, text in (("scheme", "oai"), ("repositoryIdentifier", self.config.repository_id),
                          ("delimiter", ":"), ("sampleIdentifier", self.identifier(items[0].number if items else "116488"))):
            etree.SubElement(ident, f"{{{ID_NS}}}{tag}").text = text
        return node

    def _verb_ListMetadataFormats(self, args: Mapping[str, str], base_url: str) -> etree._Element:
        if "identifier" in args:
            self._item(args["identifier"])
        node = self._element("ListMetadataFormats")
        for prefix, (schema, namespace) in FORMATS.items():
            fmt = self._child(node, "metadataFormat")
            self._child(fmt, "metadataPrefix", prefix)
            self._child(fmt, "schema", schema)
            self._child(fmt, "metadataNamespace", namespace)
        return node

    def _verb_ListSets(self, args: Mapping[str, str], base_url: str) -> etree._Element:
        if "resumptionToken" in args:
            raise OaiError("badResumptionToken", "ListSets is not paged; this token was not issued here")
        sets = sorted({(item.set_spec, item.set_name) for item in self.catalogue.items()})
        if not sets:
            raise OaiError("noSetHierarchy", "the edition has no documents, hence no sets")
        node = self._element("ListSets")
        for spec, name in sets:
            entry = self._child(node, "set")
            self._child(entry, "setSpec", spec)
            self._child(entry, "setName", name)
        return node

    def _verb_GetRecord(self, args: Mapping[str, str], base_url: str) -> etree._Element:
        prefix = self._prefix(args["metadataPrefix"])
        item = self._item(args["identifier"])
        node = self._element("GetRecord")
        node.append(self._record(item, prefix))
        return node

    def _verb_ListIdentifiers(self, args: Mapping[str, str], base_url: str) -> etree._Element:
        return self._list("ListIdentifiers", args)

    def _verb_ListRecords(self, args: Mapping[str, str], base_url: str) -> etree._Element:
        return self._list("ListRecords", args)

    # -- helpers --------------------------------------------------------------------------

    def identifier(self, number: str) -> str:
        return f"oai:{self.config.repository_id}:{number}"

    def _item(self, identifier: str) -> Item:
        prefix = f"oai:{self.config.repository_id}:"
        item = self.catalogue.get(identifier[len(prefix):]) if identifier.startswith(prefix) else None
        if item is None:
            raise OaiError("idDoesNotExist", f"{identifier!r} is not an identifier of this repository")
        return item

    def _prefix(self, prefix: str) -> str:
        if prefix not in FORMATS:
            raise OaiError("cannotDisseminateFormat", f"metadataPrefix {prefix!r} is not supported; use oai_dc or tei")
        return prefix

    def _header(self, item: Item) -> etree._Element:
        header = self._element("header")
        self._child(header, "identifier", self.identifier(item.number))
        self._child(header, "datestamp", _stamp(item.datestamp))
        self._child(header, "setSpec", item.set_spec)
        return header

    def _record(self, item: Item, prefix: str, edition: Edition | None = None,
                scoped: bool = False) -> etree._Element:
        record = self._element("record")
        record.append(self._header(item))
        metadata = self._child(record, "metadata")
        edition = edition or self.catalogue.edition()
        if prefix == "oai_dc":
            metadata.append(dc_record(item.tree, edition, str(item.path.parent)))
        else:
            tei = standalone(edition, item.number)
            resolve_image_urls(tei, item.path, item.number, self.config.edition_url)  # or relative
            metadata.append(scoped_ids(tei, f"r{_NOT_NAME.sub('_', item.number)}.") if scoped else tei)
        return record

    def _list(self, verb: str, args: Mapping[str, str]) -> etree._Element:
        items = self.catalogue.items()
        digest = self.catalogue.edition().digest()
        if "resumptionToken" in args:
            query = self._decode(args["resumptionToken"], verb, digest)
        else:
            query = {key: args[key] for key in ("metadataPrefix", "from", "until", "set") if key in args}
            query["offset"] = 0
        prefix = self._prefix(str(query["metadataPrefix"]))
        low = high = None
        if "from" in query:
            low, low_granularity = _parse_stamp(str(query["from"]), "from", end=False)
        if "until" in query:
            high, high_granularity = _parse_stamp(str(query["until"]), "until", end=True)
        if low and high:
            if low_granularity != high_granularity:
                raise OaiError("badArgument", "from and until must have the same granularity")
            if low > high:
                raise OaiError("badArgument", "from is later than until")
        selected = [item for item in items
                    if (low is None or item.datestamp >= low) and (high is None or item.datestamp <= high)
                    and ("set" not in query or item.set_spec == query["set"])]
        if not selected:
            raise OaiError("noRecordsMatch", "no record matches the arguments")
        offset = query["offset"]
        assert isinstance(offset, int)
        if offset >= len(selected):
            raise OaiError("badResumptionToken", "the token points past the end of the list")
        page = selected[offset:offset + self.config.page_size]
        node = self._element(verb)
        edition = self.catalogue.edition()
        for item in page:
            node.append(self._header(item) if verb == "ListIdentifiers" else self._record(item, prefix, edition, scoped=True))
        following = offset + len(page)
        if offset > 0 or following < len(selected):
            token = self._child(node, "resumptionToken")
            token.set("completeListSize", str(len(selected)))
            token.set("cursor", str(offset))
            if following < len(selected):
                token.text = self._encode({**query, "offset": following, "verb": verb, "digest": digest})
        return node

    @staticmethod
    def _encode(data: Mapping[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data, sort_keys=True).encode()).decode().rstrip("=")

    @staticmethod
    def _decode(token: str, verb: str, digest: str) -> dict[str, object]:
        if len(token) > MAX_TOKEN:
            raise OaiError("badResumptionToken", "the resumptionToken is not one this repository issued")
        try:
            data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
            raise OaiError("badResumptionToken", "the resumptionToken is not one this repository issued") from None
        if not isinstance(data, dict) or data.get("verb") != verb or not isinstance(data.get("offset"), int) \
                or "metadataPrefix" not in data or data["offset"] < 0:
            raise OaiError("badResumptionToken", "the resumptionToken is not one this repository issued for " + verb)
        if data.get("digest") != digest:
            raise OaiError("badResumptionToken", "the edition changed since this token was issued; start the harvest again")
        return {k: v for k, v in data.items() if k not in ("verb", "digest")}


def scoped_ids(root: etree._Element, prefix: str) -> etree._Element:
    """Prefix every xml:id of the tree, and every `#id` pointer to one, with `prefix`."""
    ids = {str(node.get(XML_ID)) for node in root.iter() if isinstance(node.tag, str) and node.get(XML_ID)}
    if not ids:
        return root
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for name, value in ((str(k), str(v)) for k, v in node.attrib.items()):
            if name == XML_ID:
                node.set(name, prefix + value)
            elif "#" in value:
                tokens = value.split()
                changed = [f"#{prefix}{t[1:]}" if t.startswith("#") and t[1:] in ids else t for t in tokens]
                if changed != tokens:
                    node.set(name, " ".join(changed))
    return root


__all__ = ["OaiConfig", "OaiRepository", "scoped_ids"]
