<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB, stage "package" (mode tk:epub-package): the navigation document (nav.xhtml: contents
  with the front matter, every document under "Documents" and the registers; landmarks) and
  the package document (package.opf: metadata from teikit.toml, the manifest of every file,
  the spine in reading order). dcterms:modified is the latest change of any document's
  encoding (never the clock: the same edition gives the same book, byte for byte).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:import href="epub-common.xsl"/>

  <xsl:mode name="tk:epub-package" on-no-match="shallow-skip"/>

  <xsl:template match="tk:epub" mode="tk:epub-package">
    <xsl:param name="chapters" as="element(tk:chapter)*" tunnel="yes"/>
    <xsl:param name="files" as="element(tk:file)*" tunnel="yes"/>
    <xsl:variable name="lang" select="(tk:language, 'en')[1]"/>
    <xsl:variable name="front" select="$files[not(@chapter or @register)]"/>
    <xsl:variable name="back" select="$files[@register]"/>
    <xsl:call-template name="tk:epub-page">
      <xsl:with-param name="name" select="'nav.xhtml'"/>
      <xsl:with-param name="title" select="'Contents'"/>
      <xsl:with-param name="lang" select="$lang"/>
      <xsl:with-param name="body">
        <nav xmlns="http://www.w3.org/1999/xhtml" epub:type="toc" id="toc" role="doc-toc">
          <h1>Contents</h1>
          <ol>
            <xsl:for-each select="$front">
              <li><a href="{@name}"><xsl:value-of select="@title"/></a></li>
            </xsl:for-each>
            <xsl:if test="exists($chapters)">
              <li><a href="{$chapters[1]/@name}">Documents</a>
                <ol>
                  <xsl:for-each select="$chapters">
                    <li><a href="{@name}"><xsl:value-of select="string-join(
                        (tk:chapter-meta(., 'tk.date-label')[.], tk:chapter-title(.)), ': ')"/></a></li>
                  </xsl:for-each>
                </ol>
              </li>
            </xsl:if>
            <xsl:for-each select="$back">
              <li><a href="{@name}"><xsl:value-of select="@title"/></a></li>
            </xsl:for-each>
          </ol>
        </nav>
        <nav xmlns="http://www.w3.org/1999/xhtml" epub:type="landmarks" id="landmarks" hidden="hidden">
          <h2>Landmarks</h2>
          <ol>
            <li><a epub:type="toc" href="nav.xhtml#toc">Contents</a></li>
            <xsl:if test="exists($chapters)">
              <li><a epub:type="bodymatter" href="{$chapters[1]/@name}">Documents</a></li>
            </xsl:if>
          </ol>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:variable name="changed" select="max($chapters ! tk:chapter-meta(., 'dcterms.modified')[. castable as xs:date] ! xs:date(.))"/>
    <xsl:variable name="modified" select="if (exists($changed)) then string($changed)
                                          else if (@year != '') then @year || '-01-01' else '2000-01-01'"/>
    <xsl:result-document href="package.opf" method="xml" encoding="UTF-8" indent="yes">
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"
               xml:lang="{$lang}">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:identifier id="uid"><xsl:value-of select="@identifier"/></dc:identifier>
          <dc:title id="title"><xsl:value-of select="@title"/></dc:title>
          <xsl:if test="@subtitle != ''">
            <dc:title id="subtitle"><xsl:value-of select="@subtitle"/></dc:title>
            <meta refines="#title" property="title-type">main</meta>
            <meta refines="#subtitle" property="title-type">subtitle</meta>
          </xsl:if>
          <xsl:for-each select="if (tk:language) then distinct-values(tk:language) else 'en'">
            <dc:language><xsl:value-of select="."/></dc:language>
          </xsl:for-each>
          <xsl:for-each select="tk:editor">
            <dc:creator id="editor-{position()}"><xsl:value-of select="."/></dc:creator>
            <meta refines="#editor-{position()}" property="role" scheme="marc:relators">edt</meta>
          </xsl:for-each>
          <xsl:if test="@publisher != ''"><dc:publisher><xsl:value-of select="@publisher"/></dc:publisher></xsl:if>
          <xsl:if test="@year != ''"><dc:date><xsl:value-of select="@year"/></dc:date></xsl:if>
          <xsl:if test="@subtitle != ''"><dc:description><xsl:value-of select="@subtitle"/></dc:description></xsl:if>
          <xsl:for-each select="tk:licence">
            <dc:rights><xsl:value-of select="string-join((string(.), tk:external-url(@url)), ', ')"/></dc:rights>
          </xsl:for-each>
          <xsl:for-each select="tk:funder">
            <dc:contributor id="funder-{position()}"><xsl:value-of select="."/></dc:contributor>
            <meta refines="#funder-{position()}" property="role" scheme="marc:relators">fnd</meta>
          </xsl:for-each>
          <meta property="dcterms:modified"><xsl:value-of select="$modified"/>T00:00:00Z</meta>
        </metadata>
        <manifest>
          <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
          <item id="css" href="epub.css" media-type="text/css"/>
          <xsl:for-each select="$files">
            <item id="f{position()}" href="{encode-for-uri(@name)}" media-type="application/xhtml+xml"/>
          </xsl:for-each>
        </manifest>
        <spine>
          <xsl:for-each select="$files">
            <itemref idref="f{position()}"/>
            <!-- the contents after the title page -->
            <xsl:if test="position() = 1"><itemref idref="nav"/></xsl:if>
          </xsl:for-each>
        </spine>
      </package>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
