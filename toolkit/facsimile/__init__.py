"""Facsimiles (issue 15): scans of the original recorded in the TEI, published as static IIIF.

`rasterise` turns a PDF or page images into one image per page; `record` writes them into a
document (`facsimile/surface/graphic`, `pb/@facs`) editing its text in place; `iiif` makes the
static Image API 3.0 level 0 tiles and the Presentation 3.0 manifest of the web edition.
"""
