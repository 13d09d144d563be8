<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "index" (mode tk:index): the list of documents as a table in date order. Without
  JavaScript it is a plain table; assets/edition.js adds sorting by date or title and filters
  by archive and original language, reading the data-* attributes written here.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:index" on-no-match="shallow-skip"/>

  <xsl:template match="tk:edition" mode="tk:index">
    <xsl:param name="docs" as="element(tk:doc)*" tunnel="yes"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="href" select="'index.html'"/>
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
            <xsl:text> The whole edition as one volume: </xsl:text>
            <a href="pdf/edition.pdf" type="application/pdf">PDF</a>
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
        <div class="tk-table-wrap">
          <table class="tk-index" id="documents">
            <caption class="tk-visually-hidden">Documents of the edition, in date order</caption>
            <thead>
              <tr>
                <th scope="col" data-sort="date" aria-sort="ascending">Date</th>
                <th scope="col" data-sort="title">Title</th>
                <th scope="col">Archive</th>
                <th scope="col">Original language</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$docs">
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
