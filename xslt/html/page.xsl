<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "page": the HTML shell every page of the web edition shares (head, skip link, site
  header with navigation and search, main landmark, footer). Pages sit side by side in
  build/html/, so every link here is relative and the site works from disk or any server.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The navigation of the edition: file name and label of each edition page. A register
       with no entries and an empty list of abbreviations are left out (their pages are still
       written, so that old links hold). -->
  <xsl:variable name="tk:nav" as="map(xs:string, xs:string)*" select="(
      map { 'href': 'index.html', 'label': 'Documents' },
      map { 'href': 'timeline.html', 'label': 'Timeline' },
      ('persons', 'places', 'organisations')[tk:register-size(.) gt 0]
        ! map { 'href': . || '.html', 'label': tk:kind-label(., true()) },
      map { 'href': 'abbreviations.html', 'label': 'Abbreviations' }[exists(tk:abbreviations())],
      map { 'href': 'search.html', 'label': 'Search' },
      map { 'href': 'about.html', 'label': 'About' })"/>

  <!-- The edition's own metadata (teikit.toml) as JSON from the builder: title, editors
       [{name, role}], publisher, year, licence {name, url}. -->
  <xsl:param name="edition" as="xs:string" select="'{}'"/>
  <xsl:variable name="tk:edition" as="map(*)" select="parse-json($edition)"/>

  <!-- The size of each register as JSON ({"persons": 12, ...}), when the builder counted them
       once per process (toolkit.builders.html.register_sizes); '' to count here. Counting
       here walks the registers on every page, a cost per document that grows with them. -->
  <xsl:param name="register-sizes" as="xs:string" select="''"/>
  <xsl:variable name="tk:register-sizes" as="map(*)"
                select="if ($register-sizes) then parse-json($register-sizes) else map {}"/>

  <!-- How many entries a register has. -->
  <xsl:function name="tk:register-size" as="xs:integer">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if (map:contains($tk:register-sizes, $kind)) then xs:integer($tk:register-sizes($kind))
        else count($registers//(*:person | *:personGrp | *:place | *:org)[@xml:id][tk:entry-kind(.) = $kind])"/>
  </xsl:function>

  <!-- The edition's front matter, made by the builder with toolkit.frontmatter (the one source
       print and EPUB read too): `tk:front` holding the about texts as TEI (`tk:text/tei:div`)
       and the abbreviations of the organisations register (`tk:abbreviations/tk:abbr` with
       @form, @id of the entry and the expansion as text, sorted). -->
  <xsl:param name="front" as="document-node()?" select="()"/>

  <!-- The abbreviations as listed by toolkit.frontmatter.abbreviations(): the web has no rule
       of its own for what counts as one. -->
  <xsl:function name="tk:abbreviations" as="element(tk:abbr)*">
    <xsl:sequence select="$front/tk:front/tk:abbreviations/tk:abbr"/>
  </xsl:function>

  <xsl:template name="tk:page">
    <!-- The page's own title (the edition's title is appended). -->
    <xsl:param name="title" as="xs:string"/>
    <!-- The page's file name, to mark the current navigation entry. -->
    <xsl:param name="href" as="xs:string"/>
    <!-- Language of the page's content (BCP 47). -->
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <!-- A one-sentence description for search engines and link previews. -->
    <xsl:param name="description" as="xs:string?" select="()"/>
    <!-- Extra elements for the head (alternate links, search assets). -->
    <xsl:param name="head" as="element()*" select="()"/>
    <!-- The content of the main landmark. -->
    <xsl:param name="content" as="node()*"/>
    <!-- A class on body saying which kind of page this is. -->
    <xsl:param name="kind" as="xs:string"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title || ' — ' || $edition-title"/></title>
        <xsl:if test="$description">
          <meta name="description" content="{$description}"/>
        </xsl:if>
        <meta name="generator" content="teikit"/>
        <xsl:if test="$base-url">
          <link rel="canonical" href="{tk:absolute($href)}"/>
        </xsl:if>
        <link rel="stylesheet" href="assets/edition.css"/>
        <xsl:sequence select="$head"/>
        <script src="assets/edition.js" defer="defer"></script>
      </head>
      <body class="tk-page tk-page-{$kind}">
        <a class="tk-skip" href="#main">Skip to content</a>
        <header class="tk-site" data-pagefind-ignore="all">
          <div class="tk-site-inner">
            <p class="tk-site-title"><a href="index.html"><xsl:value-of select="$edition-title"/></a></p>
            <nav class="tk-nav" aria-label="Edition">
              <ul>
                <xsl:for-each select="$tk:nav">
                  <li>
                    <a href="{?href}">
                      <xsl:if test="?href = $href"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                      <xsl:value-of select="?label"/>
                    </a>
                  </li>
                </xsl:for-each>
              </ul>
            </nav>
            <form class="tk-site-search" role="search" action="search.html" method="get">
              <label for="site-q" class="tk-visually-hidden">Search the edition</label>
              <input id="site-q" name="q" type="search" placeholder="Search the edition"/>
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="tk-footer" data-pagefind-ignore="all">
          <p><xsl:value-of select="$edition-title"/>. Published with teikit from TEI P5 sources;
            every document can be downloaded in TEI from its page.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- An edition page's address on the web, when the edition knows its base URL. -->
  <xsl:function name="tk:absolute" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="if ($base-url) then replace($base-url, '/+$', '') || '/' || $href else $href"/>
  </xsl:function>
</xsl:stylesheet>
