<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stages "about" (mode tk:about) and "abbreviations" (mode tk:abbreviations): the edition's
  front matter on the web. The about page shows what teikit.toml says of the edition (title,
  subtitle, editors with their roles, publisher, year, licence, funders) and the about and
  editorial-principles texts it names. Both texts and the list of abbreviations come from
  $front (page.xsl), made by toolkit.frontmatter, the one source print and EPUB read too: the
  texts are TEI there whether written in Markdown or TEI, rendered here by a small mode
  (tk:front) for what Markdown gives and by the text stage's rules for anything else. Links
  pass the one URL filter (tk:safe-url).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The web address of the EPUB of the volume (html/epub/NAME.epub), when one was built. -->
  <xsl:param name="epub" as="xs:string" select="''"/>

  <xsl:mode name="tk:about" on-no-match="shallow-skip"/>
  <xsl:mode name="tk:front" on-no-match="text-only-copy"/>

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
                  <xsl:call-template name="tk:pdf-links">
                    <xsl:with-param name="one" select="'; the print edition: '"/>
                    <xsl:with-param name="many" select="'; the print edition in {n}: '"/>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="$epub">
                  <xsl:text>; the e-book: </xsl:text>
                  <a href="{$epub}" type="application/epub+zip" download="">EPUB</a>
                </xsl:if>
              </dd>
            </div>
          </dl>
          <!-- one file named as both the about text and the principles is shown once -->
          <xsl:for-each select="$front/tk:front/tk:text[not(@source = preceding-sibling::tk:text/@source)]">
            <section class="tk-about-text">
              <xsl:apply-templates select="tei:div/node()" mode="tk:front"/>
            </section>
          </xsl:for-each>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The TEI of an about text. The page has its own h1: a heading is h2 at the text's top
       level and one lower for each division it is nested in. -->
  <xsl:template match="tei:div" mode="tk:front">
    <div class="tk-about-div"><xsl:apply-templates mode="#current"/></div>
  </xsl:template>
  <xsl:template match="tei:head" mode="tk:front">
    <xsl:element name="h{max((2, min((6, count(ancestor::tei:div)))))}">
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:p" mode="tk:front">
    <p><xsl:apply-templates mode="#current"/></p>
  </xsl:template>
  <xsl:template match="tei:list" mode="tk:front">
    <xsl:element name="{if (@rend = 'numbered') then 'ol' else 'ul'}">
      <xsl:apply-templates select="tei:item" mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:item" mode="tk:front">
    <li><xsl:apply-templates mode="#current"/></li>
  </xsl:template>
  <xsl:template match="tei:quote" mode="tk:front">
    <blockquote><xsl:apply-templates mode="#current"/></blockquote>
  </xsl:template>
  <xsl:template match="tei:ab[@type = 'code']" mode="tk:front">
    <pre><code><xsl:value-of select="."/></code></pre>
  </xsl:template>
  <xsl:template match="tei:code" mode="tk:front">
    <code><xsl:value-of select="."/></code>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'italic']" mode="tk:front">
    <em><xsl:apply-templates mode="#current"/></em>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'bold']" mode="tk:front">
    <strong><xsl:apply-templates mode="#current"/></strong>
  </xsl:template>
  <xsl:template match="tei:lb" mode="tk:front">
    <br/>
  </xsl:template>
  <xsl:template match="tei:seg" mode="tk:front">
    <span><xsl:apply-templates mode="#current"/></span>
  </xsl:template>
  <xsl:template match="tei:ref" mode="tk:front">
    <xsl:variable name="url" select="tk:safe-url(string(@target))"/>
    <xsl:choose>
      <xsl:when test="$url"><a href="{$url}"><xsl:apply-templates mode="#current"/></a></xsl:when>
      <xsl:otherwise><span><xsl:apply-templates mode="#current"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Anything else a TEI about text holds (names, notes, tables, gaps) as in a document. -->
  <xsl:template match="*" mode="tk:front" priority="-1">
    <xsl:apply-templates select="." mode="tk:text"/>
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
                  <dt><abbr title="{.}"><xsl:value-of select="@form"/></abbr></dt>
                  <dd><a href="organisations.html#{@id}"><xsl:value-of select="."/></a></dd>
                </div>
              </xsl:for-each>
            </dl>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
