<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "index" (mode tk:index): the list of documents as a table in date order. Without
  JavaScript it is a plain table; assets/edition.js adds sorting by date or title and filters
  by archive and original language, reading the data-* attributes written here.

  A large edition (more than $index-page-size documents, teikit.toml [web] index_page_size;
  issue #13) has its index in pages, index.html, index-2.html ..., each a plain table of
  its documents linking the others (no JavaScript needed), and documents.json, every
  document's id, title, date, archive and language, over which edition.js filters and
  sorts the whole edition when it runs.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:index" on-no-match="shallow-skip"/>

  <xsl:param name="index-page-size" as="xs:integer" select="500"/>
  <xsl:variable name="tk:index-page-size" as="xs:integer" select="max(($index-page-size, 1))"/>

  <!-- The file of page $n of the index (1-based). -->
  <xsl:function name="tk:index-href" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 1) then 'index.html' else 'index-' || $n || '.html'"/>
  </xsl:function>

  <xsl:template match="tk:edition" mode="tk:index">
    <xsl:param name="docs" as="element(tk:doc)*" tunnel="yes"/>
    <!-- the page of a paged index (0: one page, the whole list), and how many there are -->
    <xsl:param name="page" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:param name="pages" as="xs:integer" select="1" tunnel="yes"/>
    <xsl:variable name="rows" select="if ($page = 0) then $docs
        else subsequence($docs, ($page - 1) * $tk:index-page-size + 1, $tk:index-page-size)"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="if ($page gt 1) then 'Documents (' || $page || ')' else 'Documents'"/>
      <xsl:with-param name="href" select="tk:index-href($page)"/>
      <xsl:with-param name="kind" select="'index'"/>
      <xsl:with-param name="description" select="$edition-title || ': ' || count($docs) || ' documents.'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Documents</h1>
        <p class="tk-lead">
          <xsl:value-of select="count($docs) || (if (count($docs) = 1) then ' document' else ' documents')"/>
          <xsl:variable name="dated" select="$docs[@date != '']"/>
          <xsl:if test="$dated">
            <xsl:value-of select="', ' || $dated[1]/@date-label"/>
            <xsl:if test="count($dated) gt 1">
              <xsl:value-of select="' to ' || $dated[last()]/@date-label"/>
            </xsl:if>
          </xsl:if>
          <xsl:text>. See them also on the </xsl:text>
          <a href="timeline.html">timeline</a>
          <xsl:text>.</xsl:text>
          <xsl:if test="$pdf">
            <xsl:call-template name="tk:pdf-links">
              <xsl:with-param name="one" select="' The whole edition as one volume: '"/>
              <xsl:with-param name="many" select="' The print edition in {n}: '"/>
            </xsl:call-template>
            <xsl:text>.</xsl:text>
          </xsl:if>
        </p>
        <form class="tk-filters" id="filters" hidden="hidden" aria-label="Filter the documents">
          <xsl:call-template name="tk:filter">
            <xsl:with-param name="name" select="'archive'"/>
            <xsl:with-param name="label" select="'Archive'"/>
            <xsl:with-param name="all" select="'All archives'"/>
            <xsl:with-param name="values" select="$docs/@archive[.]"/>
            <xsl:with-param name="labels" select="$docs/@archive[.]"/>
          </xsl:call-template>
          <xsl:call-template name="tk:filter">
            <xsl:with-param name="name" select="'lang'"/>
            <xsl:with-param name="label" select="'Original language'"/>
            <xsl:with-param name="all" select="'All languages'"/>
            <xsl:with-param name="values" select="$docs/@lang[.]"/>
            <xsl:with-param name="labels" select="$docs[@lang != '']/@lang-name"/>
          </xsl:call-template>
          <p class="tk-count" id="shown" aria-live="polite"></p>
        </form>
        <xsl:if test="$page gt 0">
          <xsl:call-template name="tk:index-nav">
            <xsl:with-param name="page" select="$page"/>
            <xsl:with-param name="pages" select="$pages"/>
            <xsl:with-param name="total" select="count($docs)"/>
          </xsl:call-template>
        </xsl:if>
        <div class="tk-table-wrap">
          <table class="tk-index" id="documents">
            <xsl:if test="$page gt 0">
              <!-- edition.js reads every document from here and shows them in pages of this size -->
              <xsl:attribute name="data-json" select="'documents.json'"/>
              <xsl:attribute name="data-page" select="$page"/>
              <xsl:attribute name="data-page-size" select="$tk:index-page-size"/>
            </xsl:if>
            <caption class="tk-visually-hidden">
              <xsl:text>Documents of the edition, in date order</xsl:text>
              <xsl:if test="$page gt 0"><xsl:value-of select="', page ' || $page || ' of ' || $pages"/></xsl:if>
            </caption>
            <thead>
              <tr>
                <th scope="col" data-sort="date" aria-sort="ascending">Date</th>
                <th scope="col" data-sort="title">Title</th>
                <th scope="col">Archive</th>
                <th scope="col">Original language</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$rows">
                <tr data-date="{@date}" data-title="{lower-case(@title)}" data-archive="{@archive}" data-lang="{@lang}">
                  <td class="tk-nowrap">
                    <xsl:choose>
                      <xsl:when test="@date != ''"><time datetime="{@date}"><xsl:value-of select="@date-label"/></time></xsl:when>
                      <xsl:otherwise>undated</xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <a href="{@id}.html"><xsl:value-of select="@title"/></a>
                    <xsl:if test="tk:abstract != ''">
                      <p class="tk-index-summary"><xsl:value-of select="tk:shorten(tk:abstract, 40)"/></p>
                    </xsl:if>
                  </td>
                  <td><xsl:value-of select="@archive"/></td>
                  <td><xsl:value-of select="@lang-name"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Links to the pages of a paged index, the current one marked. -->
  <xsl:template name="tk:index-nav">
    <xsl:param name="page" as="xs:integer"/>
    <xsl:param name="pages" as="xs:integer"/>
    <xsl:param name="total" as="xs:integer"/>
    <nav class="tk-index-pages" id="index-pages" aria-label="Pages of the list of documents">
      <p>
        <xsl:value-of select="'Documents ' || ($page - 1) * $tk:index-page-size + 1 || '–'
                              || min(($page * $tk:index-page-size, $total)) || ' of ' || $total || '. Pages: '"/>
        <xsl:for-each select="1 to $pages">
          <xsl:choose>
            <xsl:when test=". = $page"><span aria-current="page"><xsl:value-of select="."/></span></xsl:when>
            <xsl:otherwise><a href="{tk:index-href(.)}"><xsl:value-of select="."/></a></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
      </p>
    </nav>
  </xsl:template>

  <!-- Every document of the edition as a JSON array in the index's order (documents.json). -->
  <xsl:function name="tk:documents-json" as="xs:string">
    <xsl:param name="docs" as="element(tk:doc)*"/>
    <xsl:variable name="json" as="element()">
      <array xmlns="http://www.w3.org/2005/xpath-functions">
        <xsl:for-each select="$docs">
          <map>
            <string key="id"><xsl:value-of select="@id"/></string>
            <string key="title"><xsl:value-of select="@title"/></string>
            <string key="date"><xsl:value-of select="@date"/></string>
            <string key="date_label"><xsl:value-of select="@date-label"/></string>
            <string key="archive"><xsl:value-of select="@archive"/></string>
            <string key="language"><xsl:value-of select="@lang"/></string>
            <string key="language_name"><xsl:value-of select="@lang-name"/></string>
          </map>
        </xsl:for-each>
      </array>
    </xsl:variable>
    <xsl:sequence select="xml-to-json($json)"/>
  </xsl:function>

  <!-- A select of the distinct values of one column. -->
  <xsl:template name="tk:filter">
    <!-- The data-* name the filter compares with. -->
    <xsl:param name="name" as="xs:string"/>
    <!-- The visible label. -->
    <xsl:param name="label" as="xs:string"/>
    <!-- The label of the option that shows everything. -->
    <xsl:param name="all" as="xs:string"/>
    <!-- The value of each document, and its label (same order). -->
    <xsl:param name="values" as="xs:string*"/>
    <xsl:param name="labels" as="xs:string*"/>
    <div class="tk-filter">
      <label for="filter-{$name}"><xsl:value-of select="$label"/></label>
      <select id="filter-{$name}" data-filter="{$name}">
        <option value=""><xsl:value-of select="$all"/></option>
        <xsl:for-each-group select="1 to count($values)" group-by="$values[current()]">
          <xsl:sort select="lower-case($labels[current-group()[1]])"/>
          <option value="{current-grouping-key()}">
            <xsl:value-of select="$labels[current-group()[1]] || ' (' || count(current-group()) || ')'"/>
          </option>
        </xsl:for-each-group>
      </select>
    </div>
  </xsl:template>

  <!-- The first words of a text, with an ellipsis when cut. -->
  <xsl:function name="tk:shorten" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="words" as="xs:integer"/>
    <xsl:variable name="all" select="tokenize($text)"/>
    <xsl:sequence select="string-join(subsequence($all, 1, $words), ' ')
                          || (if (count($all) gt $words) then ' …' else '')"/>
  </xsl:function>
</xsl:stylesheet>
