# ruff: noqa: E501  (the pages hold one page line per source line, as long as the page writes it)
"""The tuning set of page furniture in our own words (issue 14): pages and datelines written for this project in
French, English and Arabic, in template shapes other than the held-out set's (``own_furniture_holdout``), that fixes
are made on. Same schema as ``own_furniture_holdout.PAGES`` and ``DATELINES``.
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str | None, str]] = [
    ("t-fr1", "fr", "2023-09-04", """
F|Vous lisez : Politique > Défense
F|Armées | Diplomatie | Sahel
T|Dakar et N'Djamena relancent leur commission mixte de défense
F|Mis en ligne le 04-09-2023 à 16h40 par Awa Ndiaye
F|Lecture 4 min.
B|Le Sénégal et le Tchad ont relancé lundi leur commission mixte de défense, en sommeil depuis plusieurs années, lors d'une réunion des deux ministres à Dakar.
B|Les deux pays veulent organiser des échanges d'officiers et partager leurs retours d'expérience sur la lutte contre les groupes armés.
F|Les deux délégations réunies au ministère des Forces armées, lundi. © Moussa Diop
B|Une prochaine session se tiendra à N'Djamena au printemps.
F|Les articles les plus consultés
F|1. Le port de Dakar agrandit son terminal militaire
F|2. Un nouveau chef d'état-major pour l'armée de l'air
F|3. Le Sahel au cœur du sommet de la Cédéao
F|Vous aimez nos articles ? Soutenez une presse indépendante
"""),
    ("t-fr2", "fr", "2022-08-15", """
F|Fil d'Ariane : Accueil / Afrique / Mali

T|Les derniers soldats de l'opération française quittent le Mali

F|Publié le lundi 15 août 2022

F|Avec nos correspondants

F|Réagir

F|Sauvegarder

B|Les derniers militaires français de l'opération antiterroriste ont quitté le Mali lundi, a annoncé l'état-major, mettant fin à neuf années de présence dans le pays.

B|Le dernier détachement a franchi la frontière vers le Niger, où une partie du dispositif reste déployée.

F|Un convoi de véhicules blindés sur une piste du nord du pays, en juin (image d'archives)

B|Paris et Bamako n'ont plus de coopération militaire depuis la rupture du printemps.

F|À lire sur le même sujet

F|Niger : ce qui reste du dispositif français

F|Cet article vous a été utile ? Partagez-le
"""),
    ("t-en1", "en", "2023-03-10", """
F|Menu | Search | Subscribe
F|Asia-Pacific | Diplomacy
T|Riyadh and Tehran agree to restore ties in talks hosted by Beijing
F|Reporting by Ahmad Karim; Editing by Sarah Cole
F|Published Mar 10, 2023 3:12pm
F|Updated 2 days ago
B|Saudi Arabia and Iran agreed on Friday to restore diplomatic relations and reopen their embassies within two months, after talks held in Beijing.
B|The two countries said they would respect each other's sovereignty and revive a security cooperation pact signed more than twenty years ago.
F|Chinese, Saudi and Iranian officials pose for a photo after the talks in Beijing, March 10. Chinese Foreign Ministry/Handout
B|Regional states welcomed the announcement.
F|Read next
F|Analysis: what the deal means for Yemen
F|Most Popular
F|Copyright 2023 Example News Ltd
"""),
    ("t-en2", "en", "2021-05-28", """
F|NEWS | WORLD | EUROPE

T|Croatia picks used French jets over US offer

F|By Ana Horvat, Zagreb Bureau | 28/05/2021

F|Facebook Twitter LinkedIn Email

B|Croatia has decided to buy twelve used fighter jets from France, the prime minister said on Friday, ending a contest that also included an American offer.

B|The government said the French bid offered the best price and the fastest delivery.

F|Image: A French fighter jet at an air show. (Source: Wikimedia)

B|The contract is expected to be signed later this year.

F|Tags: Croatia, France, Air Force

F|Related Stories

F|Slovakia weighs its own fighter choice

F|Share your thoughts in the comments below
"""),
    ("t-ar1", "ar", "2023-12-05", """
F|الصفحة الرئيسية » الأخبار » العالم
F|أخبار دولية
T|الجزائر وروسيا تبحثان توسيع التعاون العسكري
F|تاريخ النشر: 05/12/2023 الساعة 13:20
F|المحرر: سامي بن علي
B|بحث وزير الدفاع الجزائري مع نظيره الروسي سبل توسيع التعاون العسكري بين البلدين، خلال لقاء جمعهما في موسكو.
B|وتناول اللقاء التدريب المشترك وتحديث المعدات، إضافة إلى الوضع الأمني في منطقة الساحل.
F|جانب من اللقاء في موسكو - الصورة من وزارة الدفاع
B|واتفق الجانبان على عقد اجتماع للجنة المشتركة العام المقبل.
F|مواضيع مشابهة
F|روسيا تعرض مقاتلات جديدة على الجزائر
F|شارك هذا الخبر عبر
F|تحميل التطبيق
"""),
    ("t-ar2", "ar", "2021-08-04", """
F|أمن ودفاع

T|الإمارات تتسلم أول دفعة من طائرات التدريب

F|الأربعاء 04 أغسطس 2021 - 11:30 صباحاً

F|أبوظبي - وام

F|تكبير الخط

B|تسلمت القوات الجوية الإماراتية أول دفعة من طائرات التدريب الجديدة، في إطار برنامج لتحديث أسطول التدريب.

B|وقالت وزارة الدفاع إن الطائرات ستدخل الخدمة في الكلية الجوية خلال الأشهر المقبلة.

F|إحدى طائرات التدريب لدى وصولها - أرشيف

B|ويشمل العقد تدريب الطيارين والفنيين على صيانة الطائرات.

F|أخبار متعلقة

F|اشترك في قناتنا على يوتيوب

F|© جميع الحقوق محفوظة
"""),
    # second batch: no blank lines, teasers as long as sentences, captions without a credit, bios and notes at the end
    ("t-fr3", "fr", "2024-06-11", """
F|INTERNATIONAL
F|Guerre en Ukraine
T|Berlin promet de nouveaux systèmes de défense aérienne à Kiev
F|Le chancelier lors de la conférence de presse à Berlin, mardi.
F|Julien Roche
F|Journaliste au service International
F|11 juin 2024 à 18h02
B|L'Allemagne va livrer à l'Ukraine un troisième système de défense aérienne de longue portée, a annoncé mardi le chancelier lors d'une conférence consacrée à la reconstruction du pays.
B|Berlin financera aussi des munitions pour les systèmes déjà livrés, pour un montant qui n'a pas été précisé.
F|Ukraine : à Kharkiv, les habitants vivent au rythme des alertes aériennes et des coupures de courant
B|Le ministre ukrainien de la Défense a salué une décision « qui sauvera des vies », et appelé les autres alliés à suivre l'exemple allemand.
F|Julien Roche est journaliste au service International, spécialiste des questions de défense.
F|Voir les commentaires
F|Ukraine : Kiev annonce la reprise de deux villages dans la région de Zaporijjia
F|Otan : les alliés préparent le sommet de Washington dans un climat d'incertitude
"""),
    ("t-en3", "en", "2023-10-17", """
F|ADVERTISEMENT
T|Japan and the Philippines start talks on a reciprocal access pact
F|Listen to this article
F|By Ken Sato
F|October 17, 2023 4:45 AM GMT+9
F|Updated 3 hours ago
B|Japan and the Philippines began formal talks on Tuesday on an agreement that would allow each country to deploy troops on the other's territory for training and disaster relief.
B|Officials said the pact would set the legal status of visiting forces and simplify procedures for joint exercises.
F|Japanese and Philippine coast guard vessels sail together during a drill off Manila Bay in June.
B|The talks come as both countries seek closer security ties with the United States.
F|Ken Sato covers defence and diplomacy from Tokyo. Follow him on X @kensato
F|Correction: An earlier version of this story misstated the date of the drill.
F|Japan approves record defence budget request for next fiscal year
F|Philippines and Vietnam agree to boost coast guard cooperation in the South China Sea
F|Manila summons Chinese envoy over water cannon incident near disputed shoal
"""),
    ("t-ar3", "ar", "2023-04-20", """
F|تقارير وتحليلات
T|السودان: الجيش والدعم السريع يتبادلان الاتهامات بخرق الهدنة
F|الخميس 20 أبريل 2023 - 02:15 م
F|الخرطوم - مراسل الموقع
B|تبادل الجيش السوداني وقوات الدعم السريع الاتهامات بخرق الهدنة التي أعلنت لمدة يوم واحد، فيما تواصلت الاشتباكات في عدة أحياء من العاصمة.
B|وقال شهود عيان إن أصوات القصف سمعت في وسط الخرطوم وقرب المطار.
F|دخان يتصاعد فوق مبان في الخرطوم
B|ودعت دول عربية وغربية الطرفين إلى وقف القتال وفتح ممرات إنسانية آمنة للمدنيين.
F|مصر تدعو إلى وقف فوري لإطلاق النار في السودان وتعرض الوساطة بين الطرفين
F|الأمم المتحدة تحذر من كارثة إنسانية في السودان مع استمرار المعارك
F|واشنطن تعلن إجلاء موظفي سفارتها في الخرطوم
F|تابع آخر الأخبار عبر حسابنا على تويتر
"""),
    ("t-ar4", "ar", None, """
F|الرئيسية

F|العالم

T|تركيا توافق على انضمام فنلندا إلى حلف شمال الأطلسي

F|المحرر

F|منذ 5 ساعات

B|صادق البرلمان التركي على انضمام فنلندا إلى حلف شمال الأطلسي، لتصبح تركيا آخر دولة عضو في الحلف توافق على الطلب.

B|وكانت أنقرة قد اشترطت اتخاذ خطوات ضد جماعات تعتبرها إرهابية قبل الموافقة.

F|إقرأ المزيد

F|السويد تنتظر الضوء الأخضر من أنقرة وبودابست

F|ما الذي يعنيه توسع الحلف بالنسبة لروسيا؟

F|العلامات

F|تركيا

F|فنلندا

F|الناتو
"""),
]

DATELINES: list[tuple[str, str, str | None]] = [
    ("fr", "Mis en ligne le 04-09-2023 à 16h40", "2023-09-04"),
    ("fr", "Actualisé le 6 mai 2024 à 08:00 · Publié le 5 mai 2024 à 19:30", "2024-05-05"),
    ("fr", "Le 09/10/2022", "2022-10-09"),
    ("fr", "il y a 2 jours", None),
    ("en", "Published Mar 10, 2023 3:12pm", "2023-03-10"),
    ("en", "04/05/2022", None),
    ("en", "Friday 04/08/2022 | 6:00 PM", "2022-04-08"),
    ("en", "Updated: 07/14/2023 09:00 ET", "2023-07-14"),
    ("en", "First published on Sun 12 Jun 2022 05.00 BST", "2022-06-12"),
    ("ar", "تاريخ النشر: 05/12/2023 الساعة 13:20", "2023-12-05"),
    ("ar", "الأربعاء 04 أغسطس 2021 - 11:30 صباحاً", "2021-08-04"),
    ("ar", "آخر تحديث: 12 مارس 2024 - نشر في: 11 مارس 2024", "2024-03-11"),
]
