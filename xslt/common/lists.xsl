<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared XSLT layer: how a list's items are marked, read the same way by the web pages
  (xslt/html/text.xsl), the EPUB (epub-text.xsl, through the web's) and the print edition
  (xslt/pdf/pdf-text.xsl), which imports this module alone (it does not import
  functions.xsl). Functions only, no templates.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <!-- Does a list item carry its own marker: a label of its own (1., a)), or its text opening
       with a bullet or a number or letter and a stop (- Accommodation:, • the hotels, 3 - to
       file)? Then the list shows no second marker. -->
  <xsl:function name="tk:self-marked" as="xs:boolean">
    <xsl:param name="item" as="element()"/>
    <xsl:sequence select="exists($item/node()[self::* or normalize-space(.)][1][self::tei:label])
        or matches(string($item), '^\s*([\-–—•·◦▪‣*]|(\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})\s?[.)\-–])\s')"/>
  </xsl:function>

</xsl:stylesheet>
