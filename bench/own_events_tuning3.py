"""The tuning set of the fourth round (issue 12): own-words sentences written, after the third holdout
(``own_events_holdout3``) was measured, for the general causes of its failures chosen to be fixed — other states,
systems and wordings than the holdout's, so that a fix tuned here is measured there as generalisation. Same schema
as ``own_events_holdout2``. ``--set tuning3`` prints the figures.
"""

from __future__ import annotations

from bench.own_events import Case, _ev
from bench.own_events_holdout2 import F16, RAFALE, _dated, _deal

TUNING3: list[Case] = [
    # the second weekday of a range is the first of its name on or after the first
    {"lang": "en", "text": "The Vietnamese prime minister is on an official visit to Japan from Monday to Wednesday.",
     "events": [_dated(_ev("VISIT", ["VNM"], ["JPN"]), ("2024-03-04", "2024-03-06"))]},
    {"lang": "fr", "text": "Le président kényan se rendra en Allemagne de lundi à mercredi.",
     "events": [_dated(_ev("VISIT", ["KEN"], ["DEU"]), ("2024-03-11", "2024-03-13"))]},
    {"lang": "en", "text": "The Spanish king will visit Morocco on Monday.",
     "events": [_dated(_ev("VISIT", ["ESP"], ["MAR"]), ("2024-03-11", "2024-03-11"))]},
    # the city that hosts talks is no party
    {"lang": "en", "text": "Ukrainian and Russian negotiators held talks in Istanbul on Tuesday.",
     "events": [_dated(_ev("MEETING", ["UKR", "RUS"]), ("2024-03-05", "2024-03-05"))],
     "optional": [_ev("VISIT", ["UKR"], ["TUR"]), _ev("VISIT", ["RUS"], ["TUR"])]},
    {"lang": "fr", "text": "Des responsables indiens et pakistanais ont tenu des pourparlers à Doha.",
     "events": [_ev("MEETING", ["IND", "PAK"])],
     "optional": [_ev("VISIT", ["IND"], ["QAT"]), _ev("VISIT", ["PAK"], ["QAT"])]},
    # equipment inducted or commissioned into service is delivered
    {"lang": "en", "text": "The Philippine Air Force inducted two more FA-50 jets from South Korea on Friday.",
     "events": [_deal("KOR", "PHL", ("KAI FA-50", "FA-50"), 2, None, "delivered", ("2024-03-01", "2024-03-01"))]},
    {"lang": "en", "text": "The Algerian navy commissioned two MEKO frigates bought from Germany.",
     "events": [_deal("DEU", "DZA", ("MEKO", "MEKO frigates"), 2, None, "delivered")]},
    {"lang": "fr", "text": "La marine égyptienne a mis en service deux frégates FREMM achetées à l'Italie.",
     "events": [_deal("ITA", "EGY", "FREMM", 2, None, "delivered")]},
    # a parliament approving a purchase: planned
    {"lang": "en", "text": "The Dutch parliament approved the purchase of 46 Leopard 2 tanks from Germany.",
     "events": [_deal("DEU", "NLD", "Leopard 2", 46, None, "planned")]},
    {"lang": "fr", "text": "Le Parlement polonais a approuvé l'achat de 96 hélicoptères Apache aux États-Unis.",
     "events": [_deal("USA", "POL", ("AH-64 Apache", "Apache"), 96, None, "planned")]},
    # a contract worth a sum signed with a state for weapons is the deal
    {"lang": "en", "text": "Kuwait signed a contract worth $367 million with Turkey for Bayraktar TB2 drones.",
     "events": [_deal("TUR", "KWT", "Bayraktar TB2", None, (367_000_000, "USD"), "ordered")]},
    # delivered by the supplier; "ordered by" qualifies the weapons
    {"lang": "en", "text": "The first four K9 howitzers ordered by Australia were delivered by South Korea in January.",
     "events": [_deal("KOR", "AUS", ("K9 Thunder", "K9"), 4, None, "delivered", ("2024-01-01", "2024-01-31"))]},
    {"lang": "en", "text": "Slovakia's first F-16 jets arrived from the United States on Friday.",
     "events": [_deal("USA", "SVK", F16, None, None, "delivered", ("2024-03-01", "2024-03-01"))]},
    {"lang": "fr", "text": "Les premiers Rafale commandés par l'Indonésie seront livrés par la France en 2026.",
     "events": [_deal("FRA", "IDN", RAFALE, None, None, "planned")]},
    {"lang": "fr", "text": "La Croatie a réceptionné quatre Rafale livrés par la France.",
     "events": [_deal("FRA", "HRV", RAFALE, 4, None, "delivered")]},
    # two states signing, after a fronted phrase or with the place between verb and object
    {"lang": "fr", "text": "Lors de la visite du Premier ministre indien à Paris, l'Inde et la France ont signé un "
     "accord de défense.",
     "events": [_ev("AGREEMENT", ["IND", "FRA"]), _ev("VISIT", ["IND"], ["FRA"])],
     "optional": [_ev("MEETING", ["IND", "FRA"])]},
    {"lang": "fr", "text": "L'Italie et le Japon ont signé à Rome un accord de coopération en matière de défense.",
     "events": [_ev("AGREEMENT", ["ITA", "JPN"])]},
    # the visitor told by the demonym of his title
    {"lang": "fr", "text": "Le président sud-coréen effectuera une visite officielle en Pologne.",
     "events": [_ev("VISIT", ["KOR"], ["POL"])]},
    {"lang": "en", "text": "The Vietnamese president was on a state visit to China last week.",
     "events": [_ev("VISIT", ["VNM"], ["CHN"])]},
    # background: a relative clause or membership makes no event and no party
    {"lang": "en", "text": "The Moroccan minister, whose country buys most of its weapons from the United States, met "
     "his Israeli counterpart in Rabat.",
     "events": [_ev("MEETING", ["MAR", "ISR"])], "optional": [_ev("VISIT", ["ISR"], ["MAR"])]},
    {"lang": "fr", "text": "Le président tunisien, dont le pays achète des armes américaines, a reçu son homologue "
     "libyen.", "events": [_ev("VISIT", ["LBY"], ["TUN"])], "optional": [_ev("MEETING", ["TUN", "LBY"])]},
    {"lang": "en", "text": "Sweden, which joined NATO last month, held talks with Finland on Tuesday.",
     "events": [_dated(_ev("MEETING", ["SWE", "FIN"]), ("2024-03-05", "2024-03-05"))]},
    {"lang": "en", "text": "Germany's export rules have long restricted arms sales to the Gulf.", "events": []},
    {"lang": "fr", "text": "Aucun accord n'a encore été conclu entre le Mali et la Russie sur la livraison "
     "d'hélicoptères.", "events": []},
    {"lang": "en", "text": "The chancellor refused to say if Berlin would deliver Taurus missiles to Ukraine.",
     "events": []},
    {"lang": "en", "text": "Britain will send 14 Challenger 2 tanks to Ukraine, the defence secretary said.",
     "events": [_deal("GBR", "UKR", "Challenger 2", 14, None, "planned")]},
]
TUNING3 += [
    # a pledge to supply is one act, planned
    {"lang": "en", "text": "Belgium pledged to provide Ukraine with 30 F-16 jets.",
     "events": [_deal("BEL", "UKR", F16, 30, None, "planned")]},
    # "l'envoi de X à Y": the sender's act
    {"lang": "fr", "text": "La Suède a annoncé l'envoi de dix chars Leopard 2 à l'Ukraine.",
     "events": [_deal("SWE", "UKR", "Leopard 2", 10, None, "planned")]},
    # a re-export: the re-exporter supplies
    {"lang": "en", "text": "Switzerland blocked the re-export of Gepard ammunition from Germany to Ukraine.",
     "events": [], "optional": [_ev("ARMS_TRANSFER", ["DEU"], ["UKR"])]},
    {"lang": "fr", "text": "Washington a autorisé la réexportation par la Grèce de missiles Stinger vers l'Ukraine.",
     "events": [_deal("GRC", "UKR", ("FIM-92 Stinger", "Stinger"), None, None, "planned")],
     "optional": [_ev("ARMS_TRANSFER", ["USA"], ["UKR"]), _ev("ARMS_TRANSFER", ["USA"], ["GRC"])]},
    # a contract worth a sum with a state for weapons named far from the noun
    {"lang": "fr", "text": "Le Qatar a signé un contrat d'une valeur de 6 milliards d'euros avec l'Italie pour des "
     "frégates FREMM.", "events": [_deal("ITA", "QAT", "FREMM", None, (6_000_000_000, "EUR"), "ordered")]},
]
TUNING3 += [
    # a purchase approved, of a system the knowledge base lacks, named by the text
    {"lang": "en", "text": "The Danish parliament approved the purchase of eight SAMP/T systems from France.",
     "events": [_deal("FRA", "DNK", ("SAMP/T", "SAMP"), 8, None, "planned")]},
    {"lang": "fr", "text": "Le Parlement slovène a approuvé l'achat de 45 véhicules blindés Boxer à l'Allemagne.",
     "events": [_deal("DEU", "SVN", "Boxer", 45, None, "planned")]},
    # "une visite d'État" names the kind of visit, not its actor
    {"lang": "fr", "text": "Le président argentin effectuera une visite d'État en Espagne.",
     "events": [_ev("VISIT", ["ARG"], ["ESP"])]},
]
