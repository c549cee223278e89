# Shared by the scripts that drive the real app (e2e.sh, screenshots.sh, bench-app.sh):
# a virtual display, a throwaway home, and tauri-driver, each started once and stopped on
# exit by the process ids this file recorded (never by name, which could hit other users'
# processes on a shared machine). Source it; it defines functions only.

# Starts Xvfb on the first free display number from 90 and exports DISPLAY.
start_xvfb() {
  local size="${1:-1100x720x24}"
  local n
  for n in $(seq 90 140); do
    if [[ ! -e "/tmp/.X11-unix/X$n" && ! -e "/tmp/.X$n-lock" ]]; then
      Xvfb ":$n" -screen 0 "$size" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
      XVFB_PID=$!
      export DISPLAY=":$n"
      # Without a GPU, WebKitGTK's accelerated compositing paints to the X window late (a
      # screenshot shows the frame before the last); plain software painting is immediate.
      export WEBKIT_DISABLE_COMPOSITING_MODE=1
      local tries
      for tries in $(seq 50); do
        [[ -e "/tmp/.X11-unix/X$n" ]] && return 0
        sleep 0.1
      done
      echo "error: Xvfb did not start on :$n (see $WORK/xvfb.log)" >&2
      return 1
    fi
  done
  echo "error: no free X display number between 90 and 140" >&2
  return 1
}

# Points HOME and the XDG folders into $WORK, so recent cases and the demo case of a test run
# never touch the person's own, and one run cannot see the previous run's state.
isolate_home() {
  export HOME="$WORK/home"
  export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
}

# Installs tauri-driver with cargo when it is missing (about 20 seconds).
ensure_tauri_driver() {
  TAURI_DRIVER="$(command -v tauri-driver || true)"
  if [[ -z "$TAURI_DRIVER" && -x "${CARGO_HOME:-$REAL_HOME/.cargo}/bin/tauri-driver" ]]; then
    TAURI_DRIVER="${CARGO_HOME:-$REAL_HOME/.cargo}/bin/tauri-driver"
  fi
  if [[ -z "$TAURI_DRIVER" ]]; then
    echo "==> Installing tauri-driver (cargo install tauri-driver --locked)"
    cargo install tauri-driver --locked --quiet
    TAURI_DRIVER="${CARGO_HOME:-$REAL_HOME/.cargo}/bin/tauri-driver"
  fi
}

# Starts tauri-driver on a free port pair and waits until it answers.
start_tauri_driver() {
  local port=4444
  while curl -s -o /dev/null "http://127.0.0.1:$port/status" || curl -s -o /dev/null "http://127.0.0.1:$((port + 1))/status"; do
    port=$((port + 10))
  done
  # A session bus of our own, so the app's accessibility and portal lookups do not wait for
  # a bus that a headless machine does not have.
  dbus-run-session -- "$TAURI_DRIVER" --port "$port" --native-port "$((port + 1))" >"$WORK/tauri-driver.log" 2>&1 &
  DRIVER_PID=$!
  export WEBDRIVER_URL="http://127.0.0.1:$port"
  local tries
  for tries in $(seq 100); do
    if curl -sf "$WEBDRIVER_URL/status" >/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "error: tauri-driver did not answer on $WEBDRIVER_URL (see $WORK/tauri-driver.log)" >&2
  return 1
}

# Stops what this file started, children first.
stop_all() {
  local pid
  for pid in ${DRIVER_PID:-} ${XVFB_PID:-}; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
