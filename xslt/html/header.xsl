<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "header" (mode tk:head): what the reader learns about a document before its text:
  title, date, archive and signature, original language, translator, funder, sponsors, and
  the summary. Read through the common metadata functions, so that any TEI header with
  the usual elements gives the same page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:head" on-no-match="shallow-skip" use-accumulators="#all"/>

  <xsl:template match="tei:teiHeader" mode="tk:head">
    <xsl:variable name="date" select="tk:date-label(tk:date-element(.))"/>
    <xsl:variable name="lang" select="tk:original-lang(.)"/>
    <header class="tk-doc-header">
      <p class="tk-kicker">Document <xsl:value-of select="$doc-id"/></p>
      <h1 data-pagefind-meta="title"><xsl:value-of select="tk:title(.)"/></h1>
      <xsl:if test="$date">
        <p class="tk-doc-date">
          <xsl:choose>
            <xsl:when test="tk:doc-date(.)">
              <time datetime="{tk:doc-date(.)}"><xsl:value-of select="$date"/></time>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
      <dl class="tk-meta">
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Archive'"/>
          <xsl:with-param name="values" select="tk:archive(.)"/>
          <xsl:with-param name="filter" select="'archive'"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Signature'"/>
          <xsl:with-param name="values" select="tk:signature(.)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Original language'"/>
          <xsl:with-param name="values" select="tk:language-name(., $lang)"/>
          <xsl:with-param name="filter" select="'language'"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Translated by'"/>
          <xsl:with-param name="values" select="tk:translators(.)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Funded by'"/>
          <xsl:with-param name="values" select="tk:funders(.)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Sponsored by'"/>
          <xsl:with-param name="values" select="tk:sponsors(.)"/>
        </xsl:call-template>
      </dl>
    </header>
    <xsl:variable name="summary" select="tk:summary(.)"/>
    <xsl:if test="$summary">
      <section class="tk-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <xsl:choose>
          <xsl:when test="$summary/tei:p">
            <xsl:apply-templates select="$summary/node()" mode="tk:text"/>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:apply-templates select="$summary/node()" mode="tk:text"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One row of the metadata list; nothing when there is no value. -->
  <xsl:template name="tk:meta-row">
    <!-- What the row states. -->
    <xsl:param name="label" as="xs:string"/>
    <!-- The values, joined by semicolons. -->
    <xsl:param name="values" as="xs:string*"/>
    <!-- The name of a Pagefind filter the value feeds, if any. -->
    <xsl:param name="filter" as="xs:string?" select="()"/>
    <xsl:if test="exists($values[.])">
      <div>
        <dt><xsl:value-of select="$label"/></dt>
        <dd>
          <xsl:if test="$filter">
            <xsl:attribute name="data-pagefind-filter" select="$filter"/>
          </xsl:if>
          <xsl:value-of select="string-join($values[.], '; ')"/>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
