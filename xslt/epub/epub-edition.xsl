<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "edition" (mode tk:epub-edition): the edition-wide files of the EPUB, from the
  chapters the document stage wrote and the configuration, each an xsl:result-document that
  toolkit/builders/epub.py zips: title.xhtml and the front matter (epub-front.xsl), the
  registers (epub-registers.xsl), nav.xhtml and package.opf (epub-package.xsl).

  Source: <tk:epub title subtitle publisher year identifier url> with <tk:editor role
  affiliation>, <tk:licence url>, <tk:funder>, <tk:language>, <tk:front> (toolkit/frontmatter.py)
  and <tk:chapter name title> per document (its name in the book), holding the chapter's head
  meta (<tk:meta name content>: number, date, last change) and its distinct name links
  (<tk:name href>), which the builder keeps per chapter: no chapter is read here.
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

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="epub-text.xsl"/>
  <xsl:import href="epub-front.xsl"/>
  <xsl:import href="epub-registers.xsl"/>
  <xsl:import href="epub-package.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:mode name="tk:epub-edition" on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tk:epub" mode="tk:epub-edition"/>
  </xsl:template>

  <xsl:template match="tk:epub" mode="tk:epub-edition">
    <!-- the chapters in date order (undated last, then by number), as the print volume -->
    <xsl:variable name="chapters" as="element(tk:chapter)*">
      <xsl:perform-sort select="tk:chapter">
        <xsl:sort select="if (tk:chapter-date(.) != '') then 0 else 1"/>
        <xsl:sort select="tk:chapter-date(.)"/>
        <xsl:sort select="@name"/>
      </xsl:perform-sort>
    </xsl:variable>
    <!-- every page of the book in reading order, for the navigation and the package -->
    <xsl:variable name="files" as="element(tk:file)*">
      <tk:file name="title.xhtml" title="Title page"/>
      <xsl:for-each select="tk:front/tk:text">
        <tk:file name="{@kind}.xhtml" title="{tk:epub-text-heading(.)}"/>
      </xsl:for-each>
      <xsl:if test="tk:front/tk:abbreviations/tk:abbr">
        <tk:file name="abbreviations.xhtml" title="Abbreviations"/>
      </xsl:if>
      <tk:file name="documents.xhtml" title="List of documents"/>
      <xsl:for-each select="$chapters">
        <tk:file name="{@name}" title="{tk:chapter-title(.)}" chapter="yes"/>
      </xsl:for-each>
      <xsl:for-each select="tk:epub-register-kinds($registers)">
        <tk:file name="{.}.xhtml" title="{tk:kind-label(., true())}" register="yes"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:apply-templates select="." mode="tk:epub-front">
      <xsl:with-param name="chapters" select="$chapters" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="." mode="tk:epub-registers">
      <xsl:with-param name="chapters" select="$chapters" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="." mode="tk:epub-package">
      <xsl:with-param name="chapters" select="$chapters" tunnel="yes"/>
      <xsl:with-param name="files" select="$files" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

</xsl:stylesheet>
