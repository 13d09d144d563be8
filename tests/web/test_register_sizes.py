"""The register sizes the HTML builder counts once per process are the stylesheet's own count
(page.xsl's tk:register-size, which decides the navigation), on registers with every case the
count distinguishes."""

from __future__ import annotations

from pathlib import Path

from toolkit.builders.html import HTML_XSLT, processor, register_sizes

REGISTERS = b"""<tk:registers xmlns:tk="https://teikit.org/ns">
<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>
  <listPerson><person xml:id="a"/><person xml:id="b"/><personGrp xml:id="c"/><person/></listPerson>
  <listPlace><place xml:id="d"/></listPlace>
  <listOrg><org xml:id="e"/><org xml:id="f" type="place"/></listOrg>
</standOff></TEI>
<other xmlns="urn:other"><place xml:id="g" type="ORG"/><person xml:id="h"/><org xml:id="i" type="placeName"/>
  <place type="org"/></other>
<person xml:id="j" type="organization"/>
</tk:registers>"""

# The count as page.xsl makes it when the builder passes nothing (register-sizes = '').
PROBE = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tk="https://teikit.org/ns" exclude-result-prefixes="#all">
  <xsl:import href="{(HTML_XSLT / 'document.xsl').as_uri()}"/>
  <xsl:output method="text"/>
  <xsl:template match="/" priority="10">
    <xsl:value-of select="('persons', 'places', 'organisations') ! (. || '=' || tk:register-size(.))"/>
  </xsl:template>
</xsl:stylesheet>"""


def test_the_builder_counts_registers_as_the_stylesheet_does(tmp_path: Path) -> None:
    proc = processor()
    stylesheet = tmp_path / "probe.xsl"
    stylesheet.write_text(PROBE, "utf-8")
    executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheet))
    executable.set_parameter("registers", proc.parse_xml(xml_text=REGISTERS.decode()))
    executable.set_parameter("doc-id", proc.make_string_value("x"))
    counted = executable.transform_to_string(xdm_node=proc.parse_xml(xml_text="<x/>"))
    stylesheet_sizes = {k: int(v) for k, v in (pair.split("=") for pair in counted.split())}
    # TEI entries by their name (f is an org whatever its type); others by @type, else persons
    assert stylesheet_sizes == {"persons": 4, "places": 2, "organisations": 4}
    assert register_sizes(REGISTERS) == stylesheet_sizes
