#ifndef SANXIANG_CNCURSES_SHIM_H
#define SANXIANG_CNCURSES_SHIM_H
// Wide-character curses (cchar_t, get_wch, setcchar). No _XOPEN_SOURCE here: it would
// give system headers a shape that clashes with Swift's Glibc module in the same file.
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
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

// glibc's wcwidth, which Swift's Glibc module does not expose: the terminal's own idea of a
// character's width, checked before drawing so columns never drift.
extern int wcwidth(wchar_t c);
static inline int sx_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// True when the terminal can move the cursor (TERM=dumb cannot draw a dashboard).
extern char *tigetstr(const char *capname);
static inline int sx_can_address_cursor(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}

// True when the current locale's codeset is UTF-8.
static inline int sx_locale_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag; the main loop sees it within a tenth
// of a second and restores the terminal. Installed before newterm, so ncurses keeps out.
static volatile sig_atomic_t sx_caught_signal = 0;
static void sx_on_signal(int sig) { sx_caught_signal = sig; }
static inline void sx_catch_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = sx_on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGQUIT, &sa, NULL);
  // A parent may have left them blocked (the mask survives exec); they must get through.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGQUIT);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
}
static inline int sx_pending_signal(void) { return sx_caught_signal; }

// A crash (a Swift trap, a bad access) restores the terminal before the process dies.
static void sx_on_crash(int sig) {
  endwin();
  signal(sig, SIG_DFL);
  raise(sig);
}
static inline void sx_catch_crashes(void) {
  int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], sx_on_crash);
}
#endif
