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
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- An image is shown when the builder published it (toolkit/builders/images.py: a PNG, JPEG
       or self-contained SVG inside the edition folder, copied as images/<sha256>.<ext>, named
       in @tk:src); a page fetches nothing from the network, and any other graphic stays
       text.xsl's [image] marker. -->
  <xsl:template match="tei:graphic[@tk:src]" mode="tk:text" priority="1">
    <img class="tk-image" src="{@tk:src}" loading="lazy"
         alt="{normalize-space((../tei:figDesc, ../tei:head, tei:desc, 'An image of the source')[1])}">
      <xsl:if test="@width"><xsl:attribute name="data-width" select="@width"/></xsl:if>
    </img>
  </xsl:template>

  <!-- Formulae: as MathML when the import kept it (teiHeader/xenoData[@type='MathML'] that the
       formula's @corresp points to; browsers render MathML natively), else their text. Only
       MathML elements and their presentation attributes are copied: no links, no scripts, no
       styles, no annotation-xml (which may hold HTML or SVG). -->
  <xsl:key name="tk:xeno" match="tei:xenoData[@xml:id]" use="@xml:id"/>
  <xsl:template match="tei:formula" mode="tk:text">
    <xsl:variable name="math" select="(for $t in tokenize(@corresp)[starts-with(., '#')]
                                       return key('tk:xeno', substring($t, 2))/mml:math)[1]"/>
    <xsl:element name="{if (parent::tei:p or parent::tei:hi or parent::tei:item or parent::tei:cell) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tk-formula'"/>
      <xsl:if test="@notation"><xsl:attribute name="data-notation" select="@notation"/></xsl:if>
      <xsl:call-template name="tk:attributes"/>
      <xsl:choose>
        <xsl:when test="$math">
          <xsl:apply-templates select="$math" mode="tk:mathml">
            <xsl:with-param name="alttext" select="normalize-space(.)" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="#current"/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template match="mml:*" mode="tk:mathml">
    <xsl:param name="alttext" tunnel="yes" as="xs:string" select="''"/>
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[namespace-uri() = ''][local-name() = $tk:mathml-attributes]"/>
      <xsl:if test="self::mml:math and $alttext and not(@alttext)">
        <xsl:attribute name="alttext" select="$alttext"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="mml:annotation-xml | mml:annotation" mode="tk:mathml"/>
  <xsl:template match="*" mode="tk:mathml"><xsl:apply-templates mode="#current"/></xsl:template>
  <xsl:variable name="tk:mathml-attributes" as="xs:string+" select="('display', 'mathvariant', 'mathsize',
      'dir', 'displaystyle', 'scriptlevel', 'form', 'fence', 'separator', 'stretchy', 'symmetric',
      'largeop', 'movablelimits', 'accent', 'accentunder', 'lspace', 'rspace', 'minsize', 'maxsize',
      'linethickness', 'columnalign', 'rowalign', 'columnspan', 'rowspan', 'notation', 'depth', 'height',
      'width', 'voffset', 'alttext', 'open', 'close', 'separators', 'bevelled', 'numalign', 'denomalign')"/>

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
