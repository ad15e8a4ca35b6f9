// Text folded as the search index folds it (org.teiedition.site.SearchWords): NFKD, marks removed (accents, Greek
// breathings, the long s), lower case. Shared by the search page and the pages it opens with ?q=.
var TEI_FOLD = (function () {
  'use strict';
  var fold = function (s) { return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase(); };
  return {
    fold: fold,
    words: function (s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); },
    // the folded text, and for each of its characters (and its end) the index in text it comes from
    map: function (text) {
      var folded = '', map = [];
      for (var i = 0; i < text.length; i++) {
        var f = fold(text[i]);
        for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
      }
      map.push(text.length);
      return { folded: folded, map: map };
    }
  };
}());
