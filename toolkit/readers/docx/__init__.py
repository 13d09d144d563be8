"""The Word (.docx) reader, one module per layer, from the zip up to the TEI:

  package.py  opening the OOXML package without trusting it (zip bombs, encryption, external parts)
  styles.py   styles and list numbering, resolved as Word shows them
  model.py    WordprocessingML read into plain paragraphs with spans and markers at offsets
              (blocks.py the paragraphs and tables, running.py headers and footers)
  reader.py   the reader: the body through the text export's own rules
  metadata.py the metadata block, as the text export's lines, parsed by the text reader
  paragraphs.py  paragraphs cut or trimmed before encoding (soft breaks, note marks)
  structures.py  headings, bulleted lists and tables laid into the encoded body
  annotations.py notes, comments and tracked changes, and their header declarations
  conventions.py the editorialDecl sentence of every converted Word file
  inline.py   what only Word carries (formatting, tracked changes, notes, comments) laid back
              onto the encoded text

The body and header rules are the text reader's (`toolkit.encoding`), so a report gives the
same TEI from either format; only `inline.py` knows what Word adds.
"""

from __future__ import annotations

from toolkit.readers.docx.reader import SOURCE_FORMAT, DocxReader

__all__ = ["SOURCE_FORMAT", "DocxReader"]
