<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "registers" (mode tk:epub-registers): one page per register kind (persons.xhtml,
  places.xhtml, organisations.xhtml) with every entry of the edition's registers, sorted as
  the web's registers (surname first where the register has the parts), its other names, its
  note, and links to the chapters that name it. An empty register has no page. The chapters'
  name links (href="persons.xhtml#id", epub-text.xsl) are gathered once into a map: linear in
  the size of the edition.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:import href="epub-common.xsl"/>

  <xsl:mode name="tk:epub-registers" on-no-match="shallow-skip"/>

  <xsl:template match="tk:epub" mode="tk:epub-registers">
    <xsl:param name="chapters" as="element(tk:chapter)*" tunnel="yes"/>
    <xsl:variable name="lang" select="(tk:language, 'en')[1]"/>
    <!-- href of an entry -> the chapters naming it, in the book's order (each chapter's hrefs
         are distinct). Grouped, not map:merge with 'combine': that appends one chapter at a
         time, copying the sequence, quadratic in an entry's mentions (29 s of CPU at 3,000
         documents, most of a one-document rebuild of the book) -->
    <xsl:variable name="mentions" as="map(xs:string, element(tk:chapter)*)">
      <xsl:map>
        <xsl:for-each-group select="$chapters ! tk:name" group-by="string(@href)">
          <xsl:map-entry key="current-grouping-key()" select="current-group() ! .."/>
        </xsl:for-each-group>
      </xsl:map>
    </xsl:variable>
    <xsl:variable name="entries" select="$registers//(tei:person | tei:personGrp | tei:place | tei:org)[@xml:id]"/>
    <xsl:for-each-group select="$entries" group-by="tk:entry-kind(.)">
      <xsl:sort select="index-of(('persons', 'places', 'organisations'), current-grouping-key())"/>
      <xsl:variable name="kind" select="current-grouping-key()"/>
      <xsl:variable name="name" select="$kind || '.xhtml'"/>
      <xsl:variable name="heading" select="tk:kind-label($kind, true())"/>
      <xsl:call-template name="tk:epub-page">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="title" select="$heading"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="type" select="'backmatter'"/>
        <xsl:with-param name="body">
          <section class="register {$kind}" epub:type="index">
            <h1><xsl:value-of select="$heading"/></h1>
            <!-- an id given twice (two register files) is one entry: the first -->
            <xsl:for-each-group select="current-group()" group-by="@xml:id">
              <xsl:sort select="tk:entry-sort-key(.)" lang="en"/>
              <xsl:variable name="entry" select="current-group()[1]"/>
              <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
              <xsl:variable name="label" select="tk:entry-label($entry)"/>
              <xsl:variable name="others" select="distinct-values($names ! normalize-space(.))[. != $label]"/>
              <xsl:variable name="found" select="$mentions($name || '#' || $entry/@xml:id)"/>
              <section class="entry" id="{$entry/@xml:id}">
                <h2><xsl:value-of select="$label"/></h2>
                <xsl:if test="exists($others)">
                  <p class="variants">Also: <xsl:value-of select="string-join($others, '; ')"/></p>
                </xsl:if>
                <xsl:for-each select="$entry/tei:note[normalize-space()]">
                  <p class="note"><xsl:apply-templates mode="tk:epub-text"/></p>
                </xsl:for-each>
                <xsl:if test="exists($found)">
                  <p class="mentions">Named in:
                    <xsl:for-each select="$found">
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <a href="{@name}">
                        <xsl:value-of select="string-join((tk:chapter-meta(., 'tk.date-label')[.],
                                                           'No. ' || tk:chapter-meta(., 'tk.number')), ', ')"/>
                      </a>
                    </xsl:for-each>
                  </p>
                </xsl:if>
              </section>
            </xsl:for-each-group>
          </section>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each-group>
  </xsl:template>

</xsl:stylesheet>
