#include "cformats.h"

#include <dlfcn.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <string.h>
#include <zip.h>

// --- ZIP ---

static zip_source_t *(*zsrc_buffer)(const void *, zip_uint64_t, int, zip_error_t *);
static zip_t *(*zopen_source)(zip_source_t *, int, zip_error_t *);
static void (*zsrc_free)(zip_source_t *);
static void (*zdiscard)(zip_t *);
static zip_int64_t (*zlocate)(zip_t *, const char *, zip_flags_t);
static int (*zstat_index)(zip_t *, zip_uint64_t, zip_flags_t, zip_stat_t *);
static zip_file_t *(*zfopen_index)(zip_t *, zip_uint64_t, zip_flags_t);
static zip_int64_t (*zfread)(zip_file_t *, void *, zip_uint64_t);
static int (*zfclose)(zip_file_t *);
static void (*zerror_init)(zip_error_t *);
static void (*zerror_fini)(zip_error_t *);
static int zip_loaded;
static pthread_once_t zip_once = PTHREAD_ONCE_INIT;

static void load_zip(void) {
  void *h = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!h) h = dlopen("libzip.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!h) h = dlopen("libzip.so", RTLD_NOW | RTLD_LOCAL);
  if (!h) return;
  zsrc_buffer = dlsym(h, "zip_source_buffer_create");
  zopen_source = dlsym(h, "zip_open_from_source");
  zsrc_free = dlsym(h, "zip_source_free");
  zdiscard = dlsym(h, "zip_discard");
  zlocate = dlsym(h, "zip_name_locate");
  zstat_index = dlsym(h, "zip_stat_index");
  zfopen_index = dlsym(h, "zip_fopen_index");
  zfread = dlsym(h, "zip_fread");
  zfclose = dlsym(h, "zip_fclose");
  zerror_init = dlsym(h, "zip_error_init");
  zerror_fini = dlsym(h, "zip_error_fini");
  zip_loaded = zsrc_buffer && zopen_source && zsrc_free && zdiscard && zlocate && zstat_index && zfopen_index &&
               zfread && zfclose && zerror_init && zerror_fini;
}

int sx_zip_available(void) {
  pthread_once(&zip_once, load_zip);
  return zip_loaded;
}

void *sx_zip_open(const void *buf, unsigned long long len, int *error) {
  *error = 0;
  if (!sx_zip_available()) return NULL;
  zip_error_t err;
  zerror_init(&err);
  zip_source_t *src = zsrc_buffer(buf, len, 0, &err);
  if (!src) {
    zerror_fini(&err);
    *error = 1;
    return NULL;
  }
  zip_t *za = zopen_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  zerror_fini(&err);
  if (!za) {
    zsrc_free(src);
    *error = 1;
  }
  return za;
}

void sx_zip_close(void *archive) {
  if (archive) zdiscard((zip_t *)archive);
}

long long sx_zip_locate(void *archive, const char *name) { return zlocate((zip_t *)archive, name, 0); }

long long sx_zip_size(void *archive, long long index, int *encrypted) {
  zip_stat_t st;
  *encrypted = 0;
  if (index < 0 || zstat_index((zip_t *)archive, (zip_uint64_t)index, 0, &st) != 0) return -1;
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) *encrypted = 1;
  if (!(st.valid & ZIP_STAT_SIZE)) return -1;
  return (long long)st.size;
}

long long sx_zip_read(void *archive, long long index, void *out, unsigned long long capacity) {
  zip_file_t *f = zfopen_index((zip_t *)archive, (zip_uint64_t)index, 0);
  if (!f) return -1;
  unsigned long long got = 0;
  for (;;) {
    zip_int64_t n = zfread(f, (char *)out + got, capacity - got);
    if (n < 0) {
      zfclose(f);
      return -1;
    }
    if (n == 0) break;
    got += (unsigned long long)n;
    if (got == capacity) {
      // The directory's size must be the whole of it: one byte more is damage.
      char extra;
      zip_int64_t more = zfread(f, &extra, 1);
      if (more != 0) {
        zfclose(f);
        return -1;
      }
      break;
    }
  }
  // zip_fclose reports a CRC mismatch.
  if (zfclose(f) != 0) return -1;
  return (long long)got;
}

// --- XML and HTML ---

static xmlDocPtr (*read_xml)(const char *, int, const char *, const char *, int);
static htmlDocPtr (*read_html)(const char *, int, const char *, const char *, int);
static void (*free_doc)(xmlDocPtr);
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

// libxml2 writes some errors (a byte its encoder cannot convert) to stderr even with
// XML_PARSE_NOERROR: in English, to a user who reads Chinese. Its errors are ignored here;
// what parses is read, and a document that does not parse is reported by the reader.
static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void quiet_structured(void *ctx, void *error) {
  (void)ctx;
  (void)error;
}

static void load(void) {
  void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
  if (!h) h = dlopen("libxml2.so", RTLD_NOW | RTLD_LOCAL);
  if (!h) return;
  void (*set_generic)(void *, void (*)(void *, const char *, ...)) = dlsym(h, "xmlSetGenericErrorFunc");
  void (*set_structured)(void *, void (*)(void *, void *)) = dlsym(h, "xmlSetStructuredErrorFunc");
  if (set_generic) set_generic(NULL, quiet);
  if (set_structured) set_structured(NULL, quiet_structured);
  read_xml = (xmlDocPtr(*)(const char *, int, const char *, const char *, int))dlsym(h, "xmlReadMemory");
  read_html = (htmlDocPtr(*)(const char *, int, const char *, const char *, int))dlsym(h, "htmlReadMemory");
  free_doc = (void (*)(xmlDocPtr))dlsym(h, "xmlFreeDoc");
  loaded = read_xml && read_html && free_doc;
}

int sx_xml_available(void) {
  pthread_once(&once, load);
  return loaded;
}

void *sx_parse(const char *buf, int len, int html, const char *encoding) {
  if (!sx_xml_available()) return NULL;
  if (html)
    return read_html(buf, len, NULL, encoding,
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  // No entity substitution, no network, no DTD loading: a document cannot reach outside
  // itself, and libxml2's own limits stop entity expansion bombs.
  return read_xml(buf, len, NULL, encoding, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

void sx_free_doc(void *doc) {
  if (doc && free_doc) free_doc((xmlDocPtr)doc);
}

void *sx_root(void *doc) {
  if (!doc) return NULL;
  for (xmlNodePtr n = ((xmlDocPtr)doc)->children; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE) return n;
  return NULL;
}

void *sx_first_child(void *node) { return node ? ((xmlNodePtr)node)->children : NULL; }

void *sx_next(void *node) { return node ? ((xmlNodePtr)node)->next : NULL; }

int sx_type(void *node) { return node ? (int)((xmlNodePtr)node)->type : 0; }

const char *sx_name(void *node) {
  xmlNodePtr n = (xmlNodePtr)node;
  return n && n->type == XML_ELEMENT_NODE ? (const char *)n->name : NULL;
}

const char *sx_ns(void *node) {
  xmlNodePtr n = (xmlNodePtr)node;
  return n && n->type == XML_ELEMENT_NODE && n->ns ? (const char *)n->ns->href : NULL;
}

const char *sx_content(void *node) {
  xmlNodePtr n = (xmlNodePtr)node;
  return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) ? (const char *)n->content : NULL;
}

const char *sx_attr(void *node, const char *local) {
  xmlNodePtr n = (xmlNodePtr)node;
  if (!n || n->type != XML_ELEMENT_NODE) return NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (a->name && strcmp((const char *)a->name, local) == 0) {
      xmlNodePtr v = a->children;
      return v && v->type == XML_TEXT_NODE && v->content ? (const char *)v->content : "";
    }
  }
  return NULL;
}
