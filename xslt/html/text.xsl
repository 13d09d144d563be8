<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage "text" (mode tk:text): the TEI text as HTML, with the editorial markup rendered for
  both views at once. Every intervention carries its brackets as spans (.tk-mark), the parts
  that only one view shows (.tk-ed-only, .tk-rd-only), and a tooltip (data-tip) saying who
  intervened and why; the CSS switches views, so one page serves both and works without JS.

  The rules are general TEI, not the sample's: converted reports, FRUS documents and other
  archives' TEI go through the same templates. An element no template knows is rendered
  with its content (a span, or a div when it holds blocks) and its TEI name in data-tei:
  text is never dropped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Text nodes are copied; elements without a rule go to the default template below. -->
  <xsl:mode name="tk:text" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- Ordinal of each name that points into a register: the id of its mention (m-N). -->
  <xsl:accumulator name="tk:mentions" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule phase="start" select="$value + 1"
        match="(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName)[@ref | @corresp | @key][tk:is-mention(.)][ancestor::tei:text or ancestor::tei:abstract]"/>
  </xsl:accumulator>

  <!-- Ordinal of each note of the text: the number the reader sees. Notes that stand in the
       text itself (place="inline" between blocks: FRUS's "[Inclosure 1 in No. 12.]") are
       shown where they are and not numbered. -->
  <xsl:accumulator name="tk:notes" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule phase="start" match="tei:text//tei:note[not(tk:in-place(.))]" select="$value + 1"/>
  </xsl:accumulator>

  <!-- Ordinal of each page break of the text: the page number when pb has no @n (the first
       page is 1, so the first break begins page 2). -->
  <xsl:accumulator name="tk:pages" as="xs:integer" initial-value="1">
    <xsl:accumulator-rule phase="start" match="tei:text//tei:pb" select="$value + 1"/>
  </xsl:accumulator>

  <!-- Register entries already named in the current block: only a block's first mention of
       an entry is a link, so that a paragraph naming Vietnam five times is not underlined
       five times (the others keep their m-N anchors for the registers' back links). -->
  <xsl:accumulator name="tk:seen" as="map(xs:string, xs:boolean)" initial-value="map {}">
    <xsl:accumulator-rule phase="start" select="map {}"
        match="tei:p | tei:ab | tei:head | tei:item | tei:note | tei:abstract | tei:cell | tei:l
               | tei:signed | tei:dateline | tei:salute | tei:fw | tei:label | tei:trailer | tei:byline"/>
    <xsl:accumulator-rule phase="end" select="map:put($value, string(tk:ref-id(tk:ref(.))), true())"
        match="(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName)[@ref | @corresp | @key][tk:is-mention(.)]"/>
  </xsl:accumulator>

  <!-- Ordinal of each element in document order: the key of the DTS citation references the
       builder computes (the same code as the DTS server, so #3 here is ref=3 there). -->
  <xsl:accumulator name="tk:element" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule phase="start" match="*" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The DTS reference of each citable element, by its ordinal (JSON from the builder). -->
  <xsl:param name="citations" as="xs:string" select="'{}'"/>
  <xsl:variable name="tk:citations" as="map(*)" select="parse-json($citations)"/>

  <!-- The DTS reference of an element of the text, if it is a citable unit. -->
  <xsl:function name="tk:cite-ref" as="xs:string?">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="$tk:citations(string($node ! accumulator-before('tk:element')))"/>
  </xsl:function>

  <!-- A note that the text shows where it stands: an inline note between blocks; or a note
       that is all its paragraph holds and not a footnote (a converted report's marginal or
       handwritten note between paragraphs), which as a numbered note left an empty numbered
       paragraph holding only a marker. -->
  <xsl:function name="tk:in-place" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(($note/@place = 'inline' or empty($note/@place))
        and exists($note/parent::*[self::tei:div or self::tei:div1
        or self::tei:div2 or self::tei:div3 or self::tei:body or self::tei:back or self::tei:front
        or self::tei:floatingText or self::*:attachment]))
        or (exists($note/parent::tei:p) and not($note/@place = ('foot', 'end'))
            and count($note/../node()[self::* or normalize-space(.)]) eq 1)"/>
  </xsl:function>

  <!-- Is this mention rendered as a link to its register entry? -->
  <xsl:function name="tk:links" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="exists(tk:entry($name, $registers))
        and not($name/ancestor::*[self::tei:ref[@target] or tk:is-mention(.)])
        and not(map:contains($name ! accumulator-before('tk:seen'), string(tk:ref-id(tk:ref($name)))))"/>
  </xsl:function>

  <!-- Does this name count as a mention (a name element with a register pointer)? -->
  <xsl:function name="tk:is-mention" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="($node/self::tei:persName or $node/self::tei:placeName
        or $node/self::tei:orgName or $node/self::tei:name or $node/self::tei:rs
        or $node/self::tei:geogName) and exists(tk:ref-id(tk:ref($node)))"/>
  </xsl:function>

  <!-- Does an element hold blocks (then an unknown element holding it becomes a div)?
       Name tests, not a list of local names: this runs for every paragraph. -->
  <xsl:function name="tk:has-blocks" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="exists($node/*[self::tei:p or self::tei:div or self::tei:head or self::tei:list or self::tei:table or self::tei:lg or self::tei:opener or self::tei:closer or self::tei:postscript or self::tei:ab or self::tei:quote or self::tei:figure or self::tei:floatingText or self::tei:fw or self::tei:dateline or self::tei:salute or self::tei:signed or self::tei:trailer or self::tei:byline or self::tei:docDate or self::tei:argument or self::tei:epigraph or self::tei:listBibl or self::tei:sp or self::tei:body or self::tei:front or self::tei:back or self::tei:titlePage or self::tei:docTitle or self::tei:docImprint or self::tei:titlePart or self::tei:cit or self::tei:item or self::tei:row or self::tei:cell or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::*:attachment])"/>
  </xsl:function>

  <!-- lang and id carried over from the TEI element onto the HTML element being built. -->
  <xsl:template name="tk:attributes">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
    <xsl:if test="@xml:id">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
  </xsl:template>

  <!-- Interventions take keyboard focus so that their tooltip can be read without a mouse;
       not inside a link, which is focusable itself (and may not hold focusable elements). -->
  <xsl:template name="tk:focusable">
    <xsl:if test="not(ancestor::*[(tk:is-mention(.) and tk:links(.))
                                  or self::tei:ref[exists(tk:link-target(@target))]])">
      <xsl:attribute name="tabindex" select="0"/>
    </xsl:if>
  </xsl:template>

  <!-- A bracket or other sign the editorial view adds around an intervention. -->
  <xsl:template name="tk:mark">
    <xsl:param name="sign" as="xs:string"/>
    <span class="tk-mark"><xsl:value-of select="$sign"/></span>
  </xsl:template>

  <!-- ============================================================ the default -->

  <xsl:template match="*" mode="tk:text">
    <xsl:element name="{if (tk:has-blocks(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tk-el tk-' || local-name()"/>
      <xsl:attribute name="data-tei" select="name()"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="tk:text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Apparatus that has no place in the running text. -->
  <!-- (fw type="notes" is the source's rule or "Notes" line above its note texts, which the
       edition gathers after the text: no rule is left with nothing under it.) -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:fw[@type = ('pageNum', 'sig', 'catch', 'notes')]
                       | tei:figDesc | tei:desc[parent::tei:gap]" mode="tk:text"/>

  <!-- ================================================================= blocks -->

  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:group" mode="tk:text">
    <div class="tk-{local-name()}">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:floatingText
                       | tei:postscript | tei:argument | tei:epigraph | tei:titlePage" mode="tk:text">
    <div class="tk-{local-name()}{@type ! (' tk-type-' || .)}">
      <xsl:call-template name="tk:citable"/>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <!-- lang and id of a citable unit: its id is its DTS reference (116488.html#3 is DTS
       ref=3), its own xml:id an empty anchor; anything else as tk:attributes. -->
  <xsl:template name="tk:citable">
    <xsl:param name="number" as="xs:boolean" select="false()"/>
    <xsl:variable name="ref" select="tk:cite-ref(.)"/>
    <xsl:choose>
      <xsl:when test="exists($ref)">
        <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
        <xsl:attribute name="id" select="$ref"/>
        <xsl:attribute name="data-ref" select="$ref"/>
        <xsl:if test="@xml:id and @xml:id ne $ref"><span id="{@xml:id}"></span></xsl:if>
        <xsl:if test="$number">
          <a class="tk-pn" href="#{$ref}" data-pagefind-ignore="all"
             aria-label="Paragraph {$ref} (link to it)"><xsl:value-of select="$ref"/></a>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:attributes"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Headings follow the page's outline: h1 is the title, h2 the page's sections. -->
  <xsl:template match="tei:head" mode="tk:text">
    <xsl:variable name="depth" select="count(ancestor::*[local-name() = ('div', 'div1', 'div2',
        'div3', 'div4', 'list', 'table', 'lg', 'figure', 'floatingText')])"/>
    <xsl:element name="h{min((6, 2 + max((1, $depth))))}">
      <xsl:attribute name="class" select="'tk-head'"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="tk:text">
    <xsl:element name="{if (tk:has-blocks(.) or tei:note[tei:list | tei:p | tei:table | tei:lg][tk:in-place(.)]) then 'div' else 'p'}">
      <xsl:attribute name="class" select="string-join(('tk-p', 'tk-point'[current()/tei:label]), ' ')"/>
      <xsl:call-template name="tk:citable">
        <xsl:with-param name="number" select="true()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:label" mode="tk:text">
    <span class="tk-label"><xsl:apply-templates mode="#current"/></span>
    <xsl:if test="not(matches(string(following-sibling::node()[1][self::text()]), '^\s'))">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Lists: a list with labels is a description list, a numbered one an ol. -->
  <xsl:template match="tei:list" mode="tk:text">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <xsl:choose>
      <xsl:when test="tei:label">
        <dl class="tk-list">
          <xsl:call-template name="tk:attributes"/>
          <xsl:for-each select="tei:item">
            <div>
              <dt><xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()" mode="#current"/></dt>
              <dd><xsl:apply-templates mode="#current"/></dd>
            </div>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (matches(@rend || @type, 'numbered|ordered|decimal')) then 'ol' else 'ul'}">
          <!-- items that carry their own marker (- Accommodation:, • the hotels) get no
               second one from the browser -->
          <xsl:attribute name="class" select="string-join(('tk-list', 'tk-list-marked'[exists(current()/tei:item)
              and (every $i in current()/tei:item satisfies tk:self-marked($i))]), ' ')"/>
          <xsl:call-template name="tk:attributes"/>
          <xsl:apply-templates select="tei:item" mode="#current"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:item" mode="tk:text">
    <li><xsl:call-template name="tk:attributes"/><xsl:apply-templates mode="#current"/></li>
  </xsl:template>

  <xsl:template match="tei:table" mode="tk:text">
    <div class="tk-table-wrap">
      <table class="tk-table">
        <xsl:call-template name="tk:attributes"/>
        <xsl:if test="tei:head">
          <caption><xsl:apply-templates select="tei:head/node()" mode="#current"/></caption>
        </xsl:if>
        <tbody><xsl:apply-templates select="tei:row" mode="#current"/></tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="tei:row" mode="tk:text">
    <tr><xsl:apply-templates select="tei:cell" mode="#current"/></tr>
  </xsl:template>

  <xsl:template match="tei:cell" mode="tk:text">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <!-- a figure (12.4, 1,800, 3.5 %, (0.8)) is set right-aligned in tabular figures -->
      <xsl:if test="not(@role = 'label' or ../@role = 'label')
                    and matches(normalize-space(.), '^[+\-−–(]?\d[\d.,  ]*%?\)?$')">
        <xsl:attribute name="class" select="'tk-cell-num'"/>
      </xsl:if>
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:lg" mode="tk:text">
    <div class="tk-lg"><xsl:call-template name="tk:attributes"/><xsl:apply-templates mode="#current"/></div>
  </xsl:template>

  <xsl:template match="tei:l" mode="tk:text">
    <span class="tk-l"><xsl:call-template name="tk:attributes"/><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:quote" mode="tk:text">
    <xsl:element name="{if (tk:has-blocks(.)) then 'blockquote' else 'span'}">
      <xsl:attribute name="class" select="'tk-quote'"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:q | tei:said" mode="tk:text">
    <q class="tk-q"><xsl:call-template name="tk:attributes"/><xsl:apply-templates mode="#current"/></q>
  </xsl:template>

  <!-- The parts of a letter: opener, closer and signature set apart as in the original. -->
  <xsl:template match="tei:opener | tei:closer" mode="tk:text">
    <div class="tk-{local-name()}">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:byline | tei:trailer
                       | tei:docDate[not(ancestor::tei:p)] | tei:docTitle | tei:titlePart | tei:docImprint
                       | tei:seg[@type = 'memo-field']" mode="tk:text">
    <!-- (fields under a session's opening are segs in a stage, itself a p: there a span) -->
    <xsl:element name="{if (tk:has-blocks(.)) then 'div' else if (parent::tei:stage) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'tk-' || local-name() || (@type ! (' tk-type-' || .))"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- An address (a letter's addressee): its lines one under the other, as written; without
       this the lines ran together ("Comrade N. S. Khrushchev Moscow"). -->
  <xsl:template match="tei:address" mode="tk:text">
    <xsl:element name="{if (parent::tei:opener or parent::tei:closer or parent::tei:div or parent::tei:body
        or parent::tei:front or parent::tei:back or parent::tei:postscript) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'tk-address'"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:addrLine" mode="tk:text">
    <span class="tk-addrLine">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- A stamp's words: set in a frame, as an impression on the page, its lines kept and the
       runs of spaces between its columns (MINISTRY OF FOREIGN AFFAIRS     Incoming Nº 2214)
       kept as a gap, not collapsed into one space. -->
  <xsl:template match="tei:stamp" mode="tk:text">
    <span class="tk-stamp">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:stamp//text()[matches(., ' {3,}') and not(contains(., '&#10;'))]" mode="tk:text">
    <xsl:analyze-string select="." regex=" {{3,}}">
      <xsl:matching-substring><span class="tk-stamp-gap"><xsl:text> </xsl:text></span></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!-- Text of the source outside its flow (a folio number, a stray fragment): kept, set apart.
       A mark the reader knows by its words (TOP SECRET, Copy Nº 3, No. 1442/66) is shown as a
       mark, what it is in its tip; running heads and feet are named as such (they repeat
       between the pages, and read as text without a name); other forme work says its type. -->
  <xsl:variable name="tk:fw-kinds" as="map(xs:string, xs:string)" select="map {
      'classification': 'Classification mark of the source', 'copy': 'Copy number of the source',
      'number': 'Number of the document in the source', 'header': 'Running head of the source',
      'footer': 'Running foot of the source' }"/>

  <xsl:template match="tei:fw" mode="tk:text">
    <xsl:variable name="kind" select="$tk:fw-kinds(string(@type))"/>
    <xsl:variable name="mark" select="@type = ('classification', 'copy', 'number')"/>
    <p class="{string-join(('tk-fw tk-iv', @type ! ('tk-fw-' || replace(., '[^\w-]', ''))), ' ')}"
       data-tip="{if (@type = 'residue') then 'Fragment of the source outside the text, kept as found.'
                  else if (exists($kind)) then $kind || '.'
                  else 'Page furniture of the source' || (@type ! (' (' || . || ')')) || '.'}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:if test="not($mark)">
        <span class="tk-fw-label"><xsl:value-of select="if (@type = 'residue') then 'Stray text of the source:'
            else if (@type = 'header') then 'Running head:' else if (@type = 'footer') then 'Running foot:'
            else 'Page furniture' || (@type ! (' (' || . || ')')) || ':'"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <span class="tk-fw-text"><xsl:apply-templates mode="#current"/></span>
    </p>
  </xsl:template>

  <xsl:template match="tei:figure" mode="tk:text">
    <figure class="tk-figure">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates select="node() except tei:head" mode="#current"/>
      <xsl:if test="tei:head | tei:figDesc">
        <figcaption><xsl:apply-templates select="(tei:head, tei:figDesc)[1]/node()" mode="#current"/></figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- Images are not copied into the edition: the reader is told one is there. -->
  <xsl:template match="tei:graphic" mode="tk:text">
    <span class="tk-graphic tk-iv" data-tip="An image of the source: {@url}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
      <xsl:text>image</xsl:text>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- A gap standing between paragraphs is a paragraph of its own. -->
  <xsl:template match="tei:gap[parent::tei:div or parent::tei:body or parent::tei:back or parent::tei:front
                       or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::*:attachment]"
                mode="tk:text" priority="2">
    <p class="tk-p tk-gap-block"><xsl:next-match/></p>
  </xsl:template>

  <!-- ================================================= editorial interventions -->

  <xsl:template match="tei:supplied" mode="tk:text">
    <span class="tk-iv tk-supplied" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
      <span class="tk-supplied-text"><xsl:apply-templates mode="#current"/></span>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- An omission by the translator or editors is […]; a passage the source does not give
       (illegible, damaged, redacted...) is its description in brackets, [two words illegible],
       set in another style: the reader must not take one for the other. -->
  <xsl:template match="tei:gap" mode="tk:text">
    <xsl:variable name="desc" select="normalize-space(string-join(tei:desc, ' '))"/>
    <xsl:variable name="omitted" select="not(@reason) or @reason = ('omitted', 'omission', 'cut', 'editorial')"/>
    <xsl:variable name="tip" select="if (@reason = 'damage') then 'Lost through damage to the source'
        || (@quantity ! (' (' || . || ' ' || (../@unit, 'units')[1] || ')')) || '.' else tk:intervention(.)"/>
    <span class="tk-iv tk-gap {if ($omitted) then 'tk-gap-omitted' else 'tk-gap-lacuna tk-gap-' || replace(@reason, '[^\w-]', '')}"
          data-tip="{$tip}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$omitted">
          <span class="tk-gap-sign">…</span>
        </xsl:when>
        <xsl:otherwise>
          <span class="tk-gap-desc"><xsl:value-of select="if ($desc) then $desc else
              string-join((@quantity ! (. || ' ' || (../@unit, 'units')[1]),
                           map { 'illegible': 'illegible', 'damage': 'lost to damage', 'redacted': 'redacted',
                                 'unclear': 'unclear' }(string(@reason)), string(@reason))[.][position() le 2], ' ')"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- An event of a spoken exchange ([laughs], [Applause.], [Zhou points at the map], [pause]):
       the translator's description in brackets, not words of the speaker, and not a lacuna
       either: in italics, as a stage direction, never on the lacuna's hatched ground, so that
       [Applause.] is not read as [page torn]. -->
  <xsl:template match="tei:vocal | tei:kinesic | tei:incident | tei:pause" mode="tk:text">
    <span class="tk-iv tk-spoken tk-{local-name()}" data-tip="{'Not words: ' || map { 'vocal': 'a sound',
        'kinesic': 'a gesture', 'incident': 'an event', 'pause': 'a pause' }(local-name()) || ' described by the translator.'}">
      <xsl:call-template name="tk:focusable"/>
      <!-- (`(Applause)`: the record's parentheses, rend="parentheses", given back as written) -->
      <xsl:variable name="round" select="@rend = 'parentheses' and not(self::tei:pause)"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="if ($round) then '(' else '['"/></xsl:call-template>
      <span class="tk-spoken-desc"><xsl:value-of select="if (self::tei:pause) then (@rend, 'pause')[1] else normalize-space(tei:desc)"/></span>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="if ($round) then ')' else ']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- orig [reg]: the reading view keeps the spelling of the translation. -->
  <xsl:template match="tei:choice[tei:orig and tei:reg]" mode="tk:text">
    <span class="tk-iv tk-choice tk-regularised" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates select="tei:orig/node()" mode="#current"/>
      <span class="tk-ed-only">
        <xsl:text> </xsl:text>
        <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
        <span class="tk-reg"><xsl:apply-templates select="tei:reg/node()" mode="#current"/></span>
        <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
      </span>
    </span>
  </xsl:template>

  <!-- sic [corr]: the reading view shows the correction. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="tk:text">
    <span class="tk-iv tk-choice tk-corrected" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <span class="tk-ed-only"><xsl:apply-templates select="tei:sic/node()" mode="#current"/><xsl:text> </xsl:text></span>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
      <span class="tk-corr"><xsl:apply-templates select="tei:corr/node()" mode="#current"/></span>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- abbr/expan: the expansion, its editorial letters bracketed (see tei:ex). -->
  <xsl:template match="tei:choice[tei:expan]" mode="tk:text">
    <span class="tk-iv tk-choice tk-abbreviation" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates select="tei:expan/node()" mode="#current"/>
    </span>
  </xsl:template>

  <!-- Any other choice: the first alternative, the others in the tooltip. -->
  <xsl:template match="tei:choice" mode="tk:text">
    <span class="tk-iv tk-choice"
          data-tip="{'Alternatives: ' || string-join(* ! normalize-space(.), ' | ')}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates select="*[1]/node()" mode="#current"/>
    </span>
  </xsl:template>

  <!-- A word marked [sic] by the translator. -->
  <xsl:template match="tei:sic" mode="tk:text">
    <span class="tk-iv tk-sic" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates mode="#current"/>
      <span class="tk-ed-only">
        <xsl:if test="node()"><xsl:text> </xsl:text></xsl:if>
        <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
        <span class="tk-sic-sign">sic</span>
        <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="tei:expan" mode="tk:text">
    <span class="tk-iv tk-expan" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:ex" mode="tk:text">
    <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'['"/></xsl:call-template>
    <span class="tk-ex"><xsl:apply-templates mode="#current"/></span>
    <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="']'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:abbr | tei:orig | tei:reg | tei:corr" mode="tk:text">
    <span class="tk-{local-name()}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:add" mode="tk:text">
    <span class="tk-iv tk-add" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'⸢'"/></xsl:call-template>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'⸣'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Deleted text: struck through in the editorial view, absent from the reading view. -->
  <xsl:template match="tei:del" mode="tk:text">
    <del class="tk-iv tk-del tk-ed-only" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates mode="#current"/>
    </del>
  </xsl:template>

  <xsl:template match="tei:unclear | tei:damage" mode="tk:text">
    <span class="tk-iv tk-{local-name()}" data-tip="{tk:intervention(.)}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="self::tei:unclear">
        <span class="tk-ed-only tk-mark">(?)</span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- Another hand writes from here: a mark in the editorial view, the hand's note as its tip. -->
  <xsl:template match="tei:handShift" mode="tk:text">
    <xsl:variable name="hand" as="element()?"
                  select="(root()//tei:handNote[@xml:id = substring-after(current()/@new, '#')])[1]"/>
    <span class="tk-iv tk-handShift tk-ed-only"
          data-tip="{'Another hand from here' || ($hand ! (': ' || replace(normalize-space(.), '\.$', ''))) || '.'}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'‖'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Text of the source the editors judge superfluous (surplus) or not to belong to it (secl):
       kept in the reading, in braces in the editorial view. -->
  <xsl:template match="tei:surplus | tei:secl" mode="tk:text">
    <span class="tk-iv tk-{local-name()}"
          data-tip="{if (self::tei:surplus) then 'Superfluous in the source' || (@reason ! (' (' || . || ')'))
                     else 'In the source; the editors judge it not to belong to the text'}.">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'{'"/></xsl:call-template>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'}'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- A run of spaces that stood between two fields of one source line (an office and its
       dateline, two marks): layout, which the page's own layout gives; no blank is marked. -->
  <xsl:template match="tei:space[parent::tei:opener | parent::tei:closer | parent::tei:div
                       | parent::tei:body | parent::tei:front | parent::tei:back
                       | parent::tei:postscript]" mode="tk:text"/>

  <xsl:template match="tei:space" mode="tk:text">
    <span class="tk-iv tk-space tk-ed-only" data-tip="A blank space in the source.">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:mark"><xsl:with-param name="sign" select="'[blank]'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- A page break of the source: a marker naming the page that begins, never a paragraph
       break. Without @n the edition counts the pages (the first break begins page 2). -->
  <xsl:template match="tei:pb" mode="tk:text">
    <xsl:variable name="n" select="string((@n, accumulator-after('tk:pages'))[1])"/>
    <span class="tk-iv tk-pb" data-tip="{'Page break in the source: page ' || $n || ' begins here'
        || (if (@n) then '' else ' (pages counted by the edition)') || '.'}">
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:attributes"/>
      <span class="tk-pb-sign">p. <xsl:value-of select="$n"/></span>
    </span>
  </xsl:template>

  <xsl:template match="tei:lb" mode="tk:text">
    <br/>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor" mode="tk:text">
    <xsl:if test="@xml:id"><span id="{@xml:id}"></span></xsl:if>
  </xsl:template>

  <!-- ================================================================= notes -->

  <!-- A note in the text: its number, linked to the notes after the text. -->
  <!-- An inline note standing between blocks (FRUS's "[Inclosure 1 in No. 12.]") stays in
       the text where it is, as the source prints it. -->
  <!-- So does a note between blocks with no place (a converted report's distribution list
       after the signature, a stamp laid out between paragraphs): it has no reference to number.
       One that holds blocks (a list) is a div, since a p may not hold them. -->
  <!-- A marginal or handwritten note that is all its paragraph holds stands in that
       paragraph (which keeps its number), framed as a note of the source. -->
  <xsl:template match="tei:note[tk:in-place(.)]" mode="tk:text" priority="1">
    <xsl:element name="{if (tei:list | tei:p | tei:table | tei:lg) then 'div' else if (parent::tei:p) then 'span' else 'p'}">
      <xsl:attribute name="class" select="string-join(('tk-note-in-text tk-iv',
          (@type, 'marginalia'[current()/@place = 'margin'])[1] ! ('tk-note-' || replace(., '[^\w-]', ''))), ' ')"/>
      <xsl:attribute name="data-tip" select="tk:note-kind(.) || '.'"/>
      <xsl:call-template name="tk:focusable"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:note" mode="tk:text">
    <xsl:variable name="n" select="accumulator-before('tk:notes')"/>
    <xsl:if test="not(parent::*[local-name() = ('div', 'body', 'back', 'front', 'div1', 'div2', 'div3')])">
      <a class="tk-noteref" id="noteref-{$n}" href="#note-{$n}" aria-label="Note {$n}"
         data-tip="{tk:note-kind(.)}"><sup><xsl:value-of select="$n"/></sup></a>
    </xsl:if>
  </xsl:template>

  <!-- What kind of note, in words (the list of notes says it after the number). -->
  <xsl:function name="tk:note-kind" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="
      if ($note/@place = 'foot' or $note/@place = 'end') then
        'Footnote of the source' || ($note/@n ! (' (' || . || ')'))
      else if ($note/@place = 'margin' or $note/@type = 'marginalia') then 'Marginal note of the source'
      else if ($note/@type = 'translator') then 'Note of the translator'
      else if ($note/@type = 'distribution') then 'Distribution list of the source'
      else if ($note/@type = 'stamp') then 'Stamp on the source'
      else if ($note/@type = 'handwritten') then 'Handwritten note on the source'
      else if ($note/@type = 'editorial') then 'Description of the source'
          || (if (exists(tk:translators(root($note)/tei:TEI/tei:teiHeader))) then ' by the translator' else '')
      else if ($note/@resp) then 'Note by ' || tk:intervener($note)
      else 'Note'"/>
  </xsl:function>

  <!-- ====================================================== inline phrases -->

  <xsl:template match="tei:hi | tei:emph" mode="tk:text">
    <xsl:variable name="rend" select="tokenize(lower-case(string((@rend, @rendition, @style)[1])), '[\s#;:]+')"/>
    <xsl:variable name="tag" select="
        if (self::tei:emph) then 'em'
        else if ($rend = ('italic', 'italics', 'i', 'slanted')) then 'i'
        else if ($rend = ('bold', 'b', 'strong')) then 'b'
        else if ($rend = ('underline', 'ul', 'u', 'underlined')) then 'u'
        else if ($rend = ('sup', 'superscript')) then 'sup'
        else if ($rend = ('sub', 'subscript')) then 'sub'
        else if ($rend = ('strikethrough', 'strike', 'overstrike')) then 's'
        else 'span'"/>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class" select="string-join(('tk-hi', $rend[.] ! ('tk-rend-' || replace(., '[^\w-]', ''))), ' ')"/>
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:soCalled | tei:gloss" mode="tk:text">
    <span class="tk-{local-name()}">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:title[ancestor::tei:text]" mode="tk:text">
    <cite class="tk-title"><xsl:call-template name="tk:attributes"/><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>

  <!-- Links: web addresses, e-mail and targets in the same document (tk:link-target, the one
       URL filter); anything else, javascript: above all, stays text. -->
  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="tk:text">
    <xsl:variable name="target" select="tk:link-target(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($target) and not(ancestor::tei:ref[@target])">
        <a class="tk-ref" href="{$target}">
          <xsl:call-template name="tk:attributes"/>
          <xsl:apply-templates mode="#current"/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="$target"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="tk-ref"><xsl:apply-templates mode="#current"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name with a register entry links to it; its id lets the entry link back here. -->
  <xsl:template match="(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName)[@ref | @corresp | @key][tk:is-mention(.)]" mode="tk:text" priority="1">
    <xsl:variable name="entry" select="tk:entry(., $registers)"/>
    <xsl:variable name="id" select="'m-' || accumulator-before('tk:mentions')"/>
    <xsl:variable name="class" select="'tk-name tk-' || (tk:register-kind(.), 'name')[1]"/>
    <xsl:choose>
      <xsl:when test="tk:links(.)">
        <a class="{$class}" id="{$id}" href="{tk:entry-kind($entry)}.html#{$entry/@xml:id}">
          <xsl:call-template name="tk:attributes"/>
          <xsl:apply-templates mode="#current"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}" id="{$id}">
          <xsl:call-template name="tk:attributes"/>
          <xsl:apply-templates mode="#current"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName
                       | tei:roleName | tei:date | tei:time | tei:num | tei:measure | tei:seg
                       | tei:docDate | tei:idno | tei:bibl | tei:c | tei:w"
                mode="tk:text">
    <span class="tk-{local-name()}">
      <xsl:call-template name="tk:attributes"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>
</xsl:stylesheet>
