"""Format-independent encoding rules shared by every reader (text, DOCX, ...).

A reader only splits its input into metadata fields and source paragraphs; everything
that decides what TEI a phenomenon becomes lives here, once.
"""
