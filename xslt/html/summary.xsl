<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "summary" (mode tk:summary): a small XML record of one document for the edition
  pages: its metadata for the index and timeline, and every mention of a register entry with
  its anchor (the same m-N ids the text stage writes) and a few words of context for the
  register pages (with the space, if any, that separates them from the name). Mode
  tk:search-page makes the small page the search index is built from, with the record at the
  end of its body (one private file per document: a new file is most of a small write's cost).
  Written beside each page so that an incremental build only re-reads it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:search-page" on-no-match="shallow-skip"/>

  <xsl:mode name="tk:summary" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- The context [before, after] of each name, as tk:tail(tk:text-before(...)) and
       tk:head(tk:text-after(...)) give it, keyed by the name's ordinal in document order
       (tk:element): JSON from the builder (toolkit.builders.html_context), which computes
       them in one walk of the document instead of one walk per mention. A name it does not
       give is computed here. -->
  <xsl:param name="contexts" as="xs:string" select="'{}'"/>
  <xsl:variable name="tk:contexts" as="map(*)" select="parse-json($contexts)"/>

  <!-- Characters of context on each side of a mention (cut at a word boundary). -->
  <xsl:variable name="tk:context" as="xs:integer" select="60"/>

  <!-- The end of a text, from a word boundary, with an ellipsis when cut; a trailing space
       (the text is followed by the name after a space) is kept. No regular expressions here:
       this runs for every mention and Saxon's regex engine is slow for it. -->
  <xsl:function name="tk:tail" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="t" select="translate($text, '&#9;&#10;&#13;', '   ')"/>
    <xsl:variable name="n" select="normalize-space($t)"/>
    <xsl:sequence select="(if (string-length($n) le $tk:context) then $n
        else '… ' || substring-after(substring($n, string-length($n) - $tk:context + 1), ' '))
        || (if (ends-with($t, ' ') and $n) then ' ' else '')"/>
  </xsl:function>

  <!-- The start of a text, to a word boundary, with an ellipsis when cut. -->
  <xsl:function name="tk:head" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="t" select="translate($text, '&#9;&#10;&#13;', '   ')"/>
    <xsl:variable name="n" select="normalize-space($t)"/>
    <xsl:variable name="words" select="tokenize(substring($n, 1, $tk:context), ' ')"/>
    <xsl:sequence select="(if (starts-with($t, ' ') and $n) then ' ' else '')
        || (if (string-length($n) le $tk:context) then $n
            else string-join($words[position() lt last()], ' ') || ' …')"/>
  </xsl:function>

  <!-- How many siblings on each side are read for the context: enough for its words, and
       a bound that keeps the cost of a mention independent of its paragraph's length. -->
  <xsl:variable name="tk:context-siblings" as="xs:integer" select="8"/>

  <!-- The text before a node within its block, as a reader sees it (nearest siblings first,
       then those of its parents up to the block). -->
  <xsl:function name="tk:text-before" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="
        (if ($node/.. is $block or empty($node/..)) then '' else tk:text-before($node/.., $block))
        || string-join($node/preceding-sibling::node()[position() le $tk:context-siblings] ! tk:plain(.), '')"/>
  </xsl:function>

  <xsl:function name="tk:text-after" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="
        string-join($node/following-sibling::node()[position() le $tk:context-siblings] ! tk:plain(.), '')
        || (if ($node/.. is $block or empty($node/..)) then '' else tk:text-after($node/.., $block))"/>
  </xsl:function>

  <!-- A node's text without notes, regularised forms and corrections' sic. -->
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="
        if (empty($node)) then ''
        else if ($node instance of text()) then string($node)
        else if ($node/(self::tei:note | self::tei:reg | self::tei:sic[../tei:corr] | self::tei:desc
                        | self::tei:abbr[../tei:expan])) then ''
        else if ($node/*) then string-join($node/node() ! tk:plain(.), '')
        else string($node)"/>
  </xsl:function>

  <!-- What Pagefind indexes for a document: a small page with the metadata and the text as
       the reading view shows it (indexing it is twice as fast as indexing the full page). -->
  <xsl:template match="tei:TEI" mode="tk:search-page">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <html lang="{(@xml:lang, 'en')[1]}">
      <head>
        <title><xsl:value-of select="tk:title($header)"/></title>
        <!-- filters that are not words of the document: in attributes, so that a search for
             a word finds the documents that contain it, not those whose register entry does -->
        <xsl:for-each select="substring(string(tk:doc-date($header)), 1, 4)[matches(., '^\d{4}$')]">
          <meta data-pagefind-filter="year[content]" content="{.}"/>
        </xsl:for-each>
        <xsl:for-each select="distinct-values(($header/tei:profileDesc/tei:abstract, tei:text)
            //(tei:persName | tei:name | tei:rs)[tk:is-mention(.)] ! tk:entry(., $registers)
            [tk:entry-kind(.) = 'persons'] ! tk:entry-label(.))">
          <xsl:sort select="."/>
          <meta data-pagefind-filter="person[content]" content="{.}"/>
        </xsl:for-each>
      </head>
      <body>
        <main data-pagefind-body="">
          <h1 data-pagefind-meta="title"><xsl:value-of select="tk:title($header)"/></h1>
          <p data-pagefind-meta="date"><xsl:value-of select="tk:date-label(tk:date-element($header))"/></p>
          <p data-pagefind-filter="archive"><xsl:value-of select="tk:archive($header)"/></p>
          <p data-pagefind-filter="language"><xsl:value-of select="tk:language-name($header, tk:original-lang($header))"/></p>
          <p><xsl:value-of select="tk:plain(tk:summary($header))"/></p>
          <xsl:for-each select="tei:text//*[self::tei:p or self::tei:head or self::tei:ab or self::tei:item or self::tei:signed or self::tei:dateline or self::tei:salute or self::tei:l or self::tei:cell or self::tei:fw or self::tei:seg or self::tei:docDate or self::tei:byline or self::tei:trailer or self::tei:label]
                                [not(ancestor::*[self::tei:p or self::tei:head or self::tei:ab or self::tei:item or self::tei:signed or self::tei:dateline or self::tei:salute or self::tei:l or self::tei:cell or self::tei:fw or self::tei:seg or self::tei:docDate or self::tei:byline or self::tei:trailer or self::tei:label])]">
            <p><xsl:value-of select="tk:plain(.)"/></p>
          </xsl:for-each>
          <xsl:for-each select="tei:text//tei:note">
            <p><xsl:value-of select="string-join(node() ! tk:plain(.), '')"/></p>
          </xsl:for-each>
        </main>
        <!-- the record, outside the indexed main (Pagefind reads only data-pagefind-body):
             one file per document for both (toolkit.builders.html_state.split_record) -->
        <xsl:apply-templates select="." mode="tk:summary"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tk:summary">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="lang" select="tk:original-lang($header)"/>
    <tk:doc id="{$doc-id}" title="{tk:title($header)}" date="{tk:doc-date($header)}"
            date-label="{tk:date-label(tk:date-element($header))}"
            archive="{tk:archive($header)}" lang="{$lang}"
            lang-name="{tk:language-name($header, $lang)}">
      <tk:abstract><xsl:value-of select="normalize-space(tk:summary($header))"/></tk:abstract>
      <xsl:apply-templates select="$header/tei:profileDesc/tei:abstract, tei:text" mode="tk:summary"/>
    </tk:doc>
  </xsl:template>

  <xsl:template match="(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName)[@ref | @corresp | @key][tk:is-mention(.)]" mode="tk:summary">
    <!-- the nearest block, else the parent (a name in an element no list foresaw, such as an
         addrLine once, must never fail the page) -->
    <xsl:variable name="block" as="element()" select="(ancestor::*[local-name() = ('p', 'ab', 'head',
        'item', 'cell', 'l', 'note', 'signed', 'dateline', 'abstract', 'seg', 'salute', 'fw',
        'addrLine', 'byline', 'docAuthor', 'trailer', 'speaker', 'label')][1], ..)[1]"/>
    <xsl:variable name="known" select="$tk:contexts(string(accumulator-before('tk:element')))"/>
    <tk:mention entry="{tk:ref-id(tk:ref(.))}" anchor="m-{accumulator-before('tk:mentions')}"
                where="{if (ancestor::tei:abstract) then 'summary' else 'text'}"
                before="{if (exists($known)) then $known(1) else tk:tail(tk:text-before(., $block))}"
                after="{if (exists($known)) then $known(2) else tk:head(tk:text-after(., $block))}">
      <xsl:value-of select="normalize-space(string-join(.//text()[not(ancestor::tei:reg | ancestor::tei:note)], ''))"/>
    </tk:mention>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
</xsl:stylesheet>
