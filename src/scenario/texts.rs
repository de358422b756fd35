//! A scenario's texts in two languages (levels/README.md, "Two languages"): every text a player
//! reads has an English field and beside it an optional Japanese one (`title` / `title_ja`).
//! `texts` lists them with where each is, for `tradecraft check --lang ja` and the menu's mark;
//! `teach` gives the pairs to `i18n`, which shows the Japanese wherever the English would show.

use super::Scenario;

/// One text of a scenario: where it is (`events[usjta_signed].news`), its English and its
/// Japanese, if written.
#[derive(Debug, Clone, PartialEq)]
pub struct Text<'a> {
    pub place: String,
    pub en: &'a str,
    pub ja: Option<&'a str>,
}

impl Scenario {
    /// Every player-facing text with its Japanese (empty English texts left out).
    pub fn texts(&self) -> Vec<Text<'_>> {
        let mut out = Vec::new();
        fn text<'a>(out: &mut Vec<Text<'a>>, place: String, en: &'a str, ja: &'a Option<String>) {
            if !en.trim().is_empty() {
                out.push(Text {
                    place,
                    en,
                    ja: ja.as_deref().filter(|j| !j.trim().is_empty()),
                });
            }
        }
        let m = &self.meta;
        text(&mut out, "meta.title".into(), &m.title, &m.title_ja);
        text(
            &mut out,
            "meta.description".into(),
            &m.description,
            &m.description_ja,
        );
        for b in &m.briefings {
            text(
                &mut out,
                format!("meta.briefings[{}].text", b.side),
                &b.text,
                &b.text_ja,
            );
        }
        for (i, t) in m.tutorial.iter().enumerate() {
            text(&mut out, format!("meta.tutorial[{i}].text"), &t.text, &t.text_ja);
        }
        for s in &self.sectors {
            text(&mut out, format!("sectors[{}].name", s.id), &s.name, &s.name_ja);
        }
        for s in &self.states {
            text(&mut out, format!("states[{}].name", s.id), &s.name, &s.name_ja);
            text(
                &mut out,
                format!("states[{}].leader", s.id),
                &s.leader,
                &s.leader_ja,
            );
            for (i, e) in s.elections.iter().enumerate() {
                text(
                    &mut out,
                    format!("states[{}].elections[{i}].successor", s.id),
                    &e.successor,
                    &e.successor_ja,
                );
                text(
                    &mut out,
                    format!("states[{}].elections[{i}].title", s.id),
                    &e.title,
                    &e.title_ja,
                );
                text(
                    &mut out,
                    format!("states[{}].elections[{i}].note", s.id),
                    &e.note,
                    &e.note_ja,
                );
            }
        }
        for x in &self.industries {
            text(
                &mut out,
                format!("industries[{}].name", x.id),
                &x.name,
                &x.name_ja,
            );
        }
        for x in &self.lobbies {
            text(&mut out, format!("lobbies[{}].name", x.id), &x.name, &x.name_ja);
        }
        for x in &self.measures {
            text(
                &mut out,
                format!("measures[{}].legal_basis", x.id),
                &x.legal_basis,
                &x.legal_basis_ja,
            );
        }
        for x in &self.disputes {
            text(
                &mut out,
                format!("disputes[{}].title", x.id),
                &x.title,
                &x.title_ja,
            );
        }
        for x in &self.frameworks {
            text(
                &mut out,
                format!("frameworks[{}].name", x.id),
                &x.name,
                &x.name_ja,
            );
        }
        for x in &self.acquisitions {
            text(
                &mut out,
                format!("acquisitions[{}].title", x.id),
                &x.title,
                &x.title_ja,
            );
        }
        for e in &self.timeline {
            text(
                &mut out,
                format!("timeline[{}].title", e.id),
                &e.title,
                &e.title_ja,
            );
            text(&mut out, format!("timeline[{}].news", e.id), &e.news, &e.news_ja);
            if let Some(q) = &e.quote {
                text(&mut out, format!("timeline[{}].quote", e.id), q, &e.quote_ja);
            }
            for (i, x) in e.effects.iter().enumerate() {
                if let Some(b) = &x.legal_basis {
                    text(
                        &mut out,
                        format!("timeline[{}].effects[{i}].legal_basis", e.id),
                        b,
                        &x.legal_basis_ja,
                    );
                }
            }
        }
        for e in &self.injects {
            text(
                &mut out,
                format!("injects[{}].title", e.id),
                &e.title,
                &e.title_ja,
            );
            text(&mut out, format!("injects[{}].note", e.id), &e.note, &e.note_ja);
            text(&mut out, format!("injects[{}].news", e.id), &e.news, &e.news_ja);
            if let Some(q) = &e.quote {
                text(&mut out, format!("injects[{}].quote", e.id), q, &e.quote_ja);
            }
        }
        for o in &self.objectives {
            text(
                &mut out,
                format!("objectives[{}].title", o.id),
                &o.title,
                &o.title_ja,
            );
        }
        for (i, e) in self.history.events.iter().enumerate() {
            text(
                &mut out,
                format!("history.events[{i}] ({})", e.date),
                &e.text,
                &e.text_ja,
            );
        }
        out
    }

    /// The places whose text has no Japanese, here or at another place with the same English
    /// (the game shows a text's Japanese by its English: a legal basis written fifty times is
    /// translated once).
    pub fn missing_japanese(&self) -> Vec<String> {
        let texts = self.texts();
        let known: std::collections::BTreeSet<&str> =
            texts.iter().filter(|t| t.ja.is_some()).map(|t| t.en).collect();
        texts
            .into_iter()
            .filter(|t| t.ja.is_none() && !known.contains(t.en))
            .map(|t| t.place)
            .collect()
    }

    /// Let `i18n` show this scenario's Japanese texts wherever their English would show.
    pub fn teach(&self) {
        crate::i18n::learn(self.texts().into_iter().filter_map(|t| t.ja.map(|ja| (t.en, ja))));
    }
}
