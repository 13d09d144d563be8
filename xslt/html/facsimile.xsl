<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "facsimile" (issue 15): the scanned original beside the text. Modes: tk:facsimile (the
  viewer panel, an aside before the text section), tk:facsimile-head (its script and style);
  and, in tk:text, each page break that points at a published page gains a button opening
  that page. Without JavaScript the panel is a list of links to the page images; with it,
  assets/facsimile.js runs OpenSeadragon (assets/openseadragon/, from npm) over the static
  IIIF tiles under iiif/ID/ (toolkit/facsimile/iiif.py) and follows the reader's position.

  Pages are the facsimile's surfaces that hold a graphic (or its own graphics), in document
  order, numbered from 1 as iiif/ID/N/ is; pb/@facs="#surface-id" names the page that starts
  there, and the first page is the one before the first pb.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The pages toolkit.builders.html published as IIIF ("1 2 3"; '' for none). -->
  <xsl:param name="facsimile-pages" as="xs:string" select="''"/>

  <xsl:variable name="tk:facs-published" as="xs:integer*"
                select="for $n in tokenize($facsimile-pages) return xs:integer($n)"/>

  <xsl:key name="tk:facs-page" match="tei:facsimile/tei:surface[tei:graphic[@url]] | tei:facsimile/tei:graphic[@url]"
           use="string(@xml:id)"/>

  <!-- The page number a pb opens, if it points at a published page. -->
  <xsl:function name="tk:facs-page" as="xs:integer?">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:variable name="target" select="key('tk:facs-page', substring-after(tokenize($pb/@facs)[1], '#'), root($pb))[1]"/>
    <xsl:variable name="number" as="xs:integer?"
                  select="$target/(count(preceding-sibling::*[self::tei:surface[tei:graphic[@url]] or self::tei:graphic[@url]]) + 1)"/>
    <xsl:sequence select="$number[. = $tk:facs-published]"/>
  </xsl:function>

  <xsl:template match="tei:pb[@facs][exists(tk:facs-page(.))]" mode="tk:text" priority="2">
    <xsl:next-match/>
    <!-- not inside a link: a button there is not valid HTML (the marker stays) -->
    <xsl:if test="not(ancestor::*[(tk:is-mention(.) and exists(tk:entry(., $registers)))
                                  or self::tei:ref[exists(tk:link-target(@target))]])">
      <xsl:variable name="page" select="tk:facs-page(.)"/>
      <button type="button" class="tk-facs-open" data-facs-page="{$page}" aria-controls="tk-facsimile"
              data-pagefind-ignore="all">p.&#160;<xsl:value-of select="$page"/><span
              class="tk-visually-hidden"> of the scan: show it</span></button>
    </xsl:if>
  </xsl:template>

  <!-- The first page has no pb (a converted report): its marker opens the text, so that the
       n-th marker is page n. An imported text that starts with a pb has its own. -->
  <xsl:template match="/tei:TEI/tei:text[exists($tk:facs-published[. = 1])]
                                      [not(.//tei:pb[@facs][tk:facs-page(.) = 1])]" mode="tk:text" priority="2">
    <p class="tk-facs-first" data-pagefind-ignore="all">
      <button type="button" class="tk-facs-open" data-facs-page="1" aria-controls="tk-facsimile">p.&#160;1<span
              class="tk-visually-hidden"> of the scan: show it</span></button>
    </p>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tk:facsimile-head">
    <xsl:if test="exists($tk:facs-published)">
      <link rel="stylesheet" href="assets/facsimile.css"/>
      <script src="assets/openseadragon/openseadragon.min.js" defer="defer"></script>
      <script src="assets/facsimile.js" defer="defer"></script>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tk:facsimile">
    <xsl:if test="exists($tk:facs-published)">
      <xsl:variable name="base" select="'iiif/' || $doc-id || '/'"/>
      <xsl:variable name="count" select="count($tk:facs-published)"/>
      <aside class="tk-facsimile" id="tk-facsimile" aria-labelledby="facsimile-heading"
             data-pagefind-ignore="all" data-manifest="{$base}manifest.json">
        <div class="tk-facs-bar">
          <h2 id="facsimile-heading">Scan of the original</h2>
          <div class="tk-facs-controls" role="group" aria-label="Scan controls" hidden="hidden">
            <button type="button" data-facs-step="-1" aria-label="Previous page">&#8249;</button>
            <span class="tk-facs-status" aria-live="polite">page 1 of <xsl:value-of select="$count"/></span>
            <button type="button" data-facs-step="1" aria-label="Next page">&#8250;</button>
            <button type="button" data-facs-zoom="1.5" aria-label="Zoom in">+</button>
            <button type="button" data-facs-zoom="0.667" aria-label="Zoom out">&#8722;</button>
            <button type="button" data-facs-zoom="0" aria-label="Fit the page">&#8634;</button>
            <label class="tk-facs-follow"><input type="checkbox" checked="checked"/> follow the text</label>
          </div>
        </div>
        <div class="tk-facs-view" id="tk-facs-view" hidden="hidden"></div>
        <ol class="tk-facs-pages">
          <xsl:for-each select="$tk:facs-published">
            <li data-page="{.}" data-info="{$base}{.}/info.json">
              <a href="{$base}{.}/full/max/0/default.jpg">Page <xsl:value-of select="."/> of the scan</a>
            </li>
          </xsl:for-each>
        </ol>
        <p class="tk-facs-iiif"><a href="{$base}manifest.json">IIIF manifest</a> (open it in any IIIF viewer)</p>
      </aside>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
