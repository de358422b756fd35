# The glossary (src/ui/glossary.rs) and its window and the map's hover card (src/ui/panels/help.rs).

## Tooltips and the window: a term with its other language's term, and a term with its text.
glossary-term-both = { $term } ({ $other })
glossary-tooltip = { $term }: { $text }

## The entries: glossary-ID is the term, glossary-ID-text its explanation.
glossary-alliance-credibility = Alliance credibility
glossary-alliance-credibility-text = How much a country can count on a great power. Onlookers judge it by how the power treats its allies: tariffs on friends and public fights lower it, deals raise it. When it falls, third countries start to hedge.
glossary-weaponization = Weaponization of the economy
glossary-weaponization-text = Using trade as a lever of power: export controls on chips, a halt to rare-earth sales (China to Japan, 2010), tariffs as threats. It works only as far as the target cannot buy elsewhere.
glossary-friend-shoring = Friend-shoring
glossary-friend-shoring-text = Moving supply chains to trusted partners when sourcing from a rival feels risky. It is slow, costs investment, and does not move back when the risk fades: plants, once built, stay.
glossary-hedging = Hedging
glossary-hedging-text = Keeping options open between the United States and China instead of siding with either. Countries hedge more as U.S. credibility falls and their trade with China deepens.
glossary-stolper-samuelson = Stolper–Samuelson
glossary-stolper-samuelson-text = Trade policy changes who earns what. Protecting a labour-intensive industry raises wages by more than its price rises, and lowers the return of the other factors. That is why workers, farmers and capital owners lobby for different policies.
glossary-two-level-games = Two-level games
glossary-two-level-games-text = A negotiator bargains abroad and at home at once (Putnam 1988). A deal must satisfy the other side and the lobbies and voters at home; strong lobbies narrow what can be agreed.
glossary-audience-costs = Audience costs
glossary-audience-costs-text = A leader who threatens in public and then backs down pays at home (Fearon 1994). Public firmness is popular for a while, which is exactly what makes retreat expensive once a dispute reaches the headlines.
glossary-leadership-change = Leadership change
glossary-leadership-change-text = Leaders answer to voters at elections and, in parliamentary systems, to their party in between. An unpopular incumbent loses a scheduled election; a prime minister who stays deeply unpopular for months is replaced by the party (Japan, 2025: Ishiba after the upper-house defeat). A new leader starts with a honeymoon and owes nothing to the predecessor's public threats, so can settle without the audience cost.
glossary-escalation-ladder = Escalation ladder
glossary-escalation-ladder-text = Working level › ministerial › formal dispute settlement › leaders › public confrontation. The top rungs are public: media attention feeds them, and trust lost there does not fully return.
glossary-ver = Voluntary export restraint (VER)
glossary-ver-text = The exporter limits its own sales (Japan's 1.68 million cars in 1981). Prices rise behind the cap and the scarcity rent goes to the exporter, not to the importer's treasury.
glossary-section-232 = Section 232
glossary-section-232-text = U.S. law letting the president restrict imports that threaten national security; used for steel and aluminium (2018, 2025) and cars (2025).
glossary-section-301 = Section 301
glossary-section-301-text = U.S. law against a partner's 'unfair' practices; the basis of the 1995 threat of 100% tariffs on Japanese luxury cars and of the 2018 tariffs on China.
glossary-wto-dispute-settlement = WTO dispute settlement
glossary-wto-dispute-settlement-text = A panel of experts rules on a complaint, usually in 12–18 months, and the dispute cools while it runs. Since 2019 the Appellate Body has had no members, so a losing side can appeal 'into the void'.

## The glossary window (src/ui/panels/help.rs): the other language's term after each term.
help-glossary-other = ({ $term })

## The map's hover card (src/ui/panels/help.rs).
help-map-not-in-scenario = { $country }: not in this scenario
help-map-alignment = alignment { $value } (−1 China … +1 United States)
help-map-approval = approval { $approval }%  ·  CPI { $cpi }
help-map-trust = trust in { $player }: { $trust }  ·  { $player }'s trust in them: { $theirs }
help-map-trade = trade with { $player }: { $amount } bn USD/yr
