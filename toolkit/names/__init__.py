"""Names of a corpus: folding, recognition (registers, text cues, gazetteers), proposals,
curation of the registers and linking of the TEI to them."""
