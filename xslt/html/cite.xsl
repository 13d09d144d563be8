<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "cite" (mode tk:cite): the "cite this document" box with its permalink, and the
  downloads (the TEI source copied beside the page, the PDF of the print edition). Links are
  relative (tei/ID.xml, pdf/ID.pdf, both inside the site) so that they work from disk and when
  the site folder alone is served; the
  permalink is absolute when the build knows the edition's base URL.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:cite" on-no-match="shallow-skip"/>

  <xsl:template match="tei:teiHeader" mode="tk:cite">
    <xsl:variable name="permalink" select="tk:safe-url(tk:absolute($doc-id || '.html'))"/>
    <xsl:variable name="date" select="tk:date-label(tk:date-element(.))"/>
    <xsl:variable name="translators" select="tk:translators(.)"/>
    <aside class="tk-aside" aria-label="Citation and downloads" data-pagefind-ignore="all">
      <section class="tk-cite" aria-labelledby="cite-heading">
        <h2 id="cite-heading">Cite this document</h2>
        <p class="tk-citation" id="citation">
          <xsl:value-of select="'“' || tk:title(.) || '”'"/>
          <xsl:value-of select="string-join(('', $date, tk:archive(.), tk:signature(.)), ', ')"/>
          <xsl:if test="exists($translators)">
            <xsl:value-of select="', translated by ' || string-join($translators, ' and ')"/>
          </xsl:if>
          <xsl:text>. In: </xsl:text>
          <cite><xsl:value-of select="$edition-title"/></cite>
          <xsl:value-of select="', document ' || $doc-id || '. '"/>
          <a class="tk-permalink" href="{$permalink}" data-permalink="{$permalink}"><xsl:value-of select="$permalink"/></a>
        </p>
        <button type="button" class="tk-copy" data-copy="citation" hidden="hidden">Copy citation</button>
        <!-- the document's own URL: only through the one URL filter (xslt/common/urls.xsl) -->
        <xsl:variable name="source" select="tk:safe-url(tk:source-url(.))"/>
        <xsl:if test="$source">
          <p class="tk-source">Published by the archive at
            <a href="{$source}"><xsl:value-of select="$source"/></a></p>
        </xsl:if>
        <xsl:variable name="original" select="tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'citation'][1]"/>
        <xsl:if test="$original">
          <p class="tk-source">The archive's citation: <xsl:value-of select="normalize-space($original)"/></p>
        </xsl:if>
      </section>
      <section class="tk-downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <ul>
          <li><a href="tei/{$doc-id}.xml" type="application/tei+xml" download="{$doc-id}.xml">TEI P5 source (XML)</a></li>
          <xsl:if test="$pdf">
            <li><a href="pdf/{$doc-id}.pdf" type="application/pdf">PDF of the print edition</a></li>
          </xsl:if>
        </ul>
      </section>
    </aside>
  </xsl:template>
</xsl:stylesheet>
