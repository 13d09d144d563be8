<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "text" (mode tk:epub-text): TEI text content to the XHTML of a chapter.

  The editorial view of the print edition, for a reader without tooltips: the brackets are
  generated here from the TEI (supplied words [in italics], omissions […], a variant beside
  its register form), a page break of the source is a small marker with its number, footnotes
  are EPUB 3 note references (epub:type="noteref") to the chapter's footnotes (epub-notes.xsl),
  names link to their register entry (only when the entry exists: a broken link is an error
  for e-readers and epubcheck). Every URL passes the project's one filter (common/urls.xsl).
  Unknown elements keep their text: a reader never loses words.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.org/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:epub-text" on-no-match="text-only-copy"/>

  <!-- The edition's registers as one document (<tk:registers>), for names' links. -->
  <xsl:param name="registers" as="document-node()?" select="()"/>

  <!-- Containers whose white-space-only text is layout, not content. -->
  <xsl:variable name="tk:epub-containers" as="xs:string+"
      select="('front', 'body', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'list',
               'lg', 'closer', 'opener', 'postscript', 'table', 'row', 'listBibl', 'argument',
               'floatingText', 'group', 'text', 'abstract', 'epigraph', 'quote')"/>
  <!-- (signed is not one: its content is phrases, and the space between an office and a gap,
       "Head of Department [signature]", is a word space of the text) -->

  <!-- Footnotes: notes of the text with no place or a place at the foot or end (others stay
       inline; so do notes of the header's summary, which has no footnotes of its own). -->
  <xsl:function name="tk:epub-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/self::tei:note and exists($note/ancestor::tei:text) and (empty($note/@place)
                          or $note/@place = ('foot', 'bottom', 'end', 'foot-note')) and not(tk:epub-in-place($note))"/>
  </xsl:function>

  <!-- A note with no place that is a child of a division: a distribution list
       after the signature, a stamp between paragraphs. It stands where it is, as a block: it
       has no mark in the text (the web's tk:in-place, xslt/html/text.xsl). -->
  <xsl:function name="tk:epub-in-place" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="empty($note/@place)
        and exists($note/parent::*[self::tei:div or self::tei:div1 or self::tei:div2
        or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:body or self::tei:back
        or self::tei:front or self::tei:floatingText or self::tei:postscript or self::*:attachment])"/>
  </xsl:function>

  <!-- A footnote's first label that is its own number ("1." before the text): the
       footnote's number stands for it, so it is not shown twice (a, * are kept). -->
  <xsl:function name="tk:epub-number-label" as="xs:boolean">
    <xsl:param name="label" as="element()"/>
    <xsl:sequence select="exists($label/parent::tei:note[tk:epub-footnote(.)])
        and empty($label/preceding-sibling::node()[normalize-space() or self::*])
        and replace(normalize-space($label), '[\p{P}\s]', '')
            = ($label/../@n, string(tk:epub-note-number($label/..)))"/>
  </xsl:function>

  <!-- A footnote's number: one sequence for the whole document, texts in a group included
       (numbering per inner text would give two footnotes one id). -->
  <xsl:function name="tk:epub-note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="n" as="xs:integer">
      <xsl:number select="$note" level="any" count="tei:note[tk:epub-footnote(.)]" from="tei:TEI"/>
    </xsl:variable>
    <xsl:sequence select="$n"/>
  </xsl:function>

  <!-- ============================================================== text and blocks -->

  <xsl:template match="text()" mode="tk:epub-text">
    <xsl:if test="normalize-space() or not(local-name(..) = $tk:epub-containers)">
      <xsl:value-of select="replace(., '\s+', ' ')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:sourceDoc" mode="tk:epub-text"/>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group" mode="tk:epub-text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A text of a group (letters in one document, a collection): a section of its own. -->
  <xsl:template match="tei:group/tei:text" mode="tk:epub-text">
    <section class="text">
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 |
                       tei:postscript | tei:floatingText | tei:argument | tei:epigraph"
                mode="tk:epub-text">
    <section>
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <!-- A heading inside the text: one level below the chapter's title (h2), deeper divs h3. -->
  <xsl:template match="tei:head" mode="tk:epub-text">
    <xsl:element name="h{min((6, 2 + count(ancestor::tei:div[ancestor::tei:text])))}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list/tei:head | tei:table/tei:head | tei:lg/tei:head" mode="tk:epub-text" priority="1">
    <p class="head"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:byline | tei:dateline | tei:docAuthor | tei:trailer |
                       tei:salute | tei:signed | tei:argument/tei:p" mode="tk:epub-text">
    <xsl:choose>
      <!-- a paragraph holding a block (a list, a table, verse, a quoted dispatch): XHTML's p
           cannot, so the block follows as a sibling of the paragraph's runs of text -->
      <xsl:when test="tei:list | tei:table | tei:lg | tei:quote[tei:p | tei:lg] | tei:cit[tei:quote/tei:p]">
        <xsl:for-each-group select="node()" group-adjacent="boolean(self::tei:list | self::tei:table | self::tei:lg
                                                         | self::tei:quote[tei:p | tei:lg] | self::tei:cit[tei:quote/tei:p])">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()" mode="#current"/>
            </xsl:when>
            <xsl:when test="normalize-space(string-join(current-group() ! string(.))) or current-group()/self::*">
              <p class="{local-name(..)}"><xsl:apply-templates select="current-group()" mode="#current"/></p>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:otherwise>
        <p class="{local-name()}">
          <xsl:call-template name="tk:epub-lang"/>
          <xsl:apply-templates mode="#current"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A speech (a dialogue, minutes with speakers): the speaker in bold as a paragraph of its
       own, then what was said, as the web and print editions show it; the whole a block, so
       that a speech of several paragraphs stays one (its white space between children is
       layout). -->
  <xsl:template match="tei:sp" mode="tk:epub-text">
    <div class="sp">
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates select="node() except text()[not(normalize-space())]" mode="#current"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:speaker" mode="tk:epub-text">
    <p class="speaker"><strong><xsl:apply-templates mode="#current"/></strong></p>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer" mode="tk:epub-text">
    <div class="{local-name()}">
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:for-each-group select="node()" group-adjacent="boolean(self::tei:p | self::tei:signed | self::tei:dateline
                                                       | self::tei:salute | self::tei:byline | self::tei:list
                                                       | self::tei:address | self::tei:docAuthor)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:apply-templates select="current-group()" mode="#current"/>
          </xsl:when>
          <xsl:when test="normalize-space(string-join(current-group() ! string(.))) or current-group()/self::*">
            <p><xsl:apply-templates select="current-group()" mode="#current"/></p>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
    </div>
  </xsl:template>

  <xsl:template match="tei:address" mode="tk:epub-text">
    <p class="address">
      <xsl:for-each select="tei:addrLine">
        <xsl:if test="position() gt 1"><br/></xsl:if>
        <xsl:apply-templates mode="#current"/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <!-- Fragments the converter could place nowhere: labelled, apart from the text. -->
  <xsl:template match="tei:fw[@type = 'residue']" mode="tk:epub-text">
    <p class="fw residue"><span class="label">After the text, the source has: </span>
      <xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <!-- A page number of the source (its page break says it: [p. 2]) and the rule or "Notes"
       line above the note texts (which are the chapter's footnotes) have no place in the book,
       as on the web. -->
  <xsl:template match="tei:fw[@type = ('pageNum', 'notes')]" mode="tk:epub-text" priority="1"/>

  <xsl:template match="tei:fw" mode="tk:epub-text">
    <p class="fw"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <xsl:template match="tei:list" mode="tk:epub-text">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = 'numbered') then 'ol' else 'ul'}"
                 namespace="http://www.w3.org/1999/xhtml">
      <!-- items that carry their own marker (- Accommodation:, • the hotels) get no second one -->
      <!-- (the web's tk:self-marked, xslt/html/text.xsl: a label of its own, or a bullet, number
           or letter and a stop opening the text) -->
      <xsl:if test="exists(tei:item) and (every $i in tei:item satisfies
          (exists($i/node()[self::* or normalize-space(.)][1][self::tei:label])
           or matches(string($i), '^\s*([\-–—•·◦▪‣*]|(\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})\s?[.)\-–])\s')))">
        <xsl:attribute name="class" select="'marked'"/>
      </xsl:if>
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:for-each select="tei:item">
        <li>
          <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]" mode="#current"/>
          <xsl:apply-templates mode="#current"/>
        </li>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list[ancestor::tei:closer | ancestor::tei:opener]" mode="tk:epub-text" priority="1">
    <p>
      <xsl:for-each select="tei:item">
        <xsl:if test="position() gt 1"><br/></xsl:if>
        <xsl:apply-templates mode="#current"/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template match="tei:lg" mode="tk:epub-text">
    <div class="lg">
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates select="tei:head" mode="#current"/>
      <xsl:for-each select="tei:l">
        <p class="l"><xsl:apply-templates mode="#current"/></p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="tei:table" mode="tk:epub-text">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <table>
      <xsl:for-each select="tei:row">
        <tr>
          <xsl:for-each select="tei:cell">
            <td>
              <xsl:if test="@cols castable as xs:positiveInteger"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
              <xsl:if test="@rows castable as xs:positiveInteger"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
              <xsl:apply-templates mode="#current"/>
            </td>
          </xsl:for-each>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg] | tei:cit[tei:quote/tei:p]" mode="tk:epub-text">
    <blockquote><xsl:apply-templates mode="#current"/></blockquote>
  </xsl:template>

  <xsl:template match="tei:cit/tei:quote[tei:p]" mode="tk:epub-text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- ================================================================== interventions -->

  <xsl:template match="tei:supplied" mode="tk:epub-text">
    <span class="supplied" title="{tk:intervention(.)}">[<i><xsl:apply-templates mode="#current"/></i>]</span>
  </xsl:template>

  <!-- An omission is […]; what the source makes illegible says so in words, in italics. -->
  <xsl:template match="tei:gap" mode="tk:epub-text">
    <xsl:variable name="desc" select="normalize-space(string-join(tei:desc, ' '))"/>
    <span class="gap {(@reason, 'omitted')[1]}" title="{tk:intervention(.)}">
      <xsl:choose>
        <xsl:when test="$desc or @reason = ('illegible', 'damage')">[<i><xsl:value-of select="($desc[.], tk:reason(.))[1]"/></i>]</xsl:when>
        <xsl:otherwise>[…]</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- [laughs], [Applause.], [pause]: the description of an event of speech, set as a gap's. -->
  <xsl:template match="tei:vocal | tei:kinesic | tei:incident | tei:pause" mode="tk:epub-text">
    <!-- (`(Applause)`: the record's parentheses, rend="parentheses", given back as written) -->
    <xsl:variable name="round" select="@rend = 'parentheses' and not(self::tei:pause)"/>
    <span class="gap {local-name()}"><xsl:value-of select="if ($round) then '(' else '['"/><i><xsl:value-of
        select="if (self::tei:pause) then (@rend, 'pause')[1] else normalize-space(tei:desc)"/></i><xsl:value-of
        select="if ($round) then ')' else ']'"/></span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:orig and tei:reg] | tei:choice[tei:sic and tei:corr]" mode="tk:epub-text">
    <span class="choice" title="{tk:intervention(.)}">
      <xsl:apply-templates select="(tei:orig, tei:sic)[1]/node()" mode="#current"/>
      <xsl:text> [</xsl:text><i><xsl:apply-templates select="(tei:reg, tei:corr)[1]/node()" mode="#current"/></i>]</span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:abbr and tei:expan]" mode="tk:epub-text">
    <abbr title="{normalize-space(tei:expan[1])}"><xsl:apply-templates select="tei:abbr[1]/node()" mode="#current"/></abbr>
    <xsl:text> [</xsl:text><i><xsl:apply-templates select="tei:expan[1]/node()" mode="#current"/></i>]</xsl:template>

  <xsl:template match="tei:choice" mode="tk:epub-text">
    <xsl:apply-templates select="*[1]" mode="#current"/>
  </xsl:template>

  <xsl:template match="tei:ex" mode="tk:epub-text">[<i><xsl:apply-templates mode="#current"/></i>]</xsl:template>

  <xsl:template match="tei:sic" mode="tk:epub-text">
    <xsl:apply-templates mode="#current"/><xsl:text> [</xsl:text><i>sic</i>]</xsl:template>

  <xsl:template match="tei:unclear" mode="tk:epub-text">
    <span class="unclear" title="{tk:intervention(.)}"><xsl:apply-templates mode="#current"/>[?]</span>
  </xsl:template>

  <xsl:template match="tei:del" mode="tk:epub-text">
    <del><xsl:apply-templates mode="#current"/></del>
  </xsl:template>

  <xsl:template match="tei:add" mode="tk:epub-text">
    <ins title="{tk:intervention(.)}"><xsl:apply-templates mode="#current"/></ins>
  </xsl:template>

  <!-- A page break of the printed source: [p. N], small, apart from the words; a bar when
       the break has no number (as the print edition's grey bar). -->
  <xsl:template match="tei:pb" mode="tk:epub-text">
    <span class="pb" title="{tk:intervention(.)}">
      <xsl:value-of select="if (normalize-space(@n)) then '[p. ' || normalize-space(@n) || ']' else '|'"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:lb" mode="tk:epub-text"><br/></xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor | tei:index | tei:figure/tei:graphic |
                       tei:figDesc | tei:desc[parent::tei:gap]" mode="tk:epub-text"/>

  <!-- ============================================================ notes -->

  <!-- A footnote's mark: a link to the chapter's footnote, numbered per document. -->
  <xsl:template match="tei:note[tk:epub-footnote(.)]" mode="tk:epub-text">
    <xsl:variable name="n" select="tk:epub-note-number(.)"/>
    <a epub:type="noteref" role="doc-noteref" class="noteref" id="nr{$n}" href="#n{$n}">
      <xsl:value-of select="$n"/>
    </a>
  </xsl:template>

  <!-- A note between blocks (tk:epub-in-place): a block where the source has it, titled by
       what it is; a div when it holds a list or paragraphs, else a p. -->
  <xsl:template match="tei:note[tk:epub-in-place(.)]" mode="tk:epub-text" priority="1">
    <xsl:element name="{if (tei:list | tei:p | tei:table | tei:lg) then 'div' else 'p'}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'note-in-text ' || (@type[. = ('distribution', 'stamp')], 'note')[1]"/>
      <xsl:attribute name="title" select="if (@type = 'distribution') then 'Distribution list of the source'
          else if (@type = 'stamp') then 'Stamp on the source' else 'Note of the source'"/>
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- Other notes describe the source where they stand: inline, bracketed, in italics. -->
  <xsl:template match="tei:note" mode="tk:epub-text">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <span class="remark">
      <xsl:choose>
        <xsl:when test="starts-with($t, '[') and ends-with($t, ']')"><i><xsl:apply-templates mode="#current"/></i></xsl:when>
        <xsl:otherwise>[<i><xsl:apply-templates mode="#current"/></i>]</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A paragraph inside an inline note (or a note's mark) is a run of its line: no block may
       stand in a phrase. -->
  <xsl:template match="tei:note[not(tk:epub-footnote(.) or tk:epub-in-place(.))]//tei:p" mode="tk:epub-text" priority="2">
    <span class="p"><xsl:apply-templates mode="#current"/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ============================================================ names and phrases -->

  <!-- A name whose entry is in the registers links to it (persons.xhtml#id ...). -->
  <xsl:template match="(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs)[tk:ref(.)]
                       [not(ancestor::tei:teiHeader) or ancestor::tei:abstract]" mode="tk:epub-text">
    <xsl:variable name="entry" select="tk:entry(., $registers)"/>
    <xsl:choose>
      <xsl:when test="exists($entry)">
        <a class="name" href="{tk:entry-kind($entry)}.xhtml#{$entry/@xml:id}">
          <xsl:apply-templates mode="#current"/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="name"><xsl:apply-templates mode="#current"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term[@xml:lang]" mode="tk:epub-text">
    <i>
      <xsl:call-template name="tk:epub-lang"/>
      <xsl:apply-templates mode="#current"/>
    </i>
  </xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:title[ancestor::tei:text][not(parent::tei:bibl)]" mode="tk:epub-text">
    <xsl:variable name="rend" select="string((@rend, @rendition, 'italic')[1])"/>
    <xsl:element name="{if (matches($rend, 'bold')) then 'b'
                       else if (matches($rend, 'under')) then 'u'
                       else if (matches($rend, 'sup')) then 'sup'
                       else if (matches($rend, 'sub')) then 'sub'
                       else if (matches($rend, 'strike|line-?through')) then 's'
                       else if (matches($rend, 'small-?caps', 'i')) then 'span'
                       else 'i'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="matches($rend, 'small-?caps', 'i')"><xsl:attribute name="class" select="'smallcaps'"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:code" mode="tk:epub-text">
    <code><xsl:apply-templates mode="#current"/></code>
  </xsl:template>

  <xsl:template match="tei:ab[@type = 'code']" mode="tk:epub-text" priority="1">
    <pre><xsl:value-of select="."/></pre>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="tk:epub-text">
    <!-- only a web page or an e-mail address: a fragment of the TEI is no place in the book -->
    <xsl:variable name="href" select="tk:external-url(tokenize(normalize-space(@target))[1])"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a href="{$href}">
          <xsl:apply-templates mode="#current"/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="$href"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="#current"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:label" mode="tk:epub-text">
    <span class="label"><xsl:apply-templates mode="#current"/></span><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:list/tei:label" mode="tk:epub-text"/>

  <xsl:template match="tei:note/tei:label[1][tk:epub-number-label(.)]" mode="tk:epub-text" priority="1"/>

  <!-- A language change inside the text (not already said by the element's own template). -->
  <xsl:template match="tei:seg[@xml:lang] | tei:s[@xml:lang] | tei:q[@xml:lang]" mode="tk:epub-text">
    <span><xsl:call-template name="tk:epub-lang"/><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- xml:lang and lang alike (XHTML in EPUB wants both to agree). -->
  <xsl:template name="tk:epub-lang">
    <xsl:param name="tag" as="xs:string?" select="@xml:lang"/>
    <xsl:if test="$tag and matches($tag, '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$')">
      <xsl:attribute name="xml:lang" select="$tag"/>
      <xsl:attribute name="lang" select="$tag"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
