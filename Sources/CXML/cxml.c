#include "cxml.h"

#include <dlfcn.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <string.h>

static xmlDocPtr (*read_xml)(const char *, int, const char *, const char *, int);
static htmlDocPtr (*read_html)(const char *, int, const char *, const char *, int);
static void (*free_doc)(xmlDocPtr);
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
  void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
  if (!h) h = dlopen("libxml2.so", RTLD_NOW | RTLD_LOCAL);
  if (!h) return;
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
