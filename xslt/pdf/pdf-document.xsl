<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition, stage "document" (mode tk:pdf-document): one TEI document to the print XML
  <doc> that xslt/pdf/typst/document.typ typesets (and that the volume stage gathers).

  Output: <doc id lang when> holding <meta> (stage pdf-meta.xsl), <summary> and <text> (stage
  pdf-text.xsl), and <facsimile> when the scan's pages are to be shown as thumbnails. The output is data, not Typst source: the template reads it with xml(), so
  characters that are markup in Typst print as themselves.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <xsl:import href="pdf-meta.xsl"/>
  <xsl:import href="pdf-text.xsl"/>
  <xsl:import href="pdf-imported.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The document's identifier in the edition (its file name without .xml). -->
  <xsl:param name="document-id" as="xs:string" select="''"/>

  <!-- The document's address in the web edition, printed in the colophon; '' if unknown. -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>

  <!-- The edition's title, named in the colophon; '' to leave it out. -->
  <xsl:param name="edition-title" as="xs:string" select="''"/>

  <xsl:mode name="tk:pdf-document" on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI" mode="tk:pdf-document"/>
  </xsl:template>

  <!-- The facsimile appendix ([print] facsimile_thumbnails): <facsimile> of <page n src>, one
       per surface whose image the builder reduced (toolkit/builders/thumbnails.py set
       @tk:thumb, a name under the print root); nothing when the switch is off. -->
  <xsl:template name="tk:facsimile-pages">
    <xsl:variable name="surfaces" select="tei:facsimile//tei:surface[tei:graphic/@tk:thumb]"/>
    <xsl:if test="exists($surfaces)">
      <facsimile>
        <xsl:for-each select="$surfaces">
          <page n="{(@n[normalize-space()], string(count(preceding::tei:surface) + 1))[1]}"
                src="{tei:graphic[@tk:thumb][1]/@tk:thumb}"/>
        </xsl:for-each>
      </facsimile>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tk:pdf-document">
    <xsl:variable name="text" select="(tei:text, tei:facsimile)[1]"/>
    <xsl:variable name="date" select="tk:date-element(tei:teiHeader)"/>
    <doc id="{($document-id[.], tei:teiHeader//tei:publicationStmt/tei:idno[1], @xml:id, 'document')[1]}"
         when="{if (exists($date)) then tk:iso-date($date) else ''}">
      <xsl:call-template name="tk:lang">
        <xsl:with-param name="tag" select="($text/@xml:lang, @xml:lang, 'en')[1]"/>
      </xsl:call-template>
      <xsl:apply-templates select="tei:teiHeader" mode="tk:pdf-meta">
        <xsl:with-param name="edition-url" select="$edition-url" tunnel="yes"/>
        <xsl:with-param name="edition-title" select="$edition-title" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:abstract">
        <summary><xsl:apply-templates mode="tk:pdf-text"/></summary>
      </xsl:for-each>
      <text>
        <xsl:apply-templates select="tei:teiHeader[tk:imported(.)]/tei:fileDesc/tei:sourceDesc/tei:msDesc" mode="tk:pdf-text"/>
        <xsl:apply-templates select="tei:text/(tei:front, tei:body, tei:group, tei:back)" mode="tk:pdf-text"/>
      </text>
      <xsl:call-template name="tk:facsimile-pages"/>
    </doc>
  </xsl:template>

</xsl:stylesheet>
