#ifndef CXML_H
#define CXML_H

// libxml2, loaded with dlopen the first time a file needs it, so that the commands that
// never import do not load it (nor the ICU it depends on) at start-up. Nodes are opaque
// pointers; only Sources/Readers/XML.swift calls these.

// 1 when libxml2 could be loaded (the first call loads it).
int sx_xml_available(void);
// A parsed document, or NULL. `html` selects the HTML parser (forgiving, as browsers are);
// `encoding` overrides the declared charset when not NULL.
void *sx_parse(const char *buf, int len, int html, const char *encoding);
void sx_free_doc(void *doc);
void *sx_root(void *doc);
void *sx_first_child(void *node);
void *sx_next(void *node);
// 1 element, 3 text, 4 CDATA (libxml2's xmlElementType); 0 for NULL.
int sx_type(void *node);
// The element's local name ("tbl" for w:tbl), or NULL.
const char *sx_name(void *node);
// The namespace URI of an element, or NULL.
const char *sx_ns(void *node);
// A text or CDATA node's text, or NULL.
const char *sx_content(void *node);
// The value of the attribute with this local name (any namespace), or NULL.
const char *sx_attr(void *node, const char *local);

#endif
