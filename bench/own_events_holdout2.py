"""A second held-out golden set for the events stage (issue 12, third round): news-style sentences written for this
project (own words; facts may echo real deals and visits, loosely), with the events a careful reader expects —
WRITTEN AND FROZEN BEFORE THE SYSTEM WAS RUN ON THEM. Never tune the rules on these cases: fixes are made on a
separate tuning set (``own_events.TUNING``), and this set is measured once before and once after.

Same schema as ``own_events.CASES`` (``text``, ``lang``, ``events``), plus:
- ``optional``: events a reader may fairly take from the sentence (a background act in a relative clause, a
  visit implied by talks abroad): neither rewarded nor counted as false;
- per expected event, ``date``: the inclusive interval (ISO days) the event must be dated in when the text dates
  it, and ``accept``: an interval a date must not fall outside (a background year elsewhere in the sentence
  must not date the news), both against the publication date ``own_events.PUBLISHED`` (Wednesday 2024-03-06);
- in ``arms``, ``designation`` may be a tuple of acceptable names (the knowledge base's or the text's).
"""

from __future__ import annotations

from typing import Any

from bench.own_events import ENDED, Case, _ev

SANCTION = ("OTHER", "CONFLICT")  # the press gold codes a sanction OTHER (PLOVER SANCTION); any side
RECALL = ("DIPLOMATIC_RELATIONS", "OTHER")  # an ambassador recalled or expelled; any side


def _deal(src: str, rcp: str, designation: str | tuple[str, ...], number: int | None,
          value: tuple[float, str] | None, status: str, date: tuple[str, str] | None = None,
          accept: tuple[str, str] | None = None) -> dict[str, Any]:
    out = _ev("ARMS_TRANSFER", [src], [rcp], designation=designation, number=number, value=value, status=status)
    return _dated(out, date, accept)


def _dated(ev: dict[str, Any], date: tuple[str, str] | None = None,
           accept: tuple[str, str] | None = None) -> dict[str, Any]:
    if date:
        ev["date"] = date
    if accept:
        ev["accept"] = accept
    return ev


APACHE = ("AH-64 Apache", "Apache", "AH-64E Apache", "AH-64E")
F16 = ("F-16 Fighting Falcon", "F-16", "F-16 Block 70", "F-16V")
F35 = ("F-35 Lightning II", "F-35", "F-35A")
RAFALE = ("Dassault Rafale", "Rafale")

HOLDOUT2: list[Case] = [
    # ---- arms deals, English: passive, nominal, future, first deliveries, values in other currencies ----------
    {"lang": "en", "text": "The sale of 96 AH-64E Apache helicopters to Poland, worth an estimated $12 billion, was "
     "approved by the State Department in August.",
     "events": [_deal("USA", "POL", APACHE, 96, (12_000_000_000, "USD"), "planned", ("2023-08-01", "2023-08-31"))]},
    {"lang": "en", "text": "Romania will acquire 54 Abrams tanks from the United States for about $2.5 billion, its "
     "defence ministry announced on Monday.",
     "events": [_deal("USA", "ROU", ("M1 Abrams", "Abrams"), 54, (2_500_000_000, "USD"), "planned")]},
    {"lang": "en", "text": "The Philippines received its first two BrahMos missile batteries from India on Friday.",
     "events": [_deal("IND", "PHL", "BrahMos", 2, None, "delivered", ("2024-03-01", "2024-03-01"))]},
    {"lang": "en", "text": "Hanwha Aerospace signed a contract with Poland for 152 K9 howitzers worth $2.6 billion.",
     "events": [_deal("KOR", "POL", ("K9 Thunder", "K9"), 152, (2_600_000_000, "USD"), "ordered")]},
    {"lang": "en", "text": "Under a deal signed in 2022, Greece ordered six additional Rafale jets from France.",
     "events": [_deal("FRA", "GRC", RAFALE, 6, None, "ordered", ("2022-01-01", "2022-12-31"))]},
    {"lang": "en", "text": "Denmark handed over 19 F-16 fighter jets to Ukraine, the Danish prime minister said.",
     "events": [_deal("DNK", "UKR", F16, 19, None, "delivered")]},
    {"lang": "en", "text": "Switzerland signed a contract with the US government for 36 F-35A fighters in September "
     "2022, at a cost of 6 billion Swiss francs.",
     "events": [_deal("USA", "CHE", F35, 36, (6_000_000_000, "CHF"), "ordered", ("2022-09-01", "2022-09-30"))]},
    {"lang": "en", "text": "The sale of 12 Rafale jets to Serbia was finalised during the French president's visit "
     "to Belgrade.",
     "events": [_deal("FRA", "SRB", RAFALE, 12, None, "ordered"), _ev("VISIT", ["FRA"], ["SRB"])]},
    {"lang": "en", "text": "Australia will buy 20 C-130J transport aircraft from the United States, Canberra said.",
     "events": [_deal("USA", "AUS", ("C-130 Hercules", "C-130J", "C-130J Super Hercules"), 20, None, "planned")]},
    {"lang": "en", "text": "Japan has agreed to buy up to 400 Tomahawk cruise missiles from the United States.",
     "events": [_deal("USA", "JPN", ("Tomahawk", "BGM-109 Tomahawk"), 400, None, "planned")]},
    {"lang": "en", "text": "Morocco ordered 24 Apache helicopters in 2020, and the first six were delivered by the "
     "United States in March.",
     "events": [_deal("USA", "MAR", APACHE, 24, None, "ordered", ("2020-01-01", "2020-12-31")),
                _deal("USA", "MAR", APACHE, 6, None, "delivered", ("2024-03-01", "2024-03-31"))]},
    {"lang": "en", "text": "Egypt bought two Mistral-class ships from France in 2015 for about 950 million euros.",
     "events": [_deal("FRA", "EGY", ("Mistral", "Mistral-class", "Mistral-class ships"), 2, (950_000_000, "EUR"),
                      "ordered", ("2015-01-01", "2015-12-31"))]},
    {"lang": "en", "text": "The sale to Morocco of 612 Javelin missiles, valued at $260 million, was approved by the "
     "State Department.",
     "events": [_deal("USA", "MAR", ("FGM-148 Javelin", "Javelin"), 612, (260_000_000, "USD"), "planned")]},
    {"lang": "en", "text": "Morocco, which bought its first F-5 jets from the United States in the 1960s, has now "
     "ordered 25 new F-16 fighters from Washington.",
     "events": [_deal("USA", "MAR", F16, 25, None, "ordered", accept=("2020-01-01", "2024-03-06"))],
     "optional": [_ev("ARMS_TRANSFER", ["USA"], ["MAR"])]},
    # ---- arms deals, French ----------------------------------------------------------------------------------
    {"lang": "fr", "text": "La livraison de six hélicoptères Caracal au Koweït par la France s'est achevée en "
     "février.",
     "events": [_deal("FRA", "KWT", ("Caracal", "H225M Caracal", "H225M"), 6, None, "delivered",
                      ("2024-02-01", "2024-02-29"))]},
    {"lang": "fr", "text": "Un contrat portant sur l'acquisition de six avions Rafale par l'Indonésie a été signé avec "
     "Dassault Aviation en février 2022.",
     "events": [_deal("FRA", "IDN", RAFALE, 6, None, "ordered", ("2022-02-01", "2022-02-28"))]},
    {"lang": "fr", "text": "La Croatie a reçu de la France ses six premiers Rafale d'occasion, a indiqué le ministère "
     "croate de la Défense.",
     "events": [_deal("FRA", "HRV", RAFALE, 6, None, "delivered")]},
    {"lang": "fr", "text": "Le Maroc va acquérir 18 canons Caesar auprès de la France pour 170 millions d'euros.",
     "events": [_deal("FRA", "MAR", ("CAESAR", "Caesar"), 18, (170_000_000, "EUR"), "planned")]},
    {"lang": "fr", "text": "La vente à la Bulgarie de huit F-16 Block 70, d'un montant de 1,67 milliard de dollars, a "
     "été approuvée par Washington.",
     "events": [_deal("USA", "BGR", F16, 8, (1_670_000_000, "USD"), "planned")]},
    {"lang": "fr", "text": "L'Arabie saoudite a signé avec la Chine un contrat d'achat de drones Wing Loong II.",
     "events": [_deal("CHN", "SAU", "Wing Loong II", None, None, "ordered")]},
    {"lang": "fr", "text": "Varsovie a commandé 48 lance-roquettes K239 Chunmoo à la Corée du Sud en 2023, pour 1,6 "
     "milliard d'euros.",
     "events": [_deal("KOR", "POL", ("K239 Chunmoo", "Chunmoo", "K239"), 48, (1_600_000_000, "EUR"), "ordered",
                      ("2023-01-01", "2023-12-31"))]},
    {"lang": "fr", "text": "Athènes recevra ses premiers F-35 américains à partir de 2028.",
     "events": [_deal("USA", "GRC", F35, None, None, "planned")]},
    # ---- visits and meetings ---------------------------------------------------------------------------------
    {"lang": "en", "text": "Japan's defence minister arrived in Manila on Saturday for a two-day visit.",
     "events": [_dated(_ev("VISIT", ["JPN"], ["PHL"]), ("2024-03-02", "2024-03-03"))]},
    {"lang": "en", "text": "Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergei Lavrov "
     "in Moscow on Monday.",
     "events": [_dated(_ev("MEETING", ["CHN", "RUS"]), ("2024-03-04", "2024-03-04"))],
     "optional": [_ev("VISIT", ["CHN"], ["RUS"])]},
    {"lang": "en", "text": "During his visit to Washington, the Polish president met President Biden at the White "
     "House.",
     "events": [_ev("VISIT", ["POL"], ["USA"]), _ev("MEETING", ["POL", "USA"])]},
    {"lang": "en", "text": "The Saudi crown prince received the Turkish president in Jeddah on Tuesday.",
     "events": [_dated(_ev("VISIT", ["TUR"], ["SAU"]), ("2024-03-05", "2024-03-05"))],
     "optional": [_ev("MEETING", ["SAU", "TUR"])]},
    {"lang": "fr", "text": "Le chef d'état-major des armées françaises a effectué une visite de travail au Sénégal du "
     "12 au 14 février.",
     "events": [_dated(_ev("VISIT", ["FRA"], ["SEN"]), ("2024-02-12", "2024-02-14"))]},
    {"lang": "fr", "text": "Le ministre indien de la Défense a rencontré mardi à Paris son homologue français.",
     "events": [_dated(_ev("MEETING", ["IND", "FRA"]), ("2024-03-05", "2024-03-05"))],
     "optional": [_ev("VISIT", ["IND"], ["FRA"])]},
    # ---- withdrawals, bases handed over ----------------------------------------------------------------------
    {"lang": "en", "text": "France handed over its last military base in Chad to the Chadian army in January.",
     "events": [_dated(_ev(ENDED, ["FRA", "TCD"]), ("2024-01-01", "2024-01-31"))]},
    {"lang": "fr", "text": "Les derniers militaires américains ont quitté la base aérienne de Niamey, remise aux "
     "autorités nigériennes.",
     "events": [_ev(ENDED, ["USA", "NER"])]},
    {"lang": "en", "text": "The United States completed the withdrawal of its troops from Niger.",
     "events": [_ev(ENDED, ["USA", "NER"])]},
    {"lang": "fr", "text": "La France a rétrocédé au Sénégal les emprises militaires qu'elle occupait à Dakar.",
     "events": [_ev(ENDED, ["FRA", "SEN"])]},
    # ---- cooperation ended or suspended ----------------------------------------------------------------------
    {"lang": "en", "text": "Chad ended its defence cooperation agreement with France in November.",
     "events": [_dated(_ev(ENDED, ["TCD", "FRA"]), ("2023-11-01", "2023-11-30"))]},
    {"lang": "fr", "text": "Le Mali a dénoncé les accords de défense qui le liaient à la France.",
     "events": [_ev(ENDED, ["MLI", "FRA"])]},
    {"lang": "en", "text": "Germany suspended its military training mission in Niger after the coup.",
     "events": [_ev(ENDED, ["DEU", "NER"])]},
    # ---- sanctions, ambassadors --------------------------------------------------------------------------------
    {"lang": "en", "text": "The United States imposed sanctions on three Iranian companies that supplied drones to "
     "Russia.",
     "events": [_ev(SANCTION, ["USA", "IRN"])], "optional": [_ev("ARMS_TRANSFER", ["IRN"], ["RUS"])]},
    {"lang": "fr", "text": "Washington a imposé des sanctions à la Turquie après l'achat du système russe S-400.",
     "events": [_ev(SANCTION, ["USA", "TUR"])], "optional": [_ev("ARMS_TRANSFER", ["RUS"], ["TUR"])]},
    {"lang": "en", "text": "Algeria recalled its ambassador to Spain for consultations.",
     "events": [_ev(RECALL, ["DZA", "ESP"])]},
    {"lang": "fr", "text": "Le Niger a expulsé l'ambassadeur de France.",
     "events": [_ev(RECALL, ["NER", "FRA"])]},
    # ---- exercises ---------------------------------------------------------------------------------------------
    {"lang": "en", "text": "More than 3,000 Moroccan and American troops took part in the African Lion exercise, "
     "which began on Monday.",
     "events": [_dated(_ev("EXERCISE", ["MAR", "USA"]), ("2024-03-04", "2024-03-04"))]},
    {"lang": "fr", "text": "La marine française et la marine indienne ont conduit l'exercice Varuna au large de Goa.",
     "events": [_ev("EXERCISE", ["FRA", "IND"])]},
    # ---- agreements with named titles ------------------------------------------------------------------------
    {"lang": "en", "text": "Rabat and Tel Aviv signed a memorandum of understanding on defence cooperation in "
     "November 2021.",
     "events": [_dated(_ev("AGREEMENT", ["MAR", "ISR"]), ("2021-11-01", "2021-11-30"))]},
    {"lang": "fr", "text": "Le Maroc et les Émirats arabes unis ont signé à Abou Dhabi un accord de coopération "
     "militaire.",
     "events": [_ev("AGREEMENT", ["MAR", "ARE"])]},
    {"lang": "en", "text": "The United States and the Philippines signed the Enhanced Defense Cooperation Agreement "
     "in 2014.",
     "events": [_dated(_ev("AGREEMENT", ["USA", "PHL"]), ("2014-01-01", "2014-12-31"))]},
    # ---- hard negatives: hypotheticals, denials, examples, the press quoted, opinion, history asides ----------
    {"lang": "en", "text": "Experts believe Algeria could eventually buy Su-57 fighters from Russia.", "events": []},
    {"lang": "en", "text": "Poland has denied reports that it plans to send MiG-29 jets to Ukraine.", "events": []},
    {"lang": "en", "text": "Weapons such as the Javelin, the NLAW and the Stinger have become symbols of the war.",
     "events": []},
    {"lang": "en", "text": "According to the Anadolu news agency, the talks lasted three hours.", "events": []},
    {"lang": "en", "text": "The agreement, the editorial argued, should never have been signed.", "events": []},
    {"lang": "fr", "text": "Le Rafale, qui équipe déjà l'armée de l'air égyptienne, a été présenté au salon de Dubaï.",
     "events": [], "optional": [_ev("ARMS_TRANSFER", ["FRA"], ["EGY"])]},
    {"lang": "en", "text": "If Washington approves the sale, Turkey could receive 40 F-16 jets.", "events": []},
    {"lang": "en", "text": "Russia has not delivered any S-400 system to Iran, the Kremlin said.", "events": []},
    {"lang": "en", "text": "Reuters and AFP both reported the visit, citing diplomats.", "events": []},
    {"lang": "fr", "text": "Le porte-parole du Quai d'Orsay a rappelé que la France reste attachée à sa coopération "
     "avec le Niger.", "events": []},
    {"lang": "en", "text": "Speaking in Rabat, the French minister recalled that France had sold Mirage F1 jets to "
     "Morocco in the 1970s.", "events": [],
     "optional": [_ev("ARMS_TRANSFER", ["FRA"], ["MAR"]), _ev("VISIT", ["FRA"], ["MAR"])]},
]
