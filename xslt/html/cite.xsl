<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "cite" (mode tk:cite): the "cite this document" box and the downloads. One citation:
  the document in this edition (its editors, publisher and year from teikit.toml), with the
  archive's record (holding archive, shelfmark, the archive's publication and URL) as its
  source, said once. The permalink is made from the configured base URL only: a page served
  from elsewhere (a mirror, localhost) still cites the edition's own address, and without a
  base URL the citation has none. The same citation is written beside the page as CSL-JSON,
  BibTeX and RIS (secondary results cite.json, cite.bib, cite.ris; the builder writes them
  to cite/ID.*), for reference managers. Downloads are relative links inside the site. The
  box cites in the style teikit.toml names (citation_style: chicago, the default, or apa);
  the files are data and the same in every style.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:cite" on-no-match="shallow-skip"/>

  <!-- What a citation of the document says, as a map: every output below is made from it. -->
  <xsl:function name="tk:citation" as="map(xs:string, item()*)">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:variable name="editors" select="array:flatten(($tk:edition?editors, [])[1]) ! string(?name)"
                  xmlns:array="http://www.w3.org/2005/xpath-functions/array"/>
    <xsl:variable name="publication" select="($header/tei:fileDesc/tei:publicationStmt/
        (tei:distributor, tei:publisher, tei:authority))[1] ! normalize-space(.)"/>
    <xsl:variable name="archive" select="tk:archive($header)"/>
    <xsl:sequence select="map {
        'title': tk:title($header),
        'date': string(tk:doc-date($header)),
        'date-label': string(tk:date-label(tk:date-element($header))),
        'translators': tk:translators($header),
        'edition': $edition-title,
        'editors': $editors,
        'publisher': string(($tk:edition?publisher, '')[1]),
        'year': string(($tk:edition?year, '')[1]),
        'number': $doc-id,
        'permalink': if ($base-url) then string(tk:safe-url(tk:absolute($doc-id || '.html'))) else '',
        'archive': string($archive),
        'signature': string(tk:signature($header)),
        'published-by': string($publication[. != $archive]),
        'source-url': string(tk:external-url(tk:source-url($header))),
        'lang': string(tk:original-lang($header)) }"/>
  </xsl:function>

  <!-- The source part of the citation: the archive's record, once. -->
  <xsl:function name="tk:citation-source" as="xs:string">
    <xsl:param name="c" as="map(xs:string, item()*)"/>
    <xsl:sequence select="string-join((string-join(($c?archive, $c?signature)[.], ', ')[.],
        ($c?published-by[.] ! ('published by ' || .))), '; ')"/>
  </xsl:function>

  <xsl:template match="tei:teiHeader" mode="tk:cite">
    <!-- the citation, made once per page by the caller (tk:citation) for all four outputs -->
    <xsl:param name="c" as="map(xs:string, item()*)" select="tk:citation(.)"/>
    <xsl:variable name="source" select="tk:citation-source($c)"/>
    <aside class="tk-aside" aria-label="Citation and downloads" data-pagefind-ignore="all">
      <section class="tk-cite" aria-labelledby="cite-heading">
        <h2 id="cite-heading">Cite this document</h2>
        <!-- one citation: the document in the edition, then its source (two paragraphs,
             one text: the copy button copies both) -->
        <div class="tk-citation" id="citation">
          <xsl:choose>
            <xsl:when test="$tk:edition?citation_style = 'apa'">
              <xsl:call-template name="tk:citation-apa"><xsl:with-param name="c" select="$c"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <p>
                <xsl:value-of select="'“' || $c?title || '”'"/>
                <xsl:value-of select="string-join(('', $c?date-label[.]), ', ')"/>
                <xsl:if test="exists($c?translators)">
                  <xsl:value-of select="', translated by ' || string-join($c?translators, ' and ')"/>
                </xsl:if>
                <xsl:text>. In: </xsl:text>
                <cite><xsl:value-of select="$c?edition"/></cite>
                <xsl:if test="exists($c?editors)">
                  <xsl:value-of select="', edited by ' || string-join($c?editors, ' and ')"/>
                </xsl:if>
                <xsl:variable name="imprint" select="string-join(($c?publisher, $c?year)[.], ', ')"/>
                <xsl:if test="$imprint"><xsl:value-of select="' (' || $imprint || ')'"/></xsl:if>
                <xsl:value-of select="', document ' || $c?number"/>
                <xsl:if test="$c?permalink">
                  <xsl:text>, </xsl:text>
                  <a class="tk-permalink" href="{$c?permalink}"><xsl:value-of select="$c?permalink"/></a>
                </xsl:if>
                <xsl:text>.</xsl:text>
              </p>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$source or $c?source-url">
            <p class="tk-source">
              <xsl:text>Source: </xsl:text>
              <xsl:value-of select="$source"/>
              <xsl:if test="$c?source-url">
                <xsl:value-of select="if ($source) then ', ' else ''"/>
                <a href="{$c?source-url}"><xsl:value-of select="$c?source-url"/></a>
              </xsl:if>
              <xsl:text>.</xsl:text>
            </p>
          </xsl:if>
        </div>
        <button type="button" class="tk-copy" data-copy="citation" hidden="hidden">Copy citation</button>
        <p class="tk-cite-formats">Download the citation:
          <a href="cite/{$doc-id}.json" type="application/vnd.citationstyles.csl+json" download="{$doc-id}.json">CSL-JSON</a>,
          <a href="cite/{$doc-id}.bib" type="application/x-bibtex" download="{$doc-id}.bib">BibTeX</a>,
          <a href="cite/{$doc-id}.ris" type="application/x-research-info-systems" download="{$doc-id}.ris">RIS</a></p>
      </section>
      <section class="tk-downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <ul>
          <li><a href="tei/{$doc-id}.xml" type="application/tei+xml" download="{$doc-id}.xml">TEI P5 source (XML)</a></li>
          <xsl:if test="$pdf">
            <li><a href="pdf/{$doc-id}.pdf" type="application/pdf">PDF of the print edition</a></li>
          </xsl:if>
        </ul>
      </section>
    </aside>
  </xsl:template>

  <!-- The citation in APA style (teikit.toml citation_style = "apa"), as APA cites a work
       republished in an edited collection: the edition's year first, the document's own date
       last ("Original work dated"), names as the configuration and the header give them. -->
  <xsl:template name="tk:citation-apa">
    <xsl:param name="c" as="map(xs:string, item()*)"/>
    <xsl:variable name="editors" select="$c?editors"/>
    <p>
      <xsl:value-of select="$c?title"/>
      <xsl:if test="exists($c?translators)">
        <xsl:value-of select="' (' || tk:apa-names($c?translators) || ', Trans.)'"/>
      </xsl:if>
      <xsl:value-of select="'. (' || ($c?year[.], 'n.d.')[1] || '). In '"/>
      <xsl:if test="exists($editors)">
        <xsl:value-of select="tk:apa-names($editors) || (if (count($editors) = 1) then ' (Ed.), ' else ' (Eds.), ')"/>
      </xsl:if>
      <cite><xsl:value-of select="$c?edition"/></cite>
      <xsl:value-of select="' (Document ' || $c?number || ').'"/>
      <xsl:if test="$c?publisher"><xsl:value-of select="' ' || $c?publisher || '.'"/></xsl:if>
      <xsl:if test="$c?permalink">
        <xsl:text> </xsl:text>
        <a class="tk-permalink" href="{$c?permalink}"><xsl:value-of select="$c?permalink"/></a>
      </xsl:if>
      <xsl:if test="$c?date-label">
        <xsl:value-of select="' (Original work dated ' || $c?date-label || ')'"/>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- Names joined as APA joins them: A; A &amp; B; A, B, &amp; C. -->
  <xsl:function name="tk:apa-names" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="if (count($names) le 2) then string-join($names, ' &amp; ')
        else string-join($names[position() lt last()], ', ') || ', &amp; ' || $names[last()]"/>
  </xsl:function>

  <!-- ======================================================== citation files -->

  <!-- A date as CSL date-parts: [[1965, 1, 8]]. -->
  <xsl:function name="tk:date-parts" as="map(*)?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(replace(string($iso), '^(\d{4}(-\d\d){0,2}).*$', '$1'), '-')"/>
    <xsl:sequence select="if (matches(string($iso), '^\d{4}')) then map { 'date-parts': [ array { $parts ! xs:integer(.) } ] } else ()"/>
  </xsl:function>

  <!-- One RIS line: the tag, two spaces, a hyphen, a space and the value on one line. -->
  <xsl:function name="tk:ris" as="xs:string">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$tag || '  - ' || normalize-space($value)"/>
  </xsl:function>

  <xsl:template match="tei:teiHeader" mode="tk:csl-json">
    <!-- the citation, made once per page by the caller (tk:citation) for all four outputs -->
    <xsl:param name="c" as="map(xs:string, item()*)" select="tk:citation(.)"/>
    <xsl:variable name="source" select="tk:citation-source($c)"/>
    <xsl:variable name="item" select="map:merge((
        map { 'id': $c?number, 'type': 'manuscript', 'title': $c?title, 'container-title': $c?edition,
              'number': $c?number },
        (if (exists($c?editors)) then map { 'editor': array { $c?editors ! map { 'literal': . } } } else ()),
        (if (exists($c?translators)) then map { 'translator': array { $c?translators ! map { 'literal': . } } } else ()),
        $c?publisher[.] ! map { 'publisher': . },
        tk:date-parts($c?year) ! map { 'issued': . },
        tk:date-parts($c?date) ! map { 'original-date': . },
        $c?archive[.] ! map { 'archive': . },
        $c?signature[.] ! map { 'archive_location': . },
        $c?permalink[.] ! map { 'URL': . },
        $c?lang[.] ! map { 'language': . },
        (if ($source or $c?source-url) then map { 'note': 'Source: ' || string-join(($source[.], $c?source-url[.]), ', ') } else ())))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:value-of select="serialize([ $item ], map { 'method': 'json', 'indent': true() })"/>
  </xsl:template>

  <!-- BibTeX's special characters escaped, one character at a time (linear, no regex); a
       text without any (most) as it is. -->
  <xsl:function name="tk:bibtex" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="escapes" as="map(xs:string, xs:string)" select="map {
        '\': '\textbackslash{}', '{': '\{', '}': '\}', '&amp;': '\&amp;', '%': '\%', '$': '\$',
        '#': '\#', '_': '\_', '~': '\textasciitilde{}', '^': '\textasciicircum{}' }"/>
    <xsl:variable name="plain" select="normalize-space($text)"/>
    <xsl:sequence select="if (translate($plain, '\{}&amp;%$#_~^', '') eq $plain) then $plain
        else string-join(string-to-codepoints($plain) ! codepoints-to-string(.) ! ($escapes(.), .)[1], '')"/>
  </xsl:function>

  <xsl:template match="tei:teiHeader" mode="tk:bibtex">
    <!-- the citation, made once per page by the caller (tk:citation) for all four outputs -->
    <xsl:param name="c" as="map(xs:string, item()*)" select="tk:citation(.)"/>
    <xsl:variable name="source" select="tk:citation-source($c)"/>
    <xsl:variable name="fields" as="xs:string*" select="(
        'title = {' || tk:bibtex($c?title) || '}',
        'booktitle = {' || tk:bibtex($c?edition) || '}',
        (if (exists($c?editors)) then 'editor = {' || string-join($c?editors ! tk:bibtex(.), ' and ') || '}' else ()),
        (if (exists($c?translators)) then 'translator = {' || string-join($c?translators ! tk:bibtex(.), ' and ') || '}' else ()),
        $c?publisher[.] ! ('publisher = {' || tk:bibtex(.) || '}'),
        $c?year[.] ! ('year = {' || tk:bibtex(.) || '}'),
        $c?date[.] ! ('origdate = {' || tk:bibtex(.) || '}'),
        'number = {' || tk:bibtex($c?number) || '}',
        $c?permalink[.] ! ('url = {' || tk:bibtex(.) || '}'),
        (if ($source or $c?source-url) then 'note = {Source: ' || tk:bibtex(string-join(($source[.], $c?source-url[.]), ', ')) || '}' else ()))"/>
    <xsl:value-of select="'@incollection{' || replace($c?number, '[^\w.:-]', '-') || ',&#10;  '
                          || string-join($fields, ',&#10;  ') || '&#10;}&#10;'"/>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="tk:ris">
    <!-- the citation, made once per page by the caller (tk:citation) for all four outputs -->
    <xsl:param name="c" as="map(xs:string, item()*)" select="tk:citation(.)"/>
    <xsl:variable name="source" select="tk:citation-source($c)"/>
    <!-- one line per tag; a value never spans lines -->
    <xsl:variable name="lines" as="xs:string*" select="(
        tk:ris('TY', 'MANSCPT'),
        tk:ris('TI', $c?title),
        tk:ris('T2', $c?edition),
        $c?editors ! tk:ris('A2', .),
        $c?translators ! tk:ris('A4', .),
        $c?publisher[.] ! tk:ris('PB', .),
        $c?year[.] ! tk:ris('PY', .),
        $c?date[.] ! tk:ris('DA', translate(., '-', '/')),
        tk:ris('M1', $c?number),
        (if ($c?archive or $c?signature) then tk:ris('AV', string-join(($c?archive, $c?signature)[.], ', ')) else ()),
        $c?permalink[.] ! tk:ris('UR', .),
        $c?lang[.] ! tk:ris('LA', .),
        (if ($source or $c?source-url) then tk:ris('N1', 'Source: ' || string-join(($source[.], $c?source-url[.]), ', ')) else ()),
        'ER  - ')"/>
    <xsl:value-of select="string-join($lines, '&#10;') || '&#10;'"/>
  </xsl:template>
</xsl:stylesheet>
