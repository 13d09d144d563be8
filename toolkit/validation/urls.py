"""tk-url-scheme: URLs in a document that no output will make a link (toolkit/urls.py).

Every output already drops them (the stylesheets' tk:safe-url, DTS, OAI); the validator says
so at the source, because a `javascript:` address in a document is an attack, not a typo. A
scheme that runs code or reads the reader's machine (javascript:, data:, file: ...) is an
error, so `build` publishes nothing; another non-web scheme (urn:, doi:, a private prefix the
document does not declare in prefixDef) is a warning: it stays text.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.errors import Diagnostic, Severity
from toolkit.tei import TEI_NS
from toolkit.urls import DANGEROUS, SAFE_SCHEMES, url_scheme
from toolkit.validation.document import Document

RULE = "tk-url-scheme"
# attributes of TEI whose values are URI references (data.pointer), each a list of tokens
POINTER_ATTRIBUTES = ("target", "url", "facs", "ref", "corresp", "source", "sameAs", "copyOf",
                      "next", "prev", "synch", "resp", "scheme", "start", "end")
_URL_IDNO = ("uri", "url")


class UrlSchemeChecker:
    label = "edition"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        declared = {str(p.get("ident")).lower() for p in document.root.iter(f"{{{TEI_NS}}}prefixDef")
                    if p.get("ident")}
        for node in document.root.iter(f"{{{TEI_NS}}}*"):
            for name in POINTER_ATTRIBUTES:
                value = node.get(name)
                if value is None:
                    continue
                for token in value.split():
                    found = self._judge(document, token, declared, node, name)
                    if found is not None:
                        yield found
            if node.tag == f"{{{TEI_NS}}}idno" and str(node.get("type", "")).lower() in _URL_IDNO:
                text = "".join(str(t) for t in node.itertext())
                found = self._judge(document, text, declared, node, None)
                if found is not None:
                    yield found

    @staticmethod
    def _judge(document: Document, url: str, declared: set[str], node: object,
               attribute: str | None) -> Diagnostic | None:
        scheme = url_scheme(url)
        if scheme is None or scheme in SAFE_SCHEMES or scheme in declared:
            return None
        where = node
        if attribute is not None:
            found = node.xpath(f"@{attribute}")  # type: ignore[attr-defined]
            where = found[0] if isinstance(found, list) and found else node
        shown = " ".join(url.split())
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        place = f"{attribute}=\"{shown}\"" if attribute else f"the URL {shown!r}"
        if scheme in DANGEROUS:
            return document.diagnostic(
                Severity.ERROR, f"{place}: a {scheme}: URL is never a link in any output (only "
                "http, https, mailto and relative URLs are); remove it", where, RULE)
        return document.diagnostic(
            Severity.WARNING, f"{place}: the scheme {scheme}: is not a web address; outputs show "
            "it as text, not a link (declare it in a prefixDef if it is a private prefix)", where, RULE)
