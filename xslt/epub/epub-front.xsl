<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "front" (mode tk:epub-front): the book's front matter, as in the print volume:
  title page (title, subtitle, editors, publisher, year, licence, funders, how the text is
  marked), the about and editorial-principles texts (TEI from toolkit/frontmatter.py, through
  epub-text.xsl), the abbreviations, and a list of documents (number, date, title).
  Each page is an xsl:result-document (the edition stage lists them for the package).
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

  <xsl:import href="epub-common.xsl"/>

  <xsl:mode name="tk:epub-front" on-no-match="shallow-skip"/>

  <xsl:template match="tk:epub" mode="tk:epub-front">
    <xsl:param name="chapters" as="element(tk:chapter)*" tunnel="yes"/>
    <xsl:variable name="lang" select="(tk:language, 'en')[1]"/>
    <!-- title page -->
    <xsl:call-template name="tk:epub-page">
      <xsl:with-param name="name" select="'title.xhtml'"/>
      <xsl:with-param name="title" select="string(@title)"/>
      <xsl:with-param name="lang" select="$lang"/>
      <xsl:with-param name="type" select="'titlepage'"/>
      <xsl:with-param name="body">
        <section class="titlepage" epub:type="titlepage">
          <h1 class="title"><xsl:value-of select="@title"/></h1>
          <xsl:if test="@subtitle != ''"><p class="subtitle"><xsl:value-of select="@subtitle"/></p></xsl:if>
          <p class="count"><xsl:value-of select="count($chapters)"/>
            <xsl:value-of select="if (count($chapters) = 1) then ' document' else ' documents'"/></p>
          <xsl:if test="tk:editor">
            <ul class="editors">
              <xsl:for-each select="tk:editor">
                <li><xsl:value-of select="."/>, <xsl:value-of select="@role"/>
                  <xsl:if test="@affiliation != ''"> (<xsl:value-of select="@affiliation"/>)</xsl:if></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
          <xsl:if test="@publisher != '' or @year != ''">
            <p class="publisher"><xsl:value-of select="string-join((@publisher, @year)[. != ''], ', ')"/></p>
          </xsl:if>
          <xsl:for-each select="tk:licence">
            <p class="licence">Licence:
              <xsl:choose>
                <xsl:when test="exists(tk:external-url(@url))"><a href="{tk:external-url(@url)}"><xsl:value-of select="."/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:for-each>
          <xsl:if test="tk:funder">
            <p class="funders">Funded by <xsl:value-of select="string-join(tk:funder, ', ')"/>.</p>
          </xsl:if>
          <xsl:for-each select="tk:external-url(@url)">
            <p class="url"><a href="{.}"><xsl:value-of select="."/></a></p>
          </xsl:for-each>
          <p class="conventions">Made by teikit from the edition's TEI P5 encoding. Supplied words
            are in italics within brackets, omissions are marked […], a variant spelling follows
            the name in brackets, and [p. N] or a bar marks a page break of the source.</p>
        </section>
      </xsl:with-param>
    </xsl:call-template>
    <!-- the editorial texts -->
    <xsl:for-each select="tk:front/tk:text">
      <xsl:variable name="div" select="tei:div"/>
      <xsl:variable name="top" select="tk:epub-text-top(.)"/>
      <xsl:variable name="heading" select="tk:epub-text-heading(.)"/>
      <xsl:variable name="name" select="@kind || '.xhtml'"/>
      <xsl:call-template name="tk:epub-page">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="title" select="$heading"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="body">
          <section class="front {@kind}" epub:type="{if (@kind = 'principles') then 'preamble' else 'foreword'}">
            <h1><xsl:value-of select="$heading"/></h1>
            <xsl:apply-templates select="if ($top) then $top/node() except $top/tei:head[1] else $div/node()"
                                 mode="tk:epub-text"/>
          </section>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <!-- abbreviations -->
    <xsl:if test="tk:front/tk:abbreviations/tk:abbr">
      <xsl:call-template name="tk:epub-page">
        <xsl:with-param name="name" select="'abbreviations.xhtml'"/>
        <xsl:with-param name="title" select="'Abbreviations'"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="body">
          <section class="abbreviations" epub:type="glossary">
            <h1>Abbreviations</h1>
            <dl>
              <xsl:for-each select="tk:front/tk:abbreviations/tk:abbr">
                <dt><abbr><xsl:value-of select="@form"/></abbr></dt>
                <dd><xsl:value-of select="."/></dd>
              </xsl:for-each>
            </dl>
          </section>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <!-- list of documents -->
    <xsl:call-template name="tk:epub-page">
      <xsl:with-param name="name" select="'documents.xhtml'"/>
      <xsl:with-param name="title" select="'List of documents'"/>
      <xsl:with-param name="lang" select="$lang"/>
      <xsl:with-param name="body">
        <section class="documents">
          <h1>List of documents</h1>
          <table>
            <thead><tr><th scope="col">No.</th><th scope="col">Date</th><th scope="col">Title</th></tr></thead>
            <tbody>
              <xsl:for-each select="$chapters">
                <tr>
                  <td><xsl:value-of select="tk:chapter-meta(., 'tk.number')"/></td>
                  <td><xsl:value-of select="tk:chapter-meta(., 'tk.date-label')"/></td>
                  <td><a href="{@name}"><xsl:value-of select="tk:chapter-title(.)"/></a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
