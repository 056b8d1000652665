"""The tuning set of the third round (issue 12): own-words sentences written, after the second holdout
(``own_events_holdout2``) was measured, for the general causes of its failures chosen to be fixed — other states,
systems and wordings than the holdout's, so that a fix tuned here is measured there as generalisation. Same schema
as ``own_events_holdout2``. ``--set tuning`` prints the figures.
"""

from __future__ import annotations

from bench.own_events import Case, _ev
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
]
