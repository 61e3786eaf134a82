#ifndef CFORMATS_H
#define CFORMATS_H

// libzip and libxml2, each loaded with dlopen the first time a file needs it, so that the
// commands that never import load neither (nor the ICU, OpenSSL and compressors they pull
// in) at start-up. Archives and nodes are opaque pointers; only Sources/Readers/Zip.swift
// and Sources/Readers/XML.swift call these.

// --- ZIP (libzip) ---

// 1 when libzip could be loaded.
int sx_zip_available(void);
// An archive read from memory (the buffer must outlive it), or NULL; *error is then 1 for
// a damaged archive. Opened with libzip's consistency checks.
void *sx_zip_open(const void *buf, unsigned long long len, int *error);
void sx_zip_close(void *archive);
// The index of the entry with this name, or -1.
long long sx_zip_locate(void *archive, const char *name);
// The entry's uncompressed size, or -1; *encrypted set to 1 for an encrypted entry.
long long sx_zip_size(void *archive, long long index, int *encrypted);
// Reads the whole entry into out (capacity bytes); the bytes read, or -1 when the data is
// damaged (a bad CRC, a short stream, more data than the directory says).
long long sx_zip_read(void *archive, long long index, void *out, unsigned long long capacity);

// --- XML and HTML (libxml2) ---

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

// The writers' libraries (libxlsxwriter, libzip for writing): cwriters.h.
#include "cwriters.h"

#endif
