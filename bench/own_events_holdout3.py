"""A third held-out golden set for the events stage (issue 12, fourth round): news-style sentences written for this
project (own words; facts may echo real deals and visits, loosely), with the events a careful reader expects —
WRITTEN AND COMMITTED BEFORE THE SYSTEM WAS RUN ON THEM. Never tune the rules on these cases: fixes are made on a
separate tuning set (``own_events_tuning3.TUNING3``, other states, systems and wordings), and this set is measured
once before and once after.

It covers the constructions of the defence press that ``own_events.CASES``/``HOLDOUT``, ``own_events_holdout2`` and
``own_events_tuning`` do not: a government deciding or pledging to send weapons (planned, with how many), a
partner approving a re-export (the deal is the re-exporter's), a state inducting or commissioning equipment
(delivered), a sale approved by a congress or parliament but not signed (planned), a contract signed (ordered) with
value and currency as stated, first deliveries, an ambassador recalled, a declaration signed by two warring
parties in a third state's city (the host is no party), a reciprocal access or defence cooperation agreement
signed during a visit, visits dated "from Tuesday to Thursday", talks held in a capital, background asides (a
relative clause, an apposition, "their") that must make no event and no party; and hard negatives.

Same schema as ``own_events_holdout2`` (``optional``, ``date``, ``accept``, tuple designations); publication date
``own_events.PUBLISHED`` (Wednesday 2024-03-06): "on Tuesday" told in the past is 2024-03-05, "will ... from Monday"
is 2024-03-11.
"""

from __future__ import annotations

from bench.own_events import Case, _ev
from bench.own_events_holdout2 import F16, F35, RAFALE, RECALL, _dated, _deal

LEOPARD = ("Leopard 2", "Leopard 2A6", "Leopard 2A4")
K9 = ("K9 Thunder", "K9")

HOLDOUT3: list[Case] = [
    # ---- a government decides or pledges to send weapons: planned, with how many ------------------------------
    {"lang": "en", "text": "Sweden decided on Tuesday to send ten Leopard 2 tanks to Ukraine, the defence minister "
     "said.", "events": [_deal("SWE", "UKR", LEOPARD, 10, None, "planned", ("2024-03-05", "2024-03-05"))]},
    {"lang": "en", "text": "The Netherlands pledged to supply Ukraine with 18 F-16 fighter jets.",
     "events": [_deal("NLD", "UKR", F16, 18, None, "planned")]},
    {"lang": "en", "text": "Portugal has promised to send three Leopard 2A6 tanks to Kyiv.",
     "events": [_deal("PRT", "UKR", LEOPARD, 3, None, "planned")]},
    {"lang": "fr", "text": "Le gouvernement danois a décidé d'envoyer 19 avions F-16 à l'Ukraine.",
     "events": [_deal("DNK", "UKR", F16, 19, None, "planned")]},
    {"lang": "fr", "text": "La Norvège s'est engagée à fournir huit chars Leopard 2 à Kiev.",
     "events": [_deal("NOR", "UKR", LEOPARD, 8, None, "planned")]},
    {"lang": "fr", "text": "Les Pays-Bas ont annoncé l'envoi de six avions F-16 supplémentaires à l'Ukraine.",
     "events": [_deal("NLD", "UKR", F16, 6, None, "planned")]},
    {"lang": "en", "text": "Germany sent Ukraine two more IRIS-T SLM air defence systems on Saturday.",
     "events": [_deal("DEU", "UKR", ("IRIS-T SLM", "IRIS-T"), 2, None, "delivered", ("2024-03-02", "2024-03-02"))]},
    # ---- a partner approves a re-export: the deal is the re-exporter's --------------------------------------
    {"lang": "en", "text": "Germany approved the re-export of 14 Leopard 2 tanks from Poland to Ukraine.",
     "events": [_deal("POL", "UKR", LEOPARD, 14, None, "planned")],
     "optional": [_ev("ARMS_TRANSFER", ["DEU"], ["UKR"]), _ev("ARMS_TRANSFER", ["DEU"], ["POL"])]},
    {"lang": "fr", "text": "L'Allemagne a donné son feu vert à la réexportation par la Finlande de chars Leopard 2 "
     "vers l'Ukraine.",
     "events": [_deal("FIN", "UKR", LEOPARD, None, None, "planned")],
     "optional": [_ev("ARMS_TRANSFER", ["DEU"], ["UKR"]), _ev("ARMS_TRANSFER", ["DEU"], ["FIN"])]},
    # ---- a state inducts or commissions equipment: delivered ------------------------------------------------
    {"lang": "en", "text": "The Indian Air Force formally inducted five Rafale jets from France at Ambala on "
     "Thursday.", "events": [_deal("FRA", "IND", RAFALE, 5, None, "delivered", ("2024-02-29", "2024-02-29"))]},
    {"lang": "en", "text": "Hungary inducted its first two Lynx infantry fighting vehicles, bought from Germany, into "
     "service.", "events": [_deal("DEU", "HUN", ("Lynx", "KF41 Lynx", "KF-41 Lynx"), 2, None, "delivered")]},
    {"lang": "en", "text": "The Egyptian navy commissioned two Gowind corvettes built in France by Naval Group.",
     "events": [_deal("FRA", "EGY", ("Gowind", "Gowind 2500"), 2, None, "delivered")]},
    {"lang": "fr", "text": "L'armée de l'air grecque a mis en service ses six premiers Rafale achetés à la France.",
     "events": [_deal("FRA", "GRC", RAFALE, 6, None, "delivered")]},
    # ---- a sale approved by a congress or parliament, not signed: planned -------------------------------------
    {"lang": "en", "text": "Congress cleared the $8.6 billion sale of F-16 jets to Turkey on Friday; no contract has "
     "been signed yet.",
     "events": [_deal("USA", "TUR", F16, None, (8_600_000_000, "USD"), "planned", ("2024-03-01", "2024-03-01"))]},
    {"lang": "en", "text": "The Australian parliament approved the purchase of 220 Tomahawk missiles from the United "
     "States.", "events": [_deal("USA", "AUS", ("Tomahawk", "BGM-109 Tomahawk"), 220, None, "planned")]},
    {"lang": "en", "text": "India's cabinet committee on security cleared the purchase of 31 MQ-9B drones from the "
     "United States worth $3.99 billion.",
     "events": [_deal("USA", "IND", ("MQ-9B SeaGuardian", "MQ-9B"), 31, (3_990_000_000, "USD"), "planned")]},
    {"lang": "fr", "text": "Le Parlement slovaque a approuvé l'achat de 152 blindés Patria à la Finlande, mais le "
     "contrat n'est pas encore signé.",
     "events": [_deal("FIN", "SVK", ("Patria", "Patria AMV"), 152, None, "planned")]},
    {"lang": "fr", "text": "Le Congrès américain a approuvé la vente de 32 F-35 à la Roumanie pour 7,2 milliards de "
     "dollars.", "events": [_deal("USA", "ROU", F35, 32, (7_200_000_000, "USD"), "planned")]},
    # ---- a contract signed: ordered, value and currency as stated --------------------------------------------
    {"lang": "en", "text": "Poland signed a contract with South Korea for 180 K2 tanks worth $3.37 billion.",
     "events": [_deal("KOR", "POL", ("K2 Black Panther", "K2"), 180, (3_370_000_000, "USD"), "ordered")]},
    {"lang": "en", "text": "The Czech Republic signed a contract with the United States for 24 F-35 jets worth 150 "
     "billion Czech koruna.", "events": [_deal("USA", "CZE", F35, 24, (150_000_000_000, "CZK"), "ordered")]},
    {"lang": "en", "text": "Indonesia signed a contract with Turkey for 12 Anka drones worth $300 million.",
     "events": [_deal("TUR", "IDN", ("TAI Anka", "Anka"), 12, (300_000_000, "USD"), "ordered")]},
    {"lang": "en", "text": "Estonia signed a 100 million euro contract with South Korea for 12 more K9 howitzers.",
     "events": [_deal("KOR", "EST", K9, 12, (100_000_000, "EUR"), "ordered")]},
    {"lang": "en", "text": "Saudi Arabia signed a contract worth 4 billion riyals with China for Wing Loong drones.",
     "events": [_deal("CHN", "SAU", ("Wing Loong II", "Wing Loong"), None, (4_000_000_000, "SAR"), "ordered")]},
    {"lang": "fr", "text": "L'Irak a signé avec la Corée du Sud un contrat de 2,8 milliards de dollars pour des "
     "systèmes antiaériens Cheongung.",
     "events": [_deal("KOR", "IRQ", ("Cheongung", "KM-SAM"), None, (2_800_000_000, "USD"), "ordered")]},
    {"lang": "fr", "text": "Les Émirats arabes unis ont signé avec la France un contrat de 16 milliards d'euros pour "
     "80 Rafale.", "events": [_deal("FRA", "ARE", RAFALE, 80, (16_000_000_000, "EUR"), "ordered")]},
    {"lang": "fr", "text": "La Suisse a signé un contrat avec l'Allemagne pour cinq systèmes IRIS-T SLM, pour 660 "
     "millions de francs suisses.",
     "events": [_deal("DEU", "CHE", ("IRIS-T SLM", "IRIS-T"), 5, (660_000_000, "CHF"), "ordered")]},
    # ---- first deliveries ------------------------------------------------------------------------------------
    {"lang": "en", "text": "Romania received the first three of its 54 Abrams tanks from the United States on Tuesday.",
     "events": [_deal("USA", "ROU", ("M1 Abrams", "Abrams"), 3, None, "delivered", ("2024-03-05", "2024-03-05"))]},
    {"lang": "en", "text": "The first two Gripen fighters ordered by Hungary were delivered by Sweden last month.",
     "events": [_deal("SWE", "HUN", ("JAS 39 Gripen", "Gripen"), 2, None, "delivered", ("2024-02-01", "2024-02-29"))]},
    {"lang": "en", "text": "Croatia's first Bayraktar TB2 drones arrived from Turkey on Monday.",
     "events": [_deal("TUR", "HRV", "Bayraktar TB2", None, None, "delivered", ("2024-03-04", "2024-03-04"))]},
    {"lang": "fr", "text": "Le Qatar a réceptionné jeudi les trois premiers de ses douze Rafale supplémentaires, "
     "livrés par la France.",
     "events": [_deal("FRA", "QAT", RAFALE, 3, None, "delivered", ("2024-02-29", "2024-02-29"))]},
    {"lang": "fr", "text": "Les deux premières frégates FDI commandées par la Grèce seront livrées par la France en "
     "2025.", "events": [_deal("FRA", "GRC", ("FDI frigate", "FDI"), 2, None, "planned")]},
    # ---- an ambassador recalled ------------------------------------------------------------------------------
    {"lang": "en", "text": "Colombia recalled its ambassador from Israel on Thursday.",
     "events": [_dated(_ev(RECALL, ["COL", "ISR"]), ("2024-02-29", "2024-02-29"))]},
    {"lang": "en", "text": "Chile has recalled its ambassador to Israel for consultations, the foreign ministry said.",
     "events": [_ev(RECALL, ["CHL", "ISR"])]},
    {"lang": "fr", "text": "Le Mali a rappelé son ambassadeur à Alger.",
     "events": [_ev(RECALL, ["MLI", "DZA"])]},
    {"lang": "fr", "text": "Le Tchad a rappelé mardi son ambassadeur à Khartoum pour consultations.",
     "events": [_dated(_ev(RECALL, ["TCD", "SDN"]), ("2024-03-05", "2024-03-05"))]},
    # ---- a declaration signed by two warring parties in a third state's city: the host is no party -------------
    {"lang": "en", "text": "Armenia and Azerbaijan signed a joint declaration in Washington on Friday.",
     "events": [_dated(_ev("AGREEMENT", ["ARM", "AZE"]), ("2024-03-01", "2024-03-01"))],
     "optional": [_ev("VISIT", ["ARM"], ["USA"]), _ev("VISIT", ["AZE"], ["USA"]), _ev("MEETING", ["ARM", "AZE"])]},
    {"lang": "en", "text": "The Democratic Republic of the Congo and Rwanda signed a declaration of principles in "
     "Washington.",
     "events": [_ev("AGREEMENT", ["COD", "RWA"])],
     "optional": [_ev("VISIT", ["COD"], ["USA"]), _ev("VISIT", ["RWA"], ["USA"]), _ev("MEETING", ["COD", "RWA"])]},
    {"lang": "fr", "text": "L'Éthiopie et l'Érythrée ont signé une déclaration de paix à Djeddah.",
     "events": [_ev("AGREEMENT", ["ETH", "ERI"])],
     "optional": [_ev("VISIT", ["ETH"], ["SAU"]), _ev("VISIT", ["ERI"], ["SAU"]), _ev("MEETING", ["ETH", "ERI"])]},
    {"lang": "fr", "text": "Le Soudan et le Soudan du Sud ont signé à Addis-Abeba une déclaration de cessation des "
     "hostilités.",
     "events": [_ev("AGREEMENT", ["SDN", "SSD"])],
     "optional": [_ev("VISIT", ["SDN"], ["ETH"]), _ev("VISIT", ["SSD"], ["ETH"]), _ev("MEETING", ["SDN", "SSD"])]},
    # ---- an access or defence cooperation agreement signed during a visit ------------------------------------
    {"lang": "en", "text": "Japan and the Philippines signed a Reciprocal Access Agreement during the Japanese foreign "
     "minister's visit to Manila.",
     "events": [_ev("AGREEMENT", ["JPN", "PHL"]), _ev("VISIT", ["JPN"], ["PHL"])],
     "optional": [_ev("MEETING", ["JPN", "PHL"])]},
    {"lang": "en", "text": "During a visit to Canberra on Monday, the Japanese prime minister signed a reciprocal "
     "access agreement with Australia.",
     "events": [_dated(_ev("AGREEMENT", ["JPN", "AUS"]), ("2024-03-04", "2024-03-04")),
                _dated(_ev("VISIT", ["JPN"], ["AUS"]), ("2024-03-04", "2024-03-04"))],
     "optional": [_ev("MEETING", ["JPN", "AUS"])]},
    {"lang": "en", "text": "Poland and South Korea signed a defence cooperation agreement as the Polish president "
     "visited Seoul.",
     "events": [_ev("AGREEMENT", ["POL", "KOR"]), _ev("VISIT", ["POL"], ["KOR"])],
     "optional": [_ev("MEETING", ["POL", "KOR"])]},
    {"lang": "fr", "text": "Lors de la visite du président français à Athènes, la France et la Grèce ont signé un "
     "accord de coopération en matière de défense.",
     "events": [_ev("AGREEMENT", ["FRA", "GRC"]), _ev("VISIT", ["FRA"], ["GRC"])],
     "optional": [_ev("MEETING", ["FRA", "GRC"])]},
    {"lang": "fr", "text": "Le Royaume-Uni et le Japon ont signé à Londres un accord d'accès réciproque, en marge de "
     "la visite du Premier ministre japonais.",
     "events": [_ev("AGREEMENT", ["GBR", "JPN"]), _ev("VISIT", ["JPN"], ["GBR"])],
     "optional": [_ev("MEETING", ["GBR", "JPN"])]},
    {"lang": "en", "text": "Senegal and Mauritania signed a memorandum on military cooperation on Tuesday.",
     "events": [_dated(_ev("AGREEMENT", ["SEN", "MRT"]), ("2024-03-05", "2024-03-05"))]},
    # ---- visits dated from one weekday to another -------------------------------------------------------------
    {"lang": "en", "text": "The Indonesian president is paying a state visit to France from Tuesday to Thursday.",
     "events": [_dated(_ev("VISIT", ["IDN"], ["FRA"]), ("2024-03-05", "2024-03-07"))]},
    {"lang": "en", "text": "The Kenyan president will pay a state visit to Washington from Monday to Wednesday.",
     "events": [_dated(_ev("VISIT", ["KEN"], ["USA"]), ("2024-03-11", "2024-03-13"))]},
    {"lang": "en", "text": "The Emir of Qatar was on a three-day state visit to Germany from Sunday to Tuesday.",
     "events": [_dated(_ev("VISIT", ["QAT"], ["DEU"]), ("2024-03-03", "2024-03-05"))]},
    {"lang": "fr", "text": "Le président brésilien effectuera une visite d'État en France de mardi à jeudi.",
     "events": [_dated(_ev("VISIT", ["BRA"], ["FRA"]), ("2024-03-12", "2024-03-14"))]},
    {"lang": "fr", "text": "Le roi de Jordanie a effectué une visite officielle en Italie de dimanche à mardi.",
     "events": [_dated(_ev("VISIT", ["JOR"], ["ITA"]), ("2024-03-03", "2024-03-05"))]},
    # ---- talks held in a capital: the parties, not the host ---------------------------------------------------
    {"lang": "en", "text": "Talks between the defence ministers of Egypt and Sudan were held in Cairo on Monday.",
     "events": [_dated(_ev("MEETING", ["EGY", "SDN"]), ("2024-03-04", "2024-03-04"))],
     "optional": [_ev("VISIT", ["SDN"], ["EGY"])]},
    {"lang": "en", "text": "Saudi and Iranian officials held talks in Baghdad last week.",
     "events": [_dated(_ev("MEETING", ["SAU", "IRN"]), accept=("2024-02-26", "2024-03-03"))],
     "optional": [_ev("VISIT", ["SAU"], ["IRQ"]), _ev("VISIT", ["IRN"], ["IRQ"])]},
    {"lang": "fr", "text": "Des pourparlers entre l'Arménie et l'Azerbaïdjan se sont tenus mardi à Berlin.",
     "events": [_dated(_ev("MEETING", ["ARM", "AZE"]), ("2024-03-05", "2024-03-05"))],
     "optional": [_ev("VISIT", ["ARM"], ["DEU"]), _ev("VISIT", ["AZE"], ["DEU"])]},
    {"lang": "fr", "text": "Les ministres algérien et tunisien des Affaires étrangères se sont entretenus à Tunis.",
     "events": [_ev("MEETING", ["DZA", "TUN"])], "optional": [_ev("VISIT", ["DZA"], ["TUN"])]},
    # ---- background asides: no event, no party ---------------------------------------------------------------
    {"lang": "en", "text": "Armenia, long a buyer of Russian weapons, has ordered Caesar howitzers from France.",
     "events": [_deal("FRA", "ARM", ("CAESAR", "Caesar"), None, None, "ordered")]},
    {"lang": "en", "text": "Finland, which joined NATO last year, will buy David's Sling air defence systems from "
     "Israel.", "events": [_deal("ISR", "FIN", "David's Sling", None, None, "planned")]},
    {"lang": "fr", "text": "Le Maroc, qui entretient des relations tendues avec l'Algérie, a commandé des drones "
     "Akinci à la Turquie.",
     "events": [_deal("TUR", "MAR", ("Bayraktar Akıncı", "Akinci", "Akıncı"), None, None, "ordered")]},
    {"lang": "en", "text": "The Greek prime minister, whose government has long feuded with Turkey, met the Egyptian "
     "president in Cairo.",
     "events": [_ev("MEETING", ["GRC", "EGY"])], "optional": [_ev("VISIT", ["GRC"], ["EGY"])]},
    {"lang": "fr", "text": "Le ministre indien de la Défense, dont le pays achète des armes russes depuis des "
     "décennies, a rencontré son homologue américain à Washington.",
     "events": [_ev("MEETING", ["IND", "USA"])], "optional": [_ev("VISIT", ["IND"], ["USA"])]},
    {"lang": "en", "text": "The Kazakh defence minister met his Turkish counterpart in Ankara, where they discussed "
     "their ties with Russia.",
     "events": [_ev("MEETING", ["KAZ", "TUR"])], "optional": [_ev("VISIT", ["KAZ"], ["TUR"])]},
    # ---- hard negatives ---------------------------------------------------------------------------------------
    {"lang": "en", "text": "Kyiv has repeatedly urged its Western partners to send more air defence systems.",
     "events": []},
    {"lang": "en", "text": "The defence ministry is weighing whether to buy more Leopard 2 tanks.", "events": []},
    {"lang": "en", "text": "Whether Berlin will approve the re-export of the tanks remains unclear.", "events": []},
    {"lang": "en", "text": "The ambassador recalled that the two armies first trained together in 1995.",
     "events": []},
    {"lang": "fr", "text": "Le ministre a rappelé l'attachement de la France au partenariat avec l'Inde.",
     "events": []},
    {"lang": "en", "text": "Photo: A Rafale fighter of the Egyptian Air Force during an air show.", "events": []},
    {"lang": "en", "text": "Sign up for our newsletter for the latest defence news from Asia.", "events": []},
    {"lang": "fr", "text": "Le Rafale est désormais en service dans les forces aériennes de huit pays.", "events": []},
    {"lang": "en", "text": "Japan's constitution has long restricted the export of lethal weapons.", "events": []},
    {"lang": "fr", "text": "Selon l'agence Reuters, les discussions sur la vente de sous-marins à la Pologne sont au "
     "point mort.", "events": []},
    {"lang": "en", "text": "The K2 tank was developed by Hyundai Rotem for the South Korean army.", "events": []},
    {"lang": "fr", "text": "Aucun contrat n'a encore été signé entre l'Égypte et la Russie pour des Su-35.",
     "events": []},
    {"lang": "en", "text": "Spain's defence minister declined to say whether Madrid would send more tanks to Ukraine.",
     "events": []},
    {"lang": "en", "text": "The last time a French president paid a state visit to India was in 2018.", "events": [],
     "optional": [_ev("VISIT", ["FRA"], ["IND"])]},
]
