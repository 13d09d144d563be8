"""The sentence of every converted Word file's editorialDecl that says how Word's markup was
encoded (the reader appends it to the interpretation the shared header writes)."""

from __future__ import annotations

WORD_CONVENTIONS = (
    "From the Word document: formatting with a meaning is hi with rend (bold, italic, "
    "underline, superscript, subscript, strikethrough, smallcaps); fonts, colours, sizes and "
    "spacing are not kept, except a head set letter-spaced (rend='letter-spaced'); note "
    "numbers typed as superscript figures are read as the text export's superscript figures. Word footnotes and endnotes are note place='foot' or 'end' at their "
    "reference; comments are note type='comment' at the end of the commented passage, with resp "
    "pointing to their author and target to an anchor at its start; tracked insertions and "
    "deletions are add and del, with resp pointing to their author and change to a change in "
    "the revisionDesc that gives author and date. Headings are head and open nested div "
    "(a numbered heading, or one opening with a typed number, a div with n, its number "
    "the head's label), but a heading that is a date, and the Title style, are lines of "
    "the text read by the text export's rules (an entry's dateline, a title block); an "
    "empty paragraph with a border is a rule, as the text export's "
    "typed rule over the notes, and leaves no text; "
    "bulleted lists are list, a deeper level (by ilvl or indentation) a list inside its "
    "item; tables are table, but a two-column table numbering names 1, 2, 3 is a list; "
    "automatic list numbers are text, as typed ones, counted as Word counts them. Page "
    "breaks, a page break before a paragraph and a section starting on a new page are pb "
    "at the start of the paragraph the page begins with; a paragraph that goes on with the "
    "sentence of the one before, with no page break between them, is one paragraph, the "
    "break an lb; a tab to a right or centre tab stop "
    "separates fields, as a run of spaces does, and so do two or more tabs in a row at "
    "other stops; a custom note mark (also as LibreOffice writes it, after an automatic "
    "number) is the note's n. Text boxes are paragraphs of their own "
    "before the paragraph that anchors them; a frame or text box beside the text is a note "
    "place='margin' (type='stamp' holding stamp when its words are a stamp's, else "
    "type='marginalia'); a run Word marks as another language (w:lang) than the "
    "document's and the text's, its letters in that language's script, is foreign with "
    "xml:lang, a whole paragraph in it has the xml:lang; headers and footers are fw type='header' at the "
    "start and type='footer' at the end of the text, once, without page numbers; Word's table "
    "of contents is not converted; field results Word recomputes (DATE, PAGE) are kept as "
    "text and reported. Two soft line breaks, or one before a line that opens a "
    "structure of its own, end a paragraph, as in the text export. Links other than http, "
    "https, mailto and relative ones, and links to files on the translator's disk, keep "
    "their text only. Strict Open XML is read as the transitional vocabulary it mirrors.")

__all__ = ["WORD_CONVENTIONS"]
