//! The concepts the game uses, each in a few plain sentences (shown in the glossary window and
//! in tooltips).

pub const ENTRIES: [(&str, &str); 13] = [
    (
        "Alliance credibility",
        "How much a country can count on a great power. Onlookers judge it by how the power treats its allies: tariffs on friends and public fights lower it, deals raise it. When it falls, third countries start to hedge.",
    ),
    (
        "Weaponization of the economy",
        "Using trade as a lever of power: export controls on chips, a halt to rare-earth sales (China to Japan, 2010), tariffs as threats. It works only as far as the target cannot buy elsewhere.",
    ),
    (
        "Friend-shoring",
        "Moving supply chains to trusted partners when sourcing from a rival feels risky. It is slow, costs investment, and does not move back when the risk fades: plants, once built, stay.",
    ),
    (
        "Hedging",
        "Keeping options open between the United States and China instead of siding with either. Countries hedge more as U.S. credibility falls and their trade with China deepens.",
    ),
    (
        "Stolper–Samuelson",
        "Trade policy changes who earns what. Protecting a labour-intensive industry raises wages by more than its price rises, and lowers the return of the other factors. That is why workers, farmers and capital owners lobby for different policies.",
    ),
    (
        "Two-level games",
        "A negotiator bargains abroad and at home at once (Putnam 1988). A deal must satisfy the other side and the lobbies and voters at home; strong lobbies narrow what can be agreed.",
    ),
    (
        "Audience costs",
        "A leader who threatens in public and then backs down pays at home (Fearon 1994). Public firmness is popular for a while, which is exactly what makes retreat expensive once a dispute reaches the headlines.",
    ),
    (
        "Leadership change",
        "Leaders answer to voters at elections and, in parliamentary systems, to their party in between. An unpopular incumbent loses a scheduled election; a prime minister who stays deeply unpopular for months is replaced by the party (Japan, 2025: Ishiba after the upper-house defeat). A new leader starts with a honeymoon and owes nothing to the predecessor's public threats, so can settle without the audience cost.",
    ),
    (
        "Escalation ladder",
        "Working level › ministerial › formal dispute settlement › leaders › public confrontation. The top rungs are public: media attention feeds them, and trust lost there does not fully return.",
    ),
    (
        "Voluntary export restraint (VER)",
        "The exporter limits its own sales (Japan's 1.68 million cars in 1981). Prices rise behind the cap and the scarcity rent goes to the exporter, not to the importer's treasury.",
    ),
    (
        "Section 232",
        "U.S. law letting the president restrict imports that threaten national security; used for steel and aluminium (2018, 2025) and cars (2025).",
    ),
    (
        "Section 301",
        "U.S. law against a partner's 'unfair' practices; the basis of the 1995 threat of 100% tariffs on Japanese luxury cars and of the 2018 tariffs on China.",
    ),
    (
        "WTO dispute settlement",
        "A panel of experts rules on a complaint, usually in 12–18 months, and the dispute cools while it runs. Since 2019 the Appellate Body has had no members, so a losing side can appeal 'into the void'.",
    ),
];

/// A glossary entry as a tooltip paragraph: "Term: explanation" (empty if unknown).
pub fn gloss(term: &str) -> String {
    ENTRIES
        .iter()
        .find(|(t, _)| *t == term)
        .map_or(String::new(), |(t, text)| format!("{t}: {text}"))
}
