<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "notes" (mode tk:notes): every note of the text (footnotes of the source, the
  translator's descriptions of the source, marginalia, editors' notes) as one numbered list
  after the text, each saying what kind of note it is and linking back to its place.
  Numbers come from the tk:notes accumulator, so they agree with the markers of stage "text".
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:notes" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- The whole list, or nothing when the text has no notes. -->
  <xsl:template match="tei:text" mode="tk:notes">
    <xsl:variable name="notes" select=".//tei:note[not(tk:in-place(.))]"/>
    <xsl:if test="exists($notes)">
      <section class="tk-notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol class="tk-note-list">
          <xsl:apply-templates select="$notes" mode="tk:notes"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="tk:notes">
    <xsl:variable name="n" select="accumulator-before('tk:notes')"/>
    <xsl:variable name="in-text" select="not(parent::*[local-name() = ('div', 'body', 'back', 'front', 'div1', 'div2', 'div3')])"/>
    <li id="note-{$n}" value="{$n}" class="tk-note">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <span class="tk-note-kind"><xsl:value-of select="tk:note-kind(.)"/>: </span>
      <xsl:choose>
        <xsl:when test="not(normalize-space(.)) and not(*)">
          <span class="tk-note-text tk-note-empty">The source marks a note here but gives no text for it.</span>
        </xsl:when>
        <xsl:when test="tei:p">
          <xsl:apply-templates select="node()" mode="tk:text"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="tk-note-text"><xsl:apply-templates select="node()" mode="tk:text"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$in-text">
        <xsl:text> </xsl:text>
        <a class="tk-backref" href="#noteref-{$n}" aria-label="Back to the place of note {$n}">↩</a>
      </xsl:if>
    </li>
  </xsl:template>
  <!-- A footnote's first label that is its number in the source ("(1)", "1." before the text):
       the kind already says it ("Footnote of the source (1):", "(*)"), so it is not said twice;
       a label other than @n is kept. (The EPUB numbers its footnotes itself and so keeps a
       label that is not that number: tk:epub-number-label.) -->
  <xsl:template match="tei:note[@n][not(tk:in-place(.))]/tei:label[1][empty(preceding-sibling::node()[normalize-space() or self::*])]
                       [(normalize-space(.), replace(normalize-space(.), '[\p{P}\s]', '')) = ../@n]" mode="tk:text" priority="1"/>
</xsl:stylesheet>
