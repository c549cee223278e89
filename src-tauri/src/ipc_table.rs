//! The one IPC table: a command's name and argument keys are written once, in its Rust
//! signature in `commands/`, and everything else is derived from there or checked against it.
//!
//! A command's name and argument keys used to be written by hand in four places (the Rust
//! function, `generate_handler!`, the UI's wrappers and the view tests' mock), and a slip in
//! any of them only showed when the window called the command. This test reads the command
//! files with syn, checks that `main.rs` registers exactly those commands, and writes
//! `ui/src/lib/commands.gen.ts`: the table of names and argument keys and one typed wrapper per
//! command, the way ts-rs writes the DTOs' bindings. The UI's Vitest suite checks the view
//! tests' mock and the e2e drivers against that table. The test fails when the file it wrote
//! differed from the one on disk, so a signature change cannot pass unnoticed even without
//! the bindings' `git status` check in `scripts/test.sh`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{
    Attribute, Expr, FnArg, GenericArgument, Item, Lit, Pat, PathArguments, ReturnType, Type,
};

/// The command files, in the order their commands are listed in the table.
const AREAS: [&str; 11] = [
    "case",
    "documents",
    "search",
    "quotes",
    "entities",
    "network",
    "timeline",
    "notes",
    "export",
    "tags",
    "team",
];

/// Arguments Tauri fills in itself; the window never sends them.
const INJECTED: [&str; 5] = ["AppHandle", "State", "Window", "Webview", "WebviewWindow"];

/// One command as the window sees it.
#[derive(Debug, PartialEq)]
struct Command {
    name: String,
    area: &'static str,
    docs: Vec<String>,
    /// The argument keys the window sends (camelCase, as Tauri expects them) and their
    /// TypeScript types.
    args: Vec<(String, String)>,
    returns: String,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn generated_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/commands.gen.ts")
}

fn bindings() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// Every `#[tauri::command]` in the command files, in table order.
fn commands(imports: &mut BTreeSet<String>) -> Vec<Command> {
    let mut found = Vec::new();
    for area in AREAS {
        let path = src().join("commands").join(format!("{area}.rs"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let file = syn::parse_file(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        for item in file.items {
            let Item::Fn(function) = item else { continue };
            if !function.attrs.iter().any(is_command) {
                continue;
            }
            let name = function.sig.ident.to_string();
            let at = |what: String| format!("{}: command `{name}`: {what}", path.display());
            let mut args = Vec::new();
            for input in &function.sig.inputs {
                let FnArg::Typed(arg) = input else {
                    panic!("{}", at("a command cannot take self".into()));
                };
                if INJECTED.contains(&last_ident(&arg.ty).as_str()) {
                    continue;
                }
                let Pat::Ident(ident) = &*arg.pat else {
                    panic!("{}", at("arguments must be plain names".into()));
                };
                let key = camel_case(&ident.ident.to_string());
                let ty =
                    typescript_type(&arg.ty, imports).unwrap_or_else(|err| panic!("{}", at(err)));
                args.push((key, ty));
            }
            let returns = match &function.sig.output {
                ReturnType::Type(_, ty) => ok_type(ty)
                    .and_then(|ok| typescript_type(ok, imports))
                    .unwrap_or_else(|err| panic!("{}", at(err))),
                ReturnType::Default => panic!("{}", at("commands return Result<_, Error>".into())),
            };
            found.push(Command {
                name,
                area,
                docs: docs(&function.attrs),
                args,
                returns,
            });
        }
    }
    found
}

/// Whether `attr` is `#[tauri::command]`. Arguments such as `rename_all` would change the keys
/// the window sends, which this generator does not follow, so they are refused.
fn is_command(attr: &Attribute) -> bool {
    let path = attr.path();
    let is = path.segments.len() == 2
        && path.segments[0].ident == "tauri"
        && path.segments[1].ident == "command";
    if is {
        assert!(
            matches!(attr.meta, syn::Meta::Path(_)),
            "#[tauri::command] takes no arguments here: the IPC table assumes Tauri's default camelCase keys"
        );
    }
    is
}

fn docs(attrs: &[Attribute]) -> Vec<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if let syn::Meta::NameValue(pair) = &attr.meta {
            if pair.path.is_ident("doc") {
                if let Expr::Lit(lit) = &pair.value {
                    if let Lit::Str(text) = &lit.lit {
                        let line = text.value();
                        lines.push(line.strip_prefix(' ').unwrap_or(&line).to_string());
                    }
                }
            }
        }
    }
    lines
}

/// `note_id` → `noteId`: Tauri 2 takes a command's arguments under camelCase keys.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn last_ident(ty: &Type) -> String {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .map(|segment| segment.ident.to_string())
            .unwrap_or_default(),
        Type::Reference(reference) => last_ident(&reference.elem),
        _ => String::new(),
    }
}

/// The generic arguments of a path type's last segment (`T` of `Option<T>`).
fn type_args(ty: &Type) -> Vec<&Type> {
    let Type::Path(path) = ty else {
        return Vec::new();
    };
    let Some(segment) = path.path.segments.last() else {
        return Vec::new();
    };
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return Vec::new();
    };
    args.args
        .iter()
        .filter_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
        .collect()
}

/// `T` of a command's `Result<T, Error>`.
fn ok_type(ty: &Type) -> Result<&Type, String> {
    match (last_ident(ty).as_str(), type_args(ty).as_slice()) {
        ("Result", [ok, error]) if last_ident(error) == "Error" => Ok(*ok),
        _ => Err(
            "commands return Result<_, Error>, so the window can switch on the error code".into(),
        ),
    }
}

/// The TypeScript type the window sends or receives for `ty`, as ts-rs writes it (64-bit
/// integers are numbers in this project). A named type must have a ts-rs binding, which is
/// imported from `./bindings/`.
fn typescript_type(ty: &Type, imports: &mut BTreeSet<String>) -> Result<String, String> {
    if let Type::Tuple(tuple) = ty {
        if tuple.elems.is_empty() {
            return Ok("void".into());
        }
    }
    if let Type::Reference(reference) = ty {
        return typescript_type(&reference.elem, imports);
    }
    let name = last_ident(ty);
    let args = type_args(ty);
    let simple = match name.as_str() {
        "String" | "str" | "PathBuf" => Some("string"),
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" | "f32"
        | "f64" => Some("number"),
        "bool" => Some("boolean"),
        _ => None,
    };
    match (simple, name.as_str(), args.as_slice()) {
        (Some(simple), _, []) => Ok(simple.into()),
        (None, "Option", [inner]) => Ok(format!("{} | null", typescript_type(inner, imports)?)),
        (None, "Vec", [inner]) => {
            let inner = typescript_type(inner, imports)?;
            Ok(if inner.contains(' ') {
                format!("({inner})[]")
            } else {
                format!("{inner}[]")
            })
        }
        (None, _, []) if !name.is_empty() => {
            if !bindings().join(format!("{name}.ts")).exists() {
                return Err(format!(
                    "`{name}` has no ts-rs binding in ui/src/lib/bindings/; derive ts_rs::TS with export"
                ));
            }
            imports.insert(name.clone());
            Ok(name)
        }
        _ => Err(format!(
            "the IPC table does not know how to write `{}` in TypeScript",
            quote_type(ty)
        )),
    }
}

fn quote_type(ty: &Type) -> String {
    quote::ToTokens::to_token_stream(ty).to_string()
}

/// The commands `main.rs` hands to `generate_handler!`, by name.
fn registered() -> Vec<String> {
    let path = src().join("main.rs");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text
        .find("generate_handler![")
        .expect("main.rs registers its commands with generate_handler!")
        + "generate_handler![".len();
    let end = start
        + text[start..]
            .find(']')
            .expect("generate_handler![ is closed");
    let paths = Punctuated::<syn::Path, syn::Token![,]>::parse_terminated
        .parse_str(&text[start..end])
        .expect("generate_handler! lists command paths");
    paths
        .iter()
        .map(|path| path.segments.last().unwrap().ident.to_string())
        .collect()
}

/// `open_case` → `openCase`, the wrapper's name in the UI.
fn wrapper_name(command: &str) -> String {
    camel_case(command)
}

/// The TypeScript module: the table, then one wrapper per command, by area.
fn typescript(commands: &[Command], imports: &BTreeSet<String>) -> String {
    let mut out = String::new();
    out.push_str(
        "// Generated by `cargo test -p dossier-app` (src-tauri/src/ipc_table.rs) from the command\n\
         // signatures in src-tauri/src/commands/. Do not edit: change the Rust command instead.\n\n",
    );
    out.push_str("import { invoke } from \"@tauri-apps/api/core\";\n");
    for name in imports {
        writeln!(out, "import type {{ {name} }} from \"./bindings/{name}\";").unwrap();
    }
    out.push_str(
        "\n/** Every command the app registers, with the argument keys the window sends. */\n\
         export const COMMANDS = {\n",
    );
    for command in commands {
        let keys: Vec<String> = command
            .args
            .iter()
            .map(|(key, _)| format!("\"{key}\""))
            .collect();
        writeln!(out, "  {}: [{}],", command.name, keys.join(", ")).unwrap();
    }
    out.push_str("} as const satisfies Record<string, readonly string[]>;\n\n");
    out.push_str("export type CommandName = keyof typeof COMMANDS;\n");
    let mut area = "";
    for command in commands {
        if command.area != area {
            area = command.area;
            write!(out, "\n// src-tauri/src/commands/{area}.rs\n").unwrap();
        }
        match command.docs.as_slice() {
            [] => {}
            [line] => writeln!(out, "/** {line} */").unwrap(),
            lines => {
                out.push_str("/**\n");
                for line in lines {
                    writeln!(out, " * {line}").unwrap();
                }
                out.push_str(" */\n");
            }
        }
        let params: Vec<String> = command
            .args
            .iter()
            .map(|(key, ty)| format!("{key}: {ty}"))
            .collect();
        let keys: Vec<&str> = command.args.iter().map(|(key, _)| key.as_str()).collect();
        let payload = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        writeln!(
            out,
            "export const {} = ({}) => invoke<{}>(\"{}\"{payload});",
            wrapper_name(&command.name),
            params.join(", "),
            command.returns,
            command.name
        )
        .unwrap();
    }
    out
}

#[test]
fn every_command_is_registered_once_and_nothing_else_is() {
    let defined: Vec<String> = commands(&mut BTreeSet::new())
        .into_iter()
        .map(|c| c.name)
        .collect();
    let registered = registered();
    let defined_set: BTreeSet<&String> = defined.iter().collect();
    let registered_set: BTreeSet<&String> = registered.iter().collect();
    assert_eq!(
        defined.len(),
        defined_set.len(),
        "a command name is defined twice: {defined:?}"
    );
    assert_eq!(
        registered.len(),
        registered_set.len(),
        "generate_handler! lists a command twice"
    );
    let missing: Vec<_> = defined_set.difference(&registered_set).collect();
    let unknown: Vec<_> = registered_set.difference(&defined_set).collect();
    assert!(
        missing.is_empty(),
        "commands not in main.rs's generate_handler!: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "generate_handler! lists functions that are not commands in commands/: {unknown:?}"
    );
}

#[test]
fn commands_gen_ts_is_fresh() {
    let mut imports = BTreeSet::new();
    let commands = commands(&mut imports);
    let wanted = typescript(&commands, &imports);
    let path = generated_file();
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != wanted {
        std::fs::write(&path, &wanted).unwrap();
        panic!(
            "ui/src/lib/commands.gen.ts was stale and has been rewritten from the commands' \
             signatures: check the diff, commit it and run the tests again"
        );
    }
}

#[test]
fn argument_keys_are_the_camel_case_tauri_expects() {
    assert_eq!(camel_case("note_id"), "noteId");
    assert_eq!(camel_case("path"), "path");
    assert_eq!(camel_case("a_b_c"), "aBC");
    assert_eq!(wrapper_name("check_note_text"), "checkNoteText");
}

#[test]
fn rust_types_are_written_as_ts_rs_writes_them() {
    let mut imports = BTreeSet::new();
    let mut ts = |source: &str| typescript_type(&syn::parse_str(source).unwrap(), &mut imports);
    assert_eq!(ts("Option<i64>").unwrap(), "number | null");
    assert_eq!(ts("Vec<String>").unwrap(), "string[]");
    assert_eq!(ts("Vec<Option<i64>>").unwrap(), "(number | null)[]");
    assert_eq!(ts("Option<CaseInfo>").unwrap(), "CaseInfo | null");
    assert_eq!(ts("&str").unwrap(), "string");
    assert_eq!(ts("()").unwrap(), "void");
    assert!(ts("NoSuchType").unwrap_err().contains("no ts-rs binding"));
    assert!(ts("HashMap<String, i64>")
        .unwrap_err()
        .contains("does not know"));
    assert_eq!(imports.into_iter().collect::<Vec<_>>(), ["CaseInfo"]);
}
