<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "timeline" (mode tk:timeline): the documents by date, drawn as inline SVG (a column
  per year, or per month of whole years when the edition spans three years or less) above the same
  documents as a list grouped by period, which carries the links and serves screen readers.
  No script and no external service.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:timeline" on-no-match="shallow-skip"/>

  <!-- The drawing's size in SVG units (it scales to the page's width). -->
  <xsl:variable name="tk:svg-width" as="xs:integer" select="800"/>
  <xsl:variable name="tk:svg-height" as="xs:integer" select="220"/>

  <xsl:template match="tk:edition" mode="tk:timeline">
    <xsl:param name="docs" as="element(tk:doc)*" tunnel="yes"/>
    <xsl:variable name="dated" select="$docs[matches(@date, '^\d{4}')]"/>
    <xsl:variable name="years" select="$dated ! xs:integer(substring(@date, 1, 4))"/>
    <xsl:variable name="by-month" select="exists($years) and max($years) - min($years) le 2"/>
    <!-- The periods from the first to the last, empty ones included, as "YYYY" or "YYYY-MM". -->
    <xsl:variable name="periods" as="xs:string*" select="
        if (empty($years)) then ()
        else if ($by-month) then
          for $y in min($years) to max($years), $m in 1 to 12
          return format-integer($y, '0000') || '-' || format-integer($m, '00')
        else (min($years) to max($years)) ! format-integer(., '0000')"/>
    <xsl:variable name="key-length" select="if ($by-month) then 7 else 4"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="'Timeline'"/>
      <xsl:with-param name="href" select="'timeline.html'"/>
      <xsl:with-param name="kind" select="'timeline'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Timeline</h1>
        <xsl:choose>
          <xsl:when test="empty($periods)">
            <p>No document of the edition is dated.</p>
          </xsl:when>
          <xsl:otherwise>
            <figure class="tk-timeline">
              <xsl:call-template name="tk:timeline-svg">
                <xsl:with-param name="periods" select="$periods"/>
                <xsl:with-param name="counts" select="for $p in $periods return count($dated[substring(@date, 1, $key-length) = $p])"/>
                <xsl:with-param name="by-month" select="$by-month"/>
              </xsl:call-template>
              <figcaption>Documents per <xsl:value-of select="if ($by-month) then 'month' else 'year'"/>,
                <xsl:value-of select="tk:period-label($periods[1]) || '–' || tk:period-label($periods[last()])"/>.</figcaption>
            </figure>
            <xsl:for-each-group select="$dated" group-by="substring(@date, 1, $key-length)">
              <section class="tk-period" id="period-{current-grouping-key()}" aria-labelledby="h-{current-grouping-key()}">
                <h2 id="h-{current-grouping-key()}"><xsl:value-of select="tk:period-label(current-grouping-key())"/></h2>
                <ol class="tk-period-list">
                  <xsl:for-each select="current-group()">
                    <li><time datetime="{@date}"><xsl:value-of select="@date-label"/></time>:
                      <a href="{@id}.html"><xsl:value-of select="@title"/></a></li>
                  </xsl:for-each>
                </ol>
              </section>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$docs[not(matches(@date, '^\d{4}'))]">
          <section aria-labelledby="h-undated">
            <h2 id="h-undated">Undated</h2>
            <ul>
              <xsl:for-each select="$docs[not(matches(@date, '^\d{4}'))]">
                <li><a href="{@id}.html"><xsl:value-of select="@title"/></a></li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "1965" or "January 1965". -->
  <xsl:function name="tk:period-label" as="xs:string">
    <xsl:param name="period" as="xs:string"/>
    <xsl:sequence select="tk:date($period)"/>
  </xsl:function>

  <!-- Columns with heights proportional to the counts, each linked to its period's list. -->
  <xsl:template name="tk:timeline-svg">
    <!-- Periods in order, "YYYY" or "YYYY-MM". -->
    <xsl:param name="periods" as="xs:string+"/>
    <!-- Documents per period, same order. -->
    <xsl:param name="counts" as="xs:integer+"/>
    <!-- Whether the periods are months. -->
    <xsl:param name="by-month" as="xs:boolean"/>
    <xsl:variable name="left" select="40"/>
    <xsl:variable name="bottom" select="$tk:svg-height - 40"/>
    <xsl:variable name="top" select="20"/>
    <xsl:variable name="slot" select="($tk:svg-width - $left - 10) div count($periods)"/>
    <xsl:variable name="max" select="max($counts)"/>
    <xsl:variable name="label-every" select="max((1, xs:integer(ceiling(count($periods) div 16))))"/>
    <svg:svg viewBox="0 0 {$tk:svg-width} {$tk:svg-height}" role="img" aria-labelledby="timeline-title"
             class="tk-timeline-svg" focusable="false">
      <svg:title id="timeline-title">
        <xsl:value-of select="'Number of documents per ' || (if ($by-month) then 'month' else 'year') || ': '
            || string-join(for $i in 1 to count($periods) return
               (if ($counts[$i] gt 0) then tk:period-label($periods[$i]) || ' ' || $counts[$i] else ()), ', ')"/>
      </svg:title>
      <svg:line x1="{$left}" y1="{$bottom}" x2="{$tk:svg-width - 10}" y2="{$bottom}" class="tk-axis"/>
      <svg:text x="{$left - 6}" y="{$top + 4}" text-anchor="end" class="tk-tick"><xsl:value-of select="$max"/></svg:text>
      <svg:text x="{$left - 6}" y="{$bottom}" text-anchor="end" class="tk-tick">0</svg:text>
      <xsl:for-each select="$periods">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="h" select="if ($max = 0) then 0 else ($bottom - $top) * $counts[$i] div $max"/>
        <xsl:variable name="x" select="$left + ($i - 1) * $slot"/>
        <xsl:if test="$counts[$i] gt 0">
          <svg:rect x="{format-number($x + $slot * 0.15, '0.##')}" y="{format-number($bottom - $h, '0.##')}"
                    width="{format-number($slot * 0.7, '0.##')}" height="{format-number($h, '0.##')}" class="tk-bar"/>
          <svg:text x="{format-number($x + $slot div 2, '0.##')}" y="{format-number($bottom - $h - 4, '0.##')}"
                    text-anchor="middle" class="tk-count-label"><xsl:value-of select="$counts[$i]"/></svg:text>
        </xsl:if>
        <xsl:if test="($i - 1) mod $label-every = 0">
          <svg:text x="{format-number($x + $slot div 2, '0.##')}" y="{$bottom + 18}" text-anchor="middle" class="tk-tick">
            <xsl:value-of select="if ($by-month) then format-date(xs:date(. || '-01'), '[MNn,*-3]') else ."/>
          </svg:text>
          <xsl:if test="$by-month and (substring(., 6, 2) = '01' or $i = 1)">
            <svg:text x="{format-number($x + $slot div 2, '0.##')}" y="{$bottom + 34}" text-anchor="middle" class="tk-tick">
              <xsl:value-of select="substring(., 1, 4)"/>
            </svg:text>
          </xsl:if>
        </xsl:if>
      </xsl:for-each>
    </svg:svg>
  </xsl:template>
</xsl:stylesheet>
