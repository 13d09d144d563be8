<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "summary" (mode tk:summary): a small XML record of one document for the edition
  pages: its metadata for the index and timeline, and every mention of a register entry with
  its anchor (the same m-N ids the text stage writes) and a few words of context for the
  register pages (with the space, if any, that separates them from the name). Written beside each page so that an incremental build only re-reads it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:summary" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- Words of context on each side of a mention. -->
  <xsl:variable name="tk:context" as="xs:integer" select="8"/>

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

  <xsl:template match="*[tk:is-mention(.)]" mode="tk:summary">
    <xsl:variable name="block" select="ancestor::*[local-name() = ('p', 'ab', 'head', 'item', 'cell',
        'l', 'note', 'signed', 'dateline', 'abstract', 'seg', 'salute', 'fw')][1]"/>
    <xsl:variable name="texts" select="$block//text()[not(ancestor::tei:note[. &gt;&gt; $block])]
        [not(ancestor::tei:reg | ancestor::tei:corr[../tei:sic] | ancestor::tei:desc)]"/>
    <xsl:variable name="before" select="string-join($texts[. &lt;&lt; current()], '')"/>
    <xsl:variable name="after" select="string-join($texts[. &gt;&gt; current()]
        [not(ancestor::* intersect current())], '')"/>
    <xsl:variable name="before-words" select="tokenize($before)"/>
    <tk:mention entry="{tk:ref-id(tk:ref(.))}" anchor="m-{accumulator-before('tk:mentions')}"
                where="{if (ancestor::tei:abstract) then 'summary' else 'text'}"
                before="{(if (count($before-words) gt $tk:context) then '… ' else '')
                         || string-join(subsequence($before-words, count($before-words) - $tk:context + 1), ' ')
                         || (if (matches($before, '\s$') and exists($before-words)) then ' ' else '')}"
                after="{(if (matches($after, '^\s') and matches($after, '\S')) then ' ' else '')
                        || string-join(subsequence(tokenize($after), 1, $tk:context), ' ')
                        || (if (count(tokenize($after)) gt $tk:context) then ' …' else '')}">
      <xsl:value-of select="normalize-space(string-join(.//text()[not(ancestor::tei:reg | ancestor::tei:note)], ''))"/>
    </tk:mention>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
</xsl:stylesheet>
