"""The ``entities`` stage: every person, organisation, state, place, weapon system and named exercise an
article names, each mention with its type, its knowledge-base link when there is one, the title stated
at that mention, and the country and sector that the text or the knowledge base supports.

Mentions come from four sources, merged longest-first (a span claimed by an earlier source wins):

1. the knowledge base's names, aliases, demonyms ("marocain", "Moroccan") and metonyms ("Rabat",
   "l'État hébreu"), matched on lower-cased tokens;
2. patterns for weapon systems after a noun that says what they are ("drone « Heron »", "hélicoptères
   H135") and for named exercises with their year ("African Lion 2022");
3. descriptions of office holders without a name ("le ministre israélien de la Défense"), resolved to the
   person holding that office at the article's date when the knowledge base knows exactly one;
4. spaCy's named entities (PER, ORG, LOC, GPE; MISC is too noisy to keep).

The stage is per article and pure; resolving mentions to entities across articles is ``recoupe.crosscheck.resolve``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from recoupe.kb import Entry, KnowledgeBase
from recoupe.records import AnnotatedArticle, ArticleEntities, EntityType, Mention
from recoupe.registry import register
from recoupe.understand import arabic_names

_NER_TYPES: dict[str, EntityType] = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC",
                                     "GPE": "GPE", "FAC": "LOC"}
# Capitalised common nouns that spaCy's French NER takes for names: ministry portfolios, ranks.
_NOT_NAMES = frozenset({
    "Défense", "Défense nationale", "Transports", "Intérieur", "Affaires étrangères", "Économie",
    "État-Major", "Etat-Major", "État-major", "Royaume", "Communiqué", "Premier ministre",
    "Interior", "Defence", "Defense", "Foreign Affairs", "Transport",
})
# Longest role description kept before a name, in words. "le directeur du bureau des affaires
# politico-militaires du ministère israélien de la Défense" has 13; set on the seeds.
MAX_ROLE_WORDS = 16

# Head nouns of titles and functions, French and English. A role is a phrase that starts with one.
_TITLE_HEADS = (
    "ministre", "ministre-délégué", "président", "présidente", "premier ministre", "roi", "reine", "prince",
    "général", "lieutenant-général", "général de corps d'armée", "général de division", "général de brigade",
    "colonel", "amiral", "vice-amiral", "commandant", "chef", "inspecteur", "inspectrice", "directeur",
    "directrice", "porte-parole", "ambassadeur", "ambassadrice", "secrétaire", "conseiller", "conseillère",
    "patron", "ex-patron", "ex-ministre", "ancien ministre", "chef d'état-major", "chef de l'état-major",
    "haut responsable", "responsable", "émir", "sultan", "cheikh", "diplomate", "envoyé", "envoyée",
    "minister", "president", "prime minister", "king", "queen", "crown prince", "general", "lieutenant general",
    "major general", "brigadier general", "colonel", "admiral", "commander", "chief", "inspector", "director",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "secretary", "adviser", "advisor", "head", "envoy",
    "foreign minister", "defence minister", "defense minister", "army chief", "chief of staff",
)
_HEAD_RE = re.compile(
    r"(?:^|\b)(?:(?:le|la|l['’]|les|the|son|sa|leur|former|ancien|ancienne|ex-)\s*)?"
    r"(?:" + "|".join(sorted((re.escape(h) for h in _TITLE_HEADS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_SECTOR_BY_HEAD = (
    ("renseignement", "SPY"), ("intelligence", "SPY"), ("état-major", "MIL"), ("etat-major", "MIL"),
    ("général", "MIL"), ("general", "MIL"), ("amiral", "MIL"), ("admiral", "MIL"), ("colonel", "MIL"),
    ("commandant", "MIL"), ("commander", "MIL"), ("armée", "MIL"), ("army", "MIL"), ("forces", "MIL"),
    ("inspecteur", "MIL"), ("ministre", "GOV"), ("minister", "GOV"), ("président", "GOV"),
    ("president", "GOV"), ("roi", "GOV"), ("king", "GOV"), ("porte-parole", "GOV"), ("ambassad", "GOV"),
    ("secrétaire", "GOV"), ("secretary", "GOV"), ("directeur", "GOV"), ("director", "GOV"),
)

_EQUIPMENT_NOUNS = (
    r"drones?(?: kamikazes?| armés?| de combat| tactiques?)?|hélicoptères?(?: de combat)?|"
    r"avions?(?: de combat| de chasse)?|"
    r"chasseurs?(?: bombardiers?)?|missiles?|systèmes?(?: antiaériens?| de défense aérienne| d['’]armes?)?|"
    r"radars?|chars?(?: de combat)?|blindés?|véhicules? blindés?|frégates?|corvettes?|patrouilleurs?|"
    r"sous-marins?|"
    r"satellites?|munitions? rôdeuses?|obusiers?|canons?|lance-roquettes|"
    r"drones?|helicopters?|aircraft|fighter jets?|jets?|fighters?|tanks?|missile systems?|air[- ]defen[cs]e systems?|"
    r"frigates?|corvettes?|submarines?|loitering munitions?|howitzers?|rocket launchers?"
)
# Words that end the description of a weapon ("drones dans le Sahara" names a place, not a drone).
_LINK_WORDS = (r"dans|le|la|les|du|de|des|au|aux|en|sur|contre|pour|par|à|avec|vers|chez|in|the|of|to|for|on|at|"
               r"from|with|against|into|over")
# "drone « Heron »", "le système antiaérien Barak MX", "hélicoptères H135", "F-16 Viper" after "avions".
_EQUIPMENT_AFTER_NOUN = re.compile(
    rf"\b(?:{_EQUIPMENT_NOUNS})(?:\s+(?!(?:{_LINK_WORDS})\b)[a-zà-ÿ\-]+){{0,2}}?\s+[«\"“]?\s*"
    r"(?P<name>[A-Z][A-Za-z]*-?\d[\w\-]*(?:\s(?:[A-Z][a-z]+|[A-Z0-9]{1,4}|Block\s\d+))?"
    r"|[A-Z][a-z]+(?:\s(?:[A-Z]{2,4}|[A-Z][a-z]+|\d+))?)\s*[»\"”]?",
)
# Designations that are weapon systems by their shape alone: "F-16", "Su-30", "TB2", "H135", "MQ-9B".
_DESIGNATION = re.compile(r"\b(?:[A-Z]{1,3}-\d{1,3}[A-Z]?|[A-Z]{1,2}\d{2,3}[A-Z]?)(?:\s(?:Viper|Block\s\d+))?\b")
_EXERCISE = re.compile(
    r"\b(?:exercices?|manœuvres?|exercise|drills?)(?:\s+[a-zà-ÿ\-]+){0,3}?\s+[«\"“]?\s*"
    r"(?P<name>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,3}\s(?:19|20)\d{2})\s*[»\"”]?"
)
_YEAR_AFTER = re.compile(r"^\s+((?:19|20)\d{2})\b")


class Matcher:
    """The knowledge base's surface forms as spaCy PhraseMatchers: lower-cased tokens for names, exact
    tokens for acronyms (so the French article "un" is not the UN)."""

    def __init__(self, kb: KnowledgeBase, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.kb = kb
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}
        by_key: dict[str, list[Any]] = {}
        for surface, entry, how in kb.surfaces():
            variants = {surface, surface.replace("’", "'"), surface.replace("'", "’")}
            if " " in surface and not surface.isupper():  # "Burkina Faso" is also written "Burkina-Faso"
                variants.add(surface.replace(" ", "-"))
            if entry.type == "EQUIPMENT" and not surface.endswith(("s", "S")):  # "F-16s", "Typhoons"
                variants |= {v + "s" for v in list(variants)}
            for variant in variants:
                by_key.setdefault(f"{entry.id}|{how}", []).append(nlp.make_doc(variant))
        for key, docs in by_key.items():
            entry_id, how = key.split("|", 1)
            (self.by_orth if how == "acronym" else self.by_lower).add(key, docs)
            self.labels[nlp.vocab.strings[key]] = (entry_id, how)

    def __call__(self, doc: Any) -> list[tuple[int, int, str, str]]:
        """(start char, end char, entry id, how) of every KB surface in the doc."""
        out = []
        for matcher in (self.by_lower, self.by_orth):
            for match_id, start, end in matcher(doc):
                entry_id, how = self.labels[match_id]
                span = doc[start:end]
                out.append((span.start_char, span.end_char, entry_id, how))
        return out


_MATCHERS: dict[tuple[int, int], Matcher] = {}


def matcher_for(kb: KnowledgeBase, nlp: Any) -> Matcher:
    """One matcher per (knowledge base, pipeline vocabulary), built on first use."""
    key = (id(kb), id(nlp.vocab))
    if key not in _MATCHERS:
        _MATCHERS[key] = Matcher(kb, nlp)
    return _MATCHERS[key]


def release_matchers() -> None:
    """Forget the matchers built so far: each holds its pipeline's vocabulary (strings and vectors, about 400 MB
    for the French model), so unloading the pipelines frees nothing while they are kept."""
    _MATCHERS.clear()


def _entry_type(entry: Entry) -> EntityType:
    return entry.type if entry.type in ("PERSON", "ORG", "GPE", "LOC", "EQUIPMENT", "EVENT") else "OTHER"  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def sector_of_role(role: str) -> str | None:
    low = role.lower()
    for needle, sector in _SECTOR_BY_HEAD:
        if needle in low:
            return sector
    return None


class _Spans:
    """Non-overlapping spans, first come first served (callers add the most trusted sources first)."""

    def __init__(self) -> None:
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def take(self, start: int, end: int) -> None:
        self.taken.append((start, end))


def _has_finite_verb(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    return any(t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm") for t in span)


def _role_before(doc: Any, text: str, sentence_start: int, start: int) -> str | None:
    """The title stated just before a name. "le ministre israélien de la Défense Benny Gantz": the words
    after the last comma; "le directeur du bureau ..., Dror Shalom": the clause before the comma."""
    left = text[sentence_start:start]
    stripped = left.rstrip()
    if not stripped:
        return None
    if stripped.endswith(","):
        segment_end = sentence_start + len(stripped) - 1
        clause = text[sentence_start:segment_end]
        segment_start = sentence_start + max(clause.rfind(","), clause.rfind("("), -1) + 1
    else:
        segment_end = sentence_start + len(stripped)
        clause = text[sentence_start:segment_end]
        segment_start = sentence_start + max(clause.rfind(","), clause.rfind("("), -1) + 1
    segment = text[segment_start:segment_end]
    for m in _HEAD_RE.finditer(segment):
        phrase = segment[m.start():].strip(" ,")
        if not phrase or len(phrase.split()) > MAX_ROLE_WORDS:
            continue
        phrase_start = segment_start + m.start()
        if _has_finite_verb(doc, phrase_start, segment_end):
            continue
        return re.sub(r"^(?:le|la|l['’]|les|the)\s*", "", phrase, flags=re.IGNORECASE) or None
    return None


def _role_after(doc: Any, text: str, end: int, sentence_end: int) -> str | None:
    """A title stated in apposition after a name: "Abdellatif Loudiyi, ministre délégué chargé de la
    Défense," up to the next comma or the end of the sentence."""
    right = text[end:sentence_end]
    m = re.match(r"^\s*,\s*(?:l['’]|le |la |the )?([^,;.()]{3,140})", right)
    if not m:
        return None
    phrase = m.group(1).strip()
    head = _HEAD_RE.match(phrase)
    if not head or len(phrase.split()) > MAX_ROLE_WORDS:
        return None
    start = end + m.start(1)
    if _has_finite_verb(doc, start, start + len(phrase)):
        return None
    return phrase


def _country_in(text: str, kb: KnowledgeBase) -> str | None:
    """The state a role phrase names: a demonym ("israélien"), a state or an organisation ("des FAR")."""
    for word in re.findall(r"\w[\w\-]*", text.replace("’", " ").replace("'", " ")):
        for entry, _how in kb.lookup(word):
            if entry.country and entry.type != "PERSON":  # a person named in it is not the title's state
                return entry.country
    return None


@register("entities.v1", requires=["parse", "metadata"], produces=["mentions"])
def extract(annotated: AnnotatedArticle, doc: Any, kb: KnowledgeBase, nlp: Any) -> ArticleEntities:
    """Every entity mention of one article (pure; ``doc`` is its spaCy parse, ``nlp`` the pipeline that
    made it)."""
    article = annotated.article
    text = article.text
    spans = _Spans()
    found: list[Mention] = []
    sentence_starts = [s.start for s in annotated.sentences]
    sentence_ends = [s.end for s in annotated.sentences]
    date = article.published.value

    def sentence_bounds(position: int) -> tuple[int, int, int]:
        i = max(0, bisect_right(sentence_starts, position) - 1)
        if not sentence_starts:
            return -1, 0, len(text)
        return i, sentence_starts[i], sentence_ends[i]

    def add(start: int, end: int, etype: EntityType, kb_id: str | None, how: str,
            country: str | None = None, sector: str | None = None) -> None:
        if start >= end or not spans.free(start, end):
            return
        spans.take(start, end)
        index, s_start, s_end = sentence_bounds(start)
        role = None
        if etype == "PERSON":
            role = _role_before(doc, text, s_start, start) or _role_after(doc, text, end, s_end)
            if role and country is None:
                country = _country_in(role, kb)
            if role and sector is None:
                sector = sector_of_role(role)
        found.append(Mention(article=article.id, start=start, end=end, text=text[start:end], type=etype,
                             kb_id=kb_id, how=how, role=role, country=country, sector=sector, sentence=index))

    # 1. office holders described without a name, before the demonyms inside those descriptions
    for start, end, person in _described_holders(text, kb, date, annotated.lang):
        add(start, end, "PERSON", person.id, "role", person.country, person.sector)

    # 2. knowledge-base surfaces, longest first; a form an entry marks ambiguous ("le Royaume",
    # "Congo") counts only for the entry whose state the article names most by unambiguous forms. A
    # name inside a longer proper name that spaCy found ("rwandais" in "Front patriotique rwandais",
    # "Paris" in "Association des Chimistes de Paris") is part of that name, not a mention of its own.
    ner_spans = _ner_spans(doc, text)
    all_kb_matches = matcher_for(kb, nlp)(doc)
    kb_matches = [m for m in all_kb_matches if not _inside_longer_name(m[0], m[1], ner_spans)]
    arabic = annotated.lang == "ar" or arabic_names.has_arabic(text)
    if arabic:  # clitics stay on Arabic words in spaCy's tokens: "وإيران", "بالرياض"
        kb_matches += arabic_names.kb_matches(text, kb)
    kb_matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    states = Counter(kb.entries[eid].country for s, e, eid, _ in kb_matches
                     if not kb.is_ambiguous(eid, text[s:e]) and kb.entries[eid].type == "GPE")
    main_state = states.most_common(1)[0][0] if states else None
    shared: dict[tuple[int, int], set[str | None]] = {}
    for start, end, entry_id, _how in kb_matches:
        shared.setdefault((start, end), set()).add(kb.entries[entry_id].country)
    for start, end, entry_id, how in kb_matches:
        entry = kb.entries[entry_id]
        if kb.is_ambiguous(entry, text[start:end]) and (main_state is None or entry.country != main_state) and \
                not _only_one_named(shared[(start, end)], entry.country, states) and \
                not _named_equipment(entry, text, start, end, ner_spans):
            continue
        etype = _entry_type(entry)
        if etype == "EVENT" and entry.attrs.get("recurring"):
            year = _YEAR_AFTER.match(text[end:])
            if year:
                end += year.end()
        if how == "metonym" and etype == "GPE" and _LOCATIVE_BEFORE.search(text[max(0, start - 12):start]):
            # "à Rabat", "in Washington": the city as a place, not the state acting
            add(start, end, "LOC", None, "place")
            continue
        add(start, end, etype, entry_id, how, entry.country, entry.sector)

    if arabic:
        _arabic_persons(text, kb, spans, found, add)
        for start, end in arabic_names.quoted_outlets(text):  # "موقع “إكسبرت أونلاين”"
            add(start, end, "ORG", None, "pattern")

    # 3. patterns: exercises with a year, weapon systems after their noun, designations
    for m in _EXERCISE.finditer(text):
        add(m.start("name"), m.end("name"), "EVENT", None, "pattern")
    for m in _EQUIPMENT_AFTER_NOUN.finditer(text):
        add(m.start("name"), m.end("name"), "EQUIPMENT", None, "pattern")
    for m in _DESIGNATION.finditer(text):
        add(m.start(), m.end(), "EQUIPMENT", None, "pattern")

    # 4. spaCy's entities
    for start, end, ner_type in ner_spans:
        add(start, end, ner_type, None, "ner",
            _force_country(text[start:end], start, end, all_kb_matches, kb) if ner_type == "ORG" else None)

    found.sort(key=lambda m: (m.start, m.end))
    return ArticleEntities(article=article.id, mentions=tuple(found))


def _named_equipment(entry: Entry, text: str, start: int, end: int,
                     ner_spans: Sequence[tuple[int, int, EntityType]]) -> bool:
    """A system whose name is also a common word ("Rafale", a gust; "Typhoon") is that system where it is
    written with its capital and spaCy reads a name there: its maker's state is no clue to it."""
    return entry.type == "EQUIPMENT" and text[start].isupper() and \
        any(s == start and e == end for s, e, _ in ner_spans)


def _only_one_named(countries: set[str | None], country: str | None, named: Counter[str | None]) -> bool:
    """A form two states share ("عمان": Amman for Jordan, and Oman) stands for the one of them that the
    article otherwise names, when it names exactly one."""
    return len(countries) > 1 and [c for c in countries if named.get(c)] == [country]


def _arabic_persons(text: str, kb: KnowledgeBase, spans: _Spans, found: list[Mention],
                    add: Callable[..., None]) -> None:
    """Arabic person names the knowledge base does not list verbatim: names after a title (linked to the
    knowledge base's person with the same transliteration key, if one), then their surnames and those of
    the knowledge base's persons where they stand alone in the article."""
    surnames = {(m.start, m.end): m for m in found if m.type == "PERSON" and " " not in m.text.strip()}
    for start, end in arabic_names.titled_names(text, kb, spans.taken, list(surnames)):
        person = arabic_names.linked_person(text[start:end], kb)
        entry = kb.entries.get(person) if person else None
        tail = next((m for (s, e), m in surnames.items() if start < s and e == end), None)
        if tail is not None and tail.kb_id != person:
            # "انتصار السيسي" is not "السيسي": the surname alone was another person's
            found.remove(tail)
            spans.taken.remove((tail.start, tail.end))
        add(start, end, "PERSON", person, "translit" if person else "pattern",
            entry.country if entry else None, entry.sector if entry else None)
    names = [(m.start, m.end, m.kb_id or f"name:{m.text}") for m in found
             if m.type == "PERSON" and arabic_names.has_arabic(m.text)]
    for start, end, key in arabic_names.surname_repeats(text, names):
        entry = kb.entries.get(key)
        add(start, end, "PERSON", entry.id if entry else None, "surname",
            entry.country if entry else None, entry.sector if entry else None)


# The armed forces of a state, named by it: "Forces armées de Côte d'Ivoire", "the Kuwaiti Air Force", "armée
# malienne". Such an organisation acts for its state (the camp handed over to it is handed over to that state).
_FORCES = re.compile(r"\b(?:forces?\s+arm[ée]es?|arm[ée]e|armed\s+forces|air\s+force|navy|army|armée\s+de\s+l'air"
                     r"|marine|gendarmerie)\b|القوات\s+المسلحة|الجيش", re.IGNORECASE)


def _force_country(surface: str, start: int, end: int, kb_matches: Iterable[tuple[int, int, str, str]],
                   kb: KnowledgeBase) -> str | None:
    """The state of an armed force that its name names (one state only), else None."""
    if not _FORCES.search(surface):
        return None
    states = {kb.entries[eid].country for s, e, eid, _how in kb_matches
              if start <= s and e <= end and kb.entries[eid].type == "GPE" and kb.entries[eid].country}
    return next(iter(states)) if len(states) == 1 else None


# A capital after one of these is the city itself: "à Rabat", "in Berlin", "depuis Alger".
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:à|au|en|dans|depuis|vers|près de|in|at|near|from|to)\s+)$", re.IGNORECASE)
# Civil titles spaCy keeps inside person names ("Madame Adelys Adams"): cut from the span.
_CIVIL_TITLE = re.compile(r"^(?:Madame|Monsieur|Mademoiselle|Mme|Mlle|M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
                          r"Docteur|Maître|Me|Sir|Lord|Lady)\s+")
# Ranks and offices spaCy keeps at the head of a person's name ("Lieutenant General Aviv Kochavi", which the
# small English model calls an ORG): cut from the span, and what remains is a person.
_RANK_TITLE = re.compile(
    r"^(?:(?:Lieutenant|Major|Brigadier|Lt\.?|Maj\.?|Brig\.?)[ -][Gg][eé]n[eé]ral|[Gg][eé]n[eé]ral de (?:corps "
    r"d'armée|division|brigade)|(?:Lieutenant|Major)-[Gg]énéral|General|Gen\.|Général|Colonel|Col\.|"
    r"(?:Vice |Rear )?Admiral|Amiral|(?:Field )?Marshal|Maréchal|Air Marshal|Captain|Capitaine|"
    r"Commander|Commandant|Minister|Ministre|President|Président|Présidente|Prime Minister|Premier ministre|"
    r"King|Roi|Crown Prince|Prince héritier|Sheikh|Cheikh)\s+(?=[A-ZÀ-Ý])"
)
# Names headed by these nouns are organisations whatever type spaCy gave them.
_INSTITUTION_HEAD = re.compile(
    r"^(?:Ministère|Gouvernement|Parlement|État|Etat|Assemblée|Sénat|Conseil|Comité|Agence|Association|Fondation|"
    r"Banque|Société|Compagnie|Office|Institut|Commission|Parti|Union|Organisation|Fédération|Université|"
    r"Ministry|Government|Parliament|Senate|Council|Committee|Agency|Association|Foundation|Bank|Company|"
    r"Institute|Commission|Party|Union|Organization|Organisation|Federation|University)\b"
)
_ELISION = re.compile(r"^(?:l|d)['’]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


def _ner_spans(doc: Any, text: str) -> list[tuple[int, int, EntityType]]:
    """spaCy's PER, ORG, LOC and GPE entities, trimmed of elided articles, civil titles and trailing
    punctuation (but not the stop of an initial: "Charles J.")."""
    out: list[tuple[int, int, EntityType]] = []
    for ent in doc.ents:
        ner_type = _NER_TYPES.get(ent.label_)
        if ner_type is None:
            continue
        start, end = ent.start_char, ent.end_char
        if "\n" in text[start:end]:  # a name never runs over a line break ("Rabat\n\n" before a paragraph)
            end = start + text[start:end].index("\n")
        while (end > start and text[end - 1] in " ,;:»\"”’'") or (
                text[end - 1:end] == "." and not re.search(r"\b[A-Z]\.$", text[start:end])):
            end -= 1
        possessive = _POSSESSIVE.search(text[start:end])
        if possessive and possessive.start() > 0:  # "Narendra Modi's first state visit": the name is Modi's
            end = start + possessive.start()
        for pattern in (_ELISION, _CIVIL_TITLE):
            m = pattern.match(text[start:end])
            if m and m.end() < end - start:
                start += m.end()
        ranked = _RANK_TITLE.match(text[start:end])
        if ranked and ranked.end() < end - start and len(text[start + ranked.end():end].split()) >= 2:
            start += ranked.end()
            ner_type = "PERSON"
        surface = text[start:end]
        if _looks_like_name(surface) and surface not in _NOT_NAMES:
            if _INSTITUTION_HEAD.match(surface):
                ner_type = "ORG"  # "Ministère des transports", "Université de Fès", "l'État": bodies, not places
            out.append((start, end, ner_type))
    return out


def _inside_longer_name(start: int, end: int, ner_spans: Sequence[tuple[int, int, EntityType]]) -> bool:
    return any(s <= start and end <= e and e - s > end - start and ner_type in ("ORG", "PERSON", "LOC")
               for s, e, ner_type in ner_spans)


def _looks_like_name(surface: str) -> bool:
    if len(surface) < 2 or not surface[0].isupper():
        return False
    letters = sum(c.isalpha() for c in surface)
    return letters >= 2 and len(surface.split()) <= 8


def _described_holders(text: str, kb: KnowledgeBase, date: str | None,
                       lang: str) -> Iterable[tuple[int, int, Entry]]:
    """Spans such as "le ministre israélien de la Défense" naming the one person who held that office
    in that state on the article's date (nothing when the date is unknown or the office shared)."""
    if date is None:
        return
    pattern, keys, heads = _role_patterns(kb, lang)
    if pattern is None or heads is None:
        return
    # The big alternation is tried only where a title word stands (anchored there): scanning the whole
    # text with it cost ~15 µs a character in make bench.
    for hit in heads.finditer(text):
        at = hit.start()
        if lang == "en":  # the demonym comes first: "Israeli defence minister"
            before_hit = re.search(r"[A-Z][a-z]+\s+$", text[max(0, at - 40):at])
            if before_hit is None:
                continue
            at -= len(before_hit.group(0))
        m = pattern.match(text, at)
        if m is None:
            continue
        group = m.lastgroup or ""
        key = keys[group]
        demonym = m.group(f"{group}_d")
        states = [e for e, how in kb.lookup(demonym) if how == "demonym" and e.type == "GPE"]
        if len(states) != 1 or states[0].country is None:
            continue
        if re.match(r"^,?\s*[A-Z][\w\-]+\s[A-Z]", text[m.end(): m.end() + 40]):
            continue  # a name follows: the name itself is the mention, with this role
        before = text[max(0, m.start() - 24): m.start()].lower()
        if not _DEFINITE_BEFORE.search(before) or _NOT_CURRENT.search(before + m.group(0).lower()):
            continue  # "an Israeli army chief", "the first ... chief of staff to", "the then minister"
        holders = kb.holders(key, states[0].country, date)
        if len(holders) == 1:
            yield m.start(), m.end(), holders[0]


# Only a definite description names the office holder of the day ("le ministre israélien de la Défense");
# an indefinite or generic one ("un chef d'état-major israélien", "the first Israeli chief of staff to")
# or one set in the past ("the then defence minister", "l'ex-ministre") does not.
_DEFINITE_BEFORE = re.compile(r"(?:\b(?:le|la|the)\s+|\bl['’])$")
_NOT_CURRENT = re.compile(r"\b(?:premier|première|first|then|alors|former|ancien|ancienne|ex-|futur|future|next)\b")
_RolePatterns = tuple[re.Pattern[str] | None, dict[str, str], re.Pattern[str] | None]
_ROLE_PATTERNS: dict[tuple[int, str], _RolePatterns] = {}


def _role_patterns(kb: KnowledgeBase, lang: str) -> _RolePatterns:
    """One regex for every office title of a language, each alternative a named group whose demonym is
    captured: French "ministre de la Défense" matches "ministre israélien de la Défense" (demonym after the
    head noun), English "defence minister" matches "Israeli defence minister" (demonym first)."""
    cache_key = (id(kb), lang)
    if cache_key not in _ROLE_PATTERNS:
        parts: list[str] = []
        keys: dict[str, str] = {}
        titles = sorted(kb.role_keys(lang).items(), key=lambda kv: -len(kv[0]))
        for n, (surface, role_key) in enumerate(titles):
            g = f"r{n}"
            keys[g] = role_key
            words = surface.split()
            if lang == "en":
                parts.append(rf"(?P<{g}>\b(?P<{g}_d>[A-Z][a-z]+)\s+{re.escape(surface)})\b")
            else:
                body = rf"(?:ex-)?{re.escape(words[0])}\s+(?P<{g}_d>[a-zà-ÿ]{{4,}})"
                if len(words) > 1:
                    body += rf"\s+{re.escape(' '.join(words[1:]))}"
                parts.append(rf"(?P<{g}>\b{body})\b")
        pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        firsts = sorted({surface.split()[0] for surface, _ in titles}, key=len, reverse=True)
        heads = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in firsts) + r")\b", re.IGNORECASE) \
            if firsts else None
        _ROLE_PATTERNS[cache_key] = (pattern, keys, heads)
    return _ROLE_PATTERNS[cache_key]
