#ifndef SANXIANG_CNCURSES_SHIM_H
#define SANXIANG_CNCURSES_SHIM_H
// Feature macros must come before any include: wide-character curses and glibc's wcwidth.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#include <locale.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// ncurses globals and macros are not usable from Swift 6; these accessors are.
static inline WINDOW *sx_stdscr(void) { return stdscr; }
static inline int sx_lines(void) { return LINES; }
static inline int sx_cols(void) { return COLS; }
static inline attr_t sx_a_bold(void) { return A_BOLD; }
static inline attr_t sx_a_reverse(void) { return A_REVERSE; }
static inline attr_t sx_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sx_a_dim(void) { return A_DIM; }
static inline attr_t sx_a_normal(void) { return A_NORMAL; }
static inline int sx_color_pair(int n) { return COLOR_PAIR(n); }
static inline int sx_key_f(int n) { return KEY_F(n); }
static inline int sx_key_resize(void) { return KEY_RESIZE; }

// Draws one cell: a character (with its combining marks) and its attributes.
static inline int sx_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
  cchar_t c;
  if (setcchar(&c, text, attrs, pair, NULL) != OK) return ERR;
  return mvwadd_wch(w, y, x, &c);
}

static inline FILE *sx_fdopen(int fd, const char *mode) { return fdopen(fd, mode); }
#endif
