"""W3C XML Schema validation: libxml2 screens, xmlschema explains.

Both engines compile the same XSD once per process. libxml2 (lxml.etree.XMLSchema) decides in
a fraction of a millisecond whether a document is valid; only documents it rejects are handed
to xmlschema, whose structured errors (the element, the expected children, the failing
facet) are rewritten here into one line a person can act on. `thorough=True` runs xmlschema on
every document; the test suite checks that the two engines agree.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.safe_xml import parse_xml_file
from toolkit.validation.base import MAX_DIAGNOSTICS, not_shown
from toolkit.validation.document import Document
from toolkit.validation.xsd_capped import capped_errors

if TYPE_CHECKING:  # xmlschema takes a second to import: only files with errors need it
    import xmlschema
    from xmlschema.validators.exceptions import XMLSchemaValidationError

TEI_NS = "http://www.tei-c.org/ns/1.0"
VERSIONING_NS = "http://www.w3.org/2007/XMLSchema-versioning"
_MAX_LISTED = 12


def _name(tag: Any) -> str:
    """A tag as people write it: TEI elements without namespace, others with their prefix."""
    text = str(tag)
    if text.startswith("{" + TEI_NS + "}"):
        return text[len(TEI_NS) + 2:]
    if text.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + text.split("}", 1)[1]
    return text


def _listing(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    shown = ", ".join(f"<{n}>" for n in unique[:_MAX_LISTED])
    more = len(unique) - _MAX_LISTED
    return shown + (f" and {more} more" if more > 0 else "")


class XsdValidator:
    """One XSD, compiled by both engines on first use."""

    def __init__(self, path: Path, label: str, thorough: bool = False) -> None:
        self.path = path
        self.label = label
        self.thorough = thorough
        self._libxml2: etree.XMLSchema | None = None
        self._xmlschema: "xmlschema.XMLSchema10 | xmlschema.XMLSchema11 | None" = None
        self._notes: list[Diagnostic] = []
        schema = parse_xml_file(self.path)
        self.version = schema.getroot().get(f"{{{VERSIONING_NS}}}minVersion", "1.0")
        try:
            if self.version != "1.0":
                raise etree.XMLSchemaParseError(f"XSD {self.version}")
            self._libxml2 = etree.XMLSchema(schema)
        except etree.XMLSchemaParseError:
            # libxml2 knows XSD 1.0 only: xmlschema (1.0, then 1.1) validates every file alone
            self.thorough = True
            self.explainer()

    def explainer(self) -> "xmlschema.XMLSchema10 | xmlschema.XMLSchema11":
        if self._xmlschema is None:
            import xmlschema

            problem: Exception | None = None
            versions = (xmlschema.XMLSchema10, xmlschema.XMLSchema11)
            for version in versions if self.version == "1.0" else versions[::-1]:
                try:
                    # allow="local": imports and includes are read from disk, never fetched;
                    # its warnings (an import that failed) become one-line diagnostics
                    with warnings.catch_warnings(record=True) as caught:
                        warnings.simplefilter("always")
                        self._xmlschema = version(str(self.path), allow="local", defuse="always")
                    self._notes = [self._note(w) for w in caught]
                    break
                except (xmlschema.XMLSchemaException, OSError) as exc:
                    problem = problem or exc
            else:
                message = " ".join(str(problem).split())[:300]
                raise InputError(f"not a usable XML Schema: {message}", self.label) from None
        return self._xmlschema

    def _note(self, caught: warnings.WarningMessage) -> Diagnostic:
        """A warning xmlschema gave about the schema, as one line at the schema's xs:import."""
        message = " ".join(str(caught.message).split())
        namespace = re.search(r"namespace '([^']*)'", message)
        line: int | None = None
        if namespace:
            for node in parse_xml_file(self.path).getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
                if node.get("namespace") == namespace.group(1):
                    line = node.sourceline if isinstance(node.sourceline, int) else None
                    break
        return Diagnostic(Severity.WARNING, message[:500], self.label, line, 1 if line else None,
                          caught.category.__name__)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        if self._libxml2 is not None and not self.thorough and self._libxml2.validate(document.tree):
            return
        found = 0
        self.explainer()
        yield from self._notes  # once per process: they are about the schema, not the document
        self._notes = []
        source, originals = _explainable(document.tree)
        errors, uncounted = capped_errors(self.explainer(), source, MAX_DIAGNOSTICS + 1)
        for error in errors:
            if found == MAX_DIAGNOSTICS:
                break
            found += 1
            yield self._diagnostic(document, error, originals)
        if len(errors) + uncounted > found:
            yield not_shown(len(errors) + uncounted - found, document.display, f"errors against {self.label}")
            return
        if not found and self._libxml2 is not None and not self.thorough:
            # libxml2 rejected what xmlschema accepts: report libxml2's own words
            log: Any = self._libxml2.error_log
            for entry in log:
                yield Diagnostic(Severity.ERROR, _libxml2_message(entry.message), document.display,
                                 entry.line or None, None, self.label)

    def _diagnostic(self, document: Document, error: "XMLSchemaValidationError",
                    originals: dict[int, etree._Element] | None = None) -> Diagnostic:
        from xmlschema.validators.exceptions import XMLSchemaChildrenValidationError

        elem: etree._Element | None
        if originals is not None:  # a stand-in tree: back to the document's own element
            elem = originals.get(id(error.elem))
        else:
            elem = error.elem if isinstance(error.elem, etree._Element) else None
        node: Any = elem
        message = error.reason or error.message
        if isinstance(error, XMLSchemaChildrenValidationError):
            message, node = _children_message(error, elem, originals)
        elif elem is not None:
            message, node = _value_message(error, elem)
        return document.diagnostic(Severity.ERROR, message, node, self.label,
                                   line=getattr(error, "sourceline", None))


#: an element with more children than this is explained on a stand-in tree (see _explainable)
WIDE = 1000


def _explainable(tree: etree._ElementTree) -> tuple[Any, dict[int, etree._Element] | None]:
    """The tree to give xmlschema, and the map back to the document's elements if it is a copy
    (by id(): the copies live as long as the returned tree, so their ids stay unique).

    xmlschema's error for an unexpected child calls len(parent) and parent[index], which lxml
    answers by walking the children: 64,000 invalid siblings made a minute of work. On a
    document with a wide element, xmlschema gets an xml.etree copy (constant-time len and
    index); comments and processing instructions, which XSD ignores, are left out."""
    if not any(len(node) > WIDE for node in tree.iter() if len(node) > 0):
        return tree, None
    import xml.etree.ElementTree as ET

    # serialised by libxml2 and read back by expat (both C): a copy in Python, element by
    # element, cost as much as xmlschema's own work. expat's tree builder drops comments and
    # processing instructions and joins the text around them, as XSD reads it.
    root = tree.getroot()
    try:
        copy = ET.fromstring(etree.tostring(root, encoding="utf-8"))
    except ET.ParseError:  # e.g. an entity reference lxml kept unexpanded: the slow way
        return tree, None
    elements = [node for node in root.iter() if isinstance(node.tag, str)]
    copies = list(copy.iter())
    if len(elements) != len(copies):  # cannot happen for a tree lxml parsed; never guess
        return tree, None
    originals = {id(c): e for c, e in zip(copies, elements)}
    return ET.ElementTree(copy), originals


def _children_message(error: Any, elem: etree._Element | None,
                      originals: dict[int, etree._Element] | None = None) -> tuple[str, Any]:
    parent = _name(elem.tag) if elem is not None else "the element"
    expected = [_name(getattr(e, "name", e)) for e in (error.expected or [])
                if getattr(e, "name", None)]
    child = error.invalid_child
    if originals is not None and child is not None:
        child = originals.get(id(child))
    if isinstance(child, etree._Element):
        allowed = expected or _allowed_children(error)
        where = f"<{_name(child.tag)}> is not allowed here in <{parent}>"
        if allowed:
            return f"{where}; expected {_listing(allowed)}", child
        return f"{where}; <{parent}> takes no child elements", child
    if expected:
        missing = _listing(expected).replace(">, <", "> or <")
        return f"<{parent}> is incomplete: {missing} is missing at the end", elem
    return f"<{parent}> is incomplete: {error.reason}", elem


def _allowed_children(error: Any) -> list[str]:
    iter_elements = getattr(error.validator, "iter_elements", None)
    if iter_elements is None:
        return []
    return [_name(e.name) for e in iter_elements() if getattr(e, "name", None)]


_ATTR_REASON = re.compile(r"^attribute (?P<name>[\w:{}./-]+)='(?P<value>.*?)': (?P<why>.*)$", re.S)


def _value_message(error: "XMLSchemaValidationError", elem: etree._Element) -> tuple[str, Any]:
    element = _name(elem.tag)
    reason = " ".join((error.reason or "").split())
    attr = _ATTR_REASON.match(reason)
    if attr:
        name = _name(attr.group("name"))
        value = attr.group("value")
        why = attr.group("why")
        enum = re.search(r"value must be one of (\[.*\])", why)
        choices = [c for c in re.findall(r"'([^']*)'", enum.group(1)) if c] if enum else []
        if choices:
            why = f"allowed values are {', '.join(choices)}"
        elif enum or why.startswith("invalid value") or "doesn't match any pattern" in why:
            why = f"not a valid {_type_name(error, name)}"
        return f"<{element}> {name}=\"{value}\": {why}", _attribute(elem, attr.group("name"))
    missing = re.match(r"^missing required attribute (?P<name>\S+)", reason)
    if missing:
        return f"<{element}> lacks the required attribute {_name(missing.group('name')).strip(chr(39))}", elem
    if "is not an element of the schema" in reason:
        hint = "" if str(elem.tag).startswith("{" + TEI_NS + "}") else \
            " (a TEI document's elements are in the namespace http://www.tei-c.org/ns/1.0)"
        return f"the document element <{element}> is not declared by this schema{hint}", elem
    extra = re.match(r"^'(?P<name>[^']+)' attribute not allowed for element", reason)
    if extra:
        return f"<{element}> does not take the attribute {_name(extra.group('name'))}", \
            _attribute(elem, extra.group("name"))
    test = getattr(error.validator, "path", None)
    if "assertion" in reason and test:
        return f"<{element}> fails the schema's assertion {test!r}", elem
    if "character data between child elements not allowed" in reason:
        return f"<{element}> cannot contain text, only elements", elem
    if reason.startswith("value doesn't match") or "invalid value" in reason:
        return f"<{element}> content {str(error.obj)[:40]!r}: not a valid {_type_name(error)}", elem
    if "duplicated" in reason.lower() or "duplicate" in reason.lower():
        return f"<{element}>: {reason}", elem
    return f"<{element}>: {reason}", elem


_FRIENDLY = {"temporal": "date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time)",
             "pointers": "URI reference", "pointer": "URI reference",
             "language": "language tag (BCP 47: en, hu, ko-Latn)", "word": "word (no spaces)",
             "wordList": "list of words", "version": "version number (digits and dots: 1.2.0)"}
_BY_ATTRIBUTE = {"xml:lang": "language", "mainLang": "language", "ident": "language",
                 "otherLangs": "language", "version": "version", "when": "temporal",
                 "from": "temporal", "to": "temporal", "notBefore": "temporal",
                 "notAfter": "temporal", "ref": "pointers", "target": "pointers"}


def _type_name(error: "XMLSchemaValidationError", attribute: str = "") -> str:
    """What the value should have been, in words."""
    validator = error.validator
    for candidate in (validator, getattr(validator, "base_type", None),
                      getattr(validator, "parent", None)):
        name = getattr(candidate, "local_name", None) or getattr(candidate, "name", None)
        if name and _name(name) in _FRIENDLY:
            return _FRIENDLY[_name(name)]
    if attribute in _BY_ATTRIBUTE:
        return _FRIENDLY[_BY_ATTRIBUTE[attribute]]
    name = getattr(validator, "local_name", None) or getattr(validator, "name", None)
    return _name(name) if name else "value"


def _attribute(elem: etree._Element, clark: str) -> Any:
    """The attribute as an XPath result, so positions can point at its name."""
    for name in (clark, *(str(k) for k in elem.attrib if _name(k) == _name(clark))):
        if name in elem.attrib:
            local = name.split("}", 1)[1] if name.startswith("{") else name
            ns = name[1:].split("}", 1)[0] if name.startswith("{") else None
            query = f"@*[local-name()='{local}' and namespace-uri()='{ns}']" if ns else f"@{local}"
            result = elem.xpath(query)
            if isinstance(result, list) and result:
                return result[0]
    return elem


def _libxml2_message(message: str) -> str:
    return re.sub(r"\{" + re.escape(TEI_NS) + r"\}", "", message).strip()
