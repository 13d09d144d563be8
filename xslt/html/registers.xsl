<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "registers": one page per register (persons, places, organisations). Each entry has
  an anchor (its xml:id, the target of the names in the text), its name and variants, its
  note and authority identifiers, and every document and passage that names it, each passage
  linking back to the mention's m-N anchor.

  Made in two steps, so that neither reads the whole edition (issue #13; the builder decides
  what to make, toolkit/builders/html_registers.py):
  - an entry's pages (input tk:entries): per tk:entry (@id, @kind, @total: the documents
    naming it, @make: which of its pages to make), the documents of those pages (tk:doc:
    @id, @title, @date, @date-label, @page: the entry's page that lists it) holding their
    mentions of the entry. Page 1 is the entry's article on the register page, written as a
    fragment (KIND/ID.xml, kept by the builder); page N > 1 is KIND-ID-N.html.
  - a register's page (input tk:fragments, @kind): the register's head and map, then the
    articles of its entries, copied from their fragments in the register's order.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:register" on-no-match="shallow-skip"/>

  <!-- Authority files whose identifiers become links. -->
  <xsl:variable name="tk:authorities" as="map(xs:string, xs:string)" select="map {
      'wikidata': 'https://www.wikidata.org/wiki/',
      'viaf': 'https://viaf.org/viaf/',
      'gnd': 'https://d-nb.info/gnd/',
      'geonames': 'https://www.geonames.org/' }"/>

  <!-- Passages shown with their context per document and entry; the others as numbered
       links, so that an entry named hundreds of times stays a readable page. -->
  <xsl:variable name="tk:snippets" as="xs:integer" select="3"/>

  <xsl:key name="tk:fragment" match="tk:fragment" use="@entry"/>

  <xsl:template match="/tk:fragments">
    <xsl:variable name="kind" as="xs:string" select="@kind"/>
    <xsl:variable name="fragments" select="."/>
    <xsl:variable name="entries" as="element()*">
      <xsl:perform-sort select="$registers//(tei:person | tei:personGrp | tei:place | tei:org)
                                [@xml:id][tk:entry-kind(.) = $kind]">
        <xsl:sort select="tk:entry-sort-key(.)" lang="en"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:result-document href="{$kind}.html" format="tk:page">
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:kind-label($kind, true())"/>
      <xsl:with-param name="href" select="$kind || '.html'"/>
      <xsl:with-param name="kind" select="'register'"/>
      <xsl:with-param name="content" as="node()*">
        <h1><xsl:value-of select="tk:kind-label($kind, true())"/></h1>
        <p class="tk-lead">
          <xsl:value-of select="count($entries) || ' ' || (if (count($entries) = 1) then tk:kind-label($kind, false())
                                else lower-case(tk:kind-label($kind, true())))"/>
          <xsl:text> in the register. Each entry lists the passages of the documents that name it.</xsl:text>
        </p>
        <xsl:call-template name="tk:places-map">
          <xsl:with-param name="places" select="$entries[$kind = 'places'][tei:location/tei:geo]"/>
        </xsl:call-template>
        <xsl:if test="count($entries) gt 30">
          <nav class="tk-letters" aria-label="Initial letters">
            <ul>
              <xsl:for-each-group select="$entries" group-by="upper-case(substring(tk:entry-sort-key(.), 1, 1))">
                <li><a href="#{@xml:id}"><xsl:value-of select="current-grouping-key()"/></a></li>
              </xsl:for-each-group>
            </ul>
          </nav>
        </xsl:if>
        <xsl:for-each select="$entries">
          <xsl:variable name="fragment" select="key('tk:fragment', @xml:id, $fragments)"/>
          <xsl:if test="empty($fragment)">
            <xsl:message terminate="yes" error-code="tk:fragment">no article for the entry <xsl:value-of select="@xml:id"/></xsl:message>
          </xsl:if>
          <xsl:copy-of select="$fragment[1]/*" copy-namespaces="no"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- An entry's pages: its article (page 1, a fragment of the register page) and its
       further pages, those listed in @make. -->
  <xsl:template match="/tk:entries">
    <xsl:for-each select="tk:entry">
      <xsl:variable name="kind" as="xs:string" select="@kind"/>
      <xsl:variable name="block" select="."/>
      <xsl:variable name="entry" select="($registers//(tei:person | tei:personGrp | tei:place | tei:org)
                                         [@xml:id = current()/@id][tk:entry-kind(.) = $kind])[1]"/>
      <xsl:for-each select="tokenize(@make) ! xs:integer(.)">
        <xsl:variable name="n" select="."/>
        <xsl:variable name="mentions" select="$block/tk:doc[xs:integer(@page) = $n]/tk:mention"/>
        <xsl:choose>
          <xsl:when test="$n = 1">
            <xsl:result-document href="{$kind}/{$entry/@xml:id}.xml" method="xml" encoding="UTF-8" indent="no">
              <tk:fragment entry="{$entry/@xml:id}">
                <xsl:apply-templates select="$entry" mode="tk:register">
                  <xsl:with-param name="kind" select="$kind" tunnel="yes"/>
                  <xsl:with-param name="mentions" select="$mentions"/>
                  <xsl:with-param name="total" select="xs:integer($block/@total)"/>
                </xsl:apply-templates>
              </tk:fragment>
            </xsl:result-document>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="tk:mention-page">
              <xsl:with-param name="kind" select="$kind" tunnel="yes"/>
              <xsl:with-param name="entry" select="$entry"/>
              <xsl:with-param name="mentions" select="$mentions"/>
              <xsl:with-param name="total" select="xs:integer($block/@total)"/>
              <xsl:with-param name="n" select="$n"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!--
    The places that have coordinates, drawn on a map of their own: longitude and latitude as
    x and -y (equirectangular), a graticule every 30 degrees, each place a dot linking to its
    entry. Inline SVG, offline: no tile server, no script, no CDN.
  -->
  <xsl:template name="tk:places-map">
    <xsl:param name="places" as="element()*"/>
    <xsl:if test="exists($places)">
      <figure class="tk-map">
        <svg:svg viewBox="-180 -90 360 180" role="img" aria-labelledby="tk-map-title">
          <svg:title id="tk-map-title">Map of the places of the edition with coordinates</svg:title>
          <svg:rect x="-180" y="-90" width="360" height="180" fill="#eef3f7" stroke="#9ab"/>
          <xsl:for-each select="-150 to 150">
            <xsl:if test=". mod 30 = 0">
              <svg:line x1="{.}" y1="-90" x2="{.}" y2="90" stroke="#cdd" stroke-width="0.3"/>
            </xsl:if>
          </xsl:for-each>
          <xsl:for-each select="-60 to 60">
            <xsl:if test=". mod 30 = 0">
              <svg:line x1="-180" y1="{.}" x2="180" y2="{.}" stroke="#cdd" stroke-width="0.3"/>
            </xsl:if>
          </xsl:for-each>
          <xsl:for-each select="$places">
            <xsl:variable name="geo" select="tokenize(normalize-space(tei:location/tei:geo[1]), ' ')"/>
            <xsl:if test="count($geo) = 2 and $geo[1] castable as xs:double and $geo[2] castable as xs:double">
              <svg:a href="#{@xml:id}">
                <svg:circle class="tk-map-place" cx="{xs:double($geo[2])}" cy="{-xs:double($geo[1])}" r="1.8" fill="#a33">
                  <svg:title><xsl:value-of select="tk:entry-label(.)"/></svg:title>
                </svg:circle>
              </svg:a>
            </xsl:if>
          </xsl:for-each>
        </svg:svg>
        <figcaption><xsl:value-of select="count($places)"/> of the places have coordinates; each dot links to its entry.</figcaption>
      </figure>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org" mode="tk:register">
    <!-- The mentions of this entry in the documents of its first page. -->
    <xsl:param name="mentions" as="element(tk:mention)*"/>
    <!-- The documents that name it. -->
    <xsl:param name="total" as="xs:integer"/>
    <xsl:variable name="label" select="tk:entry-label(.)"/>
    <xsl:variable name="variants" select="distinct-values((tei:persName | tei:placeName | tei:orgName | tei:name)
                                          ! normalize-space(.))[. != $label]"/>
    <article class="tk-entry" id="{@xml:id}" aria-labelledby="{@xml:id}-name">
      <h2 id="{@xml:id}-name"><xsl:value-of select="$label"/></h2>
      <xsl:if test="exists($variants)">
        <p class="tk-variants">Also written: <xsl:value-of select="string-join($variants, '; ')"/></p>
      </xsl:if>
      <xsl:for-each select="tei:birth | tei:death | tei:floruit | tei:location/tei:geo">
        <p class="tk-entry-fact"><xsl:value-of select="upper-case(substring(local-name(), 1, 1)) || substring(local-name(), 2)
          || ': ' || (tk:date-label(self::*[@when or @from]), normalize-space(.))[.][1]"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:note">
        <p class="tk-entry-note"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:if test="tei:idno">
        <p class="tk-authority">
          <xsl:for-each select="tei:idno">
            <xsl:variable name="base" select="$tk:authorities(lower-case(@type))"/>
            <xsl:if test="position() gt 1">; </xsl:if>
            <xsl:choose>
              <xsl:when test="exists(tk:external-url(.))"><a href="{tk:external-url(.)}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
              <xsl:when test="$base and exists(tk:external-url($base || normalize-space(.)))"><a href="{tk:external-url($base || normalize-space(.))}"><xsl:value-of select="@type || ' ' || normalize-space(.)"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="string-join((@type, normalize-space(.)), ' ')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$total = 0">
          <p class="tk-no-mentions">Not named in the documents of this edition.</p>
        </xsl:when>
        <xsl:otherwise>
          <h3 class="tk-mentions-head">Named in <xsl:value-of select="$total"/>
            <xsl:value-of select="if ($total = 1) then ' document' else ' documents'"/></h3>
          <xsl:call-template name="tk:mention-list">
            <xsl:with-param name="mentions" select="$mentions"/>
          </xsl:call-template>
          <xsl:if test="tk:mention-pages($total) gt 1">
            <xsl:call-template name="tk:mention-nav">
              <xsl:with-param name="entry" select="."/>
              <xsl:with-param name="total" select="$total"/>
              <xsl:with-param name="current" select="1"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>
  <xsl:template name="tk:mention-list">
    <xsl:param name="mentions" as="element(tk:mention)*"/>
          <ul class="tk-mentions">
            <xsl:for-each-group select="$mentions" group-by="../@id">
              <xsl:sort select="(../@date[.], '9999')[1]"/>
              <xsl:variable name="doc" select="current-group()[1]/.."/>
              <li>
                <a class="tk-mention-doc" href="{$doc/@id}.html"><xsl:value-of select="$doc/@title"/></a>
                <xsl:if test="$doc/@date != ''">, <time datetime="{$doc/@date}"><xsl:value-of select="$doc/@date-label"/></time></xsl:if>
                <ol class="tk-passages">
                  <xsl:for-each select="current-group()[position() le $tk:snippets]">
                    <li>
                      <a class="tk-passage" href="{$doc/@id}.html#{@anchor}">
                        <xsl:if test="@where = 'summary'"><span class="tk-where">Summary: </span></xsl:if>
                        <xsl:value-of select="@before"/>
                        <mark><xsl:value-of select="."/></mark>
                        <xsl:value-of select="@after"/>
                      </a>
                    </li>
                  </xsl:for-each>
                </ol>
                <xsl:if test="count(current-group()) gt $tk:snippets">
                  <p class="tk-more-passages">
                    <xsl:value-of select="'Also passages '"/>
                    <xsl:for-each select="current-group()[position() gt $tk:snippets]">
                      <a class="tk-passage" href="{$doc/@id}.html#{@anchor}"
                         aria-label="Passage {position() + $tk:snippets}: {.}"><xsl:value-of select="position() + $tk:snippets"/></a>
                      <xsl:if test="position() != last()">, </xsl:if>
                    </xsl:for-each>
                  </p>
                </xsl:if>
              </li>
            </xsl:for-each-group>
          </ul>
  </xsl:template>

  <!--
    Long mention lists in pages (issue #13: no page grows without bound): a register page
    lists the first $register-page-size documents (teikit.toml [web] register_page_size)
    naming an entry, in date order, and links the others' pages, KIND-ID-N.html. Which
    document is on which page the builder decides (tk:doc/@page, by the same order: date,
    then the edition's order). An entry's anchor stays on the register page, so links from
    the documents are the same however large the edition.
  -->
  <xsl:param name="register-page-size" as="xs:integer" select="100"/>
  <xsl:variable name="tk:documents-per-page" as="xs:integer" select="max(($register-page-size, 1))"/>

  <xsl:function name="tk:mention-pages" as="xs:integer">
    <xsl:param name="total" as="xs:integer"/>
    <xsl:sequence select="($total - 1) idiv $tk:documents-per-page + 1"/>
  </xsl:function>

  <xsl:function name="tk:mention-href" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n = 1) then $kind || '.html#' || $entry/@xml:id
                          else $kind || '-' || $entry/@xml:id || '-' || $n || '.html'"/>
  </xsl:function>

  <xsl:template name="tk:mention-nav">
    <xsl:param name="kind" as="xs:string" tunnel="yes"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="total" as="xs:integer"/>
    <xsl:param name="current" as="xs:integer"/>
    <nav class="tk-mention-pages" aria-label="Documents naming {tk:entry-label($entry)}, by page">
      <p>
        <xsl:value-of select="'Documents ' || ($current - 1) * $tk:documents-per-page + 1 || '–'
                              || min(($current * $tk:documents-per-page, $total)) || ' of ' || $total || '. Pages: '"/>
        <xsl:for-each select="1 to tk:mention-pages($total)">
          <xsl:choose>
            <xsl:when test=". = $current"><span aria-current="page"><xsl:value-of select="."/></span></xsl:when>
            <xsl:otherwise><a href="{tk:mention-href($kind, $entry, .)}"><xsl:value-of select="."/></a></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
      </p>
    </nav>
  </xsl:template>

  <!-- A further page of an entry named in more documents than one page lists. -->
  <xsl:template name="tk:mention-page">
    <xsl:param name="kind" as="xs:string" tunnel="yes"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="mentions" as="element(tk:mention)*"/>
    <xsl:param name="total" as="xs:integer"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:result-document href="{tk:mention-href($kind, $entry, $n)}" format="tk:page">
      <xsl:call-template name="tk:page">
        <xsl:with-param name="title" select="tk:entry-label($entry) || ' (' || $n || ')'"/>
        <xsl:with-param name="href" select="tk:mention-href($kind, $entry, $n)"/>
        <xsl:with-param name="kind" select="'register'"/>
        <xsl:with-param name="content" as="node()*">
          <h1><a href="{tk:mention-href($kind, $entry, 1)}"><xsl:value-of select="tk:entry-label($entry)"/></a></h1>
          <xsl:call-template name="tk:mention-nav">
            <xsl:with-param name="entry" select="$entry"/>
            <xsl:with-param name="total" select="$total"/>
            <xsl:with-param name="current" select="$n"/>
          </xsl:call-template>
          <xsl:call-template name="tk:mention-list">
            <xsl:with-param name="mentions" select="$mentions"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
