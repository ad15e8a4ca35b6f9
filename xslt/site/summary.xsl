<?xml version="1.0" encoding="UTF-8"?>
<!-- Reduces one TEI document to the small record the corpus pages need (title, date, correspondents, prev/next
     pointers, named entities, search words), so the corpus stage never holds document trees. Tolerates any TEI:
     every field is optional. The record is also the incremental-build cache entry (OUT/.tei-edition/summaries/). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns/xslt" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:param name="id" as="xs:string" select="'document'"/>
  <!-- the incremental-build key of the source this record was made from -->
  <xsl:param name="key" as="xs:string" select="''"/>
  <xsl:param name="edition-names" as="xs:string*" select="()"/>
  <xsl:param name="edition-files" as="xs:string*" select="()"/>

  <xsl:variable name="registers" as="element()*"
    select="//(tei:listPerson/tei:person | tei:listPlace/tei:place | tei:listOrg/tei:org)[@xml:id]"/>
  <xsl:key name="register" match="tei:person | tei:place | tei:org" use="@xml:id"/>

  <xsl:template match="/">
    <xsl:variable name="corresp" select="(//tei:correspDesc)[1]"/>
    <xsl:variable name="dates" select="($corresp/tei:correspAction[@type = 'sent']/tei:date,
      $corresp/tei:correspAction/tei:date, //tei:profileDesc//tei:creation/tei:date)"/>
    <xsl:variable name="iso" select="($dates/(@when, @notBefore, @from, @notAfter, @to)
      [matches(., '^-?\d{4}(-\d\d(-\d\d)?)?')])[1]"/>
    <summary id="{$id}" key="{$key}" date="{$iso ! substring(., 1, 10)}">
      <!-- correspContext pointers of other documents may name this one by its xml:id -->
      <xsl:for-each select="/*/@xml:id[normalize-space()]"><xsl:attribute name="xml-id" select="normalize-space()"/></xsl:for-each>
      <title>{te:title(/)}</title>
      <xsl:for-each select="$corresp/tei:correspAction[@type = 'sent']/(tei:persName | tei:orgName | tei:name)">
        <sender>{normalize-space()}</sender>
      </xsl:for-each>
      <xsl:for-each select="$corresp/tei:correspAction[@type = 'received']/(tei:persName | tei:orgName | tei:name)">
        <recipient>{normalize-space()}</recipient>
      </xsl:for-each>
      <!-- TEI's type="prev|next", and the common subtype="previous_letter|next_letter" (e.g. schnitzler-briefe) -->
      <xsl:for-each select="//tei:correspContext/tei:ref[@target]">
        <xsl:choose>
          <xsl:when test="@type = 'prev' or @subtype = 'previous_letter'"><prev>{te:target-name(@target)}</prev></xsl:when>
          <xsl:when test="@type = 'next' or @subtype = 'next_letter'"><next>{te:target-name(@target)}</next></xsl:when>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select="$edition-names">
        <xsl:variable name="i" select="position()"/>
        <edition name="{.}" file="{$edition-files[$i]}"/>
      </xsl:for-each>
      <xsl:variable name="entities" as="element(entity)*">
        <xsl:for-each select="$registers">
          <entity type="{te:entity-type(.)}" key="{te:entry-key(.)}" label="{te:entry-label(.)}" register="yes"/>
        </xsl:for-each>
        <xsl:for-each select="(//tei:text | $corresp)//(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs)[@ref]">
          <xsl:variable name="mention" select="."/>
          <xsl:for-each select="tokenize(@ref)">
            <xsl:variable name="entry" select="key('register', replace(., '^#', ''), root($mention))"/>
            <xsl:variable name="type" select="if ($entry) then te:entity-type($entry[1]) else te:entity-type($mention)"/>
            <xsl:if test="$type != ''">
              <entity type="{$type}" key="{if ($entry) then te:entry-key($entry[1]) else te:ref-key(.)}"
                label="{if ($entry) then te:entry-label($entry[1]) else normalize-space($mention)}"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:variable>
      <!-- one per key; a register's label is preferred over the words of a mention -->
      <xsl:for-each-group select="$entities[@key != '' and @label != '']" group-by="@type || ' ' || @key">
        <xsl:sort select="current-grouping-key()"/>
        <entity type="{@type}" key="{@key}" label="{(current-group()[@register], current-group())[1]/@label}"/>
      </xsl:for-each-group>
      <!-- the text as a reader searches it: front, body (with notes), not the registers in back -->
      <words>{sort(distinct-values(//tei:text[not(ancestor::tei:text)]/(tei:front | tei:body | tei:group)
        ! te:words(string(.))))}</words>
    </summary>
  </xsl:template>

  <!-- The letter's own title: the main or analytic title, not a series title. -->
  <xsl:function name="te:title" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="t" select="($doc//tei:titleStmt)[1]/tei:title"/>
    <xsl:sequence select="normalize-space(($t[@type = 'main'], $t[@level = 'a'],
      $t[not(@level = ('s', 'j', 'm')) and not(@type = ('sub', 'iso-date'))], $t, $doc//tei:title)[1])"/>
  </xsl:function>

  <!-- Search words: Unicode letters and digits, lower case, without diacritics (search.html does the same). -->
  <xsl:function name="te:words" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="tokenize(lower-case(replace(normalize-unicode($text, 'NFKD'), '\p{M}+', '')),
      '[^\p{L}\p{N}]+')[. != '']"/>
  </xsl:function>

  <!-- "https://example.org/letters/L00002.xml#x", "L00002", "#L00002" all name the document "L00002". -->
  <xsl:function name="te:target-name" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="t" select="tokenize(normalize-space($target))[1]"/>
    <!-- string(): "#L00002" leaves no path segment at all -->
    <xsl:variable name="last" select="string(tokenize(replace($t, '[?#].*$', ''), '/')[last()])"/>
    <xsl:sequence select="if ($last = '' and contains($t, '#')) then substring-after($t, '#')
      else replace($last, '\.(xml|html?)$', '')"/>
  </xsl:function>

  <xsl:function name="te:entity-type" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="local-name($e)"/>
    <xsl:sequence select="if ($n = ('person', 'persName') or ($n = ('name', 'rs') and $e/@type = 'person')) then 'person'
      else if ($n = ('place', 'placeName') or ($n = ('name', 'rs') and $e/@type = 'place')) then 'place'
      else if ($n = ('org', 'orgName') or ($n = ('name', 'rs') and $e/@type = ('org', 'organisation', 'organization'))) then 'org'
      else ''"/>
  </xsl:function>

  <!-- An authority identifier groups the same person across documents; else the corpus-wide xml:id. -->
  <xsl:function name="te:entry-key" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="keys" select="$e/tei:idno ! te:authority(normalize-space(.), string(@type), string(@subtype))"/>
    <xsl:sequence select="(for $a in ('wikidata', 'gnd', 'viaf', 'geonames') return $keys[starts-with(., $a || ':')],
      'id:' || $e/@xml:id)[1]"/>
  </xsl:function>

  <xsl:function name="te:ref-key" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <!-- "#pmb1" and a bare "pmb1" are ids; anything else is a URI -->
    <xsl:sequence select="if (starts-with($ref, '#')) then 'id:' || substring($ref, 2)
      else (te:authority($ref, '', ''), if (matches($ref, '^[\i][\c]*$')) then 'id:' || $ref else $ref)[1]"/>
  </xsl:function>

  <xsl:function name="te:authority" as="xs:string?">
    <xsl:param name="v" as="xs:string"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="subtype" as="xs:string"/>
    <xsl:variable name="kind" select="lower-case(string-join(($type, $subtype), ' '))"/>
    <xsl:sequence select="
      if (matches($v, 'wikidata\.org/(wiki|entity)/(Q\d+)')) then 'wikidata:' || replace($v, '^.*/(Q\d+).*$', '$1')
      else if (contains($kind, 'wikidata') and matches($v, '^Q\d+$')) then 'wikidata:' || $v
      else if (matches($v, 'd-nb\.info/gnd/')) then 'gnd:' || replace($v, '^.*/gnd/([^/?#]+).*$', '$1')
      else if (contains($kind, 'gnd') and matches($v, '^[0-9X-]+$')) then 'gnd:' || $v
      else if (matches($v, 'viaf\.org/viaf/\d+')) then 'viaf:' || replace($v, '^.*/viaf/(\d+).*$', '$1')
      else if (contains($kind, 'viaf') and matches($v, '^\d+$')) then 'viaf:' || $v
      else if (matches($v, 'geonames\.org/\d+')) then 'geonames:' || replace($v, '^.*geonames\.org/(\d+).*$', '$1')
      else if (contains($kind, 'geonames') and matches($v, '^\d+$')) then 'geonames:' || $v
      else ()"/>
  </xsl:function>

  <xsl:function name="te:entry-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="($e/(tei:persName | tei:placeName | tei:orgName | tei:name))[1]"/>
    <xsl:sequence select="normalize-space(
      if ($n/tei:surname and $n/tei:forename) then string-join(($n/tei:surname[1], $n/tei:forename[1]) ! normalize-space(), ', ')
      else if ($n) then string($n) else ($e/tei:label, $e)[1])"/>
  </xsl:function>
</xsl:stylesheet>
