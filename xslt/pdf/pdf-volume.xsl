<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition, stage "volume" (mode tk:pdf-volume): the print XML of every document (from
  pdf-document.xsl) and the edition's registers to one <volume> that
  xslt/pdf/typst/volume.typ typesets as build/pdf/edition.pdf.

  Source: <sources> with <edition> (the configuration's subtitle, editors, publisher, year,
  licence, funders), <tk:front> (toolkit/frontmatter.py: the about and editorial-principles
  texts as TEI, the organisations' abbreviations), the outline of every document's print XML
  (<doc> with its attributes, <meta> and a flat <name kind key> per keyed name of its text:
  toolkit/builders/volume.py, `outline`) and <register href="..."/> (TEI registers). The
  volume's <doc>s are those outlines: the assembler puts each part's whole documents back. Output: <volume title count from to> with
  <edition> copied, <front> (the texts as print blocks, each <part kind heading>, and
  <abbreviations> of <abbr form>expansion</abbr>), the documents in date order
  (undated ones last, then by id) and one <index kind heading> per register kind holding the
  <entry key> of every name the documents point to, sorted by label. The pages come from
  Typst, which finds each name's index marker on its page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <!-- the front matter's texts are TEI, printed as the documents' text is -->
  <xsl:import href="pdf-text.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The volume's title, on its title page and in its PDF metadata. -->
  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>

  <!-- The web edition's address, printed on the title page; '' if there is none. -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>

  <xsl:mode name="tk:pdf-volume" on-no-match="shallow-skip"/>

  <xsl:key name="tk:entry" match="tei:person | tei:personGrp | tei:place | tei:org" use="@xml:id"/>

  <xsl:template match="/">
    <xsl:apply-templates select="sources" mode="tk:pdf-volume"/>
  </xsl:template>

  <xsl:template match="sources" mode="tk:pdf-volume">
    <xsl:variable name="docs" as="element(doc)*">
      <xsl:perform-sort select="doc">
        <xsl:sort select="if (@when != '') then 0 else 1"/>
        <xsl:sort select="@when"/>
        <xsl:sort select="@id"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="registers" select="register ! doc(@href)"/>
    <xsl:variable name="dates" select="$docs/@when[. != '']"/>
    <volume title="{$edition-title}" count="{count($docs)}">
      <xsl:if test="exists($dates)">
        <xsl:attribute name="from" select="substring(min($dates ! string()), 1, 4)"/>
        <xsl:attribute name="to" select="substring(max($dates ! string()), 1, 4)"/>
      </xsl:if>
      <xsl:if test="$edition-url"><xsl:attribute name="url" select="$edition-url"/></xsl:if>
      <!-- the title page's facts from teikit.toml (subtitle, editors, publisher, year, licence) -->
      <xsl:copy-of select="edition"/>
      <xsl:apply-templates select="tk:front" mode="tk:pdf-volume"/>
      <xsl:sequence select="$docs"/>
      <xsl:variable name="names" select="$docs//name[@key != '']"/>
      <xsl:for-each-group select="$names" group-by="@kind">
        <xsl:sort select="index-of(('person', 'place', 'org', 'name'), current-grouping-key())"/>
        <index kind="{current-grouping-key()}" heading="{tk:index-heading(current-grouping-key())}">
          <xsl:variable name="entries" as="element(entry)*">
            <xsl:for-each-group select="current-group()" group-by="@key">
              <entry key="{current-grouping-key()}">
                <xsl:value-of select="tk:entry-label(current-grouping-key(), current-group(), $registers)"/>
              </entry>
            </xsl:for-each-group>
          </xsl:variable>
          <xsl:perform-sort select="$entries">
            <xsl:sort select="lower-case(.)" lang="en"/>
          </xsl:perform-sort>
        </index>
      </xsl:for-each-group>
    </volume>
  </xsl:template>

  <!-- The front matter: each editorial text a <part>, headed by its own single top heading
       (Markdown "# About this edition") or by the kind's name; then the abbreviations. -->
  <xsl:template match="tk:front" mode="tk:pdf-volume">
    <front>
      <xsl:for-each select="tk:text">
        <xsl:variable name="div" select="tei:div"/>
        <xsl:variable name="top" select="$div/*[1][self::tei:div][tei:head][count($div/*) = 1]"/>
        <xsl:variable name="heading" select="($top/tei:head[1] ! normalize-space(),
            if (@kind = 'principles') then 'Editorial principles' else 'About this edition')[1]"/>
        <part kind="{@kind}" heading="{$heading}">
          <xsl:apply-templates select="if ($top) then $top/node() except $top/tei:head[1] else $div/node()"
                               mode="tk:pdf-text"/>
        </part>
      </xsl:for-each>
      <xsl:if test="tk:abbreviations/tk:abbr">
        <abbreviations heading="Abbreviations">
          <xsl:for-each select="tk:abbreviations/tk:abbr">
            <abbr form="{@form}"><xsl:value-of select="."/></abbr>
          </xsl:for-each>
        </abbreviations>
      </xsl:if>
    </front>
  </xsl:template>

  <xsl:function name="tk:index-heading" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="(map {'person': 'Persons', 'place': 'Places', 'org': 'Organisations'}($kind),
                           'Other names')[1]"/>
  </xsl:function>

  <!--
    An entry's heading: the register's preferred name (the first name of the entry that is
    not a variant), else the commonest form the documents use.
  -->
  <xsl:function name="tk:entry-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="mentions" as="element(name)+"/>
    <xsl:param name="registers" as="document-node()*"/>
    <xsl:variable name="file" select="substring-before($key || '#', '#')"/>
    <xsl:variable name="id" select="substring-after($key, '#')"/>
    <xsl:variable name="register" select="$registers[replace(document-uri(.), '^.*/|\.xml$', '') = $file]"/>
    <xsl:variable name="entry" select="(if ($id) then ($register ! key('tk:entry', $id, .)) else ())[1]"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:variable name="name" select="($names[not(@type = 'variant')], $names)[1]"/>
    <!-- A name encoded with surname and forename is indexed surname first. -->
    <xsl:variable name="preferred" select="
        if ($name/tei:surname) then
          normalize-space(string-join($name/tei:surname, ' ')) || ', ' ||
          normalize-space(string-join($name/(tei:forename | tei:addName | tei:nameLink), ' '))
        else normalize-space($name)"/>
    <xsl:variable name="forms" select="$mentions ! normalize-space(.)"/>
    <xsl:variable name="commonest" as="xs:string*">
      <xsl:perform-sort select="distinct-values($forms)">
        <xsl:sort select="count($forms[. = current()])" order="descending"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:sequence select="(replace($preferred, ',\s*$', '')[.], $commonest, $key)[1]"/>
  </xsl:function>

</xsl:stylesheet>
