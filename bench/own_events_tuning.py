"""The tuning set of the third round (issue 12): own-words sentences written, after the second holdout
(``own_events_holdout2``) was measured, for the general causes of its failures chosen to be fixed — other states,
systems and wordings than the holdout's, so that a fix tuned here is measured there as generalisation. Same schema
as ``own_events_holdout2``. ``--set tuning`` prints the figures.
"""

from __future__ import annotations

from bench.own_events import ENDED, Case, _ev
from bench.own_events_holdout2 import F16, RAFALE, SANCTION, _deal

GRIPEN = ("JAS 39 Gripen", "Gripen")

TUNING: list[Case] = [
    # a contract for weapons signed is the deal, ordered (not an agreement beside it)
    {"lang": "en", "text": "Slovakia signed a contract with the American government for 14 F-16 jets in December 2018.",
     "events": [_deal("USA", "SVK", F16, 14, None, "ordered", ("2018-12-01", "2018-12-31"))]},
    {"lang": "fr", "text": "Un contrat portant sur la fourniture de douze Rafale à la Croatie a été signé en novembre "
     "2021.", "events": [_deal("FRA", "HRV", RAFALE, 12, None, "ordered", ("2021-11-01", "2021-11-30"))]},
    # the company that signs stands for its state, on the supplier's side
    {"lang": "en", "text": "Saab signed a contract with Brazil for 36 Gripen fighters.",
     "events": [_deal("SWE", "BRA", GRIPEN, 36, None, "ordered")]},
    {"lang": "fr", "text": "Dassault Aviation a signé avec l'Égypte un contrat pour trente Rafale.",
     "events": [_deal("FRA", "EGY", RAFALE, 30, None, "ordered")]},
    # the sale as the subject of a passive verb
    {"lang": "en", "text": "The sale of eight Patriot batteries to Saudi Arabia was approved by Congress.",
     "events": [_deal("USA", "SAU", ("MIM-104 Patriot", "Patriot"), 8, None, "planned")]},
    {"lang": "en", "text": "A sale of 40 F-16 jets to Turkey, worth $23 billion, was cleared by Washington in "
     "January.", "events": [_deal("USA", "TUR", F16, 40, (23_000_000_000, "USD"), "planned",
                                  ("2024-01-01", "2024-01-31"))]},
    {"lang": "fr", "text": "La vente de 24 Rafale au Qatar a été finalisée en 2015.",
     "events": [_deal("FRA", "QAT", RAFALE, 24, None, "ordered", ("2015-01-01", "2015-12-31"))]},
    # a weapon and a year in a relative clause on the buyer belong to the background, not to the main deal
    {"lang": "en", "text": "Greece, which bought Mirage 2000 jets from France in the 1980s, has now ordered 24 Rafale "
     "fighters from Paris.", "events": [_deal("FRA", "GRC", RAFALE, 24, None, "ordered",
                                                accept=("2020-01-01", "2024-03-06"))],
     "optional": [_ev("ARMS_TRANSFER", ["FRA"], ["GRC"])]},
    # sanctions imposed on a state or its firms
    {"lang": "en", "text": "Washington imposed sanctions on two Chinese firms that sold drone parts to Iran.",
     "events": [_ev(SANCTION, ["USA", "CHN"])], "optional": [_ev("ARMS_TRANSFER", ["CHN"], ["IRN"])]},
    {"lang": "fr", "text": "Le Canada a imposé de nouvelles sanctions à la Russie.",
     "events": [_ev(SANCTION, ["CAN", "RUS"])]},
    # second batch: the other causes the holdout showed
    # a system the knowledge base does not know is named by the text's proper name, not by its noun
    {"lang": "en", "text": "Spain will buy 50 Taurus cruise missiles from Germany.",
     "events": [_deal("DEU", "ESP", ("Taurus", "Taurus KEPD 350"), 50, None, "planned")]},
    {"lang": "fr", "text": "Le Brésil a commandé 36 obusiers Atlas à la Turquie.",
     "events": [_deal("TUR", "BRA", ("Atlas",), 36, None, "ordered")]},
    # the second clause of a coordination tells a deal of its own, dated by its own clause
    {"lang": "en", "text": "Algeria ordered 14 Su-30 jets in 2019, and the first four were delivered by Russia in "
     "May.", "events": [_deal("RUS", "DZA", ("Sukhoi Su-30", "Su-30"), 14, None, "ordered",
                              ("2019-01-01", "2019-12-31")),
                        _deal("RUS", "DZA", ("Sukhoi Su-30", "Su-30"), 4, None, "delivered",
                              ("2023-05-01", "2023-05-31"))]},
    # the sale approved, passive, with its value in apposition
    {"lang": "en", "text": "The sale of 24 AH-64E helicopters to Morocco, worth about $4 billion, was approved by "
     "the State Department in 2020.",
     "events": [_deal("USA", "MAR", ("AH-64 Apache", "AH-64E"), 24, (4_000_000_000, "USD"), "planned",
                      ("2020-01-01", "2020-12-31"))]},
    # received from a state, second-hand
    {"lang": "fr", "text": "La Grèce a reçu de la France ses deux premiers Mirage 2000 d'occasion.",
     "events": [_deal("FRA", "GRC", "Mirage 2000", 2, None, "delivered")]},
    # "dénoncer" an agreement ends it
    {"lang": "fr", "text": "Le Niger a dénoncé l'accord militaire qui le liait aux États-Unis.",
     "events": [_ev(ENDED, ["NER", "USA"])]},
    # a relative clause in the imperfect describes, it does not tell a conflict
    {"lang": "fr", "text": "Les soldats français ont quitté le camp qu'ils occupaient à Gao.",
     "events": [_ev(ENDED, ["FRA", "MLI"])]},
    # a named exercise conducted by two navies
    {"lang": "fr", "text": "Les marines égyptienne et grecque ont conduit l'exercice Medusa en Crète.",
     "events": [_ev("EXERCISE", ["EGY", "GRC"])]},
    # a system shown at a fair is no conference between states
    {"lang": "fr", "text": "Le char Leclerc a été exposé au salon Eurosatory à Paris.", "events": []},
    # what is denied is negated
    {"lang": "en", "text": "Spain denied reports that it would sell Leopard 2 tanks to Ukraine.",
     "events": [{**_ev("ARMS_TRANSFER", ["ESP"], ["UKR"]), "fact": "negated"}]},
    {"lang": "fr", "text": "Le ministère italien a démenti avoir vendu des drones à la Libye.",
     "events": [{**_ev("ARMS_TRANSFER", ["ITA"], ["LBY"]), "fact": "negated"}]},
]
