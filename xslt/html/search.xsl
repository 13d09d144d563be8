<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "search" (mode tk:search): the search page. The index is Pagefind's, built once at
  the end of the build into pagefind/; its UI (pagefind/pagefind-ui.js, shipped by Pagefind
  into the same folder) runs in the page, so search works on any static server with no
  network fetch beyond the site itself. A query in ?q= is searched on arrival.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:search" on-no-match="shallow-skip"/>

  <xsl:template match="tk:edition" mode="tk:search">
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="href" select="'search.html'"/>
      <xsl:with-param name="kind" select="'search'"/>
      <xsl:with-param name="head" as="element()*">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <script src="pagefind/pagefind-ui.js" defer="defer"></script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <p class="tk-lead">Search the text and summaries of every document. Filter the results by
          archive or original language.</p>
        <p class="tk-search-label" id="search-label">Words to find</p>
        <div id="search" class="tk-search"></div>
        <noscript>
          <p>Searching needs JavaScript. Without it, browse the <a href="index.html">documents</a>
            or the registers of <a href="persons.html">persons</a>, <a href="places.html">places</a>
            and <a href="organisations.html">organisations</a>.</p>
        </noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
