//! Finds where a value sits in RON text, so errors found after parsing (a dangling id, a
//! negative GDP) point at a line and column like syntax errors do. The parser here is
//! tolerant and structural only: it runs on text that ron already accepted.

use std::fmt;

/// One step of a path into a scenario: a field name or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(String),
    Index(usize),
}

/// A path such as `states[2].endowments.labour`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataPath(pub Vec<Seg>);

impl DataPath {
    pub fn root() -> Self {
        DataPath(Vec::new())
    }
    pub fn field(&self, name: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Field(name.to_string()));
        p
    }
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl fmt::Display for DataPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for s in &self.0 {
            match s {
                Seg::Field(n) if first => write!(f, "{n}")?,
                Seg::Field(n) => write!(f, ".{n}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

#[derive(Debug, Default)]
struct Node {
    line: usize,
    col: usize,
    named: Vec<(String, Node)>,
    positional: Vec<Node>,
}

/// Structure of a RON document with the position of every value.
pub struct Locator {
    root: Node,
}

/// Deeper than this the locator stops descending (ron itself refuses depth > 128).
const MAX_DEPTH: usize = 256;

impl Locator {
    pub fn new(src: &str) -> Self {
        let mut p = Parser {
            chars: src.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
        };
        let root = p.value(0);
        Locator { root }
    }

    /// Line and column (1-based) of the value at `path`, or of its deepest ancestor found.
    pub fn find(&self, path: &DataPath) -> (usize, usize) {
        let mut node = &self.root;
        for seg in &path.0 {
            match next(node, seg) {
                Some(n) => node = n,
                None => break,
            }
        }
        (node.line, node.col)
    }
}

fn next<'a>(node: &'a Node, seg: &Seg) -> Option<&'a Node> {
    match seg {
        Seg::Field(name) => {
            if let Some((_, n)) = node.named.iter().find(|(k, _)| k == name) {
                return Some(n);
            }
            // `Some(x)` or a newtype variant wrapping a struct: look inside.
            if node.positional.len() == 1 {
                return next(&node.positional[0], seg);
            }
            None
        }
        Seg::Index(i) => node.positional.get(*i),
    }
}

struct Parser {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }
    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }
    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.i += 1;
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
    }

    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => self.bump(),
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0usize;
                    while self.peek().is_some() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.bump();
                                self.bump();
                            }
                            (Some('*'), Some('/')) => {
                                depth -= 1;
                                self.bump();
                                self.bump();
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => self.bump(),
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Node {
        self.skip_ws();
        let mut node = Node {
            line: self.line,
            col: self.col,
            ..Node::default()
        };
        match self.peek() {
            None => {}
            Some(c @ ('(' | '[' | '{')) if depth < MAX_DEPTH => self.group(c, &mut node, depth),
            Some('"') => self.string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.peek() {
                    self.bump();
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            Some('r') if matches!(self.peek_at(1), Some('"' | '#')) => self.raw_string(),
            Some(c) if c.is_alphabetic() || c == '_' => {
                self.ident();
                self.skip_ws();
                if self.peek() == Some('(') && depth < MAX_DEPTH {
                    self.group('(', &mut node, depth);
                }
            }
            Some(_) => {
                // Numbers and anything else: up to the next delimiter.
                while let Some(c) = self.peek() {
                    if c.is_whitespace() || matches!(c, ',' | ')' | ']' | '}' | ':') {
                        break;
                    }
                    self.bump();
                }
            }
        }
        node
    }

    fn ident(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '#' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.peek() {
            self.bump();
            if c == '\\' {
                self.bump();
            } else if c == '"' {
                break;
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // "
        while self.peek().is_some() {
            if self.peek() == Some('"') && (1..=hashes).all(|k| self.peek_at(k) == Some('#')) {
                for _ in 0..=hashes {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }

    fn group(&mut self, open: char, node: &mut Node, depth: usize) {
        let close = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        self.bump();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let start = self.i;
            // A named field: `ident :` (but not `::`).
            if let Some(c) = self.peek()
                && (c.is_alphabetic() || c == '_')
            {
                let save = (self.i, self.line, self.col);
                let name = self.ident();
                self.skip_ws();
                if self.peek() == Some(':') && self.peek_at(1) != Some(':') {
                    self.bump();
                    let v = self.value(depth + 1);
                    node.named.push((name, v));
                    continue;
                }
                (self.i, self.line, self.col) = save;
            }
            let v = self.value(depth + 1);
            self.skip_ws();
            if self.peek() == Some(':') {
                self.bump();
                let val = self.value(depth + 1);
                node.named.push((format!("#{}", node.named.len()), val));
            } else {
                node.positional.push(v);
            }
            if self.i == start {
                // Unknown character: step over it so the loop always progresses.
                self.bump();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_indices() {
        let src = "(\n  a: [ (x: 1), // c\n   (x: 2, y: Some((z: \"q)\"))) ],\n  b: Tariff(0.5),\n)";
        let l = Locator::new(src);
        let p = DataPath::root().field("a").index(1).field("x");
        assert_eq!(l.find(&p), (3, 8));
        let p = DataPath::root().field("a").index(1).field("y").field("z");
        assert_eq!(l.find(&p), (3, 23));
        assert_eq!(l.find(&DataPath::root().field("b")), (4, 6));
        // Missing: the deepest ancestor.
        assert_eq!(l.find(&DataPath::root().field("a").index(7)), (2, 6));
    }

    #[test]
    fn path_display() {
        let p = DataPath::root().field("states").index(2).field("gdp");
        assert_eq!(p.to_string(), "states[2].gdp");
    }
}
