"""`teikit init DIR`: a new edition folder that validates and builds at once.

    DIR/teikit.toml          the edition's configuration, every key commented
    DIR/about.md             the about text teikit.toml points to
    DIR/README.md            what goes where, and the commands, for the editor
    DIR/tei/registers/       persons, places, organisations (README.md: the entry format)
    DIR/sources/             the archive's exports, for `teikit convert`
    DIR/schemas/             the project schema (XSD, Schematron) the documents' xml-model
                             points to, so that the edition is whole wherever it is copied

TEI requires at least one entry in a listPerson, listPlace or listOrg, so an empty register
cannot be a valid TEI file: the register files are added with their first entries, and until
then the edition simply has none (the converter, the validator and the builders accept that).
"""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path

from toolkit.config import CONFIG_NAME, load_config
from toolkit.errors import UsageError
from toolkit.output import PROJECT_SCHEMAS, write_atomic

# The schema files a document's xml-model names, and the XSD's import (xml.xsd)
EDITION_SCHEMAS = ("teikit.xsd", "xml.xsd", "teikit.sch")

CONFIG_TEMPLATE = """\
# {title}: the edition's configuration, read by teikit build, serve, export and validate.
# Every key is optional. Paths are relative to this file.

title = {title_toml}
subtitle = ""
publisher = ""
year = {year}
# Where the web edition (build/html) will be published, e.g. "https://edition.example.org";
# permalinks, citations and the print colophon use it. Empty: pages link relatively.
base_url = ""
# The languages of the edition's own texts (BCP 47 tags); the first is the main one.
languages = ["en"]
# How dates read: "day-month-year" (8 January 1965), "month-day-year" (January 8, 1965), "iso".
date_format = "day-month-year"
# How the web edition's "Cite this document" box writes a citation: "chicago" or "apa".
citation_style = "chicago"
funders = []
# The about text and the editorial principles: Markdown (.md) or TEI (.xml) files.
about = "about.md"
# editorial_principles = "principles.md"

# One table per editor, in the order the title page names them.
# [[editors]]
# name = "Ada Editor"
# role = "editor"
# affiliation = "The Archive"

[licence]
name = ""
url = ""

# OAI-PMH Identify (teikit serve): who to contact, and the identifier namespace (a domain).
[oai]
repository_id = "teikit.example.org"
admin_email = "editors@example.org"
"""

ABOUT_TEMPLATE = """\
# About {title}

What the edition publishes, from which archive, for whom; who made it and how.

## Editorial principles

How the texts were transcribed or translated, what the edition adds (supplied words, notes,
register links) and how it marks what it leaves out.
"""

README_TEMPLATE = """\
# {title}

A TEI P5 edition made with teikit.

| where | what |
|---|---|
| `teikit.toml` | the edition's title, editors, publisher, licence, address, languages |
| `about.md` | the about text (and editorial principles) of the edition |
| `sources/` | the archive's exports (text/Markdown or Word files), as they came |
| `tei/` | the encoded documents, one TEI file per document number |
| `tei/registers/` | persons, places and organisations (see `tei/registers/README.md`) |
| `schemas/` | the teikit schema the documents declare (`xml-model`), copied by `teikit init` |
| `build/` | the generated web and print editions (never edit by hand) |

```sh
teikit convert sources/* -o tei     # the exports -> TEI, with warnings file:line
teikit validate tei                 # schema, rules, references into the registers
teikit build tei -o build           # web edition in build/html, print edition in build/pdf
teikit serve tei                    # DTS at /dts and OAI-PMH at /oai
```

`teikit build` publishes nothing from an invalid edition, and rebuilds only what changed.
"""

REGISTERS_README = """\
# Registers

One TEI file per kind, each a `teiHeader` and a `standOff` with its list: `persons.xml`
(`listPerson`), `places.xml` (`listPlace`), `organisations.xml` (`listOrg`). TEI needs at
least one entry in a list, so a register file is added with its first entry. Every name form
of an entry (the preferred one first, then `type="variant"`) is a spelling `teikit convert`
tags in the documents; documents point to an entry as `registers/persons.xml#ID`.

```xml
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Register of persons</title></titleStmt>
      <publicationStmt><p>Register of the edition.</p></publicationStmt>
      <sourceDesc><p>Compiled by the editors from the documents of the edition.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="kosygin">
        <persName>Alexei Kosygin</persName>
        <persName type="variant">Kosygin</persName>
        <note>Chairman of the Council of Ministers of the Soviet Union from 1964.</note>
      </person>
    </listPerson>
  </standOff>
</TEI>
```

Places are `<place xml:id><placeName>` in a `listPlace`, organisations `<org xml:id><orgName>`
in a `listOrg`.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR",
                        help="the new edition's folder (created; must not exist or be empty)")
    parser.add_argument("--title", default=None,
                        help="the edition's title (default: the folder's name)")


def run(args: argparse.Namespace) -> int:
    target: Path = args.directory
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} exists and is not an empty folder; teikit init makes a new "
                         "edition and never writes over one")
    title = " ".join((args.title or target.resolve().name).split()) or "New edition"
    values = {"title": title, "title_toml": json.dumps(title, ensure_ascii=False),
              "year": datetime.date.today().year}
    files = {
        CONFIG_NAME: CONFIG_TEMPLATE,
        "about.md": ABOUT_TEMPLATE,
        "README.md": README_TEMPLATE,
        "tei/registers/README.md": REGISTERS_README,
        "sources/.gitkeep": "",
    }
    for name, template in files.items():
        write_atomic(target / name, template.format(**values).encode("utf-8"))
    for name in EDITION_SCHEMAS:
        write_atomic(target / "schemas" / name, (PROJECT_SCHEMAS / name).read_bytes())
    load_config(target / CONFIG_NAME)  # what init writes must be what build accepts
    print(f"created the edition {title!r} in {target}: put the archive's exports in "
          f"{target / 'sources'}, then run teikit convert, validate and build (see {target / 'README.md'})")
    return 0
