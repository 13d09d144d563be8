<?xml version="1.0" encoding="UTF-8"?>
<!--
  The one filter every URL taken from a document passes before it becomes a link (HTML href,
  PDF link): http, https, mailto or a relative reference; anything else (javascript:, data:,
  vbscript:, file: ...) is not a link. Same rule as toolkit/urls.py (the validator, DTS and
  OAI use that one). Browsers drop tabs and line breaks anywhere in a URL and spaces around
  it, so those go before the scheme is read ("java&#9;script:" is javascript:).
  Imported, not included, by every stage that needs it, so that it may be met twice.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns"
    exclude-result-prefixes="#all">

  <!-- The URL, cleaned, if it may be a link; else the empty sequence. -->
  <xsl:function name="tk:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="clean" select="replace(replace(string($url), '[&#9;&#10;&#13;]', ''), '^ +| +$', '')"/>
    <xsl:variable name="scheme" select="lower-case(replace($clean, '^([A-Za-z][A-Za-z0-9+.\-]*):.*$', '$1', 's'))"/>
    <xsl:sequence select="if (not($clean)) then ()
                          else if (not(matches($clean, '^[A-Za-z][A-Za-z0-9+.\-]*:', 's'))) then $clean
                          else if ($scheme = ('http', 'https', 'mailto')) then $clean
                          else ()"/>
  </xsl:function>

  <!-- The target of a TEI ref or ptr as a link of the text: a web page, an e-mail address or a
       place in the same page (#id); a relative path to another file would not resolve. -->
  <xsl:function name="tk:link-target" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:sequence select="tk:safe-url(tokenize(string($target))[1])[matches(., '^(https?:|mailto:|#)', 'i')]"/>
  </xsl:function>

  <!-- A URL that leaves the page for a web page or an e-mail (not a relative path). -->
  <xsl:function name="tk:external-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="tk:safe-url($url)[matches(., '^(https?|mailto):', 'i')]"/>
  </xsl:function>
</xsl:stylesheet>
