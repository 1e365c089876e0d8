//! A minimal element tree over quick-xml, enough for tests to look inside DOCX and ODT
//! parts. Parsing fails on malformed XML, so building a tree also checks well-formedness.

use quick_xml::Reader;
use quick_xml::events::Event;

#[derive(Debug, Default, Clone)]
pub struct Node {
    /// Qualified name as written, e.g. `w:p` or `text:h`.
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// Only for `#text` nodes: their text (entities resolved).
    pub text: String,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// All descendants (and self) with the given name, in document order.
    pub fn find_all<'a>(&'a self, name: &str) -> Vec<&'a Node> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.collect(name, out);
        }
    }

    /// All text below this element, in document order.
    pub fn all_text(&self) -> String {
        let mut s = self.text.clone();
        for c in &self.children {
            s.push_str(&c.all_text());
        }
        s
    }
}

pub fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node {
        name: "#document".into(),
        ..Default::default()
    }];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e, reader.decoder())),
            Event::Empty(e) => {
                let node = element(&e, reader.decoder());
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().expect("balanced tags").children.push(node);
            }
            Event::Text(t) => {
                let s = t.decode().unwrap();
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = String::from_utf8(t.to_vec()).unwrap();
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => match r.decode().unwrap().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity &{other};"),
                    },
                };
                push_text(&mut stack, &c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

fn push_text(stack: &mut [Node], s: &str) {
    let parent = stack.last_mut().unwrap();
    match parent.children.last_mut() {
        Some(last) if last.name == "#text" => last.text.push_str(s),
        _ => parent.children.push(Node {
            name: "#text".into(),
            text: s.to_string(),
            ..Default::default()
        }),
    }
}

fn element(e: &quick_xml::events::BytesStart, decoder: quick_xml::encoding::Decoder) -> Node {
    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("valid attribute");
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.decoded_and_normalized_value(quick_xml::XmlVersion::Explicit1_0, decoder)
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect();
    Node {
        name,
        attrs,
        ..Default::default()
    }
}
