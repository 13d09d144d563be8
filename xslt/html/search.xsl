<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "search" (mode tk:search): the search page. The index is Pagefind's, built once at
  the end of the build into pagefind/; the page's own interface (assets/search.js, in the
  site's style) queries it through Pagefind's JavaScript API, so search works on any static
  server with no network fetch beyond the site itself. It shows only documents that contain
  every word searched for: Pagefind alone, when no page has them all, answers with pages
  that have some of them or a word that begins like one ("a" for "Aleksandrov"). Filters:
  archive, original language, year and person (the data-pagefind-filter values of the
  search pages, summary.xsl). ?q= and the filters' names in the query string search on
  arrival; without JavaScript the form explains where else to look.
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
        <script type="module" src="assets/search.js"></script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <p class="tk-lead">Search the text and summaries of every document: a document is found
          when it contains every word you type (or a phrase in "quotes"). Filter the results by
          archive, original language, year or person named.</p>
        <form class="tk-search-form" id="search-form" role="search" action="search.html" method="get">
          <div class="tk-search-box">
            <label for="search-q">Words to find</label>
            <input id="search-q" name="q" type="search" autocomplete="off"/>
            <button type="submit">Search</button>
          </div>
          <div class="tk-filters tk-search-filters" id="search-filters" hidden="hidden"></div>
        </form>
        <p class="tk-search-status" id="search-status" role="status" aria-live="polite"></p>
        <ol class="tk-search-results" id="search-results"></ol>
        <p><button type="button" class="tk-more" id="search-more" hidden="hidden">More results</button></p>
        <noscript>
          <p>Searching needs JavaScript. Without it, browse the <a href="index.html">documents</a>
            or the registers of <a href="persons.html">persons</a>, <a href="places.html">places</a>
            and <a href="organisations.html">organisations</a>.</p>
        </noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
