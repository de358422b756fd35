#!/usr/bin/env python3
"""Regenerates the bad inputs in this folder from valid_base.ron.

Each bad file is the base with one small change (or a tiny hand-written file). The expected
first diagnostic of each lives in NAME.expect (`LINE:COL: substring`), written by hand:
this script only writes the .ron files. Run from anywhere: python3 tests/bad_inputs/generate.py
"""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
BASE = (HERE / "valid_base.ron").read_text(encoding="utf-8")


def derive(name, *edits):
    """Write NAME.ron: the base with each (old, new) replaced; `old` must occur exactly once."""
    text = BASE
    for old, new in edits:
        n = text.count(old)
        assert n == 1, f"{name}: {old!r} occurs {n} times in the base"
        text = text.replace(old, new)
    (HERE / f"{name}.ron").write_text(text, encoding="utf-8")


def raw(name, data):
    path = HERE / f"{name}.ron"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


JPN_GDP = "gdp: 4100.0,"
CAN_POP = "            population: 41.0,\n"
AUTOS_INTENSITY = "intensity: (land: 0.05, labour: 0.55, capital: 0.4),"
EFFECT = 'SetTariff(target: "JPN", sector: "autos", rate: 0.25)'

# --- syntax -------------------------------------------------------------------------------
derive("syntax_missing_comma", ("months: 24,", "months: 24"))
derive("syntax_unclosed_paren", ("value: 55.0),", "value: 55.0,"))
derive("syntax_unclosed_string", ('title: "Bad-input base",', 'title: "Bad-input base,'))
derive("syntax_stray_char", ("population: 124.0,", "population: 124.0,;"))
derive("syntax_trailing_garbage", ("    ],\n)\n", "    ],\n)\n)\nextra\n"))
derive("syntax_missing_colon", ("months: 24,", "months 24,"))
derive("syntax_unclosed_list", ('sides: ["USA", "JPN"],', 'sides: ["USA", "JPN",'))

# --- schema: fields, types, variants --------------------------------------------------------
derive("unknown_field_typo", (JPN_GDP, "gpd: 4100.0,"))
derive("missing_required_field", (CAN_POP, ""))
derive("duplicate_field", (JPN_GDP, JPN_GDP + " gdp: 4200.0,"))
derive("wrong_type_string_for_number", (JPN_GDP, 'gdp: "4100",'))
derive("wrong_type_number_for_list", ('sides: ["USA", "JPN"],', "sides: 2,"))
derive("wrong_type_number_for_string", ('name: "Canada",', "name: 42,"))
derive("unknown_enum_variant", ("doctrine: Hedger,", "doctrine: Isolationist,"))
derive("unknown_measure_kind", ("kind: Tariff(0.25),", "kind: Embargo(0.25),"))

# --- references -----------------------------------------------------------------------------
derive("dangling_trade_from", ('(from: "JPN", to: "USA", sector: "autos"', '(from: "CHN", to: "USA", sector: "autos"'))
derive("dangling_industry_sector", ('            sector: "steel",\n            output', '            sector: "chips",\n            output'))
derive("dangling_membership", ('memberships: ["CPTPP"],\n        ),\n    ],', 'memberships: ["RCEP"],\n        ),\n    ],'))
derive("dangling_lobby_state", ('state: "USA",', 'state: "MEX",'))
derive("dangling_dispute_party", ('respondent: "USA",', 'respondent: "KOR",'))
derive("dangling_effect_target", (EFFECT, EFFECT.replace('"JPN"', '"CHN"')))
derive("dangling_acquisition_target", ('target: "us_steel",', 'target: "usx",'))
derive("objective_side_not_playable", ('side: "JPN",', 'side: "CAN",'))
derive("side_not_a_state", ('sides: ["USA", "JPN"],', 'sides: ["USA", "MEX"],'))
derive("duplicate_state_id", ('id: "CAN",', 'id: "USA",'))

# --- numbers ----------------------------------------------------------------------------------
derive("nan_gdp", (JPN_GDP, "gdp: NaN,"))
derive("inf_gdp", (JPN_GDP, "gdp: 1e400,"))
derive("negative_trade_value", ("value: 55.0),", "value: -55.0),"))
derive("negative_employment", ("employment: 22.0,", "employment: -22.0,"))
derive("share_above_one", (AUTOS_INTENSITY, "intensity: (land: 0.05, labour: 1.5, capital: 0.4),"))
derive("organisation_above_one", ("organisation: 0.7,", "organisation: 2.0,"))
derive("intensities_not_summing", (AUTOS_INTENSITY, "intensity: (land: 0.05, labour: 0.55, capital: 0.2),"))
derive("months_zero", ("months: 24,", "months: 0,"))
derive("months_negative", ("months: 24,", "months: -5,"))
derive("months_too_large", ("months: 24,", "months: 99999,"))
derive("measure_tariff_too_high", ("kind: Tariff(0.25),", "kind: Tariff(25.0),"))

# --- dates --------------------------------------------------------------------------------------
derive("bad_start_month", ('start: "2025-01",', 'start: "2025-13",'))
derive("event_outside_window", ('date: "2025-04",', 'date: "2027-06",'))
derive("event_before_start", ('date: "2025-04",', 'date: "2024-12",'))

# --- leaders and elections ------------------------------------------------------------------
JPN_ELECTION = '            memberships: ["CPTPP"],\n        ),\n        (\n            id: "CAN",'
def jpn(fields):
    return '            memberships: ["CPTPP"],\n' + fields + '        ),\n        (\n            id: "CAN",'
derive("election_without_system", (JPN_ELECTION, jpn(
    '            leader: "Ishiba Shigeru",\n'
    '            elections: [(date: "2025-07", title: "the upper-house election", successor: "Takaichi Sanae")],\n')))
derive("election_outside_window", (JPN_ELECTION, jpn(
    '            leader: "Ishiba Shigeru", system: Parliamentary,\n'
    '            elections: [(date: "2027-07", title: "the upper-house election", successor: "Takaichi Sanae")],\n')))
derive("election_takes_office_before_vote", (JPN_ELECTION, jpn(
    '            leader: "Ishiba Shigeru", system: Parliamentary,\n'
    '            elections: [(date: "2025-07", title: "the upper-house election", successor: "Takaichi Sanae",\n'
    '                         takes_office: "2025-05")],\n')))
derive("unknown_political_system", (JPN_ELECTION, jpn('            system: Monarchy,\n')))

# --- degenerate files ---------------------------------------------------------------------------
raw("empty", "")
raw("whitespace_only", "  \n\t\n   \n")
raw("comment_only", "// A scenario will go here.\n/* nothing yet */\n")
# 500 nested lists in meta.sides: far over ron's recursion limit of 128.
derive("deep_nesting", ('sides: ["USA", "JPN"],', "sides: " + "[" * 500 + "]" * 500 + ","))
# Invalid UTF-8 (a Latin-1 "é") in the title on line 5.
raw("non_utf8", BASE.replace('title: "Bad-input base",', 'title: "Bad-input base \udce9",')
    .encode("utf-8", "surrogateescape"))

# --- commands files -------------------------------------------------------------------------
CMD = '    (month: 3, by: "USA", command: {}),\n'
def commands(name, *lines, head="// Commands for valid_base.ron.\n[\n", tail="]\n"):
    raw(name, head + "".join(lines) + tail)

commands("commands_month_overflow",
         CMD.format(EFFECT).replace("month: 3", "month: 99999999999"))
commands("commands_unknown_command",
         CMD.format('RaiseTariff(target: "JPN", sector: "autos", rate: 0.5)'))
commands("commands_negative_tariff",
         CMD.format(EFFECT),
         CMD.format('SetTariff(target: "CAN", sector: "steel", rate: -0.1)'))
commands("commands_unknown_field",
         CMD.format('SetTariff(target: "JPN", sector: "autos", rat: 0.5)'))
commands("commands_missing_bracket",
         CMD.format(EFFECT), tail="")
# A single command without the surrounding list.
raw("commands_not_a_list",
    "// Commands for valid_base.ron.\n" + CMD.format(EFFECT).strip().rstrip(",") + "\n")
derive("syntax_unclosed_at_eof", ("    ],\n)\n", "    ],\n"))
# A typo in a command field that has a default: must not be silently ignored.
commands("commands_optional_field_typo",
         CMD.format('SetQuota(target: "JPN", sector: "autos", volume: 40.0, volntary: true)'))
commands("commands_unknown_state",
         CMD.format(EFFECT).replace('by: "USA"', 'by: "MEX"'))
commands("commands_deep_nesting", head="[" * 10000 + "\n", tail="]" * 10000 + "\n")
# A misspelt field with non-ASCII letters (the "did you mean" search must not slice inside a char).
derive("unknown_field_unicode", (JPN_GDP, "gééd: 4100.0,"))

# --- tutorial steps and the newer objective kinds --------------------------------------------
OBJ_KIND = "            kind: NoPublicConfrontation,\n"
SIDES = '        sides: ["USA", "JPN"],\n'
derive("tutorial_unknown_command",
       (SIDES, SIDES + '        tutorial: [(text: "Talk.", until: Issued("OpenTalks"))],\n'))
derive("tutorial_unknown_dispute",
       (SIDES, SIDES + '        tutorial: [(text: "Settle.", until: Settled("car_war"))],\n'))
derive("objective_settled_unknown_dispute",
       (OBJ_KIND, '            kind: DisputeSettled("car_war"),\n'))
derive("objective_average_unknown_indicator",
       (OBJ_KIND, '            kind: AverageAtLeast(indicator: "gdp", at_least: 1.0),\n'))

# --- events that answer moves, and effects with a legal basis -------------------------------
EVENT_KIND = "            kind: Exogenous,\n"
derive("conditional_on_playable_move",
       (EVENT_KIND, '            kind: Conditional(TariffAtLeast(by: "USA", on: "JPN", sector: "autos", rate: 0.1)),\n'))
derive("answers_unknown_legal_basis",
       (EVENT_KIND, EVENT_KIND + '            answers: InForce(by: "USA", legal_basis: "IEEPA"),\n'))
derive("effect_legal_basis_on_statement",
       ('(by: "USA", command: SetTariff(target: "JPN", sector: "autos", rate: 0.25)),',
        '(by: "USA", command: Statement(dispute: "auto_tariffs", tone: Firm), legal_basis: "IEEPA"),'))
