// The IPC table's other half. commands.gen.ts is written from the Rust commands' signatures
// (src-tauri/src/ipc_table.rs), so the wrappers cannot disagree with them; what is still
// written by hand is the view tests' mock (views-test/harness.ts) and the e2e drivers' direct
// calls (e2e/*.mjs). These tests read them as text and check every command name they use,
// and every argument key they read or send, against the table, so a renamed command or
// argument fails here rather than as a mock that silently answers a call the app never makes.

import { describe, expect, it } from "vitest";
import { COMMANDS, type CommandName } from "./commands.gen";

const mock = import.meta.glob<string>("../../views-test/harness.ts", { query: "?raw", import: "default", eager: true });
const drivers = import.meta.glob<string>("../../e2e/*.mjs", { query: "?raw", import: "default", eager: true });
const known = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);
// Tauri's own plugin commands (dialogs, events) are not the app's.
const isPlugin = (name: string) => name.startsWith("plugin:");

type MockCase = { names: string[]; keys: string[] };

/** The mock's `switch (cmd)`: each group of `case` labels with the `a.key`s its body reads. */
function mockCases(source: string): MockCase[] {
  const label = /case "([^"]+)":/g;
  const found: { name: string; at: number; end: number }[] = [];
  for (const m of source.matchAll(label)) {
    found.push({ name: m[1], at: m.index, end: m.index + m[0].length });
  }
  const cases: MockCase[] = [];
  for (let i = 0; i < found.length; i++) {
    const group = cases.at(-1);
    const previous = found[i - 1];
    // Labels with only white space between them share one body.
    if (group && previous && source.slice(previous.end, found[i].at).trim() === "") {
      group.names.push(found[i].name);
    } else {
      cases.push({ names: [found[i].name], keys: [] });
    }
    const next = found[i + 1]?.at ?? source.indexOf("default:", found[i].end);
    const body = source.slice(found[i].end, next < 0 ? undefined : next);
    for (const m of body.matchAll(/\ba\.(\w+)/g)) {
      cases.at(-1)!.keys.push(m[1]);
    }
  }
  return cases;
}

/** Each `invoke("name", { key: …, key2 })` in a driver: the name and the top-level keys. */
function invokeCalls(source: string): { name: string; keys: string[] }[] {
  const calls = [];
  for (const m of source.matchAll(/invoke\("([^"]+)"\s*(,\s*\{)?/g)) {
    const keys: string[] = [];
    if (m[2]) {
      let depth = 1;
      let expectKey = true;
      for (let i = m.index + m[0].length; i < source.length && depth > 0; i++) {
        const c = source[i];
        if (c === "{" || c === "[" || c === "(") depth++;
        else if (c === "}" || c === "]" || c === ")") depth--;
        else if (depth === 1 && c === ",") expectKey = true;
        else if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c)) {
          const key = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))![0];
          keys.push(key);
          i += key.length - 1;
          expectKey = false;
        } else if (depth === 1 && expectKey && c === ".") {
          // A spread (`...rest`) sends keys this scan cannot see.
          expectKey = false;
        }
      }
    }
    calls.push({ name: m[1], keys });
  }
  return calls;
}

describe("the IPC table", () => {
  it("lists every command once, with camelCase keys", () => {
    const names = Object.keys(COMMANDS);
    expect(names.length).toBeGreaterThan(50);
    for (const [name, keys] of Object.entries(COMMANDS)) {
      expect(name).toMatch(/^[a-z][a-z_]*$/);
      for (const key of keys) expect(key, `${name}.${key}`).toMatch(/^[a-z][A-Za-z]*$/);
    }
  });

  it("finds the mock's cases and the keys each reads", () => {
    const source = `switch (cmd) {
      case "x":
      case "y":
        return a.id + a.noteId;
      case "z": {
        return f(a.path);
      }
      default:
        throw a.nothing;
    }`;
    expect(mockCases(source)).toEqual([
      { names: ["x", "y"], keys: ["id", "noteId"] },
      { names: ["z"], keys: ["path"] },
    ]);
  });

  it("finds a driver's top-level argument keys, nested objects and shorthands included", () => {
    const source = `await app.invoke("export_brief", { options: { ...options, allow: true }, path });
      await invoke("ping");
      await app.invoke("list_quotes", { filter: { speaker: null, offset: 0 } });`;
    expect(invokeCalls(source)).toEqual([
      { name: "export_brief", keys: ["options", "path"] },
      { name: "ping", keys: [] },
      { name: "list_quotes", keys: ["filter"] },
    ]);
  });

  it("agrees with the view tests' mock: every command it answers exists and takes the keys it reads", () => {
    const cases = mockCases(Object.values(mock)[0] ?? "");
    expect(cases.length).toBeGreaterThan(40);
    for (const { names, keys } of cases) {
      const commands = names.filter((name) => !isPlugin(name));
      for (const name of commands) {
        expect(known(name), `the mock answers "${name}", which the app does not register`).toBe(true);
      }
      if (commands.length < names.length) continue;
      const taken = new Set(commands.flatMap((name) => COMMANDS[name as CommandName] as readonly string[]));
      for (const key of keys) {
        expect(taken.has(key), `the mock of ${names.join(", ")} reads a.${key}, which the command does not take`).toBe(true);
      }
    }
  });

  it("agrees with the e2e drivers' direct calls", () => {
    let checked = 0;
    for (const [file, source] of Object.entries(drivers)) {
      for (const { name, keys } of invokeCalls(source)) {
        if (isPlugin(name)) continue;
        expect(known(name), `${file} calls "${name}", which the app does not register`).toBe(true);
        for (const key of keys) {
          expect((COMMANDS[name as CommandName] as readonly string[]).includes(key), `${file}: ${name} takes no "${key}"`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
