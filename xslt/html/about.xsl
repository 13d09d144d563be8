<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stages "about" (mode tk:about) and "abbreviations" (mode tk:abbreviations): the edition's
  front matter on the web. The about page shows what teikit.toml says of the edition (title,
  subtitle, editors with their roles, publisher, year, licence, funders) and the about and
  editorial-principles texts it names: Markdown (rendered by the builder to XHTML, raw HTML
  off) or TEI (its body, through the text stage's rules). Links in those texts pass the one
  URL filter (tk:safe-url). The abbreviations page lists the short forms of the organisations
  register (tk:abbreviations in page.xsl), each with the entry it abbreviates.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns:tk="https://teikit.org/ns"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The about and editorial-principles texts (teikit.toml's about, editorial_principles),
       wrapped in one tk:about element: each an XHTML div (from Markdown) or a TEI document. -->
  <xsl:param name="about" as="document-node()?" select="()"/>

  <xsl:mode name="tk:about" on-no-match="shallow-skip"/>
  <xsl:mode name="tk:about-text" on-no-match="shallow-copy"/>

  <xsl:template match="tk:edition" mode="tk:about">
    <xsl:variable name="editors" select="array:flatten(($tk:edition?editors, [])[1])"/>
    <xsl:variable name="licence" select="$tk:edition?licence"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="'About'"/>
      <xsl:with-param name="href" select="'about.html'"/>
      <xsl:with-param name="kind" select="'about'"/>
      <xsl:with-param name="description" select="'About ' || $edition-title || '.'"/>
      <xsl:with-param name="content" as="node()*">
        <div class="tk-about">
          <h1><xsl:value-of select="$edition-title"/></h1>
          <xsl:if test="string($tk:edition?subtitle)">
            <p class="tk-lead"><xsl:value-of select="$tk:edition?subtitle"/></p>
          </xsl:if>
          <dl class="tk-meta tk-about-meta">
            <xsl:if test="exists($editors)">
              <div>
                <dt><xsl:value-of select="if (count($editors) = 1) then 'Editor' else 'Editors'"/></dt>
                <dd>
                  <ul class="tk-plain-list">
                    <xsl:for-each select="$editors">
                      <li><xsl:value-of select="string-join((?name, ?role[string(.)] ! ('(' || . || ')'),
                          ?affiliation[string(.)] ! (', ' || .)), ' ')"/></li>
                    </xsl:for-each>
                  </ul>
                </dd>
              </div>
            </xsl:if>
            <xsl:variable name="imprint" select="string-join((string(($tk:edition?publisher, '')[1]),
                string(($tk:edition?year, '')[1]))[.], ', ')"/>
            <xsl:if test="$imprint">
              <div><dt>Published by</dt><dd><xsl:value-of select="$imprint"/></dd></div>
            </xsl:if>
            <xsl:if test="exists($licence) and string($licence?name)">
              <div>
                <dt>Licence</dt>
                <dd>
                  <xsl:variable name="url" select="tk:external-url(string($licence?url))"/>
                  <xsl:choose>
                    <xsl:when test="$url"><a href="{$url}" rel="license"><xsl:value-of select="$licence?name"/></a></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$licence?name"/></xsl:otherwise>
                  </xsl:choose>
                </dd>
              </div>
            </xsl:if>
            <xsl:variable name="funders" select="array:flatten(($tk:edition?funders, [])[1]) ! string(.)"/>
            <xsl:if test="exists($funders)">
              <div><dt>Funded by</dt><dd><xsl:value-of select="string-join($funders, '; ')"/></dd></div>
            </xsl:if>
            <div>
              <dt>Contents</dt>
              <dd>
                <xsl:variable name="n" select="count(tk:doc)"/>
                <a href="index.html"><xsl:value-of select="$n || (if ($n = 1) then ' document' else ' documents')"/></a>
                <xsl:for-each select="('persons', 'places', 'organisations')[tk:register-size(.) gt 0]">
                  <xsl:text>, </xsl:text>
                  <a href="{.}.html"><xsl:value-of select="tk:register-size(.) || ' ' || lower-case(tk:kind-label(., true()))"/></a>
                </xsl:for-each>
                <xsl:if test="$pdf">
                  <xsl:text>; the print edition: </xsl:text>
                  <a href="pdf/edition.pdf" type="application/pdf">PDF</a>
                </xsl:if>
              </dd>
            </div>
          </dl>
          <xsl:for-each select="$about/tk:about/*">
            <section class="tk-about-text">
              <xsl:apply-templates select="." mode="tk:about-text"/>
            </section>
          </xsl:for-each>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Markdown rendered: the page has its own h1, so the text's headings go one level down. -->
  <xsl:template match="h:div[@class = 'tk-markdown']" mode="tk:about-text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="h:h1 | h:h2 | h:h3 | h:h4 | h:h5" mode="tk:about-text">
    <xsl:element name="h{min((6, xs:integer(substring(local-name(), 2)) + 1))}">
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="h:a" mode="tk:about-text">
    <xsl:variable name="url" select="tk:safe-url(@href)"/>
    <xsl:choose>
      <xsl:when test="$url"><a href="{$url}"><xsl:apply-templates mode="#current"/></a></xsl:when>
      <xsl:otherwise><span><xsl:apply-templates mode="#current"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="h:img" mode="tk:about-text">
    <xsl:variable name="url" select="tk:safe-url(@src)[not(matches(., '^https?:', 'i'))]"/>
    <xsl:if test="$url"><img src="{$url}" alt="{@alt}"/></xsl:if>
  </xsl:template>
  <xsl:template match="@*" mode="tk:about-text"/>
  <xsl:template match="h:ol/@start | h:td/@style | h:th/@style" mode="tk:about-text">
    <xsl:copy/>
  </xsl:template>
  <xsl:template match="h:*[not(self::h:p or self::h:h1 or self::h:h2 or self::h:h3 or self::h:h4 or self::h:h5
      or self::h:h6 or self::h:ul or self::h:ol or self::h:li or self::h:em or self::h:strong or self::h:code
      or self::h:pre or self::h:blockquote or self::h:hr or self::h:br or self::h:table or self::h:thead
      or self::h:tbody or self::h:tr or self::h:td or self::h:th or self::h:div or self::h:a or self::h:img
      or self::h:s or self::h:span)]" mode="tk:about-text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A TEI about text: its front and body as the text stage renders any TEI. -->
  <xsl:template match="tei:TEI" mode="tk:about-text">
    <xsl:apply-templates select="tei:text/(tei:front, tei:body)" mode="tk:text"/>
  </xsl:template>

  <!-- ================================================================ abbreviations -->

  <xsl:template match="tk:edition" mode="tk:abbreviations">
    <xsl:variable name="list" select="tk:abbreviations()"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="'Abbreviations'"/>
      <xsl:with-param name="href" select="'abbreviations.html'"/>
      <xsl:with-param name="kind" select="'abbreviations'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Abbreviations</h1>
        <p class="tk-lead">The short forms of the organisations named in the documents, from the
          <a href="organisations.html">register of organisations</a>.</p>
        <xsl:choose>
          <xsl:when test="empty($list)">
            <p>The register of organisations gives no abbreviations.</p>
          </xsl:when>
          <xsl:otherwise>
            <dl class="tk-abbreviations">
              <xsl:for-each select="$list">
                <div>
                  <dt><abbr title="{tk:entry-label(?entry)}"><xsl:value-of select="?abbr"/></abbr></dt>
                  <dd><a href="organisations.html#{?entry/@xml:id}"><xsl:value-of select="tk:entry-label(?entry)"/></a></dd>
                </div>
              </xsl:for-each>
            </dl>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
