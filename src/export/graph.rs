//! The network of people and organisations written for Gephi and other graph tools (issue
//! 22): GEXF 1.3, GraphML, and two CSV tables (nodes and edges) in the column names Gephi's
//! spreadsheet import recognises. Pure: a `Network` and each entity's mention count in, text
//! out; `crate::api::network` computes the network and writes the files.
//!
//! Names come from sources, so they are data: XML text is escaped and stripped of the
//! characters XML 1.0 cannot carry at all (a control character would make the whole file
//! unreadable to a parser), and a CSV field that a spreadsheet would run as a formula is
//! defused by `csv_field`. Node ids are the case's entity ids, so a node in Gephi can be
//! found again with `dossier entity show ID`. The output depends only on its input (no clock),
//! so the same network gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write;

use super::csv_field;
use crate::model::{Network, NetworkEdge};

/// The kinds of link behind an edge, joined with `;` (a spreadsheet cell and an XML attribute
/// both hold it as one value).
fn kinds(edge: &NetworkEdge) -> String {
    let names: Vec<&str> = edge.kinds.iter().map(|k| k.as_str()).collect();
    names.join(";")
}

/// An edge's id, stable across exports: its two entity ids.
fn edge_id(edge: &NetworkEdge) -> String {
    format!("{}-{}", edge.source, edge.target)
}

/// Whether XML 1.0 allows `c` anywhere in a document: tab, line feed, carriage return, and
/// everything from space up except U+FFFE and U+FFFF (Rust's `char` holds no surrogates).
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `text` as the value of an XML attribute or element: the five special characters as
/// entities, tab and line breaks as character references (so an attribute keeps them instead
/// of a parser turning them into spaces), and the characters XML 1.0 forbids dropped.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars().filter(|&c| xml_allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// The network as GEXF 1.3, undirected: nodes with their label, kind, mention count, the
/// summed weight of their links and their degree; edges with the weight Gephi sizes them by,
/// the kinds of link as their label and attribute, and the role when a source gave one.
pub(crate) fn gexf(net: &Network, mentions: &HashMap<i64, usize>) -> String {
    let mut out = String::with_capacity(256 + net.nodes.len() * 200 + net.edges.len() * 160);
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" ",
        "version=\"1.3\">\n",
        "  <meta>\n    <creator>Dossier</creator>\n",
        "    <description>People and organisations of a case and the links between them",
        "</description>\n  </meta>\n",
        "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n",
        "    <attributes class=\"node\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n",
        "      <attribute id=\"link_weight\" title=\"link_weight\" type=\"integer\"/>\n",
        "      <attribute id=\"degree\" title=\"degree\" type=\"integer\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\">\n",
        "      <attribute id=\"kinds\" title=\"kinds\" type=\"string\"/>\n",
        "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    for n in &net.nodes {
        let _ = write!(
            out,
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n          \
             <attvalue for=\"kind\" value=\"{}\"/>\n          \
             <attvalue for=\"mentions\" value=\"{}\"/>\n          \
             <attvalue for=\"link_weight\" value=\"{}\"/>\n          \
             <attvalue for=\"degree\" value=\"{}\"/>\n        </attvalues>\n      </node>\n",
            n.id,
            xml_escape(&n.name),
            n.kind.as_str(),
            mentions.get(&n.id).copied().unwrap_or(0),
            n.weight,
            n.degree
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for e in &net.edges {
        let kinds = kinds(e);
        let _ = write!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{kinds}\">\n        \
             <attvalues>\n          <attvalue for=\"kinds\" value=\"{kinds}\"/>\n",
            edge_id(e),
            e.source,
            e.target,
            e.weight
        );
        if let Some(role) = &e.role {
            let _ = writeln!(
                out,
                "          <attvalue for=\"role\" value=\"{}\"/>",
                xml_escape(role)
            );
        }
        out.push_str("        </attvalues>\n      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// The network as GraphML, undirected, with the same attributes as the GEXF (the edge weight
/// under the key `weight`, which Gephi and NetworkX read as the edge's weight).
pub(crate) fn graphml(net: &Network, mentions: &HashMap<i64, usize>) -> String {
    let mut out = String::with_capacity(256 + net.nodes.len() * 200 + net.edges.len() * 160);
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n",
        "  <key id=\"link_weight\" for=\"node\" attr.name=\"link_weight\" attr.type=\"int\"/>\n",
        "  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        "  <key id=\"kinds\" for=\"edge\" attr.name=\"kinds\" attr.type=\"string\"/>\n",
        "  <key id=\"role\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n",
        "  <graph id=\"network\" edgedefault=\"undirected\">\n",
    ));
    for n in &net.nodes {
        let _ = write!(
            out,
            "    <node id=\"{}\">\n      <data key=\"label\">{}</data>\n      \
             <data key=\"kind\">{}</data>\n      <data key=\"mentions\">{}</data>\n      \
             <data key=\"link_weight\">{}</data>\n      <data key=\"degree\">{}</data>\n    \
             </node>\n",
            n.id,
            xml_escape(&n.name),
            n.kind.as_str(),
            mentions.get(&n.id).copied().unwrap_or(0),
            n.weight,
            n.degree
        );
    }
    for e in &net.edges {
        let _ = write!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n      \
             <data key=\"weight\">{}</data>\n      <data key=\"kinds\">{}</data>\n",
            edge_id(e),
            e.source,
            e.target,
            e.weight,
            kinds(e)
        );
        if let Some(role) = &e.role {
            let _ = writeln!(out, "      <data key=\"role\">{}</data>", xml_escape(role));
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// One CSV line of fields, each quoted per RFC 4180 and defused against formulas.
fn csv_line(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// The node table: `Id,Label,kind,mentions,link_weight,degree` (Gephi reads `Id` and
/// `Label`), lines ending in CRLF as RFC 4180 says.
pub(crate) fn nodes_csv(net: &Network, mentions: &HashMap<i64, usize>) -> String {
    let mut out = String::from("Id,Label,kind,mentions,link_weight,degree\r\n");
    for n in &net.nodes {
        csv_line(
            &mut out,
            &[
                n.id.to_string(),
                n.name.clone(),
                n.kind.as_str().to_string(),
                mentions.get(&n.id).copied().unwrap_or(0).to_string(),
                n.weight.to_string(),
                n.degree.to_string(),
            ],
        );
    }
    out
}

/// The edge table: `Id,Source,Target,Type,Weight,kinds,role` (Gephi reads the first five).
pub(crate) fn edges_csv(net: &Network) -> String {
    let mut out = String::from("Id,Source,Target,Type,Weight,kinds,role\r\n");
    for e in &net.edges {
        csv_line(
            &mut out,
            &[
                edge_id(e),
                e.source.to_string(),
                e.target.to_string(),
                "Undirected".to_string(),
                e.weight.to_string(),
                kinds(e),
                e.role.clone().unwrap_or_default(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;
    use crate::model::{LinkKind, NetworkNode};
    use quick_xml::events::Event;

    /// A network of three: a name with `&` and `<`, one with a control character, and one a
    /// spreadsheet would take for a formula; two edges, one with a role.
    fn sample() -> (Network, HashMap<i64, usize>) {
        let node = |id, name: &str, kind| NetworkNode {
            id,
            name: name.to_string(),
            kind,
            weight: 3,
            degree: 2,
        };
        let net = Network {
            nodes: vec![
                node(1, "Smith & Wesson <Holdings>", EntityKind::Organization),
                node(2, "Bell\u{7}e \"Q\" O'Hara", EntityKind::Person),
                node(3, "=HYPERLINK(\"x\")", EntityKind::Person),
            ],
            edges: vec![
                NetworkEdge {
                    source: 1,
                    target: 2,
                    weight: 2,
                    kinds: vec![LinkKind::SameSentence, LinkKind::Role],
                    role: Some("spokesperson of".into()),
                },
                NetworkEdge {
                    source: 2,
                    target: 3,
                    weight: 1,
                    kinds: vec![LinkKind::QuotedTogether],
                    role: None,
                },
            ],
            total_nodes: 3,
            total_edges: 2,
            truncated: None,
        };
        (net, HashMap::from([(1, 7), (2, 4)]))
    }

    /// Parses `xml` to its end (end tags must match their start), returning each element's
    /// name with its attributes unescaped, in document order.
    fn elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut found = Vec::new();
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) | Event::Empty(e) => {
                    let attributes = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("a well-formed attribute");
                            let key = a.key.into_inner().to_string();
                            let value = a
                                .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                                .expect("known entities");
                            (key, value.into_owned())
                        })
                        .collect();
                    let name = e.name().into_inner().to_string();
                    found.push((name, attributes));
                }
                Event::Eof => return found,
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

    #[test]
    fn xml_text_is_escaped_and_stripped_of_what_xml_cannot_carry() {
        let check = |input: &str, expect: &str| assert_eq!(xml_escape(input), expect, "{input:?}");
        check("plain words", "plain words");
        check("Smith & Wesson", "Smith &amp; Wesson");
        check("<script>", "&lt;script&gt;");
        check("say \"hi\" o'clock", "say &quot;hi&quot; o&apos;clock");
        check("bell\u{7}and\u{0}nul\u{1b}", "bellandnul");
        check("tab\tline\ncr\r", "tab&#9;line&#10;cr&#13;");
        check("not a char \u{FFFE}\u{FFFF}", "not a char ");
        check("Łódź 東京 \u{1F600}", "Łódź 東京 \u{1F600}");
    }

    #[test]
    fn gexf_is_well_formed_and_carries_every_node_and_edge_with_their_attributes() {
        let (net, mentions) = sample();
        let xml = gexf(&net, &mentions);
        assert!(!xml.contains('\u{7}'), "a control character is dropped");
        let found = elements(&xml);
        let nodes: Vec<_> = found.iter().filter(|(n, _)| n == "node").collect();
        let edges: Vec<_> = found.iter().filter(|(n, _)| n == "edge").collect();
        assert_eq!((nodes.len(), edges.len()), (3, 2));
        let check = |element: &(String, Vec<(String, String)>), key: &str, expect: &str| {
            assert_eq!(attribute(element, key), expect, "{key} of {element:?}");
        };
        check(nodes[0], "id", "1");
        check(nodes[0], "label", "Smith & Wesson <Holdings>");
        check(nodes[1], "label", "Belle \"Q\" O'Hara");
        check(nodes[2], "label", "=HYPERLINK(\"x\")");
        check(edges[0], "source", "1");
        check(edges[0], "target", "2");
        check(edges[0], "weight", "2");
        check(edges[0], "label", "same_sentence;role");
        let values: Vec<(&str, &str)> = found
            .iter()
            .filter(|(n, _)| n == "attvalue")
            .map(|e| (attribute(e, "for"), attribute(e, "value")))
            .collect();
        // Node 1's attributes come first, in the order the header declares them; node 3 has
        // no mentions in the table and says 0.
        assert_eq!(
            &values[..4],
            [
                ("kind", "organization"),
                ("mentions", "7"),
                ("link_weight", "3"),
                ("degree", "2")
            ]
        );
        assert!(values.contains(&("mentions", "0")));
        assert!(values.contains(&("role", "spokesperson of")));
        assert_eq!(found[0].0, "gexf");
        check(&found[0], "version", "1.3");
    }

    #[test]
    fn graphml_is_well_formed_and_carries_every_node_and_edge() {
        let (net, mentions) = sample();
        let xml = graphml(&net, &mentions);
        assert!(!xml.contains('\u{7}'));
        let found = elements(&xml);
        let count = |name: &str| found.iter().filter(|(n, _)| n == name).count();
        assert_eq!((count("node"), count("edge"), count("key")), (3, 2, 8));
        for (text, expect) in [
            ("Smith &amp; Wesson &lt;Holdings&gt;", true),
            ("Belle &quot;Q&quot; O&apos;Hara", true),
            ("<data key=\"weight\">2</data>", true),
            ("<data key=\"role\">spokesperson of</data>", true),
            ("Smith & Wesson", false),
        ] {
            assert_eq!(xml.contains(text), expect, "{text} in\n{xml}");
        }
    }

    #[test]
    fn the_csv_tables_quote_fields_and_defuse_formulas() {
        let (net, mentions) = sample();
        let check = |got: String, expect: &[&str]| {
            let lines: Vec<&str> = got.split("\r\n").collect();
            assert_eq!(lines, expect);
        };
        check(
            nodes_csv(&net, &mentions),
            &[
                "Id,Label,kind,mentions,link_weight,degree",
                "1,Smith & Wesson <Holdings>,organization,7,3,2",
                "2,\"Bell\u{7}e \"\"Q\"\" O'Hara\",person,4,3,2",
                "3,\"'=HYPERLINK(\"\"x\"\")\",person,0,3,2",
                "",
            ],
        );
        check(
            edges_csv(&net),
            &[
                "Id,Source,Target,Type,Weight,kinds,role",
                "1-2,1,2,Undirected,2,same_sentence;role,spokesperson of",
                "2-3,2,3,Undirected,1,quoted_together,",
                "",
            ],
        );
    }
}
