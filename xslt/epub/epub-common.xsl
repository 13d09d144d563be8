<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, shared by the edition-wide stages: a chapter's facts (its head, written by
  epub-document.xsl, as the builder copies it into <tk:chapter>: <tk:meta name content> per
  head meta, @title, <tk:name href> per distinct name link) and writing one XHTML page of the
  book. The chapters themselves are never parsed here: at 10,000 documents reading each one
  was most of the stage. Functions and one named template, no modes.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:chapter-meta" as="xs:string">
    <xsl:param name="chapter" as="element(tk:chapter)"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="string($chapter/tk:meta[@name = $name][1]/@content)"/>
  </xsl:function>

  <xsl:function name="tk:chapter-date" as="xs:string">
    <xsl:param name="chapter" as="element(tk:chapter)"/>
    <xsl:sequence select="tk:chapter-meta($chapter, 'dcterms.date')"/>
  </xsl:function>

  <xsl:function name="tk:chapter-title" as="xs:string">
    <xsl:param name="chapter" as="element(tk:chapter)"/>
    <xsl:sequence select="normalize-space($chapter/@title)"/>
  </xsl:function>

  <!-- An editorial text's heading: its single top heading, else the kind's name. -->
  <xsl:function name="tk:epub-text-heading" as="xs:string">
    <xsl:param name="text" as="element(tk:text)"/>
    <xsl:sequence select="(tk:epub-text-top($text)/tei:head[1] ! normalize-space(),
        if ($text/@kind = 'principles') then 'Editorial principles' else 'About this edition')[1]"/>
  </xsl:function>

  <!-- The text's single top division, when the whole text is one (Markdown "# Heading"). -->
  <xsl:function name="tk:epub-text-top" as="element(tei:div)?">
    <xsl:param name="text" as="element(tk:text)"/>
    <xsl:variable name="div" select="$text/tei:div"/>
    <xsl:sequence select="$div/*[1][self::tei:div][tei:head][count($div/*) = 1]"/>
  </xsl:function>

  <!-- The register kinds that have entries, in the book's order. -->
  <xsl:function name="tk:epub-register-kinds" as="xs:string*">
    <xsl:param name="registers" as="document-node()?"/>
    <xsl:variable name="kinds" select="distinct-values($registers//(tei:person | tei:personGrp | tei:place | tei:org)
                                       [@xml:id] ! tk:entry-kind(.))"/>
    <xsl:sequence select="('persons', 'places', 'organisations')[. = $kinds],
                          sort($kinds[not(. = ('persons', 'places', 'organisations'))])"/>
  </xsl:function>

  <!-- One page of the book: <html> with the book's language, its title and the style sheet. -->
  <xsl:template name="tk:epub-page">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="type" as="xs:string" select="'frontmatter'"/>
    <xsl:param name="body" as="node()*"/>
    <xsl:result-document href="{$name}" method="xml" encoding="UTF-8" indent="no">
      <html xml:lang="{$lang}" lang="{$lang}">
        <head>
          <meta charset="utf-8"/>
          <title><xsl:value-of select="$title"/></title>
          <link rel="stylesheet" type="text/css" href="epub.css"/>
        </head>
        <body epub:type="{$type}">
          <xsl:sequence select="$body"/>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
