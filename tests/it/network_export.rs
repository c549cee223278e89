//! `dossier graph export` on the demo case and a filing (issue 22): GEXF and GraphML are read
//! back with an XML parser and CSV with an RFC 4180 reader, and each holds exactly the
//! network's nodes and edges, a name with `&` and `<` intact, the export in the audit log,
//! and an existing table never replaced without `--force`.

use std::collections::BTreeSet;

use crate::network::{demo_and_volkov, id_of};
use crate::support::*;
use dossier::model::{Network, NetworkFilter};
use dossier::Case;
use quick_xml::events::Event;

/// The name the test gives one entity, so every format must carry `&`, `<` and `>` through.
const AWKWARD: &str = "Smith & Wesson <Holdings>";

/// Each element's name and attributes (unescaped), and the text of each `<data>` by its key,
/// read to the end of `xml` (an error, such as a mismatched end tag, fails the test).
struct Read {
    elements: Vec<(String, Vec<(String, String)>)>,
    data: Vec<(String, String)>,
}

fn read_xml(xml: &str) -> Read {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut read = Read {
        elements: Vec::new(),
        data: Vec::new(),
    };
    let mut in_data: Option<(String, String)> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let attributes: Vec<(String, String)> = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("a well-formed attribute");
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .expect("only known entities");
                        (a.key.into_inner().to_string(), value.into_owned())
                    })
                    .collect();
                let name = e.name().into_inner().to_string();
                if name == "data" {
                    let key = attributes.iter().find(|(k, _)| k == "key").unwrap();
                    in_data = Some((key.1.clone(), String::new()));
                }
                read.elements.push((name, attributes));
            }
            Event::Text(t) => {
                if let Some((_, text)) = in_data.as_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text)) = in_data.as_mut() {
                    if let Some(c) = r.resolve_char_ref().expect("a valid character") {
                        text.push(c);
                    } else {
                        let name = r.into_inner();
                        let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("unknown entity &{name};"));
                        text.push_str(resolved);
                    }
                }
            }
            Event::End(e) if e.name().into_inner() == "data" => {
                read.data.extend(in_data.take());
            }
            Event::Eof => return read,
            _ => {}
        }
    }
}

fn attribute<'a>(element: &'a (String, Vec<(String, String)>), key: &str) -> &'a str {
    element
        .1
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {key} on {element:?}"))
}

/// RFC 4180: fields split at commas outside quotes, `""` inside quotes is one `"`, records
/// end with CRLF (a line break inside quotes belongs to the field).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        record.is_empty() && field.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

/// The node ids and the edges `(source, target, weight)` of the network itself.
fn expected(net: &Network) -> (BTreeSet<i64>, BTreeSet<(i64, i64, u32)>) {
    (
        net.nodes.iter().map(|n| n.id).collect(),
        net.edges
            .iter()
            .map(|e| (e.source, e.target, e.weight))
            .collect(),
    )
}

fn export(s: &Sandbox, format: &str, out: &std::path::Path) -> serde_json::Value {
    let (code, written) = s.json(&[
        "graph",
        "export",
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{written}");
    written
}

#[test]
fn the_network_exports_as_gexf_graphml_and_csv_with_every_node_and_edge() {
    let s = demo_and_volkov();
    let case = Case::open(&s.case).unwrap();
    let volkov = id_of(&case, "Andrei Nikolayevich Volkov");
    case.rename_entity(volkov, AWKWARD).unwrap();
    let net = case
        .network(&NetworkFilter {
            max_nodes: Some(5_000),
            ..Default::default()
        })
        .unwrap();
    assert!(net.edges.len() > 5, "a network worth exporting: {net:?}");
    let (nodes, edges) = expected(&net);
    let mentions = case
        .entities()
        .unwrap()
        .into_iter()
        .find(|e| e.id == volkov)
        .unwrap()
        .mention_count;
    drop(case);

    // GEXF 1.3: node ids are entity ids, the label survives escaping, the weight is the count.
    let path = s.dir.path().join("net.gexf");
    let written = export(&s, "gexf", &path);
    assert_eq!(written["paths"][0], path.display().to_string());
    assert_eq!(
        (written["nodes"].as_u64(), written["edges"].as_u64()),
        (Some(nodes.len() as u64), Some(edges.len() as u64))
    );
    let xml = std::fs::read_to_string(&path).unwrap();
    let read = read_xml(&xml);
    assert_eq!(read.elements[0].0, "gexf");
    assert_eq!(attribute(&read.elements[0], "version"), "1.3");
    let of = |name: &str| -> Vec<&(String, Vec<(String, String)>)> {
        read.elements.iter().filter(|(n, _)| n == name).collect()
    };
    let ids: BTreeSet<i64> = of("node")
        .iter()
        .map(|n| attribute(n, "id").parse().unwrap())
        .collect();
    assert_eq!((of("node").len(), &ids), (nodes.len(), &nodes));
    let gexf_edges: BTreeSet<(i64, i64, u32)> = of("edge")
        .iter()
        .map(|e| {
            let number = |key| attribute(e, key).parse::<i64>().unwrap();
            (number("source"), number("target"), number("weight") as u32)
        })
        .collect();
    assert_eq!((of("edge").len(), &gexf_edges), (edges.len(), &edges));
    let awkward = of("node")
        .into_iter()
        .find(|n| attribute(n, "id") == volkov.to_string())
        .unwrap();
    assert_eq!(attribute(awkward, "label"), AWKWARD);
    assert!(
        xml.contains("Smith &amp; Wesson &lt;Holdings&gt;"),
        "escaped as written"
    );

    // GraphML: the same nodes and edges, the label and mention count as data.
    let path = s.dir.path().join("net.graphml");
    export(&s, "graphml", &path);
    let read = read_xml(&std::fs::read_to_string(&path).unwrap());
    let of = |name: &str| -> Vec<&(String, Vec<(String, String)>)> {
        read.elements.iter().filter(|(n, _)| n == name).collect()
    };
    assert_eq!(read.elements[0].0, "graphml");
    assert_eq!(of("node").len(), nodes.len());
    assert_eq!(of("edge").len(), edges.len());
    let graphml_edges: BTreeSet<(i64, i64)> = of("edge")
        .iter()
        .map(|e| {
            (
                attribute(e, "source").parse().unwrap(),
                attribute(e, "target").parse().unwrap(),
            )
        })
        .collect();
    let pairs: BTreeSet<(i64, i64)> = edges.iter().map(|&(a, b, _)| (a, b)).collect();
    assert_eq!(graphml_edges, pairs);
    let labels: Vec<&str> = read
        .data
        .iter()
        .filter(|(k, _)| k == "label")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(labels.len(), nodes.len());
    assert!(labels.contains(&AWKWARD), "{labels:?}");
    let weights: u64 = read
        .data
        .iter()
        .filter(|(k, _)| k == "weight")
        .map(|(_, v)| v.parse::<u64>().unwrap())
        .sum();
    assert_eq!(weights, edges.iter().map(|e| e.2 as u64).sum::<u64>());

    // CSV: `net.csv` becomes two tables, printed as written.
    let path = s.dir.path().join("net.csv");
    let written = export(&s, "csv", &path);
    let node_path = s.dir.path().join("net.nodes.csv");
    let edge_path = s.dir.path().join("net.edges.csv");
    assert_eq!(
        written["paths"],
        serde_json::json!([
            node_path.display().to_string(),
            edge_path.display().to_string()
        ])
    );
    assert!(!path.exists(), "only the two tables are written");
    let node_rows = read_csv(&std::fs::read_to_string(&node_path).unwrap());
    assert_eq!(
        node_rows[0],
        ["Id", "Label", "kind", "mentions", "link_weight", "degree"]
    );
    let csv_nodes: BTreeSet<i64> = node_rows[1..]
        .iter()
        .map(|r| r[0].parse().unwrap())
        .collect();
    assert_eq!((node_rows.len() - 1, &csv_nodes), (nodes.len(), &nodes));
    let row = node_rows
        .iter()
        .find(|r| r[0] == volkov.to_string())
        .unwrap();
    assert_eq!(row[1], AWKWARD);
    assert_eq!(row[3], mentions.to_string(), "the mention count");
    let edge_rows = read_csv(&std::fs::read_to_string(&edge_path).unwrap());
    assert_eq!(
        edge_rows[0],
        ["Id", "Source", "Target", "Type", "Weight", "kinds", "role"]
    );
    let csv_edges: BTreeSet<(i64, i64, u32)> = edge_rows[1..]
        .iter()
        .map(|r| {
            (
                r[1].parse().unwrap(),
                r[2].parse().unwrap(),
                r[4].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!((edge_rows.len() - 1, &csv_edges), (edges.len(), &edges));

    // Each export is in the audit log with its format and counts.
    let case = Case::open(&s.case).unwrap();
    let logged: Vec<_> = case
        .audit_log(&Default::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "export.network")
        .collect();
    let formats: BTreeSet<&str> = logged
        .iter()
        .map(|e| e.detail["format"].as_str().unwrap())
        .collect();
    assert_eq!(formats, BTreeSet::from(["csv", "gexf", "graphml"]));
    assert!(logged
        .iter()
        .all(|e| e.detail["nodes"] == nodes.len() && e.detail["edges"] == edges.len()));
}

#[test]
fn filters_narrow_the_export_and_an_existing_table_is_never_replaced_without_force() {
    let s = demo_and_volkov();
    let out = s.dir.path().join("defendants.graphml");
    let done = s.run(&[
        "graph",
        "export",
        "--format",
        "graphml",
        "--out",
        out.to_str().unwrap(),
        "--link",
        "co-defendants",
    ]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(stdout(&done).contains(&format!("Wrote {}", out.display())));
    let read = read_xml(&std::fs::read_to_string(&out).unwrap());
    let kinds: Vec<&str> = read
        .data
        .iter()
        .filter(|(k, _)| k == "kinds")
        .map(|(_, v)| v.as_str())
        .collect();
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| *k == "co_defendants"),
        "{kinds:?}"
    );

    // The edge table is there already: neither table is written, and --force replaces both.
    let folder = s.dir.path().join("tables");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("network.edges.csv"), "keep me\n").unwrap();
    let args = [
        "graph",
        "export",
        "--format",
        "csv",
        "--out",
        folder.to_str().unwrap(),
    ];
    let refused = s.run(&args);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("already exists"),
        "{}",
        stderr(&refused)
    );
    assert!(!folder.join("network.nodes.csv").exists());
    assert_eq!(
        std::fs::read_to_string(folder.join("network.edges.csv")).unwrap(),
        "keep me\n"
    );
    let forced = s.run(&[args.as_slice(), &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(folder.join("network.nodes.csv").exists());
    assert!(std::fs::read_to_string(folder.join("network.edges.csv"))
        .unwrap()
        .starts_with("Id,Source,Target"));

    let bad = s.run(&["graph", "export", "--format", "dot", "--out", "x.dot"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("possible values: gexf, graphml, csv"),
        "{}",
        stderr(&bad)
    );
}
