<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "document" (mode tk:epub-document): one TEI document to the XHTML chapter of the
  edition's EPUB (toolkit/builders/epub.py zips it). The chapter: the title block (number,
  title, date, archive, signature, translator), the summary, the text (epub-text.xsl), its
  footnotes (epub-notes.xsl) and a colophon with the archive's citation and source link.

  The chapter's <head> carries what the edition stage needs for the package and the navigation
  (meta dcterms.date, dcterms.modified, tk.number), so that the edition stage reads chapters
  and never the TEI again.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="epub-text.xsl"/>
  <xsl:import href="epub-notes.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The document's identifier in the edition (its file name without .xml). -->
  <xsl:param name="document-id" as="xs:string" select="''"/>

  <!-- The edition's title, named in the colophon; '' to leave it out. -->
  <xsl:param name="edition-title" as="xs:string" select="''"/>

  <!-- The document's page in the web edition, named in the colophon; '' if unknown. -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>

  <xsl:mode name="tk:epub-document" on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI" mode="tk:epub-document"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tk:epub-document">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="date" select="tk:date-element($header)"/>
    <xsl:variable name="lang" select="(tei:text/@xml:lang, @xml:lang, 'en')[1]
                                      [matches(., '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$')]"/>
    <xsl:variable name="number" select="($document-id[.], tk:doc-number($header), 'document')[1]"/>
    <xsl:variable name="changed" select="max($header/tei:revisionDesc//tei:change/@when
                                             [. castable as xs:date] ! xs:date(.))"/>
    <html xml:lang="{($lang, 'en')[1]}" lang="{($lang, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="tk:title($header)"/></title>
        <link rel="stylesheet" type="text/css" href="epub.css"/>
        <meta name="tk.number" content="{$number}"/>
        <meta name="dcterms.date" content="{(tk:iso-date($date), '')[1]}"/>
        <meta name="tk.date-label" content="{(tk:date-label($date), '')[1]}"/>
        <meta name="dcterms.modified" content="{($changed ! string(.), '')[1]}"/>
      </head>
      <body epub:type="bodymatter">
        <section class="document" epub:type="chapter" role="doc-chapter" aria-labelledby="title">
          <p class="number">Document <xsl:value-of select="$number"/></p>
          <h1 id="title"><xsl:value-of select="tk:title($header)"/></h1>
          <xsl:if test="exists($date)">
            <p class="date"><xsl:value-of select="tk:date-label($date)"/></p>
          </xsl:if>
          <xsl:call-template name="tk:epub-fields">
            <xsl:with-param name="header" select="$header"/>
          </xsl:call-template>
          <xsl:for-each select="tk:summary($header)">
            <section class="summary">
              <h2>Summary</h2>
              <xsl:choose>
                <xsl:when test="tei:p"><xsl:apply-templates select="tei:p" mode="tk:epub-text"/></xsl:when>
                <xsl:otherwise><p><xsl:apply-templates mode="tk:epub-text"/></p></xsl:otherwise>
              </xsl:choose>
            </section>
          </xsl:for-each>
          <div class="text">
            <xsl:apply-templates select="tei:text/(tei:front, tei:body, tei:group, tei:back)" mode="tk:epub-text"/>
          </div>
          <xsl:apply-templates select="tei:text" mode="tk:epub-notes"/>
          <xsl:call-template name="tk:epub-colophon">
            <xsl:with-param name="header" select="$header"/>
            <xsl:with-param name="number" select="$number"/>
          </xsl:call-template>
        </section>
      </body>
    </html>
  </xsl:template>

  <!-- Archive, signature, original language, translator: what a reader identifies a report by. -->
  <xsl:template name="tk:epub-fields">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:variable name="fields" as="element()*">
      <xsl:for-each select="tk:archive($header)">
        <field label="Archive"><xsl:value-of select="."/></field>
      </xsl:for-each>
      <xsl:for-each select="tk:signature($header)">
        <field label="Signature"><xsl:value-of select="."/></field>
      </xsl:for-each>
      <xsl:for-each select="tk:original-lang($header)[. != root($header)/tei:TEI/tei:text/@xml:lang]">
        <field label="Original language"><xsl:value-of select="tk:language-name($header, .)"/></field>
      </xsl:for-each>
      <xsl:if test="exists(tk:translators($header))">
        <field label="Translated by"><xsl:value-of select="string-join(tk:translators($header), ', ')"/></field>
      </xsl:if>
      <xsl:if test="exists(tk:funders($header))">
        <field label="Funded by"><xsl:value-of select="string-join(tk:funders($header), ', ')"/></field>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="exists($fields)">
      <dl class="fields">
        <xsl:for-each select="$fields">
          <dt><xsl:value-of select="@label"/></dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:epub-colophon">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:variable name="file" select="$header/tei:fileDesc"/>
    <xsl:variable name="source" select="tk:external-url(tk:source-url($header))"/>
    <section class="colophon">
      <h2>Colophon</h2>
      <xsl:for-each select="($file/tei:sourceDesc/tei:bibl[@type = 'citation'], $file/tei:sourceDesc/tei:bibl)[1]">
        <p><b>Cite as: </b><xsl:apply-templates mode="tk:epub-text"/></p>
      </xsl:for-each>
      <xsl:if test="$edition-title or $edition-url">
        <p><b>Edition: </b>
          <xsl:if test="$edition-title"><xsl:value-of select="$edition-title || ', document ' || $number"/></xsl:if>
          <xsl:if test="$edition-title and $edition-url">: </xsl:if>
          <xsl:for-each select="tk:external-url($edition-url)"><a href="{.}"><xsl:value-of select="."/></a></xsl:for-each>
        </p>
      </xsl:if>
      <xsl:if test="exists($source)">
        <p><b>Source: </b><a href="{$source}"><xsl:value-of select="$source"/></a></p>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
