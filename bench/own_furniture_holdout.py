# ruff: noqa: E501  (the pages hold one page line per source line, as long as the page writes it)
"""A held-out set of page furniture in our own words (issue 14, furniture on unseen templates): pages written for this
project in French, English and Arabic, each line tagged with what a careful reader takes it for, in template shapes
that no rule was written from — WRITTEN AND FROZEN BEFORE THE SYSTEM WAS RUN ON THEM. Never tune on these pages:
fixes are made on the separate tuning set (``own_furniture_tuning``); this set is measured before and after.

Each page is ``(id, lang, published, text)``: ``published`` is the publication day a reader reads off the page's
dateline (None when the page gives none that can be read without guessing); ``text`` holds one tagged line per line
of the page: ``T|`` the headline (kept, and the title), ``B|`` the article's text (kept; sub-headings too), ``F|``
furniture (dropped: menus, labels, widgets, bylines and datelines, captions and credits, teasers, tags, prompts),
and an empty line is a blank line of the page. The stories are invented or loosely echo public facts.
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str | None, str]] = [
    ("h-fr1", "fr", "2024-03-12", """
F|Accueil › International › Afrique du Nord

F|Diplomatie

T|Rabat et Lisbonne signent un accord de coopération navale pour dix ans

F|Par Claire Dumont - Publié le 12/03/2024 à 10h15, mis à jour le 13/03/2024 à 08h02

F|Partager sur Facebook

F|Partager sur X

F|Copier le lien

F|Des patrouilleurs de la marine royale à quai dans le port de Casablanca, en février. Photo Karim Benali / Hespress

B|Le Maroc et le Portugal ont signé mardi à Rabat un accord de coopération navale qui prévoit des exercices communs, des escales et la formation d'officiers dans les écoles des deux marines.

B|Le texte, paraphé par les deux ministres de la Défense, couvre aussi la surveillance des routes maritimes du détroit et l'échange d'informations sur les trafics.

F|LIRE AUSSI >> Le Portugal commande six patrouilleurs à un chantier allemand

B|Selon le ministère portugais, une première manœuvre conjointe aura lieu au large de l'Algarve avant la fin de l'année, avec deux frégates et un avion de patrouille maritime.

B|Un calendrier plus long

B|Les deux capitales envisagent déjà une seconde phase, qui porterait sur la maintenance de navires et la construction de vedettes rapides dans un chantier marocain.

F|Thèmes associés : Maroc · Portugal · Marine · Défense

F|Vous souhaitez réagir ? Identifiez-vous pour commenter cet article

F|Recevez chaque matin l'essentiel de l'actualité internationale
"""),
    ("h-fr2", "fr", "2023-11-07", """
F|Menu
F|Rubriques
F|Afrique
T|Le Tchad et le Niger renforcent leur coordination militaire le long de la frontière
F|7 novembre 2023 | 14:32 | Mahamat Issa
F|Temps de lecture : 3 min
B|Les chefs d'état-major du Tchad et du Niger se sont réunis lundi à N'Djamena pour mettre en place une coordination de leurs patrouilles le long de la frontière commune.
B|Les deux armées échangeront désormais leurs renseignements chaque semaine et pourront poursuivre des groupes armés sur quelques kilomètres de part et d'autre de la ligne.
F|Le général tchadien lors de la réunion à N'Djamena (DR)
B|« Nous faisons face aux mêmes menaces et nous devons agir ensemble », a déclaré le chef d'état-major tchadien à l'issue de la rencontre.
F|À découvrir
F|Sahel : les routes de l'or sous surveillance
F|Niamey accueille un forum sur la sécurité régionale
F|Abonnez-vous à notre lettre hebdomadaire
F|© Sahel Hebdo 2023 - Reproduction interdite
"""),
    ("h-fr3", "fr", None, """
F|Se connecter

F|S'abonner

F|Europe | Défense | Industrie

T|Athènes confirme l'achat de quatre corvettes et promet une décision rapide sur les missiles

F|Écouter cet article

F|L'équipe de la rédaction

B|Le gouvernement grec a confirmé l'achat de quatre corvettes, un programme attendu depuis plusieurs années par la marine, qui doit remplacer des bâtiments entrés en service dans les années quatre-vingt.

B|Le ministre de la Défense a indiqué devant les députés que le choix du système de missiles serait arrêté avant l'été.

F|Publicité

B|Les chantiers navals grecs devraient prendre part à la construction des deux derniers navires, une condition posée par Athènes dès l'ouverture de l'appel d'offres.

F|Mots-clés

F|Grèce

F|Marine nationale

F|Industrie navale

F|12 réactions

F|Signaler un abus
"""),
    ("h-fr4", "fr", "2022-05-18", """
F|MONDE
T|Helsinki dépose sa demande d'adhésion à l'Otan
F|Rédigé par Anne Moreau le mercredi 18 mai 2022 à 09:47
F|Imprimer
F|Envoyer
F|Commenter
B|La Finlande a déposé mercredi sa demande d'adhésion à l'Alliance atlantique, quelques jours après une décision prise à une large majorité par son Parlement.
B|L'ambassadeur finlandais a remis la lettre au secrétaire général de l'Alliance lors d'une courte cérémonie au siège de Bruxelles.
F|Crédit photo : Service de presse de l'Otan
B|Plusieurs alliés ont promis une ratification rapide, tandis que la Turquie a fait part de réserves.
F|Sur le même thème :
F|La Suède suit le même chemin
F|Ce que change l'article 5
F|Newsletter Monde : chaque vendredi dans votre boîte
F|En poursuivant votre navigation, vous acceptez l'utilisation de cookies pour mesurer l'audience.
"""),
    ("h-fr5", "fr", "2021-06-30", """
F|Vous êtes ici : Accueil > Suisse > Politique

T|Berne choisit l'avion de combat américain pour remplacer sa flotte

F|Mercredi 30 juin 2021, 17h05

F|Agence télégraphique / La rédaction

F|1 min

B|Le Conseil fédéral a choisi mercredi l'avion de combat américain pour remplacer ses appareils vieillissants, au terme d'une évaluation qui a duré près de trois ans.

B|Le gouvernement a aussi retenu un système de défense sol-air de longue portée, lui aussi d'origine américaine.

F|L'un des appareils évalués lors d'un vol d'essai à Payerne. KEYSTONE / Pierre Martin

B|La gauche a annoncé une initiative populaire contre cet achat, qui pourrait être soumise au vote dans deux ans.

F|Commentaires (4)

F|Le plus lu

F|1. La votation sur les avions aura bien lieu

F|2. Les pilotes suisses s'entraînent à l'étranger
"""),
    ("h-en1", "en", "2023-06-14", """
F|Skip to main content
F|World
F|US & Canada
F|Middle East
F|Asia
T|Washington clears sale of air defence radars to Warsaw
F|By Daniel Hart, Defence Correspondent
F|June 14, 2023 at 6:05 p.m. EDT
F|Share this story
F|Comment
B|The State Department has approved the possible sale of air defence radars and related equipment to Poland, the Pentagon's cooperation agency said on Wednesday.
B|The package, which Congress may still review, includes spare parts, training and technical support for several years.
F|A Polish soldier stands beside a launcher during an exercise near Ustka. (Photo: Polish Defence Ministry)
B|Polish officials said the radars would be linked to the batteries bought earlier, creating a layered shield over the country's east.
F|Advertisement
F|RELATED: Poland signs tank deal with Seoul
F|Sign up for our daily briefing. Get the top headlines delivered every morning.
F|Topics
F|Poland
F|Air defence
"""),
    ("h-en2", "en", "2022-06-01", """
F|Home / News / Defence

T|India and the US agree to co-produce jet engines for fighter aircraft

F|PTI | New Delhi | Updated: 01-06-2022 21:40 IST

F|Follow us

F|Read time: 2 mins

B|India and the United States have agreed to co-produce jet engines for the next generation of Indian fighter aircraft, officials said on Wednesday.

B|The agreement covers the transfer of key manufacturing know-how, a point that New Delhi had pressed for during months of talks.

F|File photo of an engine on a test bench. Image courtesy: Manufacturer

B|The first engines built in India are expected within three years, the officials said.

F|(This story has not been edited by our staff and is auto-generated from a syndicated feed.)

F|Also Read | Navy inducts new survey vessel

F|Catch all the Business News and Updates on our website.

F|Download The App to get daily market updates.
"""),
    ("h-en3", "en", None, """
F|Breaking
F|Sections
F|Search
T|Kuwait takes delivery of its first batch of fighter jets
F|Staff Writer
F|4 min read
F|Save
F|Gift this article
B|Kuwait has received its first fighter jets from the European consortium, marking a milestone in a programme signed several years ago.
B|The aircraft landed at a base south of the capital after a ferry flight from Italy, with tanker support over the Mediterranean.
F|Pictured: The jets on the tarmac after landing. Credit: Kuwaiti Air Force
B|Pilots and technicians have trained in Italy for more than two years.
F|More on this story
F|Gulf states boost air power spending
F|Italian firm wins maintenance contract
F|Terms & Conditions | Privacy | Cookie settings | Contact us
"""),
    ("h-en4", "en", "2024-01-09", """
F|SUBSCRIBE NOW

F|Opinion

F|Defence

T|Seoul and Manila sign deal on training and logistics support

F|Posted on Tuesday, 9 January 2024 at 11:20 am

F|Written by Maria Santos

F|0 Comments

B|South Korea and the Philippines signed an agreement on Tuesday covering military training, logistics support and the exchange of personnel between their armed forces.

B|The accord was signed in Manila by the two defence ministers after a meeting that also touched on maritime security.

F|Tweet

F|Pin

F|Email

B|Under the deal, Philippine officers will attend courses in South Korea, and the two navies will plan joint drills.

F|YOU MAY ALSO LIKE

F|Tokyo and Manila close in on troop pact

F|Leave a Reply

F|Your email address will not be published. Required fields are marked *
"""),
    ("h-en5", "en", "2021-11-25", """
F|Europe
T|Croatia signs contract for used French fighter jets
F|Thu 25 Nov 2021 14.10 GMT
F|Last modified on Thu 25 Nov 2021 16.32 GMT
B|Croatia has signed a contract to buy used fighter jets from France during a visit by the French president to Zagreb.
B|The deal, worth close to one billion euros, includes training and support for the aircraft.
F|The French president and the Croatian prime minister shake hands in Zagreb. Photograph: Darko Vukovic/AP
B|Croatian pilots will start training in France next year.
F|Explore more on these topics
F|Croatia
F|France
F|Arms trade
F|Reuse this content
"""),
    ("h-ar1", "ar", "2023-05-07", """
F|الرئيسية / أخبار عربية / الخليج

T|السعودية وإيران تتفقان على إعادة فتح السفارتين خلال شهرين

F|نشر في: الأحد 7 مايو 2023 - 10:22 ص

F|كتب - أحمد السيد

F|شارك

F|واتساب

F|تويتر

B|اتفقت السعودية وإيران على إعادة فتح سفارتيهما خلال شهرين، بحسب بيان مشترك صدر بعد محادثات استضافتها بكين.

B|وقال البيان إن البلدين سيعيدان تفعيل اتفاقية التعاون الأمني الموقعة بينهما، ويتبادلان الزيارات على مستوى الوزراء.

F|وزيرا خارجية البلدين خلال لقاء سابق (أرشيف)

B|ورحبت عدة دول عربية بالخطوة، معتبرة أنها تسهم في خفض التوتر في المنطقة.

F|اقرأ أيضاً: الصين تعرض استضافة قمة خليجية إيرانية

F|الكلمات الدالة: السعودية إيران الصين

F|تابعونا على تطبيق نبض
"""),
    ("h-ar2", "ar", "2024-02-14", """
F|سياسة
F|عاجل
T|مصر وتركيا توقعان اتفاقا لتعزيز التعاون في الصناعات الدفاعية
F|الأربعاء 14 فبراير 2024 - 03:46 م
F|القاهرة - محمد عبد الله
F|حجم الخط
B|وقعت مصر وتركيا اتفاقا لتعزيز التعاون في مجال الصناعات الدفاعية، خلال زيارة الرئيس التركي إلى القاهرة.
B|وأكد الجانبان حرصهما على تطوير العلاقات العسكرية وتبادل الخبرات في مجال التدريب والتصنيع المشترك.
F|الرئيسان خلال المؤتمر الصحفي في القاهرة
B|ويأتي الاتفاق بعد سنوات من التوتر بين البلدين.
F|موضوعات ذات صلة
F|وزير الدفاع التركي يزور الإسكندرية
F|قمة مرتقبة بين البلدين في أنقرة
F|جميع الحقوق محفوظة © 2024
"""),
    ("h-ar3", "ar", None, """
F|القائمة

F|بحث

F|تقارير

T|الجزائر تستدعي سفيرها لدى باريس للتشاور

F|بقلم: فريق التحرير

F|مشاهدات: 1540

B|أعلنت الجزائر استدعاء سفيرها لدى فرنسا للتشاور، احتجاجا على تصريحات اعتبرتها مسيئة.

B|كما قررت السلطات الجزائرية إغلاق مجالها الجوي أمام الطائرات العسكرية الفرنسية المتجهة إلى منطقة الساحل.

F|صورة تعبيرية

B|وقال بيان للرئاسة إن القرار يأتي ردا على تدخل في الشؤون الداخلية للبلاد.

F|مقالات قد تعجبك

F|باريس تأسف لقرار الجزائر

F|انضم إلى قناتنا على تيليجرام

F|أضف تعليقك
"""),
    ("h-ar4", "ar", "2022-06-01", """
F|دولي
T|واشنطن تعلن إرسال راجمات صواريخ متطورة إلى أوكرانيا
F|آخر تحديث: 01/06/2022 - 11:05
F|وكالات
B|أعلنت الولايات المتحدة أنها سترسل إلى أوكرانيا راجمات صواريخ متطورة ضمن حزمة مساعدات عسكرية جديدة.
B|وقال مسؤولون أمريكيون إن كييف تعهدت بعدم استخدام هذه الأسلحة لضرب أهداف داخل الأراضي الروسية.
F|راجمة صواريخ خلال تدريب عسكري (رويترز)
B|وتشمل الحزمة أيضا ذخائر ورادارات ومركبات تكتيكية.
F|شاهد أيضا
F|فيديو: تدريبات على الراجمات الجديدة
F|النشرة الإخبارية
F|اشترك الآن ليصلك أهم الأخبار
"""),
    ("h-ar5", "ar", "2021-09-28", """
F|أخبار العالم

F|أوروبا

T|فرنسا تبيع اليونان ثلاث فرقاطات في صفقة بمليارات اليوروهات

F|الثلاثاء، 28 سبتمبر 2021 08:30 م

F|باريس - وكالات الأنباء

F|طباعة

B|وقعت فرنسا واليونان صفقة تشتري بموجبها أثينا ثلاث فرقاطات حديثة، مع خيار لشراء فرقاطة رابعة.

B|وقال الرئيس الفرنسي إن الصفقة تعكس ثقة اليونان في الصناعة الدفاعية الفرنسية.

F|الفرقاطة خلال تجارب بحرية قبالة السواحل الفرنسية - أرشيفية

B|وتأتي الصفقة بعد أيام من إلغاء أستراليا عقد غواصات مع فرنسا.

F|الأكثر قراءة

F|مصر تتسلم دفعة جديدة من المقاتلات

F|سياسة الخصوصية | اتصل بنا | من نحن
"""),
]

# Datelines alone (the header line a reader dates the article by), with the day a reader reads off it, or None when
# it cannot be read without guessing (a numeric day and month that could be either way round, a time alone).
DATELINES: list[tuple[str, str, str | None]] = [
    ("fr", "Publié le 03/04/2023 à 18h12", "2023-04-03"),
    ("fr", "Mis à jour le 5 avril 2023 à 09:10 - Publié le 4 avril 2023 à 22:45", "2023-04-04"),
    ("fr", "Le 14.02.2024 à 07h30", "2024-02-14"),
    ("fr", "samedi 2 décembre 2023", "2023-12-02"),
    ("fr", "Par Léa Martin, publié le lundi 1er juillet 2024 à 12h00", "2024-07-01"),
    ("fr", "Publié il y a 3 heures", None),
    ("fr", "12h47", None),
    ("fr", "Mise à jour : 21 mars 2022", "2022-03-21"),
    ("en", "Published: 03/04/2023", None),
    ("en", "Updated 9:42 AM ET, Tue March 7, 2023", "2023-03-07"),
    ("en", "March 7, 2023 / 4:15 PM / Updated 2 hours ago", "2023-03-07"),
    ("en", "Published 12/22/2022 10:01 AM EST", "2022-12-22"),
    ("en", "Posted: 22 December 2022", "2022-12-22"),
    ("en", "Last updated on Feb 3, 2024 | Originally published on Feb 2, 2024", "2024-02-02"),
    ("en", "2 hours ago", None),
    ("en", "By Tom Reed | Sept. 12, 2021", "2021-09-12"),
    ("en", "Monday 4 April 2022 08.30 BST", "2022-04-04"),
    ("ar", "نشر في: الأربعاء، 12 أبريل 2023 - 14:20", "2023-04-12"),
    ("ar", "آخر تحديث: السبت 6 كانون الثاني 2024", "2024-01-06"),
    ("ar", "تاريخ النشر: ٢٠٢٣/١٠/١٥", "2023-10-15"),
    ("ar", "منذ ساعتين", None),
    ("ar", "الخميس 3 نوفمبر 2022 | 09:15 ص", "2022-11-03"),
    ("ar", "نشر بتاريخ 15-03-2023", "2023-03-15"),
    ("ar", "الخميس 26 ذو القعدة 1444 هـ", "2023-06-15"),
]
