#ifndef AVANCE_CLIBXML2_SHIM_H
#define AVANCE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and its encoding header then pulls in ICU's own
// headers, which clash with the ICU copy inside Foundation ("UErrorCode is not
// present in definition ..."). avance never touches libxml2's converters (it hands
// over UTF-8), so the ICU parts are left out of what Swift sees.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

// Swift 6 refuses libxml2's global function pointers (xmlFree is one) as not
// concurrency-safe; these wrappers are plain functions it can call.
static inline void avance_xmlFree(void *pointer) { xmlFree(pointer); }

// The options avance always parses HTML with: recover from broken markup, never
// touch the network (no external DTD or entity is fetched), stay silent (errors
// would go to standard error), and ignore the document's own charset claim
// because the bytes handed over are already UTF-8.
static inline int avance_htmlOptions(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
           HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;
}

// The options avance reads a spreadsheet's XML parts with: never touch the network, load
// no external DTD and substitute no entity (an XML part has no business declaring any), and
// stay silent; a part that is not well-formed is an error, not something to recover from.
static inline int avance_xmlOptions(void) {
    return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
}

#endif
