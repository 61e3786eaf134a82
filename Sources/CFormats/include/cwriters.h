#ifndef CWRITERS_H
#define CWRITERS_H

// The writers' C libraries, each loaded with dlopen at the first report that needs it, so
// that a command that never writes a report loads neither (nor the OpenSSL and zlib they
// bring) at start-up: libxlsxwriter (Debian's libxlsxwriter4) for .xlsx, libzip (libzip4)
// to package a .docx. Their functions are declared here by hand, not through their headers,
// so that building needs neither -dev package. Only Sources/Writers/Xlsx.swift and
// Sources/Writers/Package.swift call these.

#include <stdint.h>

// --- .xlsx (libxlsxwriter, soname 4: the 1.x series, whose structs are used below) ---

// 1 when libxlsxwriter could be loaded.
int sx_xlsx_available(void);
// A workbook that will be written to `path` when closed, or NULL.
void *sx_xlsx_new(const char *path);
// Writes the file and frees the workbook: 0 when written, else libxlsxwriter's error number.
int sx_xlsx_close(void *workbook);
// The document's title, subject and author (File ▸ Properties); any may be NULL. `created`
// is seconds since 1970 (0: now).
int sx_xlsx_properties(void *workbook, const char *title, const char *subject, const char *author, long long created);
void *sx_xlsx_sheet(void *workbook, const char *name);
void *sx_xlsx_format(void *workbook);

// A format's font, fill and layout. `align` and `valign` are libxlsxwriter's alignment
// numbers (1 left, 2 centre; 8 top, 10 vertical centre); colours 0xRRGGBB.
void sx_xlsx_font(void *format, const char *name, double size, int bold, uint32_t color, int charset);
void sx_xlsx_fill(void *format, uint32_t color);
void sx_xlsx_layout(void *format, int align, int valign, int wrap, int border);
void sx_xlsx_number_format(void *format, const char *code);

int sx_xlsx_string(void *sheet, uint32_t row, uint16_t col, const char *text, void *format);
int sx_xlsx_number(void *sheet, uint32_t row, uint16_t col, double value, void *format);
int sx_xlsx_blank(void *sheet, uint32_t row, uint16_t col, void *format);
int sx_xlsx_merge(void *sheet, uint32_t r1, uint16_t c1, uint32_t r2, uint16_t c2, const char *text, void *format);
// Column widths in characters of the default font; a hidden column still holds its cells.
int sx_xlsx_column(void *sheet, uint16_t first, uint16_t last, double width, void *format, int hidden);
// A row's height in points (negative: the default height).
int sx_xlsx_row(void *sheet, uint32_t row, double height, void *format, int hidden);
// A list to pick from in the cells of a range; other values may still be typed.
int sx_xlsx_choices(void *sheet, uint32_t r1, uint16_t c1, uint32_t r2, uint16_t c2, const char **items, int count);

// Page and view: frozen rows and columns, rows repeated on every printed page, A4
// landscape or portrait fitted to the page's width, margins in inches, a footer.
void sx_xlsx_freeze(void *sheet, uint32_t row, uint16_t col);
int sx_xlsx_repeat_rows(void *sheet, uint32_t first, uint32_t last);
void sx_xlsx_page(void *sheet, int landscape, int paper, int fit_width);
void sx_xlsx_margins(void *sheet, double left, double right, double top, double bottom);
int sx_xlsx_footer(void *sheet, const char *text);
void sx_xlsx_hide(void *sheet);
void sx_xlsx_activate(void *sheet);

// --- ZIP packages written (libzip) ---

// 1 when libzip could be loaded.
int sx_zipw_available(void);
// A new archive at `path` (replacing any file there), or NULL.
void *sx_zipw_open(const char *path);
// Adds a part, compressed; libzip copies nothing until close, so `data` must live until then.
int sx_zipw_add(void *archive, const char *name, const void *data, unsigned long long len);
// Writes the archive: 0 when written.
int sx_zipw_close(void *archive);
void sx_zipw_discard(void *archive);

#endif
