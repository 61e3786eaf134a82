#include "cwriters.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

// --- .xlsx (libxlsxwriter) ---
//
// The few structs passed by pointer, as libxlsxwriter 1.x lays them out (xlsxwriter/
// workbook.h and worksheet.h); everything else goes by value.

typedef struct {
  char *title, *subject, *author, *manager, *company, *category, *keywords, *comments, *status, *hyperlink_base;
  time_t created;
} doc_properties;

typedef struct {
  uint8_t hidden, level, collapsed;
} row_col_options;

typedef struct {
  int year, month, day, hour, min;
  double sec;
} datetime;

typedef struct {
  uint8_t validate, criteria, ignore_blank, show_input, show_error, error_type, dropdown;
  double value_number;
  char *value_formula;
  char **value_list;
  datetime value_datetime;
  double minimum_number;
  char *minimum_formula;
  datetime minimum_datetime;
  double maximum_number;
  char *maximum_formula;
  datetime maximum_datetime;
  char *input_title, *input_message, *error_title, *error_message;
} data_validation;

enum { VALIDATION_OFF = 1, VALIDATION_TYPE_LIST = 5, ALIGN_NONE = 0 };

static void *(*wb_new)(const char *);
static int (*wb_close)(void *);
static int (*wb_props)(void *, doc_properties *);
static void *(*wb_sheet)(void *, const char *);
static void *(*wb_format)(void *);
static void (*f_font_name)(void *, const char *);
static void (*f_font_size)(void *, double);
static void (*f_font_color)(void *, uint32_t);
static void (*f_bold)(void *);
static void (*f_charset)(void *, uint8_t);
static void (*f_bg)(void *, uint32_t);
static void (*f_align)(void *, uint8_t);
static void (*f_wrap)(void *);
static void (*f_border)(void *, uint8_t);
static void (*f_num)(void *, const char *);
static int (*ws_string)(void *, uint32_t, uint16_t, const char *, void *);
static int (*ws_number)(void *, uint32_t, uint16_t, double, void *);
static int (*ws_blank)(void *, uint32_t, uint16_t, void *);
static int (*ws_merge)(void *, uint32_t, uint16_t, uint32_t, uint16_t, const char *, void *);
static int (*ws_column)(void *, uint16_t, uint16_t, double, void *, row_col_options *);
static int (*ws_row)(void *, uint32_t, double, void *, row_col_options *);
static int (*ws_validation)(void *, uint32_t, uint16_t, uint32_t, uint16_t, data_validation *);
static void (*ws_freeze)(void *, uint32_t, uint16_t);
static int (*ws_repeat)(void *, uint32_t, uint32_t);
static void (*ws_landscape)(void *);
static void (*ws_portrait)(void *);
static void (*ws_paper)(void *, uint8_t);
static void (*ws_fit)(void *, uint16_t, uint16_t);
static void (*ws_margins)(void *, double, double, double, double);
static int (*ws_footer)(void *, const char *);
static void (*ws_hide)(void *);
static void (*ws_activate)(void *);
static void (*ws_center)(void *);
static int xlsx_loaded;
static pthread_once_t xlsx_once = PTHREAD_ONCE_INIT;

// Each symbol or none: a library without one of them is not used at all.
#define LOAD(var, name) \
  if (!(var = dlsym(h, name))) return

static void load_xlsx(void) {
  void *h = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!h) return;
  LOAD(wb_new, "workbook_new");
  LOAD(wb_close, "workbook_close");
  LOAD(wb_props, "workbook_set_properties");
  LOAD(wb_sheet, "workbook_add_worksheet");
  LOAD(wb_format, "workbook_add_format");
  LOAD(f_font_name, "format_set_font_name");
  LOAD(f_font_size, "format_set_font_size");
  LOAD(f_font_color, "format_set_font_color");
  LOAD(f_bold, "format_set_bold");
  LOAD(f_charset, "format_set_font_charset");
  LOAD(f_bg, "format_set_bg_color");
  LOAD(f_align, "format_set_align");
  LOAD(f_wrap, "format_set_text_wrap");
  LOAD(f_border, "format_set_border");
  LOAD(f_num, "format_set_num_format");
  LOAD(ws_string, "worksheet_write_string");
  LOAD(ws_number, "worksheet_write_number");
  LOAD(ws_blank, "worksheet_write_blank");
  LOAD(ws_merge, "worksheet_merge_range");
  LOAD(ws_column, "worksheet_set_column_opt");
  LOAD(ws_row, "worksheet_set_row_opt");
  LOAD(ws_validation, "worksheet_data_validation_range");
  LOAD(ws_freeze, "worksheet_freeze_panes");
  LOAD(ws_repeat, "worksheet_repeat_rows");
  LOAD(ws_landscape, "worksheet_set_landscape");
  LOAD(ws_portrait, "worksheet_set_portrait");
  LOAD(ws_paper, "worksheet_set_paper");
  LOAD(ws_fit, "worksheet_fit_to_pages");
  LOAD(ws_margins, "worksheet_set_margins");
  LOAD(ws_footer, "worksheet_set_footer");
  LOAD(ws_hide, "worksheet_hide");
  LOAD(ws_activate, "worksheet_activate");
  LOAD(ws_center, "worksheet_center_horizontally");
  xlsx_loaded = 1;
}

int sx_xlsx_available(void) {
  pthread_once(&xlsx_once, load_xlsx);
  return xlsx_loaded;
}

void *sx_xlsx_new(const char *path) { return sx_xlsx_available() ? wb_new(path) : NULL; }

int sx_xlsx_close(void *workbook) { return wb_close(workbook); }

int sx_xlsx_properties(void *workbook, const char *title, const char *subject, const char *author,
                       long long created) {
  doc_properties p;
  memset(&p, 0, sizeof p);
  p.title = (char *)title;
  p.subject = (char *)subject;
  p.author = (char *)author;
  p.created = (time_t)created;
  return wb_props(workbook, &p);
}

void *sx_xlsx_sheet(void *workbook, const char *name) { return wb_sheet(workbook, name); }

void *sx_xlsx_format(void *workbook) { return wb_format(workbook); }

void sx_xlsx_font(void *format, const char *name, double size, int bold, uint32_t color, int charset) {
  if (name) f_font_name(format, name);
  if (size > 0) f_font_size(format, size);
  if (bold) f_bold(format);
  if (color) f_font_color(format, color);
  if (charset > 0) f_charset(format, (uint8_t)charset);
}

void sx_xlsx_fill(void *format, uint32_t color) { f_bg(format, color); }

void sx_xlsx_layout(void *format, int align, int valign, int wrap, int border) {
  if (align != ALIGN_NONE) f_align(format, (uint8_t)align);
  if (valign != ALIGN_NONE) f_align(format, (uint8_t)valign);
  if (wrap) f_wrap(format);
  if (border) f_border(format, (uint8_t)border);
}

void sx_xlsx_number_format(void *format, const char *code) { f_num(format, code); }

int sx_xlsx_string(void *sheet, uint32_t row, uint16_t col, const char *text, void *format) {
  return ws_string(sheet, row, col, text, format);
}

int sx_xlsx_number(void *sheet, uint32_t row, uint16_t col, double value, void *format) {
  return ws_number(sheet, row, col, value, format);
}

int sx_xlsx_blank(void *sheet, uint32_t row, uint16_t col, void *format) { return ws_blank(sheet, row, col, format); }

int sx_xlsx_merge(void *sheet, uint32_t r1, uint16_t c1, uint32_t r2, uint16_t c2, const char *text, void *format) {
  return ws_merge(sheet, r1, c1, r2, c2, text, format);
}

int sx_xlsx_column(void *sheet, uint16_t first, uint16_t last, double width, void *format, int hidden) {
  row_col_options o = {(uint8_t)(hidden ? 1 : 0), 0, 0};
  return ws_column(sheet, first, last, width, format, &o);
}

int sx_xlsx_row(void *sheet, uint32_t row, double height, void *format, int hidden) {
  row_col_options o = {(uint8_t)(hidden ? 1 : 0), 0, 0};
  // libxlsxwriter's LXW_DEF_ROW_HEIGHT (15 points) stands for "the default".
  return ws_row(sheet, row, height < 0 ? 15.0 : height, format, &o);
}

int sx_xlsx_choices(void *sheet, uint32_t r1, uint16_t c1, uint32_t r2, uint16_t c2, const char **items, int count) {
  char *list[33];
  if (count < 0 || count > 32) return -1;
  for (int k = 0; k < count; k++) list[k] = (char *)items[k];
  list[count] = NULL;
  data_validation v;
  memset(&v, 0, sizeof v);
  v.validate = VALIDATION_TYPE_LIST;
  v.value_list = list;
  // A word of one's own (正在推进) is still accepted: the list only offers.
  v.show_error = VALIDATION_OFF;
  return ws_validation(sheet, r1, c1, r2, c2, &v);
}

void sx_xlsx_freeze(void *sheet, uint32_t row, uint16_t col) { ws_freeze(sheet, row, col); }

int sx_xlsx_repeat_rows(void *sheet, uint32_t first, uint32_t last) { return ws_repeat(sheet, first, last); }

void sx_xlsx_page(void *sheet, int landscape, int paper, int fit_width) {
  if (landscape)
    ws_landscape(sheet);
  else
    ws_portrait(sheet);
  ws_paper(sheet, (uint8_t)paper);
  // As wide as one page, as many pages down as the rows need.
  if (fit_width) ws_fit(sheet, 1, 0);
  ws_center(sheet);
}

void sx_xlsx_margins(void *sheet, double left, double right, double top, double bottom) {
  ws_margins(sheet, left, right, top, bottom);
}

int sx_xlsx_footer(void *sheet, const char *text) { return ws_footer(sheet, text); }

void sx_xlsx_hide(void *sheet) { ws_hide(sheet); }

void sx_xlsx_activate(void *sheet) { ws_activate(sheet); }

// --- ZIP packages written (libzip) ---

enum { ZIP_CREATE_ = 1, ZIP_TRUNCATE_ = 8, ZIP_FL_ENC_UTF_8_ = 2048 };

static void *(*zw_open)(const char *, int, int *);
static void *(*zw_source_buffer)(void *, const void *, uint64_t, int);
static int64_t (*zw_file_add)(void *, const char *, void *, uint32_t);
static void (*zw_source_free)(void *);
static int (*zw_close)(void *);
static void (*zw_discard)(void *);
static int zipw_loaded;
static pthread_once_t zipw_once = PTHREAD_ONCE_INIT;

static void load_zipw(void) {
  void *h = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!h) h = dlopen("libzip.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!h) return;
  zw_open = dlsym(h, "zip_open");
  zw_source_buffer = dlsym(h, "zip_source_buffer");
  zw_file_add = dlsym(h, "zip_file_add");
  zw_source_free = dlsym(h, "zip_source_free");
  zw_close = dlsym(h, "zip_close");
  zw_discard = dlsym(h, "zip_discard");
  zipw_loaded = zw_open && zw_source_buffer && zw_file_add && zw_source_free && zw_close && zw_discard;
}

int sx_zipw_available(void) {
  pthread_once(&zipw_once, load_zipw);
  return zipw_loaded;
}

void *sx_zipw_open(const char *path) {
  if (!sx_zipw_available()) return NULL;
  int error = 0;
  return zw_open(path, ZIP_CREATE_ | ZIP_TRUNCATE_, &error);
}

int sx_zipw_add(void *archive, const char *name, const void *data, unsigned long long len) {
  void *src = zw_source_buffer(archive, data, len, 0);
  if (!src) return -1;
  if (zw_file_add(archive, name, src, ZIP_FL_ENC_UTF_8_) < 0) {
    zw_source_free(src);
    return -1;
  }
  return 0;
}

int sx_zipw_close(void *archive) { return zw_close(archive); }

void sx_zipw_discard(void *archive) { zw_discard(archive); }
