<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's document page: one TEI document in, one HTML5 page out, plus (as the
  secondary results) the page the search index is built from with, inside it, the record the
  edition pages are built from ("record.html": one private file, not two), and the citation
  files. Compiled once
  per process by toolkit.builders.html and run once per document.

  Stages, one per file and mode: header (tk:head), text (tk:text), notes (tk:notes),
  cite (tk:cite), summary (tk:summary); page.xsl holds the shell all pages share.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="imported.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="cite.xsl"/>
  <xsl:include href="summary.xsl"/>
  <xsl:include href="facsimile.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:output name="tk:summary" method="xml" encoding="UTF-8" indent="no"/>
  <xsl:output name="tk:plain" method="text" encoding="UTF-8"/>

  <!-- The document's id: its file name without .xml (the archive's document number). -->
  <xsl:param name="doc-id" as="xs:string" required="yes"/>
  <!-- The edition's title, shown in every page's header and in citations. -->
  <xsl:param name="edition-title" as="xs:string" select="'TEI edition'"/>
  <!-- Where the edition is published ('' when unknown): makes permalinks absolute. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- Whether the print edition is built too, so that the page links its PDF. -->
  <xsl:param name="pdf" as="xs:boolean" select="true()"/>
  <!-- The edition's registers (persons, places, organisations) as one document. -->
  <xsl:param name="registers" as="document-node()?" select="()"/>

  <xsl:mode use-accumulators="#all"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <!-- one citation for the cite box and the three citation files -->
    <xsl:variable name="citation" select="tk:citation($header)"/>
    <!-- the search page with the record in it: one private file per document, not two -->
    <xsl:result-document href="record.html" format="tk:summary">
      <xsl:apply-templates select="." mode="tk:search-page"/>
    </xsl:result-document>
    <xsl:result-document href="cite.json" format="tk:plain">
      <xsl:apply-templates select="$header" mode="tk:csl-json">
        <xsl:with-param name="c" select="$citation"/>
      </xsl:apply-templates>
    </xsl:result-document>
    <xsl:result-document href="cite.bib" format="tk:plain">
      <xsl:apply-templates select="$header" mode="tk:bibtex">
        <xsl:with-param name="c" select="$citation"/>
      </xsl:apply-templates>
    </xsl:result-document>
    <xsl:result-document href="cite.ris" format="tk:plain">
      <xsl:apply-templates select="$header" mode="tk:ris">
        <xsl:with-param name="c" select="$citation"/>
      </xsl:apply-templates>
    </xsl:result-document>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:title($header)"/>
      <xsl:with-param name="href" select="$doc-id || '.html'"/>
      <xsl:with-param name="kind" select="'document'"/>
      <xsl:with-param name="lang" select="string((@xml:lang, 'en')[1])"/>
      <xsl:with-param name="description" select="normalize-space(tk:summary($header))[.]"/>
      <xsl:with-param name="head" as="element()*">
        <link rel="alternate" type="application/tei+xml" href="tei/{$doc-id}.xml"/>
        <xsl:apply-templates select="." mode="tk:facsimile-head"/>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <article class="tk-document" data-pagefind-body="">
          <xsl:apply-templates select="$header" mode="tk:head"/>
          <xsl:apply-templates select="$header[tk:imported(.)]/tei:fileDesc/tei:sourceDesc/tei:msDesc" mode="tk:msdesc"/>
          <xsl:apply-templates select="." mode="tk:facsimile"/>
          <section class="tk-text-section" aria-labelledby="text-heading">
            <div class="tk-text-bar">
              <h2 id="text-heading">Text</h2>
              <fieldset class="tk-views" data-pagefind-ignore="all">
                <legend>View</legend>
                <input type="radio" name="view" id="view-editorial" value="editorial" checked="checked"/>
                <label for="view-editorial">Editorial</label>
                <input type="radio" name="view" id="view-reading" value="reading"/>
                <label for="view-reading">Reading</label>
              </fieldset>
            </div>
            <p class="tk-view-help" data-pagefind-ignore="all">The editorial view shows every
              intervention of <xsl:value-of select="if (exists(tk:translators($header)))
              then 'the translator or the editors' else 'the editors'"/>: supplied words in
              <span class="tk-demo-supplied">[italics]</span>, omissions as […], passages the
              source does not give as their description, <span class="tk-demo-gap">[two words
              illegible]</span>, variant spellings as orig [<span class="tk-demo-reg">reg</span>], page
              breaks as <span class="tk-demo-pb">p. 2</span><xsl:if test="tei:text//(tei:vocal | tei:kinesic
              | tei:incident | tei:pause)">, what the record says was heard or seen besides the words
              as <span class="tk-demo-spoken">[laughs]</span></xsl:if>; hover over or focus one to see who
              intervened and why. The numbers in the margin cite the paragraphs (a link to each).
              The reading view shows the text alone.</p>
            <xsl:apply-templates select="tei:text" mode="tk:text"/>
          </section>
          <xsl:apply-templates select="tei:text" mode="tk:notes"/>
          <!-- previous and next in date order: filled in by the builder once every record is
               known (toolkit.builders.html.link_sequence), so that a new document changes
               its neighbours' links without re-rendering them -->
          <nav class="tk-sequence" aria-label="Documents in date order" data-pagefind-ignore="all"></nav>
        </article>
        <xsl:apply-templates select="$header" mode="tk:cite">
        <xsl:with-param name="c" select="$citation"/>
      </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
