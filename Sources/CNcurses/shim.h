// The few pieces of ncursesw that Swift cannot import by itself: function-like macros,
// attribute constants and the library's global variables (read through getters so that
// Swift 6's concurrency checking accepts them).
#ifndef NORMTUI_CNCURSES_SHIM_H
#define NORMTUI_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>

static inline WINDOW *nt_stdscr(void) { return stdscr; }
static inline int nt_lines(void) { return LINES; }
static inline int nt_cols(void) { return COLS; }
static inline int nt_colors(void) { return COLORS; }
static inline int nt_color_pairs(void) { return COLOR_PAIRS; }

static inline void nt_getmaxyx(WINDOW *win, int *y, int *x) { getmaxyx(win, *y, *x); }

static const attr_t NT_A_NORMAL = A_NORMAL;
static const attr_t NT_A_BOLD = A_BOLD;
static const attr_t NT_A_REVERSE = A_REVERSE;
static const attr_t NT_A_DIM = A_DIM;
static const attr_t NT_A_UNDERLINE = A_UNDERLINE;

static inline int nt_key_f(int n) { return KEY_F(n); }
static inline attr_t nt_color_pair(int n) { return COLOR_PAIR(n); }

/// Writes one wide character with attributes and a colour pair at (y, x).
static inline int nt_put_wch(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, L'\0' };
    setcchar(&cell, text, attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}

/// The terminfo capability `cup` (cursor addressing): absent on terminals such as `dumb`
/// that cannot draw a full-screen UI.
static inline int nt_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// Mouse buttons as ncurses reports them (function-like macros in ncurses.h).
static const mmask_t NT_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NT_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t NT_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t NT_BUTTON5_PRESSED = BUTTON5_PRESSED;

/// Asks for clicks and the wheel (xterm's SGR 1006 mode where terminfo names it), reported at
/// once on press rather than after a click interval. Returns 0 where the terminal has no mouse.
static inline int nt_mouse_enable(void) {
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
}

/// The mouse event behind a KEY_MOUSE: its cell and buttons; 0 when there is none.
static inline int nt_get_mouse(int *x, int *y, mmask_t *mask) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    *mask = event.bstate;
    return 1;
}

static inline const char *nt_codeset(void) { return nl_langinfo(CODESET); }

/// Opens curses on the process's stdout and stdin. `newterm` returns NULL for an unknown
/// terminal type where `initscr` would exit; the C globals `stdout`/`stdin` are read here
/// because Swift 6 rejects reading them directly.
static inline SCREEN *nt_newterm(void) { return newterm(NULL, stdout, stdin); }

#endif
