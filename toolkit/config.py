"""The edition's configuration: `teikit.toml` at the edition's root, beside `tei/` and `sources/`.

In the manner of mkdocs.yml or Sphinx's conf.py, one file says what the edition is called, who
edits and publishes it, under which licence, where it is published and how its dates read; the
builders, the server, the exports and the validator read it from here. A missing file means the
defaults below, which are what teikit did before the file existed. Bad values are errors naming
the key and its line (tomllib gives no positions for values, so the line is found in the text).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import InputError

CONFIG_NAME = "teikit.toml"

#: date_format value -> XPath picture of format-date for a full date (month-only dates follow it)
DATE_FORMATS = {
    "day-month-year": "[D] [MNn] [Y]",     # 8 January 1965
    "month-day-year": "[MNn] [D], [Y]",    # January 8, 1965
    "iso": "[Y0001]-[M01]-[D01]",          # 1965-01-08
}
#: citation_style values: how the web edition's cite box writes a document's citation
#: (the CSL-JSON, BibTeX and RIS files are data, the same in every style)
CITATION_STYLES = ("chicago", "apa")
#: [print] volume_by values: how the print edition is split into volumes, as printed editions
#: are (one volume, a volume per year, per collection, or of `volume_size` documents); "auto",
#: the default, is one volume up to `volume_size` documents and "count" past it
VOLUME_BY = ("auto", "none", "year", "collection", "count")
TEXT_SUFFIXES = (".md", ".markdown", ".xml")

_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")  # BCP 47, as xml:lang takes it
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                     r"(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$")


class ConfigError(InputError):
    """A bad teikit.toml: the message names the key, the diagnostic its file and line."""


@dataclass(frozen=True)
class Editor:
    name: str
    role: str = "editor"
    affiliation: str = ""


@dataclass(frozen=True)
class Licence:
    name: str = ""
    url: str = ""


@dataclass(frozen=True)
class OaiSettings:
    """OAI-PMH Identify: repositoryName (default: the title), the identifier namespace, the
    adminEmail, and the public baseURL (default: the address the request came to)."""

    repository_name: str = ""
    repository_id: str = "teikit.example.org"
    admin_email: str = "editors@example.org"
    base_url: str = ""


#: the print settings only the volume's assembly reads (EditionConfig.fingerprint)
_VOLUME_ONLY = ("part_size", "volume_by", "volume_size")


@dataclass(frozen=True)
class PrintSettings:
    """The print volume: typeset in parts of `part_size` documents (each part one Typst
    compile, merged), so that memory stays bounded and a change re-typesets only its part.
    `volume_by` splits a very large edition into volumes, each a book of its own: "auto"
    (the default: one volume up to `volume_size` documents, else "count", so that an edition
    of 10,000 stays bounded without configuration), "none" (edition.pdf whatever the size),
    "year", "collection" (the header's collection, series or archive) or "count"
    (`volume_size` documents each), as printed editions are."""

    part_size: int = 100
    # an appendix "Facsimile" of page thumbnails after each document with a scan (issue #15)
    facsimile_thumbnails: bool = False
    # toolkit/builders/volumes.py: one of VOLUME_BY; documents per volume for "count" and
    # the most "auto" keeps in one volume
    volume_by: str = "auto"
    volume_size: int = 1000


@dataclass(frozen=True)
class WebSettings:
    """The web edition: a register page lists an entry's first `register_page_size`
    documents and links pages of the others, and an edition of more than `index_page_size`
    documents has its index in pages (plus documents.json for the script's filters), so that
    no page grows with the corpus."""

    register_page_size: int = 100
    index_page_size: int = 500


#: how documents and results travel between the command and a Dask cluster's workers
TRANSFERS = ("shared-folder", "bytes")
_SCHEDULER = re.compile(r"^(tcp|tls|ucx|inproc|ws|wss)://\S+$")


@dataclass(frozen=True)
class ClusterSettings:
    """Where per-document work runs (issue #13): `scheduler`, a Dask scheduler's address ('':
    this machine's processes); `transfer`, whether workers read and write the edition's
    folders themselves (`shared-folder`: the same paths on every machine) or are sent the
    sources' bytes and return the bytes of what they made, which the command writes (`bytes`)."""

    scheduler: str = ""
    transfer: str = "shared-folder"


@dataclass(frozen=True)
class EditionConfig:
    """What the edition is; the defaults are the sample edition's behaviour before teikit.toml."""

    title: str = "teikit sample edition"
    subtitle: str = ""
    editors: tuple[Editor, ...] = ()
    publisher: str = ""
    year: int | None = None
    licence: Licence = Licence()
    base_url: str = ""
    languages: tuple[str, ...] = ("en",)
    # '' = not configured: the web, the print edition and the EPUB write day-month-year
    date_format: str = ""
    funders: tuple[str, ...] = ()
    citation_style: str = "chicago"  # one of CITATION_STYLES
    about: Path | None = None  # the about text (Markdown or TEI), resolved
    editorial_principles: Path | None = None
    oai: OaiSettings = OaiSettings()
    print: PrintSettings = PrintSettings()
    web: WebSettings = WebSettings()
    cluster: ClusterSettings = ClusterSettings()  # where the work runs, not what it makes
    path: Path | None = field(default=None, compare=False)  # the file read; None: defaults

    @property
    def repository_name(self) -> str:
        return self.oai.repository_name or self.title

    @property
    def date_picture(self) -> str:
        return DATE_FORMATS[self.date_format or "day-month-year"]

    def fingerprint(self, *, documents: bool = False) -> str:
        """Every value and the content of the texts it names: a change to any rebuilds.
        `documents`: only what shapes a document's own outputs, without how the print
        volume is cut (part_size, volume_by, volume_size), which only the volume reads: a
        new split re-assembles the volumes and typesets no document's PDF again."""
        data = asdict(self)
        data.pop("path")
        if documents:
            data["print"] = {k: v for k, v in data["print"].items() if k not in _VOLUME_ONLY}
        data.pop("cluster")  # a build on a cluster makes the same bytes as one here
        for key in ("about", "editorial_principles"):
            text: Path | None = getattr(self, key)
            data[key] = None if text is None else [text.name, hashlib.sha256(text.read_bytes()).hexdigest()]
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


# -- finding and reading -----------------------------------------------------------------------

def find_config(folder: Path) -> Path | None:
    """The teikit.toml of the edition a folder belongs to: in the folder itself (the edition's
    root) or in its parent (the folder is the edition's tei/)."""
    for candidate in (folder / CONFIG_NAME, folder.resolve().parent / CONFIG_NAME):
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None) -> EditionConfig:
    """Read and check a teikit.toml; None gives the defaults."""
    if path is None:
        return EditionConfig()
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read the configuration: {error.strerror}", shown) from None
    except UnicodeDecodeError:
        raise ConfigError("the configuration is not UTF-8 text", shown, 1) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ConfigError(f"not valid TOML: {message}", shown,
                          int(match.group(1)) if match else 1,
                          int(match.group(2)) if match else None, "config") from None
    return _Reader(path, text).edition(data)


def config_for(folder: Path, explicit: Path | None = None) -> EditionConfig:
    """The configuration a command uses: the file given (--config), else the edition's own."""
    if explicit is not None and not explicit.is_file():
        raise ConfigError("no such configuration file", str(explicit))
    return load_config(explicit or find_config(folder))


# -- checking -----------------------------------------------------------------------------------

Key = tuple[str | int, ...]


class _Reader:
    """Turns the parsed TOML into EditionConfig, each bad value an error at its key's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = key_lines(text)

    def fail(self, key: Key, message: str) -> ConfigError:
        return ConfigError(f"{_dotted(key)}: {message}", str(self.path), self.line(key), rule="config")

    def line(self, key: Key) -> int:
        for end in range(len(key), 0, -1):
            if key[:end] in self.lines:
                return self.lines[key[:end]]
        return 1

    def table(self, value: object, key: Key, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, found {_kind(value)}")
        for name in value:
            if name not in allowed:
                raise self.fail((*key, name), f"unknown key; known keys here: {', '.join(allowed)}")
        return value

    def string(self, data: dict[str, Any], key: Key, default: str = "", *,
               required: bool = False) -> str:
        name = key[-1]
        assert isinstance(name, str)
        if name not in data:
            if required:
                raise self.fail(key, "required but missing")
            return default
        value = data[name]
        if not isinstance(value, str):
            raise self.fail(key, f"expected a string, found {_kind(value)}")
        value = " ".join(value.split())
        if required and not value:
            raise self.fail(key, "must not be empty")
        return value

    def url(self, data: dict[str, Any], key: Key) -> str:
        value = self.string(data, key)
        if value and not re.match(r"^https?://[^\s/]+", value):
            raise self.fail(key, f"{value!r} is not an http(s) address")
        return value

    def strings(self, data: dict[str, Any], key: Key, default: tuple[str, ...]) -> tuple[str, ...]:
        name = key[-1]
        assert isinstance(name, str)
        if name not in data:
            return default
        value = data[name]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "expected a list of non-empty strings")
        return tuple(" ".join(v.split()) for v in value)

    def text_file(self, data: dict[str, Any], key: Key) -> Path | None:
        value = self.string(data, key)
        if not value:
            return None
        target = (self.path.parent / value).resolve()
        if target.suffix.lower() not in TEXT_SUFFIXES:
            raise self.fail(key, f"{value!r}: expected a Markdown (.md) or TEI (.xml) file")
        if not target.is_file():
            raise self.fail(key, f"{value!r}: no such file (paths are relative to {self.path.name})")
        if target.suffix.lower() == ".xml":
            from toolkit.safe_xml import parse_xml_file
            parse_xml_file(target)  # a damaged TEI text is an error naming its own file and line
        return target

    def edition(self, data: dict[str, Any]) -> EditionConfig:
        top = self.table(data, (), tuple(f for f in EditionConfig.__dataclass_fields__ if f != "path"))
        defaults = EditionConfig()
        year = top.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)
                                 or not 1000 <= year <= 9999):
            raise self.fail(("year",), "expected a four-digit year, such as 2026")
        languages = self.strings(top, ("languages",), defaults.languages)
        for index, language in enumerate(languages):
            if not _LANGUAGE.match(language):
                raise self.fail(("languages", index), f"{language!r} is not a language tag (BCP 47, "
                                "such as en or pt-BR)")
        if not languages:
            raise self.fail(("languages",), "name at least one language")
        date_format = self.string(top, ("date_format",), defaults.date_format)
        if date_format and date_format not in DATE_FORMATS:
            raise self.fail(("date_format",), f"{date_format!r} is not one of "
                            f"{', '.join(DATE_FORMATS)}")
        citation_style = self.string(top, ("citation_style",), defaults.citation_style)
        if citation_style not in CITATION_STYLES:
            raise self.fail(("citation_style",), f"{citation_style!r} is not one of "
                            f"{', '.join(CITATION_STYLES)}")
        return EditionConfig(
            title=self.string(top, ("title",), defaults.title, required="title" in top),
            subtitle=self.string(top, ("subtitle",)),
            editors=self.editors(top.get("editors", [])),
            publisher=self.string(top, ("publisher",)),
            year=year,
            licence=self.licence(top.get("licence", {})),
            base_url=self.url(top, ("base_url",)),
            languages=languages,
            date_format=date_format,
            funders=self.strings(top, ("funders",), ()),
            citation_style=citation_style,
            about=self.text_file(top, ("about",)),
            editorial_principles=self.text_file(top, ("editorial_principles",)),
            oai=self.oai(top.get("oai", {})),
            print=self.print_settings(top.get("print", {})),
            web=self.web_settings(top.get("web", {})),
            cluster=self.cluster_settings(top.get("cluster", {})),
            path=self.path.resolve(),
        )

    def editors(self, value: object) -> tuple[Editor, ...]:
        if not isinstance(value, list):
            raise self.fail(("editors",), "expected [[editors]] tables (name, role, affiliation)")
        found = []
        for index, item in enumerate(value):
            key: Key = ("editors", index)
            entry = self.table(item, key, ("name", "role", "affiliation"))
            found.append(Editor(self.string(entry, (*key, "name"), required=True),
                                self.string(entry, (*key, "role"), "editor") or "editor",
                                self.string(entry, (*key, "affiliation"))))
        return tuple(found)

    def licence(self, value: object) -> Licence:
        entry = self.table(value, ("licence",), ("name", "url"))
        licence = Licence(self.string(entry, ("licence", "name")), self.url(entry, ("licence", "url")))
        if licence.url and not licence.name:
            raise self.fail(("licence", "name"), "a licence with a url needs its name too")
        return licence

    def oai(self, value: object) -> OaiSettings:
        entry = self.table(value, ("oai",), tuple(OaiSettings.__dataclass_fields__))
        defaults = OaiSettings()
        email = self.string(entry, ("oai", "admin_email"), defaults.admin_email)
        if not _EMAIL.match(email):
            raise self.fail(("oai", "admin_email"), f"{email!r} is not an e-mail address")
        repository_id = self.string(entry, ("oai", "repository_id"), defaults.repository_id)
        if not _DOMAIN.match(repository_id):
            raise self.fail(("oai", "repository_id"), f"{repository_id!r} is not a domain name "
                            "(OAI identifiers read oai:DOMAIN:NUMBER)")
        return OaiSettings(self.string(entry, ("oai", "repository_name")), repository_id, email,
                           self.url(entry, ("oai", "base_url")))


    def print_settings(self, value: object) -> PrintSettings:
        entry = self.table(value, ("print",), tuple(PrintSettings.__dataclass_fields__))
        volume_by = self.string(entry, ("print", "volume_by"), PrintSettings.volume_by)
        if volume_by not in VOLUME_BY:
            raise self.fail(("print", "volume_by"), f"{volume_by!r} is not one of {', '.join(VOLUME_BY)}")
        return PrintSettings(self.count(entry, ("print", "part_size"), PrintSettings.part_size),
                             self.switch(entry, ("print", "facsimile_thumbnails"),
                                         PrintSettings.facsimile_thumbnails),
                             volume_by,
                             self.count(entry, ("print", "volume_size"), PrintSettings.volume_size))

    def switch(self, data: dict[str, Any], key: Key, default: bool) -> bool:
        """true or false, nothing else (TOML's own booleans, not "yes" or 1)."""
        value = data.get(str(key[-1]), default)
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, found {_kind(value)}")
        return value

    def web_settings(self, value: object) -> WebSettings:
        entry = self.table(value, ("web",), tuple(WebSettings.__dataclass_fields__))
        return WebSettings(
            register_page_size=self.count(entry, ("web", "register_page_size"), WebSettings.register_page_size),
            index_page_size=self.count(entry, ("web", "index_page_size"), WebSettings.index_page_size))

    def cluster_settings(self, value: object) -> ClusterSettings:
        entry = self.table(value, ("cluster",), tuple(ClusterSettings.__dataclass_fields__))
        scheduler = self.string(entry, ("cluster", "scheduler"))
        if scheduler and not _SCHEDULER.match(scheduler):
            raise self.fail(("cluster", "scheduler"), f"{scheduler!r} is not a Dask scheduler's "
                            "address, such as tcp://host:8786")
        transfer = self.string(entry, ("cluster", "transfer"), ClusterSettings.transfer)
        if transfer not in TRANSFERS:
            raise self.fail(("cluster", "transfer"), f"{transfer!r} is not one of "
                            f"{', '.join(TRANSFERS)}")
        return ClusterSettings(scheduler, transfer)

    def count(self, data: dict[str, Any], key: Key, default: int) -> int:
        """A whole number of documents, 1 or more."""
        name = key[-1]
        size = data.get(str(name), default)
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise self.fail(key, "expected a whole number of documents, 1 or more")
        return size


def _kind(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _dotted(key: Key) -> str:
    text = ""
    for part in key:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


# -- where each key is --------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted))


def key_lines(text: str) -> dict[Key, int]:
    """The line (1-based) of every key and table header, by its path ("editors", 0, "name");
    an array element is found at the line of its array's key."""
    lines: dict[Key, int] = {}
    arrays: dict[tuple[str, ...], int] = {}
    header: Key = ()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:  # inside a multi-line string nothing is a key
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        match = _HEADER.match(line)
        if match and not _KEY.match(line):
            names = _parts(match.group(2))
            if match.group(1) == "[[":
                arrays[names] = arrays.get(names, -1) + 1
                header = (*names, arrays[names])
            else:
                header = names
            lines.setdefault(names, number)
            lines.setdefault(header, number)
            continue
        match = _KEY.match(line)
        if match:
            lines.setdefault((*header, *_parts(match.group(1))), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
    return lines
