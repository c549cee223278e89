// A small WebDriver client over fetch for driving the real app through tauri-driver. Plain
// HTTP keeps the end-to-end tests free of a large test framework; these are the few commands
// the tests need.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export const KEYS = { enter: "\uE007", escape: "\uE00C", down: "\uE015", up: "\uE013", control: "\uE009" };

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = json?.value?.message ?? JSON.stringify(json);
    throw new Error(`WebDriver ${method} ${path} failed (${response.status}): ${detail}`);
  }
  return json.value;
}

/** Starts the app under tauri-driver and returns a session to drive it. */
export async function startApp({ driver = process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444", application, args = [] }) {
  const value = await call(driver, "POST", "/session", {
    capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
  });
  return new Session(driver, value.sessionId);
}

export class Session {
  constructor(driver, id) {
    this.base = `${driver}/session/${id}`;
  }

  request(method, path, body) {
    return call(this.base, method, path, body);
  }

  /** Runs `script` (a function body) in the page; `arguments` holds `args`. */
  execute(script, ...args) {
    return this.request("POST", "/execute/sync", { script, args });
  }

  /** Runs an async script: the last argument is the callback that ends it with a value. */
  executeAsync(script, ...args) {
    return this.request("POST", "/execute/async", { script, args });
  }

  /** Calls one of the app's commands from inside the window, as the UI does. */
  async invoke(command, args = {}) {
    const result = await this.executeAsync(
      `const [command, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(command, args)
         .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
      command,
      args,
    );
    if (!result.ok) {
      throw new Error(`${command} failed: ${JSON.stringify(result.error)}`);
    }
    return result.value;
  }

  async find(css) {
    const found = await this.request("POST", "/elements", { using: "css selector", value: css });
    return found.map((element) => element[ELEMENT]);
  }

  /** Waits until `css` matches an element whose text passes `test`, and returns its id. */
  async waitFor(css, { text, timeout = 15000 } = {}) {
    const started = Date.now();
    let last = "";
    while (Date.now() - started < timeout) {
      // A list that re-renders while the driver walks it makes the driver report a stale
      // element for the whole query (WebKitWebDriver answers 404); the next poll sees the new
      // nodes, so only that error is waited out.
      const ids = await this.find(css).catch((error) => {
        if (/stale element/i.test(String(error.message))) {
          return [];
        }
        throw error;
      });
      for (const id of ids) {
        const shown = await this.text(id).catch(() => "");
        last = shown;
        if (text === undefined || (typeof text === "string" ? shown.includes(text) : text.test(shown))) {
          return id;
        }
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${css}${text ? ` with text ${text}` : ""} (last text: ${last.slice(0, 200)})`);
  }

  /** Waits until `predicate` (a page script returning a boolean) holds. */
  async waitUntil(predicate, what, timeout = 15000) {
    const started = Date.now();
    while (Date.now() - started < timeout) {
      if (await this.execute(predicate)) {
        return;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /**
   * The element's text content. WebKitWebDriver's own "element text" leaves out the text of
   * some grid cells, so the DOM is asked directly.
   */
  text(id) {
    return this.execute("return arguments[0].textContent", { [ELEMENT]: id });
  }

  click(id) {
    return this.request("POST", `/element/${id}/click`, {});
  }

  /**
   * Clicks from inside the page. WebKitWebDriver does not scroll an element inside a
   * scrolling box into view before clicking it, so a click on the tenth item of a short list
   * lands on whatever is at that spot; this scrolls the element into view first.
   */
  jsClick(id) {
    return this.execute("arguments[0].scrollIntoView({ block: 'center' }); arguments[0].click();", { [ELEMENT]: id });
  }

  clear(id) {
    return this.request("POST", `/element/${id}/clear`, {});
  }

  type(id, text) {
    return this.request("POST", `/element/${id}/value`, { text });
  }

  /** Presses keys on the focused element, e.g. Ctrl+K as keys(KEYS.control, "k"). */
  async chord(...keys) {
    const down = keys.map((value) => ({ type: "keyDown", value }));
    const up = [...keys].reverse().map((value) => ({ type: "keyUp", value }));
    await this.request("POST", "/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [...down, ...up] }],
    });
    await this.request("DELETE", "/actions");
  }

  async close() {
    await this.request("DELETE", "").catch(() => {});
  }
}

/** A check that throws with a message saying what was expected. */
export function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`);
  }
  console.log(`  ok  ${message}`);
}
