<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared XSLT layer: functions every output (HTML, PDF) uses to read the edition's TEI the
  same way. No templates and no output here, only functions in the tk namespace, so that an
  importing stylesheet can never have its modes changed by this module.

  Groups: dates (tk:date), editorial labels (tk:reason, tk:intervention, tk:bracketed),
  register references (tk:ref-id, tk:register-kind, tk:entry, tk:entry-label).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <xsl:import href="urls.xsl"/>
  <xsl:import href="lists.xsl"/>
  <xsl:include href="metadata.xsl"/>

  <!-- Register entries by xml:id; the registers are passed in as one document (see
       tk:entry) so that they are parsed once per process, not once per document. -->
  <xsl:key name="tk:entry" match="tei:person | tei:personGrp | tei:place | tei:org | tei:item[@xml:id]"
           use="@xml:id"/>

  <!-- ===================================================================== dates -->

  <!-- How dates read (teikit.toml date_format): day-month-year, month-day-year or iso. -->
  <xsl:param name="date-format" as="xs:string" select="'day-month-year'"/>

  <!-- The format-date picture of a full date (true) or of a month (false). -->
  <xsl:function name="tk:date-picture" as="xs:string">
    <xsl:param name="day" as="xs:boolean"/>
    <xsl:sequence select="if ($date-format = 'iso') then (if ($day) then '[Y0001]-[M01]-[D01]' else '[Y0001]-[M01]')
                          else if ($day and $date-format = 'month-day-year') then '[MNn] [D], [Y]'
                          else if ($day) then '[D] [MNn] [Y]' else '[MNn] [Y]'"/>
  </xsl:function>

  <!--
    A TEI date value (xs:date, xs:gYearMonth or xs:gYear lexical form) written out for a
    reader: "8 January 1965", "January 1965", "1965". Anything else is returned as it came,
    so that an odd value is shown rather than lost.
  -->
  <xsl:function name="tk:date" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:choose>
      <xsl:when test="$v castable as xs:date">
        <xsl:sequence select="format-date(xs:date($v), tk:date-picture(true()), 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="$v castable as xs:gYearMonth">
        <xsl:sequence select="format-date(xs:date($v || '-01'), tk:date-picture(false()), 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="matches($v, '^-?\d{4}$')">
        <xsl:sequence select="string(number($v))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$v"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!--
    The sortable ISO form of a TEI date element: @when, else @from/@notBefore, else the
    element's own text if it looks like a date; the empty sequence when there is none.
  -->
  <xsl:function name="tk:iso-date" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="($date/(@when, @from, @notBefore, @when-iso, @notAfter, @to)
                           [matches(., '^-?\d{4}(-\d\d){0,2}')] ! string(.))[1]"/>
  </xsl:function>

  <!-- A date element as a reader sees it: the formatted ISO value, else its text. -->
  <xsl:function name="tk:date-label" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="iso" select="tk:iso-date($date)"/>
    <xsl:sequence select="if (exists($date/@from) and exists($date/@to))
                          then tk:date($date/@from) || '–' || tk:date($date/@to)
                          else if ($iso) then tk:date($iso)
                          else normalize-space(string($date))[.]"/>
  </xsl:function>

  <!-- ====================================================== editorial labels -->

  <!-- Why an editorial element is there, in words: @reason, @type or @cert made readable. -->
  <xsl:function name="tk:reason" as="xs:string?">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="reason" select="string(($node/@reason, $node/@type)[1])"/>
    <xsl:variable name="known" as="map(xs:string, xs:string)" select="map {
        'identification': 'identifies the name that follows',
        'clarification': 'clarifies the text',
        'original-term': 'gives the term of the original',
        'omitted': 'omitted',
        'illegible': 'illegible in the source',
        'damage': 'damaged in the source',
        'marginalia': 'written in the margin',
        'translator': 'note of the translator',
        'editorial': 'description of the source' }"/>
    <xsl:sequence select="if ($reason = '') then () else ($known($reason), replace($reason, '[-_]', ' '))[1]"/>
  </xsl:function>

  <!--
    Who made an intervention: the person its @resp points to (resolved in the header), else
    the translator named in the header (the conventions attribute brackets to the translator),
    else "the editors".
  -->
  <xsl:function name="tk:intervener" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="header" select="(root($node)/tei:TEI/tei:teiHeader, root($node)//tei:teiHeader)[1]"/>
    <xsl:variable name="resp" select="tokenize(($node/@resp, $node/@hand)[1])[1]"/>
    <xsl:variable name="by-id" select="if ($resp and starts-with($resp, '#'))
        then $header//*[@xml:id = substring($resp, 2)]
        else ()"/>
    <xsl:variable name="translators" select="tk:translators($header)"/>
    <xsl:sequence select="
      if ($by-id) then normalize-space(string($by-id[1]))
      else if ($resp) then replace($resp, '^#', '')
      else if (exists($translators))
        then 'the translator (' || string-join($translators, ', ') || ')'
      else 'the editors'"/>
  </xsl:function>

  <!--
    The tooltip sentence of an intervention: what was done, by whom, and why; used by the
    HTML tooltips and by the PDF's notes alike.
  -->
  <xsl:function name="tk:intervention" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="who" select="tk:intervener($node)"/>
    <xsl:variable name="why" select="tk:reason($node)"/>
    <xsl:variable name="desc" select="normalize-space(string-join($node/tei:desc, ' '))[.]"/>
    <xsl:variable name="name" select="local-name($node)"/>
    <xsl:choose>
      <xsl:when test="$name = 'supplied'">
        <xsl:sequence select="'Supplied by ' || $who || (if ($why) then ': ' || $why else '') || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'gap'">
        <xsl:sequence select="(if ($node/@reason = 'illegible') then 'Illegible in the source'
            else 'Omitted by ' || $who)
          || (if ($desc) then ': ' || $desc else '')
          || (if ($node/@quantity) then ' (' || $node/@quantity || ' ' || ($node/@unit, 'units')[1] || ')' else '')
          || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'sic'">
        <xsl:sequence select="'So in the source (marked [sic] by ' || $who || ').'"/>
      </xsl:when>
      <xsl:when test="$name = 'choice' and $node/tei:reg">
        <xsl:sequence select="'Spelling of the translation; ' || $who || ' gives the form “'
            || normalize-space($node/tei:reg[1]) || '”.'"/>
      </xsl:when>
      <xsl:when test="$name = 'choice' and $node/tei:corr">
        <xsl:sequence select="'Error of the source, corrected by ' || $who || ' to “'
            || normalize-space($node/tei:corr[1]) || '”.'"/>
      </xsl:when>
      <xsl:when test="$name = 'choice' and $node/tei:expan">
        <xsl:sequence select="'Abbreviation “' || normalize-space($node/tei:abbr[1])
            || '” expanded by ' || $who || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'choice'">
        <xsl:sequence select="'Alternative readings given by ' || $who || '.'"/>
      </xsl:when>
      <xsl:when test="$name = ('expan', 'ex')">
        <xsl:sequence select="'Abbreviation expanded by ' || $who || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'add'">
        <xsl:sequence select="'Added' || ($node/@place ! (' (' || . || ')')) || ' by '
            || $who || ($node/@when ! (', ' || tk:date(.))) || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'del'">
        <xsl:sequence select="'Deleted' || ($node/@rend ! (' (' || . || ')')) || ' by '
            || $who || ($node/@when ! (', ' || tk:date(.))) || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'unclear'">
        <xsl:sequence select="'Uncertain reading' || ($why ! (': ' || .)) || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'damage'">
        <xsl:sequence select="'Damaged in the source' || ($why ! (': ' || .)) || '.'"/>
      </xsl:when>
      <xsl:when test="$name = 'pb'">
        <xsl:sequence select="'Page break in the source' || ($node/@n ! (' (page ' || . || ')')) || '.'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="'Intervention by ' || $who || ($why ! (': ' || .)) || '.'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Text in the translator's square brackets, as the editorial view and the PDF print it. -->
  <xsl:function name="tk:bracketed" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="'[' || $text || ']'"/>
  </xsl:function>

  <!-- ================================================= register references -->

  <!-- The pointer of a name: @ref, else @corresp, else @key (FRUS and others use these). -->
  <xsl:function name="tk:ref" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="tokenize(($name/@ref, $name/@corresp, $name/@key)[1])[1]"/>
  </xsl:function>

  <!-- The register id a pointer names: the part after '#', the id of a prefixed pointer
       (per:kosygin, declared in the document's listPrefixDef: a scheme-like prefix,
       [a-z][a-z0-9+.-]*, a colon and an XML name), or the whole of a bare key (an XML name).
       No regular expressions: every name of a page asks this several times, and Saxon's
       regex matching was a tenth of a page's time. -->
  <xsl:function name="tk:ref-id" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="prefix" select="substring-before($ref, ':')"/>
    <xsl:sequence select="if (contains($ref, '#')) then substring-after($ref, '#')[.]
                          else if ($prefix and contains('abcdefghijklmnopqrstuvwxyz', substring($prefix, 1, 1))
                                   and translate($prefix, 'abcdefghijklmnopqrstuvwxyz0123456789+.-', '') eq ''
                                   and tk:is-name(substring-after($ref, ':'))) then substring-after($ref, ':')
                          else if (tk:is-name($ref)) then $ref else ()"/>
  </xsl:function>

  <!-- Is this string an XML name ([\i][\c]* as a whole)? The cast alone would accept
       surrounding white space, which it collapses. -->
  <xsl:function name="tk:is-name" as="xs:boolean">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="$text castable as xs:Name and translate($text, '&#9;&#10;&#13; ', '') eq $text"/>
  </xsl:function>

  <!-- A prefixed pointer (per:kosygin) expanded by the prefixDef of the document $context is
       in (TEI: replace() of the part after the colon, matchPattern by replacementPattern);
       any other pointer unchanged. -->
  <xsl:function name="tk:expand-ref" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="if (matches($ref, '^[a-z][a-z0-9+.\-]*:[^/]')) then substring-before($ref, ':') else ()"/>
    <xsl:variable name="def" select="if ($prefix) then (root($context)//tei:listPrefixDef/tei:prefixDef[@ident = $prefix])[1] else ()"/>
    <xsl:variable name="rest" select="substring-after($ref, ':')"/>
    <xsl:sequence select="if ($def and matches($rest, '^(' || $def/@matchPattern || ')$'))
                          then replace($rest, '^' || $def/@matchPattern || '$', $def/@replacementPattern)
                          else $ref"/>
  </xsl:function>

  <!-- Which register a name belongs in: persons, places or organisations. -->
  <xsl:function name="tk:register-kind" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="type" select="lower-case(string($name/@type))"/>
    <xsl:sequence select="
      if ($name/self::tei:persName or $name/self::tei:person or $name/self::tei:personGrp) then 'persons'
      else if ($name/self::tei:placeName or $name/self::tei:place or $name/self::tei:geogName) then 'places'
      else if ($name/self::tei:orgName or $name/self::tei:org) then 'organisations'
      else if ($type = ('person', 'persname')) then 'persons'
      else if ($type = ('place', 'placename')) then 'places'
      else if ($type = ('org', 'organisation', 'organization', 'orgname')) then 'organisations'
      else ()"/>
  </xsl:function>

  <!-- The register entry a name points to, looked up in the registers document. -->
  <xsl:function name="tk:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="registers" as="document-node()?"/>
    <xsl:variable name="id" select="tk:ref-id(tk:ref($name))"/>
    <xsl:sequence select="if ($id and $registers) then key('tk:entry', $id, $registers)[1] else ()"/>
  </xsl:function>

  <!-- The register kind of an entry element itself. -->
  <xsl:function name="tk:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(tk:register-kind($entry), 'persons')[1]"/>
  </xsl:function>

  <!-- The main name of a register entry: its first name without @type, else its first name. -->
  <xsl:function name="tk:entry-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name
                                       | tei:geogName | tei:label)"/>
    <xsl:sequence select="normalize-space(string(($names[not(@type)], $names, $entry)[1]))"/>
  </xsl:function>

  <!-- The sort key of an entry: surname first for persons written "Given Surname". -->
  <xsl:function name="tk:entry-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="($entry/tei:persName[not(@type)], $entry/tei:persName)[1]"/>
    <xsl:sequence select="lower-case(
        if ($main/tei:surname) then string-join(($main/tei:surname, $main/tei:forename), ' ')
        else tk:entry-label($entry))"/>
  </xsl:function>

  <!-- Human words for a register kind, singular and plural. -->
  <xsl:function name="tk:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="plural" as="xs:boolean"/>
    <xsl:variable name="labels" as="map(xs:string, xs:string+)" select="map {
        'persons': ('Persons', 'person'), 'places': ('Places', 'place'),
        'organisations': ('Organisations', 'organisation') }"/>
    <xsl:sequence select="(if ($plural) then $labels($kind)[1] else $labels($kind)[2], $kind)[1]"/>
  </xsl:function>
</xsl:stylesheet>
