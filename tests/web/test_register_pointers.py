"""tk:ref-id reads a register pointer without regular expressions (they were a tenth of a page's
time); it must give the id the regular expressions that define a pointer give: the part after
'#', the id of a prefixed pointer ([a-z][a-z0-9+.-]*:NAME) or a bare XML name, else none."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from toolkit.builders.html import HTML_XSLT, processor

# The definition, as the function read it before: two regular expressions.
PROBE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">
  <xsl:import href="FUNCTIONS"/>
  <xsl:output method="xml"/>
  <xsl:function name="tk:defined" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="if (contains($ref, '#')) then substring-after($ref, '#')[.]
        else if (matches($ref, '^[a-z][a-z0-9+.\\-]*:[\\i][\\c]*$')) then substring-after($ref, ':')
        else if (matches($ref, '^[\\i][\\c]*$')) then $ref else ()"/>
  </xsl:function>
  <xsl:template match="/">
    <results>
      <xsl:for-each select="//case">
        <r case="{.}" got="{string-join(tk:ref-id(string(.)), '|')}/{count(tk:ref-id(string(.)))}"
           defined="{string-join(tk:defined(string(.)), '|')}/{count(tk:defined(string(.)))}"/>
      </xsl:for-each>
    </results>
  </xsl:template>
</xsl:stylesheet>""".replace("FUNCTIONS", (HTML_XSLT.parent / "common" / "functions.xsl").as_uri())

SHAPES = ["", "a", "per", "per:", "per:x", "a1:", "A:", "1a:", "x+y.z-w:", "per:a:b", ":", ":x",
          "p#", "#", "#a", "a#b", "registers/persons.xml#kosygin", "a-b", "-a", "é:x", "p_q:x", "per:1"]
# letters, digits, punctuation, white space, combining marks, CJK, astral: each side of a shape
CHARACTERS = [chr(c) for c in (9, 10, 13, 32, 33, 35, 43, 45, 46, 48, 58, 65, 95, 97, 122, 183, 215,
                               233, 768, 894, 1632, 8204, 8255, 8256, 12288, 12354, 65279, 119808)]


def test_register_ids_are_those_the_regular_expressions_define(tmp_path: Path) -> None:
    cases = [s for shape in SHAPES for s in (shape, *(x for c in CHARACTERS for x in (shape + c, c + shape)))]
    # every character as a reference: a carriage return must reach Saxon as it is
    xml = "<cases>" + "".join("<case>" + "".join(f"&#{ord(c)};" for c in case) + "</case>"
                              for case in cases) + "</cases>"
    proc = processor()
    stylesheet = tmp_path / "probe.xsl"
    stylesheet.write_text(PROBE, "utf-8")
    executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheet))
    results = etree.fromstring(executable.transform_to_string(xdm_node=proc.parse_xml(xml_text=xml)).encode())
    assert [r.get("case") for r in results] == cases
    differing = [dict(r.attrib) for r in results if r.get("got") != r.get("defined")]
    assert not differing, differing[:5]
    # and the shapes read as the registers expect them
    read = {r.get("case"): r.get("got") for r in results}
    assert read["per:x"] == "x/1" and read["per:a:b"] == "a:b/1" and read["#a"] == "a/1"
    assert read["registers/persons.xml#kosygin"] == "kosygin/1" and read["A:"] == "A:/1"
    assert read["1a:"] == "/0" and read[""] == "/0" and read["per: "] == "/0" and read[" a"] == "/0"
