# Helpers for driving the real normtui binary in a private tmux server.
# Source it, then call e2e_start WIDTH HEIGHT, send keys with e2e_keys, wait with e2e_wait.
set -u

E2E_SOCKET="normtui-e2e-$$"
# The shell in tmux starts here, so that whatever the program writes (`w`) stays out of the
# source tree.
E2E_WORKDIR=$(mktemp -d)
E2E_PASSED=0
E2E_FAILED=0

e2e_tmux() { tmux -L "$E2E_SOCKET" "$@"; }

# A shell in a fixed-size session: the binary runs inside it, so that after it exits we can
# read its exit status and the terminal's modes from the same shell.
e2e_start() {
  e2e_tmux kill-server 2>/dev/null
  sleep 0.3
  e2e_tmux -f /dev/null new-session -d -s e2e -c "$E2E_WORKDIR" -x "$1" -y "$2" "env -i PATH=$PATH HOME=${HOME:-/root} TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"
  e2e_tmux set-option -g window-size manual >/dev/null 2>&1
  e2e_wait_for '\$' 5 >/dev/null
}

e2e_stop() { e2e_tmux kill-server 2>/dev/null; sleep 0.3; }

e2e_screen() { e2e_tmux capture-pane -p -t e2e; }

# Sends tmux key names (e.g. space, Escape, C-c) or literal text with -l.
e2e_keys() { e2e_tmux send-keys -t e2e "$@"; }

e2e_run() { e2e_keys -l "$1"; e2e_keys Enter; }

# Polls the screen every 0.1 s until it matches the extended regex $1 (timeout $2 whole
# seconds, default 15).
e2e_wait_for() {
  local pattern=$1 tries=$((${2:-15} * 10))
  while [ "$tries" -gt 0 ]; do
    if e2e_screen | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}

# Polls until the screen no longer matches $1.
e2e_wait_gone() {
  local pattern=$1 tries=$((${2:-15} * 10))
  while [ "$tries" -gt 0 ]; do
    if ! e2e_screen | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}

e2e_check() {
  local name=$1
  shift
  if "$@"; then
    E2E_PASSED=$((E2E_PASSED + 1))
    echo "ok - $name"
  else
    E2E_FAILED=$((E2E_FAILED + 1))
    echo "not ok - $name"
    echo "---- screen ----"
    e2e_screen | sed 's/^/# /'
    echo "----------------"
  fi
}

# The app left the alternate screen, and the shell's terminal is back in canonical mode with echo.
e2e_terminal_restored() {
  [ "$(e2e_tmux display -p -t e2e '#{alternate_on}')" = 0 ] || return 1
  e2e_run "stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e echo | sort | tr '\n' ' '; echo modes-checked"
  e2e_wait_for '^echo icanon modes-checked' 5
}

e2e_summary() {
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  [ "$E2E_FAILED" = 0 ]
}
