<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition, stage "imported" (mode tk:pdf-text): the TEI that documents imported from other
  archives keep and converted reports never use (drama, formulae, images, manuscript
  descriptions), drawn with the print XML's own vocabulary (xslt/pdf/README.md). Imported by
  pdf-document.xsl after pdf-text.xsl, so these templates take precedence only where they match.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <!-- A speech: the speaker in bold, then its lines and paragraphs. -->
  <xsl:template match="tei:sp" mode="tk:pdf-text">
    <section><xsl:apply-templates mode="#current"/></section>
  </xsl:template>
  <xsl:template match="tei:speaker" mode="tk:pdf-text">
    <p><hi rend="bold"><xsl:apply-templates mode="#current"/></hi></p>
  </xsl:template>
  <xsl:template match="tei:stage[parent::tei:sp or parent::tei:div or parent::tei:body]" mode="tk:pdf-text">
    <p><hi rend="italic"><xsl:apply-templates mode="#current"/></hi></p>
  </xsl:template>
  <xsl:template match="tei:stage" mode="tk:pdf-text">
    <hi rend="italic"><xsl:apply-templates mode="#current"/></hi>
  </xsl:template>
  <xsl:template match="tei:castList" mode="tk:pdf-text">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <list>
      <xsl:for-each select="tei:castItem | tei:castGroup">
        <item><xsl:apply-templates mode="#current"/></item>
      </xsl:for-each>
    </list>
  </xsl:template>
  <xsl:template match="tei:sp/tei:l[not(parent::tei:lg)]" mode="tk:pdf-text">
    <p><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <!-- A formula: its text, in italics (MathML is not kept in the print edition). -->
  <xsl:template match="tei:formula" mode="tk:pdf-text">
    <hi rend="italic"><xsl:apply-templates mode="#current"/></hi>
  </xsl:template>

  <!-- An image the builder published (toolkit/builders/images.py names it in @tk:src: a PNG,
       JPEG or SVG of the edition folder) is drawn; any other stays named in brackets. -->
  <xsl:template match="tei:figure[not(ancestor::tei:p)]" mode="tk:pdf-text">
    <xsl:variable name="caption" select="(tei:head, tei:figDesc)[1]"/>
    <xsl:for-each select="tei:graphic[@tk:src]">
      <image src="{@tk:src}" block="true" alt="{normalize-space(($caption, 'An image of the source')[1])}"/>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="tei:graphic[@tk:src]">
        <xsl:if test="$caption"><caption><xsl:value-of select="normalize-space($caption)"/></caption></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:text>[Figure</xsl:text>
          <xsl:for-each select="$caption">
            <xsl:text>: </xsl:text><xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
          <xsl:text>]</xsl:text>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="* except (tei:head, tei:figDesc, tei:graphic)" mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:graphic[@tk:src][not(parent::tei:figure[not(ancestor::tei:p)])]" mode="tk:pdf-text" priority="1">
    <image src="{@tk:src}" alt="{normalize-space((../tei:figDesc, 'An image of the source')[1])}"/>
  </xsl:template>
  <xsl:template match="tei:graphic[not(parent::tei:figure)]" mode="tk:pdf-text">
    <xsl:text>[image]</xsl:text>
  </xsl:template>

  <!-- The manuscript description, before the text: one paragraph per part. -->
  <xsl:template match="tei:msDesc" mode="tk:pdf-text">
    <section>
      <head>Manuscript description</head>
      <xsl:for-each select="tei:msIdentifier">
        <p><xsl:value-of select="string-join((tei:country, tei:region, tei:settlement, tei:institution,
                                tei:repository, tei:collection, tei:idno, tei:msName) ! normalize-space(.)[.], ', ')"/></p>
      </xsl:for-each>
      <xsl:for-each select="* except tei:msIdentifier">
        <p><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- Examples of TEI: their markup as text. -->
  <xsl:template match="*:egXML" mode="tk:pdf-text">
    <p><xsl:value-of select="normalize-space(serialize(node()))"/></p>
  </xsl:template>

  <!-- Is this a document imported from another archive (declared against teikit-import.rng)? -->
  <xsl:function name="tk:imported" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists(root($node)/processing-instruction('xml-model')[contains(., 'teikit-import.rng')])"/>
  </xsl:function>

</xsl:stylesheet>
