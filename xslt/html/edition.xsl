<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's edition-wide pages, made once per build after the documents: the index
  of documents, the timeline, the registers of persons, places and organisations, and the
  search page. Every page is a secondary result (index.html ...) that the builder writes
  atomically. Three inputs, by their root element:
  - tk:edition: the tk:doc records that stage "summary" wrote for each document, without
    their mentions (what the index lists: small at any edition size), for the index pages,
    documents.json, timeline, about, search and abbreviations pages;
  - tk:entries and tk:fragments: a register entry's pages and a register's page
    (registers.xsl), from the mentions of the documents on those pages only.

  Stages, one per file and mode: index (tk:index), timeline (tk:timeline), registers
  (tk:register), search (tk:search); page.xsl holds the shell all pages share.

  A rebuild makes only the pages a change touches (issue #13; the builder decides which,
  toolkit/builders/html_state.py): $make-index for the index group, $make-static for the
  pages that depend on no document, and for registers the entries' pages it passes. Every
  page made is the page a full build makes: the parameters choose which result documents
  are written, never what is in them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="timeline.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="search.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="about.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:output name="tk:page" method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:output name="tk:sequence" method="xml" encoding="UTF-8" indent="no"/>

  <!-- The edition's title, shown in every page's header. -->
  <xsl:param name="edition-title" as="xs:string" select="'TEI edition'"/>
  <!-- Where the edition is published ('' when unknown): makes canonical links absolute. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- Whether the print edition is built too, so that the index links its volume. -->
  <xsl:param name="pdf" as="xs:boolean" select="true()"/>
  <!-- The print edition's volumes when it is split ([print] volume_by): JSON
       [{"file", "number", "name"}] from build/pdf/volumes.json; '[]': the one edition.pdf. -->
  <xsl:param name="pdf-volumes" as="xs:string" select="'[]'"/>

  <!-- The links to the print edition: its one volume, or each of its volumes by name
       (`many` introduces them, its {n} the number of volumes). -->
  <xsl:template name="tk:pdf-links">
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:variable name="volumes" select="array:flatten(parse-json($pdf-volumes))" as="map(*)*"
                  xmlns:array="http://www.w3.org/2005/xpath-functions/array"/>
    <xsl:choose>
      <xsl:when test="count($volumes) le 1 and (empty($volumes) or $volumes[1]?file = 'edition.pdf')">
        <xsl:value-of select="$one"/>
        <a href="pdf/{($volumes?file, 'edition.pdf')[1]}" type="application/pdf">PDF</a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="replace($many, '\{n\}', count($volumes) || (if (count($volumes) = 1) then ' volume' else ' volumes'))"/>
        <xsl:for-each select="$volumes">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="pdf/{?file}" type="application/pdf">
            <xsl:value-of select="'Volume ' || ?number || (if (?name != '') then ': ' || ?name else '')"/>
          </a>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- The edition's registers (persons, places, organisations) as one document. -->
  <xsl:param name="registers" as="document-node()?" select="()"/>

  <!-- Whether to make the pages that list the documents: index pages, documents.json,
       timeline, about page (it counts them) and sequence.xml. -->
  <xsl:param name="make-index" as="xs:boolean" select="true()"/>
  <!-- Whether to make the pages no document shapes: search and abbreviations. -->
  <xsl:param name="make-static" as="xs:boolean" select="true()"/>

  <xsl:template match="/tk:edition">
    <xsl:variable name="docs" as="element(tk:doc)*">
      <xsl:perform-sort select="tk:doc">
        <xsl:sort select="(@date[.], '9999')[1]"/>
        <xsl:sort select="lower-case(@title)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="edition" select="."/>
    <xsl:if test="$make-index">
      <xsl:choose>
        <xsl:when test="count($docs) le $tk:index-page-size">
          <xsl:result-document href="index.html" format="tk:page">
            <xsl:apply-templates select="." mode="tk:index">
              <xsl:with-param name="docs" select="$docs" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:result-document>
        </xsl:when>
        <xsl:otherwise>
          <!-- a large edition (#13): the index in pages, and every document as JSON for the script -->
          <xsl:variable name="pages" select="(count($docs) - 1) idiv $tk:index-page-size + 1"/>
          <xsl:for-each select="1 to $pages">
            <xsl:result-document href="{tk:index-href(.)}" format="tk:page">
              <xsl:apply-templates select="$edition" mode="tk:index">
                <xsl:with-param name="docs" select="$docs" tunnel="yes"/>
                <xsl:with-param name="page" select="." tunnel="yes"/>
                <xsl:with-param name="pages" select="$pages" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:result-document>
          </xsl:for-each>
          <xsl:result-document href="documents.json" method="text" encoding="UTF-8">
            <xsl:value-of select="tk:documents-json($docs)"/>
          </xsl:result-document>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:result-document href="timeline.html" format="tk:page">
        <xsl:apply-templates select="." mode="tk:timeline">
          <xsl:with-param name="docs" select="$docs" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:result-document>
    </xsl:if>
    <xsl:if test="$make-static">
      <xsl:result-document href="search.html" format="tk:page">
        <xsl:apply-templates select="." mode="tk:search"/>
      </xsl:result-document>
      <xsl:result-document href="abbreviations.html" format="tk:page">
        <xsl:apply-templates select="." mode="tk:abbreviations"/>
      </xsl:result-document>
    </xsl:if>
    <xsl:if test="$make-index">
      <xsl:result-document href="about.html" format="tk:page">
        <xsl:apply-templates select="." mode="tk:about"/>
      </xsl:result-document>
      <!-- the documents in the index's order, for the builder's previous/next links -->
      <xsl:result-document href="sequence.xml" format="tk:sequence">
        <tk:sequence>
          <xsl:for-each select="$docs">
            <tk:doc id="{@id}" title="{@title}" date-label="{@date-label}"/>
          </xsl:for-each>
        </tk:sequence>
      </xsl:result-document>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
