"""The knowledge base: the lint of its data (every rule of the schema) and the behaviour of its loader."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

from recoupe.kb import (
    DATA_DIR,
    ENTITY_TYPES,
    SECTORS,
    SIPRI_CATEGORIES,
    KBError,
    KnowledgeBase,
    lint,
    load_kb,
    normalise,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def ids(pairs: list) -> list[tuple[str, str]]:
    return [(entry.id, how) for entry, how in pairs]


# --------------------------------------------------------------------------------------------------
# lint of the default KB, rule by rule


def test_default_kb_passes_lint(kb: KnowledgeBase) -> None:
    assert lint(kb) == []


def test_every_entry_has_a_valid_type_and_prefixed_id(kb: KnowledgeBase) -> None:
    prefixes = {"PERSON": "per:", "ORG": "org:", "EQUIPMENT": "eqp:", "EVENT": "evt:", "LOC": "loc:"}
    for entry in kb.entries.values():
        assert entry.type in ENTITY_TYPES, entry.id
        if entry.type == "GPE":
            assert re.fullmatch(r"[A-Z]{3}", entry.id), entry.id
        else:
            assert entry.id.startswith(prefixes[entry.type]), entry.id


def test_ids_are_unique_within_each_file_and_across_kinds() -> None:
    seen: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        in_file = [e["id"] for e in data.get("entity", [])]
        assert len(in_file) == len(set(in_file)), path.name
        if path.name.endswith("_overlay.toml"):
            continue  # states_overlay.toml, arabic_overlay.toml extend entries of other files by id, on purpose
        for entry_id in in_file:
            assert entry_id not in seen, (entry_id, path.name, seen.get(entry_id))
            seen[entry_id] = path.name


def test_country_codes_are_states_of_the_kb(kb: KnowledgeBase) -> None:
    states = kb.states()
    for entry in kb.entries.values():
        assert entry.country is None or entry.country in states, entry.id
        for role in entry.roles:
            assert role.country is None or role.country in states, entry.id
        for organiser in entry.attrs.get("organisers", []):  # type: ignore[attr-defined]
            assert organiser in states, entry.id


def test_sectors_are_allowed(kb: KnowledgeBase) -> None:
    for entry in kb.entries.values():
        assert entry.sector is None or entry.sector in SECTORS, entry.id
    for role in kb.roles.values():
        assert role.sector is None or role.sector in SECTORS, role.key


def test_person_roles_have_known_keys_and_ordered_iso_dates(kb: KnowledgeBase) -> None:
    date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    n_roles = 0
    for entry in kb.entries.values():
        for role in entry.roles:
            n_roles += 1
            assert entry.type == "PERSON", entry.id
            assert role.key in kb.roles, (entry.id, role.key)
            for value in (role.start, role.end):
                assert value is None or date.match(value), (entry.id, value)
            if role.start and role.end:
                assert role.start[: len(role.end)] <= role.end, (entry.id, role.key, role.start, role.end)
            assert role.org is None or role.org in kb.entries, (entry.id, role.org)
    assert n_roles > 100


def test_equipment_has_a_sipri_category_a_maker_and_descriptions(kb: KnowledgeBase) -> None:
    equipment = [e for e in kb.entries.values() if e.type == "EQUIPMENT"]
    assert len(equipment) >= 40
    for entry in equipment:
        assert entry.attrs["weapon_category"] in SIPRI_CATEGORIES, entry.id
        maker = kb.entries[str(entry.attrs["manufacturer"])]
        assert maker.type == "ORG", entry.id
        assert entry.attrs["description_fr"] and entry.attrs["description_en"], entry.id
        assert entry.country in kb.states(), entry.id


def test_no_name_form_is_shared_unless_both_entries_mark_it_ambiguous(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = {}
    for entry in kb.entries.values():
        for surface, _how in entry.forms():
            owners.setdefault(normalise(surface), set()).add(entry.id)
    shared = {key: found for key, found in owners.items() if len(found) > 1}
    for key, found in shared.items():
        for entry_id in found:
            assert kb.is_ambiguous(entry_id, key), (key, sorted(found))
    assert "coreen" in shared and "congo" in shared  # the rule has work to do


def test_every_entry_and_role_has_a_source(kb: KnowledgeBase) -> None:
    for entry in kb.entries.values():
        assert entry.source.strip(), entry.id
    for role in kb.roles.values():
        assert role.source.strip(), role.key


def test_wikidata_ids_are_well_formed_and_unique(kb: KnowledgeBase) -> None:
    found = [e.wikidata for e in kb.entries.values() if e.wikidata]
    assert found and all(re.fullmatch(r"Q\d+", q) for q in found)
    assert len(found) == len(set(found))
    assert kb.entries["MAR"].wikidata == "Q1028"


# --------------------------------------------------------------------------------------------------
# coverage


def test_states_cover_iso_3166_and_key_states_have_demonyms_and_capitals(kb: KnowledgeBase) -> None:
    states = kb.states()
    assert len(states) >= 249
    required = [
        "MAR", "DZA", "TUN", "LBY", "MRT", "MLI", "NER", "BFA", "TCD", "SEN", "SDN",
        "ISR", "PSE", "EGY", "JOR", "LBN", "SYR", "IRQ", "IRN", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "TUR",
        "FRA", "ESP", "PRT", "ITA", "DEU", "GBR", "BEL", "NLD", "POL", "GRC", "UKR", "RUS",
        "USA", "CAN", "CHN", "IND", "PAK", "JPN", "KOR", "PRK", "BRA", "ZAF", "NGA", "ETH",
    ]
    for code in required:
        entry = kb.entries[code]
        assert entry.demonyms, code
        assert entry.metonyms, code
        assert entry.attrs.get("capital"), code
        assert any(re.search(r"[\u0600-\u06FF]", a) for a in entry.aliases), code  # an Arabic name


def test_pycountry_names_in_three_languages(kb: KnowledgeBase) -> None:
    assert ids(kb.lookup("Royaume du Maroc")) == [("MAR", "alias")]
    assert ids(kb.lookup("المملكة المغربية")) == [("MAR", "alias")]
    assert ids(kb.lookup("République islamique d'Iran")) == [("IRN", "alias")]
    assert ids(kb.lookup("Fédération de Russie")) == [("RUS", "alias")]
    assert ids(kb.lookup("Democratic Republic of the Congo")) == [("COD", "alias")]
    assert ids(kb.lookup("Falkland Islands")) == [("FLK", "alias")]
    assert kb.lookup("réunion") == []  # the meeting, not the island: left out of the generated forms


def test_names_of_the_seed_and_demo_articles_resolve(kb: KnowledgeBase) -> None:
    surfaces = [
        "Benny Gantz", "Abdellatif Loudiyi", "Belkhir El Farouk", "Farouk Belkir", "El Farouk Belkhir",
        "Belkheir Al-Farouq", "Dror Shalom", "Aviv Kochavi", "Aviv Kohavi", "Yaïr Lapid", "Ayelet Shaked",
        "Merav Michaeli", "Mohammed VI", "Moulay El Hassan", "Ramtane Lamamra", "Mustapha Baitas",
        "Israel Aerospace Industries", "Israël Aerospace Industries", "IAI", "BlueBird Aero Systems",
        "Lockheed Martin", "L3Harris Technologies", "Airbus", "Haaretz", "Maroc Hebdo", "AFP", "Reuters",
        "Forces armées royales", "Forces royales marocaines", "Forces Armées Royales marocaines", "Royal Armed Forces",
        "FAR", "Tsahal", "Israel Defense Forces", "Africom", "Minurso", "Comité Al Qods", "Front Polisario",
        "Polisario Front", "Heron", "Harop", "Barak MX", "WanderB", "F-16 Viper", "F-16", "H135", "AB206",
        "African Lion", "accords d'Abraham", "Abraham Accords", "ministère israélien de la Défense",
        "Israel Defence Ministry", "bureau des affaires politico-militaires", "état-major général des FAR",
        "Agadir", "Tan-Tan", "Cisjordanie", "Jordanie", "Sahara occidental", "Western Sahara", "Algérie",
        "Alger", "Algiers", "Washington", "Tel-Aviv", "Rabat", "l'État hébreu", "l'Etat hébreu", "les Etats-Unis",
        "États-Unis", "royaume chérifien", "UE", "Union européenne", "ONU", "Marrakech", "Tanger", "Greenville",
        "Ouagadougou", "Burkina Faso", "Tchad", "Chad", "Niger", "Mali", "Sahel", "Moyen-Orient", "Maghreb",
        "Espagne", "Madrid", "Spain",
    ]
    missing = [s for s in surfaces if not kb.lookup(s)]
    assert missing == []


def test_counts(kb: KnowledgeBase) -> None:
    by_type: dict[str, int] = {}
    for entry in kb.entries.values():
        by_type[entry.type] = by_type.get(entry.type, 0) + 1
    assert by_type["ORG"] >= 100
    assert by_type["PERSON"] >= 100
    assert by_type["EVENT"] >= 10
    assert sum(1 for code in kb.states() if kb.entries[code].demonyms) >= 100
    assert len(kb.roles) >= 25


# --------------------------------------------------------------------------------------------------
# behaviour


def test_lookup_alias_demonym_metonym_acronym(kb: KnowledgeBase) -> None:
    assert ids(kb.lookup("Maroc")) == [("MAR", "alias")]
    assert ids(kb.lookup("marocaine")) == [("MAR", "demonym")]
    assert ids(kb.lookup("Marocains")) == [("MAR", "demonym")]
    assert ids(kb.lookup("Tel-Aviv")) == [("ISR", "metonym")]
    assert ids(kb.lookup("Tel Aviv")) == [("ISR", "metonym")]
    assert ids(kb.lookup("l'État hébreu")) == [("ISR", "metonym")]
    assert ids(kb.lookup("L’Etat hébreu")) == [("ISR", "metonym")]
    assert ids(kb.lookup("FAR")) == [("org:far", "acronym")]
    assert ids(kb.lookup("israélienne")) == [("ISR", "demonym")]
    assert ids(kb.lookup("إسرائيل")) == ids(kb.lookup("اسرائيل")) == [("ISR", "alias")]


def test_acronyms_keep_their_case(kb: KnowledgeBase) -> None:
    assert kb.lookup("far") == []
    assert kb.lookup("un") == []  # the French article
    assert ids(kb.lookup("UN")) == [("org:un", "acronym")]
    assert kb.lookup("us") == []
    assert ids(kb.lookup("US")) == [("USA", "acronym")]


def test_transliterations_of_one_person_meet(kb: KnowledgeBase) -> None:
    belkhir = {e.id for e, _ in kb.lookup("Farouk Belkir")}
    assert belkhir == {e.id for e, _ in kb.lookup("Belkheir Al-Farouq")} == {"per:belkhir-el-farouk"}
    assert ids(kb.lookup("Kohavi")) == ids(kb.lookup("Kochavi")) == [("per:aviv-kochavi", "alias")]


def test_ambiguous_forms_return_every_claimant(kb: KnowledgeBase) -> None:
    assert sorted(ids(kb.lookup("coréen"))) == [("KOR", "demonym"), ("PRK", "demonym")]
    assert sorted(e.id for e, _ in kb.lookup("Bruxelles")) == ["BEL", "org:eu"]
    assert kb.is_ambiguous("MAR", "le Royaume")
    assert kb.is_ambiguous(kb.entries["ISR"], "Jérusalem")
    assert not kb.is_ambiguous("MAR", "Rabat")


def test_holders_on_a_date(kb: KnowledgeBase) -> None:
    assert [e.name for e in kb.holders("defence_minister", "ISR", "2021-11-24")] == ["Benny Gantz"]
    assert [e.name for e in kb.holders("chief_of_staff", "ISR", "2022-07-19")] == ["Aviv Kochavi"]
    assert [e.name for e in kb.holders("foreign_minister", "ISR", "2021-08-11")] == ["Yair Lapid"]
    assert [e.name for e in kb.holders("prime_minister", "ISR", "2022-10-01")] == ["Yair Lapid"]
    assert [e.name for e in kb.holders("inspector_general", "MAR", "2023-01-24")] == ["Belkhir El Farouk"]
    assert [e.name for e in kb.holders("inspector_general", "MAR", "2024-01-01")] == ["Mohammed Berrid"]
    assert [e.name for e in kb.holders("foreign_minister", "DZA", "2021-08-24")] == ["Ramtane Lamamra"]
    names = {e.name for e in kb.holders("chief_of_staff", "ISR", None)}
    assert {"Benny Gantz", "Aviv Kochavi", "Herzi Halevi"} <= names


def test_holders_of_a_narrower_office_and_a_month(kb: KnowledgeBase) -> None:
    # Morocco's minister delegate in charge of defence administration is its defence minister's counterpart.
    assert [e.name for e in kb.holders("defence_minister", "MAR", "2021-11-24")] == ["Abdellatif Loudiyi"]
    assert [e.name for e in kb.holders("minister_delegate_defence", "MAR", "2022-07")] == ["Abdellatif Loudiyi"]
    # A month overlapping a handover has both holders.
    assert {e.name for e in kb.holders("chief_of_staff", "ISR", "2023-01")} == {"Aviv Kochavi", "Herzi Halevi"}


def test_offices_in_an_igo_belong_to_no_state(kb: KnowledgeBase) -> None:
    assert kb.holders("secretary_general", "PRT", "2022-01-01") == []
    guterres = kb.entries["per:antonio-guterres"]
    assert kb.actor_code(guterres, "2022-01-01") == (None, "IGO")
    gantz = kb.entries["per:benny-gantz"]
    assert kb.actor_code(gantz, "2013-06-01") == ("ISR", "MIL")
    assert kb.actor_code(gantz, "2021-11-24") == ("ISR", "GOV")


def test_role_keys(kb: KnowledgeBase) -> None:
    fr = kb.role_keys("fr")
    assert fr["ministre de la défense"] == "defence_minister"
    assert fr["ministre délégué chargé de la défense"] == "minister_delegate_defence"
    assert fr["chef d'état-major"] == fr["chef d’état-major"] == "chief_of_staff"
    assert fr["inspecteur général"] == "inspector_general"
    en = kb.role_keys("en")
    assert en["defence minister"] == en["secretary of defense"] == "defence_minister"
    assert kb.role_keys("ar")["وزير الدفاع"] == "defence_minister"
    assert kb.role_keys("xx") == {}


def test_surfaces_cover_every_form_and_unaccented_capitals(kb: KnowledgeBase) -> None:
    forms = {(surface, entry.id, how) for surface, entry, how in kb.surfaces()}
    assert ("Tel-Aviv", "ISR", "metonym") in forms
    assert ("FAR", "org:far", "acronym") in forms
    assert ("États-Unis", "USA", "alias") in forms
    assert ("Etats-Unis", "USA", "alias") in forms
    assert ("Etat hébreu", "ISR", "metonym") in forms


def test_normalise() -> None:
    assert normalise("L’État  hébreu") == normalise("l'Etat hebreu") == "etat hebreu"
    assert normalise("Tel-Aviv") == normalise("Tel Aviv") == normalise("tel–aviv")
    assert normalise("Les États-Unis") == "etats unis"
    assert normalise("The United States") == "united states"
    assert normalise("La") == "la"  # an article alone stays
    assert normalise("إسرائيل") == normalise("اسرائيل")
    assert normalise("الولايات المتّحدة") == normalise("الولايات المتحدة")


def test_default_kb_is_cached() -> None:
    assert load_kb() is load_kb()


# --------------------------------------------------------------------------------------------------
# user knowledge bases


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_kb_adds_and_extends_entries(tmp_path: Path) -> None:
    write(tmp_path, "persons.toml", """
[[entity]]
id = "per:jane-doe"
type = "PERSON"
name = "Jane Doe"
country = "MAR"
aliases = ["J. Doe"]
roles = [{ key = "ambassador", title_fr = "ambassadrice", country = "MAR", start = 2021-03-01 }]
source = "test"

[[entity]]
id = "MAR"
aliases = ["Marokko"]
source = "test overlay"
""")
    user = load_kb([tmp_path])
    assert ids(user.lookup("J. Doe")) == [("per:jane-doe", "alias")]
    assert ids(user.lookup("Marokko")) == [("MAR", "alias")]
    assert ids(user.lookup("Maroc")) == [("MAR", "alias")]  # the default aliases are kept
    assert user.entries["MAR"].source.endswith("; test overlay")
    assert user.entries["per:jane-doe"].roles[0].start == "2021-03-01"  # a TOML date becomes ISO text
    assert [e.id for e in user.holders("ambassador", "MAR", "2022-01-01")] == ["per:jane-doe"]
    assert lint(user) == []
    assert load_kb().lookup("Marokko") == []  # the default KB is untouched


def test_user_kb_overrides_scalars_and_replaces_whole_entries(tmp_path: Path) -> None:
    write(tmp_path, "mine.toml", """
[[entity]]
id = "org:far"
name = "Forces armées royales (Maroc)"

[[entity]]
id = "eqp:heron"
replace = true
type = "EQUIPMENT"
name = "Heron (replaced)"
country = "ISR"
manufacturer = "org:iai"
weapon_category = "aircraft"
description_fr = "drone"
description_en = "drone"
source = "test"
""")
    user = load_kb([tmp_path])
    assert user.entries["org:far"].name == "Forces armées royales (Maroc)"
    assert ids(user.lookup("FAR")) == [("org:far", "acronym")]
    assert user.entries["eqp:heron"].aliases == ()
    assert user.lookup("IAI Heron") == []


def test_lint_reports_each_broken_rule(tmp_path: Path) -> None:
    write(tmp_path, "bad.toml", """
[[entity]]
id = "per:nobody"
type = "PERSON"
name = "Nobody"
country = "XXX"
sector = "ABC"
wikidata = "12"
aliases = ["Maroc", "le Nobody"]
roles = [
    { key = "no_such_role", title_fr = "x", start = "2022-05-01", end = "2021-01-01" },
    { key = "king", title_en = "king", start = "2022-13-01" },
]
source = " "

[[entity]]
id = "eqp:thing"
type = "EQUIPMENT"
name = "Thing"
country = "ISR"
manufacturer = "org:nowhere"
weapon_category = "lasers"
source = "test"

[[entity]]
id = "eqp:thing"
type = "EQUIPMENT"
name = "Thing again"
source = "test"

[[entity]]
id = "org:badtype"
type = "PLACE"
name = "Bad"
source = "test"
""")
    problems = "\n".join(lint(load_kb([tmp_path])))
    for expected in (
        "country 'XXX'", "unknown sector 'ABC'", "wikidata '12'", "no source", "key not in roles.toml",
        "is after end", "not an ISO date", "'maroc' is also claimed by", "not a SIPRI category",
        "needs a manufacturer", "needs description_fr", "appears twice in one file", "unknown type 'PLACE'",
    ):
        assert expected in problems, expected


def test_unmarked_shared_name_is_reported_for_each_side(tmp_path: Path) -> None:
    write(tmp_path, "orgs.toml", """
[[entity]]
id = "org:rabat-club"
type = "ORG"
name = "Rabat"
ambiguous = ["Rabat"]
source = "test"
""")
    problems = lint(load_kb([tmp_path]))
    assert any(p.startswith("MAR: 'rabat' is also claimed by org:rabat-club") for p in problems)
    assert not any(p.startswith("org:rabat-club:") for p in problems)


def test_bad_files_raise_kb_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "a", "x.toml", "[[entity]\nid = 1")
    with pytest.raises(KBError, match=r"x\.toml"):
        load_kb([bad])
    incomplete = write(tmp_path / "b", "x.toml", '[[entity]]\nid = "org:new"\nname = "New"\nsource = "t"\n')
    with pytest.raises(KBError, match="needs 'type'"):
        load_kb([incomplete])
    wrong = write(tmp_path / "c", "x.toml", '[[entity]]\nid = "MAR"\ntype = "ORG"\n')
    with pytest.raises(KBError, match="differs"):
        load_kb([wrong])
    with pytest.raises(KBError, match="no such"):
        load_kb([tmp_path / "missing"])


# --------------------------------------------------------------------------------------------------
# the generated states.toml


def test_states_toml_is_what_the_generator_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    pycountry = pytest.importorskip("pycountry")
    spec = importlib.util.spec_from_file_location("build_states", ROOT / "tools" / "build_states.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_states", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    current = (DATA_DIR / "states.toml").read_text(encoding="utf-8")
    header = current.splitlines()[0]
    version = module._translators()[0]
    if version not in header:
        pytest.skip(f"states.toml was generated with another pycountry than {version}")
    assert module.render() == current
    assert len(list(pycountry.countries)) == sum(1 for line in current.splitlines() if line == "[[entity]]")
