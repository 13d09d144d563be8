<?xml version="1.0" encoding="UTF-8"?>
<!--
  Web edition, stage "imported" (mode tk:text, and tk:msdesc for the header): the TEI that
  documents imported from other archives keep (`teikit import`, schemas/teikit-import.rng) and
  converted reports never use. Included by document.xsl after text.xsl; every template here
  matches an element text.xsl leaves to its default (a span or div keeping the text), so the
  converted reports' pages are unchanged.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <!-- An image is shown when its URL is relative (an image the edition holds beside the pages);
       a page fetches nothing from the network, and no other scheme (javascript:, data:, file:)
       reaches it: those stay text.xsl's [image] marker. -->
  <xsl:function name="tk:image-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="$url[matches(., '^([^:/?#]+(/[^:?#]*)?|\./[^:?#]*)$', 'i')]
                                [not(matches(., '^\s*(javascript|data|file|vbscript):', 'i'))]
                                [matches(., '\.(png|jpe?g|gif|svg|webp|tiff?)(\?.*)?$', 'i')]"/>
  </xsl:function>

  <xsl:template match="tei:graphic[exists(tk:image-url(@url))]" mode="tk:text" priority="1">
    <img class="tk-image" src="{tk:image-url(@url)}" loading="lazy"
         alt="{normalize-space((../tei:figDesc, ../tei:head, tei:desc, 'An image of the source')[1])}">
      <xsl:if test="@width"><xsl:attribute name="data-width" select="@width"/></xsl:if>
    </img>
  </xsl:template>

  <!-- Formulae: their text (MathML is not TEI; tei_all's formula holds text and highlighting). -->
  <xsl:template match="tei:formula" mode="tk:text">
    <xsl:element name="{if (parent::tei:p or parent::tei:hi or parent::tei:item or parent::tei:cell) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tk-formula'"/>
      <xsl:if test="@notation"><xsl:attribute name="data-notation" select="@notation"/></xsl:if>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- Drama: speeches with their speaker, stage directions, the cast. -->
  <xsl:template match="tei:sp" mode="tk:text">
    <div class="tk-sp"><xsl:call-template name="tk:attributes"/><xsl:apply-templates mode="#current"/></div>
  </xsl:template>
  <xsl:template match="tei:speaker" mode="tk:text">
    <p class="tk-speaker"><strong><xsl:apply-templates mode="#current"/></strong></p>
  </xsl:template>
  <xsl:template match="tei:stage" mode="tk:text">
    <xsl:element name="{if (parent::tei:sp or parent::tei:div or parent::tei:body or parent::tei:lg) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'tk-stage'"/>
      <em><xsl:apply-templates mode="#current"/></em>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:castList" mode="tk:text">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <ul class="tk-castlist"><xsl:apply-templates select="* except tei:head" mode="#current"/></ul>
  </xsl:template>
  <xsl:template match="tei:castItem | tei:castGroup" mode="tk:text">
    <li><xsl:apply-templates mode="#current"/></li>
  </xsl:template>
  <xsl:template match="tei:roleDesc" mode="tk:text">
    <xsl:text>, </xsl:text><em><xsl:apply-templates mode="#current"/></em>
  </xsl:template>

  <!-- Abbreviation marks shown as the source wrote them; structured names keep their spaces. -->
  <xsl:template match="tei:am" mode="tk:text">
    <span class="tk-am"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>
  <xsl:template match="tei:forename | tei:surname | tei:addName | tei:nameLink | tei:genName" mode="tk:text">
    <span class="tk-{local-name()}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- Examples of TEI (egXML) shown as code. -->
  <xsl:template match="*:egXML" mode="tk:text">
    <pre class="tk-egxml"><code><xsl:value-of select="serialize(node())"/></code></pre>
  </xsl:template>

  <!-- ============================================== the manuscript description (header) -->

  <xsl:template match="tei:msDesc" mode="tk:msdesc">
    <section class="tk-msdesc" aria-labelledby="msdesc-heading-{generate-id()}">
      <h2 id="msdesc-heading-{generate-id()}">Manuscript description</h2>
      <xsl:for-each select="tei:msIdentifier">
        <p class="tk-msidentifier">
          <xsl:value-of select="string-join((tei:country, tei:region, tei:settlement, tei:institution,
                                tei:repository, tei:collection, tei:idno, tei:msName) ! normalize-space(.)[.], ', ')"/>
        </p>
      </xsl:for-each>
      <xsl:for-each select="* except tei:msIdentifier">
        <div class="tk-ms-{local-name()}">
          <h3><xsl:value-of select="tk:ms-heading(local-name())"/></h3>
          <xsl:apply-templates mode="tk:text"/>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:function name="tk:ms-heading" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="(map{'msContents': 'Contents', 'physDesc': 'Physical description',
        'history': 'History', 'additional': 'Additional information', 'msPart': 'Part',
        'msFrag': 'Fragment', 'head': 'Heading', 'p': 'Description'}($name), $name)[1]"/>
  </xsl:function>

  <!-- Is this a document imported from another archive (declared against teikit-import.rng)? -->
  <xsl:function name="tk:imported" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists(root($node)/processing-instruction('xml-model')[contains(., 'teikit-import.rng')])"/>
  </xsl:function>

</xsl:stylesheet>
