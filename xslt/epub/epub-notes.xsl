<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "notes" (mode tk:epub-notes): a document's footnotes as EPUB 3 footnotes at the
  end of its chapter, each an <aside epub:type="footnote" id="nN"> that the reading system may
  show as a pop-up at its mark (epub-text.xsl writes the marks, id="nrN"), with a link back.
  Numbered per document, in the order of their marks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:epub-notes" on-no-match="shallow-skip"/>

  <xsl:template match="tei:text" mode="tk:epub-notes">
    <!-- a note inside a note too has its own footnote: its mark in the outer one links there -->
    <xsl:variable name="notes" select=".//tei:note[tk:epub-footnote(.)]"/>
    <xsl:if test="exists($notes)">
      <section class="footnotes" epub:type="footnotes" role="doc-endnotes">
        <h2>Notes</h2>
        <xsl:for-each select="$notes">
          <xsl:variable name="n" select="tk:epub-note-number(.)"/>
          <aside epub:type="footnote" role="doc-footnote" id="n{$n}" class="footnote">
            <xsl:choose>
              <xsl:when test="tei:p">
                <xsl:for-each select="tei:p">
                  <p>
                    <xsl:if test="position() = 1"><a href="#nr{$n}" class="back"><xsl:value-of select="$n"/></a><xsl:text> </xsl:text></xsl:if>
                    <xsl:apply-templates mode="tk:epub-text"/>
                  </p>
                </xsl:for-each>
              </xsl:when>
              <!-- a mark whose note the source does not give: the footnote says so -->
              <xsl:when test="not(normalize-space()) and empty(*)">
                <p><a href="#nr{$n}" class="back"><xsl:value-of select="$n"/></a><xsl:text> </xsl:text>
                  <i><xsl:value-of select="'The source marks ' || (if (@n) then 'note ' || @n else 'a note')
                      || ' here but gives no text for it.'"/></i></p>
              </xsl:when>
              <xsl:otherwise>
                <p><a href="#nr{$n}" class="back"><xsl:value-of select="$n"/></a><xsl:text> </xsl:text>
                  <xsl:apply-templates mode="tk:epub-text"/></p>
              </xsl:otherwise>
            </xsl:choose>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
