<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition, stage "meta" (mode tk:pdf-meta): a teiHeader to the <meta> element of the
  print XML that the Typst templates read (vocabulary: xslt/pdf/README.md).

  Everything the title block, the running head, the colophon and the PDF's own metadata need
  is decided here, with fallbacks for TEI that did not come from the converter (FRUS and other
  archives): titleStmt before the source bibl, creation before the source's date, msIdentifier
  before a parsed citation. Only text and a few plain attributes leave this stage, never
  Typst markup, so nothing has to be escaped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/urls.xsl"/>

  <xsl:mode name="tk:pdf-meta" on-no-match="shallow-skip"/>

  <xsl:template match="tei:teiHeader" mode="tk:pdf-meta">
    <xsl:param name="edition-url" as="xs:string" tunnel="yes"/>
    <xsl:param name="edition-title" as="xs:string" tunnel="yes"/>
    <xsl:variable name="file" select="tei:fileDesc"/>
    <xsl:variable name="title" select="tk:title(.)"/>
    <xsl:variable name="date" select="tk:date-element(.)"/>
    <meta>
      <title><xsl:value-of select="$title"/></title>
      <short><xsl:value-of select="tk:short-title(.)"/></short>
      <xsl:if test="exists($date)">
        <date when="{tk:iso-date($date)}">
          <xsl:value-of select="(tk:print-date($date), normalize-space($date)[.], tk:iso-date($date))[1]"/>
        </date>
      </xsl:if>
      <xsl:for-each select="($file/tei:sourceDesc//tei:msIdentifier)[1]">
        <archive>
          <xsl:value-of select="normalize-space(string-join(
              ((tei:repository, tei:institution)[1], tei:settlement[not(../tei:repository)]), ', '))"/>
        </archive>
        <xsl:for-each select="(tei:idno[@type = 'signature'], tei:idno)[1]">
          <signature><xsl:value-of select="normalize-space(.)"/></signature>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:if test="empty($file/tei:sourceDesc//tei:msIdentifier)">
        <xsl:for-each select="($file/tei:sourceDesc//tei:bibl//(tei:orgName | tei:publisher))[1]">
          <archive><xsl:value-of select="normalize-space(.)"/></archive>
        </xsl:for-each>
        <xsl:for-each select="($file/tei:sourceDesc//tei:idno[@type = 'signature'])[1]">
          <signature><xsl:value-of select="normalize-space(.)"/></signature>
        </xsl:for-each>
      </xsl:if>
      <!-- the collection, for [print] volume_by = "collection" (toolkit/builders/volumes.py,
           which falls back to the archive): msIdentifier's collection, else the series -->
      <xsl:for-each select="(($file/tei:sourceDesc//tei:msIdentifier/tei:collection,
                              $file/tei:seriesStmt/tei:title)[normalize-space()])[1]">
        <collection><xsl:value-of select="normalize-space(.)"/></collection>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:author[normalize-space()]">
        <author><xsl:value-of select="normalize-space(.)"/></author>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[matches(tei:resp, 'transl', 'i')]
                            /(tei:persName | tei:name | tei:orgName)[normalize-space()]">
        <translator><xsl:value-of select="normalize-space(.)"/></translator>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:funder[normalize-space()]">
        <funder><xsl:value-of select="normalize-space(.)"/></funder>
      </xsl:for-each>
      <xsl:for-each select="(tei:profileDesc/tei:langUsage/tei:language[@ident != root()/tei:TEI/tei:text/@xml:lang],
                             $file/tei:sourceDesc//tei:textLang)[1]">
        <language><xsl:value-of select="normalize-space(.)"/></language>
      </xsl:for-each>
      <xsl:for-each select="($file/tei:sourceDesc/tei:bibl[@type = 'citation'], $file/tei:sourceDesc/tei:bibl)[1]">
        <citation><xsl:apply-templates mode="tk:pdf-text"/></citation>
      </xsl:for-each>
      <xsl:for-each select="($file/tei:publicationStmt/tei:idno[@type = 'URI'])[1][exists(tk:external-url(.))]">
        <source-url><xsl:value-of select="tk:external-url(.)"/></source-url>
      </xsl:for-each>
      <xsl:if test="$edition-title">
        <edition><xsl:value-of select="$edition-title"/></edition>
      </xsl:if>
      <xsl:if test="$edition-url">
        <edition-url><xsl:value-of select="$edition-url"/></edition-url>
      </xsl:if>
      <xsl:for-each select="(max(tei:revisionDesc//tei:change/@when[. castable as xs:date] ! xs:date(.)))[1]">
        <changed><xsl:value-of select="."/></changed>
      </xsl:for-each>
      <xsl:for-each select="root(.)//tei:text//tei:fw[@type = 'residue'][normalize-space()]">
        <residue><xsl:apply-templates mode="tk:pdf-text"/></residue>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:publicationStmt/tei:distributor[normalize-space()]">
        <distributor><xsl:value-of select="normalize-space(.)"/></distributor>
      </xsl:for-each>
    </meta>
  </xsl:template>

  <!-- The document's title: title[@type='main'], else the first title of the titleStmt. -->
  <xsl:function name="tk:title" as="xs:string">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:variable name="titles" select="$header/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="(normalize-space(string(($titles[@type = 'main'], $titles)[1]))[.],
                           'Untitled document')[1]"/>
  </xsl:function>

  <!--
    The running head: title[@type='short'] when the encoder gave one, else the title. The
    Typst template shortens it at the last word that fits the head's width (lib.typ,
    fit-head): only there is the width of the printed words known.
  -->
  <xsl:function name="tk:short-title" as="xs:string">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:variable name="given" select="normalize-space(($header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'short'])[1])"/>
    <xsl:sequence select="($given[.], tk:title($header))[1]"/>
  </xsl:function>

  <!-- The element that dates the document: creation, then the source's date, then docDate. -->
  <xsl:function name="tk:date-element" as="element()?">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:sequence select="(
        $header/tei:profileDesc/tei:creation//tei:date,
        $header/tei:fileDesc/tei:sourceDesc//tei:bibl//tei:date,
        root($header)//tei:text//tei:docDate//tei:date,
        root($header)//tei:text//tei:docDate)[1]"/>
  </xsl:function>

  <!-- How dates read (teikit.toml date_format): day-month-year, month-day-year, iso; the web
       edition's default when not configured, so that a page and its PDF give a date alike. -->
  <xsl:param name="date-format" as="xs:string" select="'day-month-year'"/>

  <!-- A date with @when in the configured format; () if @when is odd (the source's wording then). -->
  <xsl:function name="tk:print-date" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="when" select="string($date/@when)"/>
    <xsl:variable name="day" select="map {'day-month-year': '[D] [MNn] [Y]',
        'month-day-year': '[MNn] [D], [Y]', 'iso': '[Y0001]-[M01]-[D01]'}($date-format)"/>
    <xsl:choose>
      <xsl:when test="empty($day)"/>
      <xsl:when test="$when castable as xs:date">
        <xsl:sequence select="format-date(xs:date($when), $day, 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="$when castable as xs:gYearMonth">
        <xsl:sequence select="format-date(xs:date($when || '-01'),
                              if ($date-format = 'iso') then '[Y0001]-[M01]' else '[MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="matches($when, '^\d{4}$')"><xsl:sequence select="$when"/></xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- An ISO 8601 date (or year-month, or year) from @when, @from, @notBefore; else ''. -->
  <xsl:function name="tk:iso-date" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="((($date/@when, $date/@from, $date/@notBefore)
                            [matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')])[1] ! string(), '')[1]"/>
  </xsl:function>

</xsl:stylesheet>
