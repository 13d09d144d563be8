<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a reader is told about a document, read from its teiHeader: title, date, archive,
  signature, translator, funder, summary, languages. Functions only (included by
  functions.xsl). Each takes the teiHeader so that converted reports, imported FRUS
  documents and other archives' TEI are read by the same rules, with fallbacks in the order
  the Guidelines suggest (msIdentifier before bibl, creation before the source's date).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <!-- The document's title: title[@type='main'], else the first title of the titleStmt. -->
  <xsl:function name="tk:title" as="xs:string">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:variable name="titles" select="$header/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="(normalize-space(string(($titles[@type = 'main'], $titles)[1]))[.],
                           'Untitled document')[1]"/>
  </xsl:function>

  <!-- The date element that dates the document (creation, then the source's, then docDate). -->
  <xsl:function name="tk:date-element" as="element()?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="(
        $header/tei:profileDesc/tei:creation//tei:date,
        $header/tei:fileDesc/tei:sourceDesc//tei:bibl//tei:date,
        $header/tei:fileDesc/tei:sourceDesc//tei:date,
        root($header)//tei:text//tei:docDate,
        root($header)//tei:text//tei:dateline//tei:date)[1]"/>
  </xsl:function>

  <!-- The sortable ISO date of the document, or the empty sequence. -->
  <xsl:function name="tk:doc-date" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="tk:iso-date(tk:date-element($header))"/>
  </xsl:function>

  <!-- The archive that holds the source: msIdentifier's repository (with institution). -->
  <xsl:function name="tk:archive" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:variable name="ms" select="($header/tei:fileDesc/tei:sourceDesc//tei:msIdentifier)[1]"/>
    <xsl:variable name="parts" select="($ms/tei:institution, $ms/tei:repository)
                                       ! normalize-space(.)[.]"/>
    <xsl:sequence select="if (exists($parts)) then string-join($parts, ', ')
        else normalize-space(string(($header/tei:fileDesc/tei:publicationStmt/
                (tei:distributor, tei:publisher, tei:authority))[1]))[.]"/>
  </xsl:function>

  <!-- The archive's shelfmark: msIdentifier/idno, else a bibl idno of type signature. -->
  <xsl:function name="tk:signature" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="normalize-space(string((
        $header/tei:fileDesc/tei:sourceDesc//tei:msIdentifier/tei:idno,
        $header/tei:fileDesc/tei:sourceDesc//tei:idno[@type = ('signature', 'shelfmark')])[1]))[.]"/>
  </xsl:function>

  <!-- The names of the translators: respStmts whose resp speaks of translation. -->
  <xsl:function name="tk:translators" as="xs:string*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt
        [tei:resp[contains(lower-case(.), 'transl')]]/(tei:persName, tei:name, tei:orgName)
        ! normalize-space(.)"/>
  </xsl:function>

  <!-- Funders, then sponsors, each by name. -->
  <xsl:function name="tk:funders" as="xs:string*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="$header/tei:fileDesc/tei:titleStmt/tei:funder ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="tk:sponsors" as="xs:string*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="$header/tei:fileDesc/tei:titleStmt/tei:sponsor ! normalize-space(.)"/>
  </xsl:function>

  <!-- The summary: the abstract, else a summary in the msContents. -->
  <xsl:function name="tk:summary" as="element()?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="($header/tei:profileDesc/tei:abstract,
                           $header/tei:fileDesc/tei:sourceDesc//tei:msContents/tei:summary)[1]"/>
  </xsl:function>

  <!-- The language of the original as a BCP 47 tag (textLang/@mainLang), if stated. -->
  <xsl:function name="tk:original-lang" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="string(($header/tei:fileDesc/tei:sourceDesc//tei:textLang/@mainLang,
        $header/tei:profileDesc/tei:langUsage/tei:language[1]/@ident)[1])[.]"/>
  </xsl:function>

  <!-- The name of a language tag, from langUsage or textLang; the tag itself otherwise. -->
  <xsl:function name="tk:language-name" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:sequence select="if (empty($tag)) then () else
        (normalize-space(string($header/tei:profileDesc/tei:langUsage/tei:language[@ident = $tag][1]))[.],
         normalize-space(string($header//tei:textLang[@mainLang = $tag][1]))[.],
         $tag)[1]"/>
  </xsl:function>

  <!-- The document number: an idno of the publicationStmt, else the file name. -->
  <xsl:function name="tk:doc-number" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="normalize-space(string(($header/tei:fileDesc/tei:publicationStmt/
        tei:idno[not(@type = ('URI', 'URL', 'DOI'))])[1]))[.]"/>
  </xsl:function>

  <!-- The URL of the source as its archive publishes it. -->
  <xsl:function name="tk:source-url" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="normalize-space(string(($header/tei:fileDesc/tei:publicationStmt/
        tei:idno[@type = ('URI', 'URL')], $header/tei:fileDesc/tei:publicationStmt//tei:ptr/@target)[1]))[.]"/>
  </xsl:function>
</xsl:stylesheet>
