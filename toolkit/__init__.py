"""teikit: a TEI P5 digital edition toolkit.

The TEI tree is the one central model: readers turn input into a TEI document,
validators check one, builders render one.
"""

__version__ = "0.1.0"
