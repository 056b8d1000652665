"""The furniture rules of ``recoupe.read.boilerplate``: one named pattern per kind of page furniture that news
templates print around an article (read-more links, share and follow buttons, comment widgets, subscription and
paywall prompts, photo credits, stamps, counters, menus, tickers, cookie banners, section labels, ...).

A rule names a kind of furniture in general, never one site's sentence; ``boilerplate.rule`` tries them in order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from recoupe.understand.arabic_text import normalize_for_matching

MONTHS_FR = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
)
MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE_WORDS = rf"\d{{1,2}}(?:er)?\s+(?:{MONTHS_FR}|{MONTHS_EN})\s+\d{{4}}"

# An agency or the newsroom alone on its line: a wire story's byline in the header ("The Associated Press"),
# a photo's credit elsewhere ("(AFP)").
AGENCY_LINE = (r"^[(\[]?(?:(?:the )?associated press|ap|afp|reuters|agence france[- ]presse|xinhua|"
                r"anadolu(?: agency)?|"
                r"dpa|efe|ansa|tass|ria novosti|upi|aps|map|agences?|staff and agencies|(?:avec|with) (?:afp|ap|"
                r"reuters|agences?)|la rédaction|the editorial (?:board|team)|staff(?: writer| reporter)?)[)\]]?\.?$")
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("read-more", r"^(?:[àa] lire(?: aussi| également)?|lire aussi|lire également|voir aussi|"
                      r"read (?:more|also)|see also|related|also read|sur le même sujet)\s*[:>»-]"),
        ("read-more", r"^(?:lire la suite|read the full (?:story|article)|continuer la lecture)\b"),
        # "Lire aussi | Un autre titre", "Also read Navy gets...": the link without a colon
        ("read-more", r"^(?=.{0,200}$)(?:[àa] lire aussi|lire aussi|read also|also read|see also|voir aussi)\b|"
                      r"^(?:read more|lire plus|en savoir plus|learn more|voir la suite)\s*\.{0,3}$"),
        ("share", r"^(?:partager|partagez|share(?: this| on)?|tweet|imprimer|print|envoyer par e-?mail)\b"
                  r".{0,80}$"),
        ("share", r"\b(?:suivez(?:-nous)?|follow (?:us|\w+))\b.{0,60}\b(?:sur|on) (?:google news|whatsapp|"
                  r"facebook|twitter|x|instagram|telegram|linkedin|youtube|tiktok)\b"),
        ("share", r"^(?:facebook|twitter|whatsapp|linkedin|telegram|e-?mail|messenger|copier le lien|"
                  r"copy link)$"),
        ("tags", r"^(?:sujets associés|mots[- ]clés|tags|thèmes|topics|catégories?|rubriques?)\s*:"),
        ("tags", r"^(?:filed under|posted in|classé dans|publié dans la catégorie)\b.{0,100}$"),
        ("comments", r"^\d+\s+(?:commentaires?|comments?|réactions?)$"),
        ("comments", r"^(?:commentaires?|comments?|réagir|répondre|reply|signaler)(?: en ligne)?$"),
        ("comments", r"^(?:laisser|laissez|ajouter|poster|écrire) un commentaire|^leave a (?:comment|reply)"),
        ("comments", r"afficher tous les commentaires|view all comments|notification pour|notify of"),
        ("comments", r"akismet|adresse (?:e-?mail|de messagerie) ne sera pas publiée|"
                     r"email address will not be published|tout commentaire (?:antisémite|raciste|injurieux)|"
                     r"retirera d.office tout commentaire|charte de modération|moderation policy"),
        ("comments", r"^(?:guest|invité|anonyme|connexion|se connecter|log ?in|sign ?in)$"),
        ("subscribe", r"^(?:s[’']abonner|abonnez-vous|je m[’']abonne|subscribe|sign up)\b.{0,120}$"),
        ("subscribe", r"\b(?:newsletter|lettre d[’']information)\b.{0,80}$"),
        ("subscribe", r"^(?:réservé aux abonnés|article réservé|subscribers only|premium)\b"),
        ("credit", r"©|\(photo\b|\bphoto ?:|\bcrédits? ?(?:photo)? ?:|\bcredits? ?:|afp photo|mandatory credit|"
                   r"aimable autorisation|image reproduite|getty images|\bimage ?:|restricted to editorial use"),
        ("font-size", r"^(?:a|a\+|a-|a−|aa)$|^(?:a[+\-−]\s*){2,4}$"),
        ("strip", rf"^[^\s].{{0,60}}? - {DATE_WORDS}(?:\S|$)"),
        ("strip", r"^(?:politique|économie|economie|société|societe|monde|sport|sports|culture|dossier|"
                  r"international|actualité|actualités|régions|tech|santé|opinion|national|afrique|"
                  r"politics|business|world) - \S"),
        ("cookies", r"\b(?:cookies?|traceurs)\b.{0,120}\b(?:accepter|accept|consent|paramétrer|"
                    r"settings|politique de confidentialité|privacy policy)\b"),
        ("advert", r"^(?:publicité|advertisement|sponsored|contenu sponsorisé)$"),
        ("copyright", r"^(?:copyright|tous droits réservés|all rights reserved)\b"),
        # Page chrome every template has; first seen leaking on the press dev split (bench/bench_press.py).
        ("skip-link", r"^(?:aller|passer) (?:au contenu|à la navigation|au menu)(?: principal)?$|"
                      r"^skip to (?:the )?(?:main )?(?:content|navigation|menu)$|^skip (?:navigation|links?)$"),
        ("reading-time", r"^[·•|\s]*\d+\s*min(?:utes?)?\.?\s+(?:de lecture|read|reading)$|"
                         r"^(?:temps de lecture|reading time)\s*:?\s*\d+\s*min"),
        ("comments", r"^(?:comments are closed|les commentaires sont (?:fermés|clos))\.?$|"
                     r"endroit sûr et engageant|safe and engaging (?:place|space|environment)"),
        ("breadcrumb", r"^(?:home|accueil)\s*[»›>/]\s*\S"),
        ("menu", r"^[^|.!?]{1,40}(?:\s\|\s[^|!?]{1,30}){3,}$"),
        # a ticker of other headlines: four or more parts between bars, each of several words
        ("ticker", r"^(?=.{0,400}$)(?:(?:[^|\s]+\s+){3,}[^|\s]+\s\|\s){3,}(?:[^|\s]+\s+){3,}[^|\s]+\s*$"),
        ("credit", r"^(?:published in|publié dans)\s[^.!?]{1,50}\s(?:on|le)$"),
        ("url", r"^(?:https?://|www\.)\S+$"),  # the page's address printed by the scraper: never a headline
        # What news templates print around an article in general (not one site's): a clock or a video's length
        # alone ("02:11", "10h05"), a bare counter ("0", "1 234"), a template's unfilled variable.
        ("stamp", r"^(?:\d{1,2}[:h]\d{2}(?::\d{2})?)(?:\s*(?:am|pm|gmt|utc|cet|cest|ist|et|edt|est))?$"),
        ("stamp", r"^(?:il y a|publié il y a|mis à jour il y a)\s+\d+\s*(?:s|sec|min|minutes?|h|heures?|jours?|"
                  r"semaines?)$|^\d+\s*(?:s|secs?|mins?|minutes?|h|hrs?|hours?|days?|weeks?)\s+ago$"),
        ("stamp", r"^(?:last )?(?:updated|mis à jour|modifié|posted|published|publié)(?: le| on| at)?\s*:?"
                  r"(?:\s*(?:ist|gmt|utc|cet|et))?$"),
        ("counter", r"^(?=[^\d]*\d)[\d\s.,]{1,9}$|^\d[\d\s.,]*\s+(?:vues|views|partages|shares|likes|lectures|reads)$"),
        ("template", r"^[a-z]{24,}$"),
        ("credit", AGENCY_LINE),
        ("credit", r"^(?=.{0,250}$).*(?-i:\b(?:AP Photo|REUTERS|Reuters|EPA|AFP|EFE|Anadolu)\s?/\s?[A-Z])|"
                   r"\bshutterstock\b|\bistock(?:photo)?\b|"
                   r"\bphotograph ?:|^image (?:caption|source)\b|^(?:file photo|illustration|photo d['’]illustration|"
                   r"photo ?d['’]archives?|archives?)\s*[:.)]?$|^\(?(?:dr|droits réservés)\)?$"),
        ("source", r"^sources?\s*:\s*.{0,60}$"),
        ("listen", r"^(?:listen(?: now)?(?: to)? (?:this |the )?(?:article|story|podcast|episode)|listen now|"
                   r"écouter (?:l['’]article|cet article|le podcast|l['’]émission)|lire la vidéo|voir la vidéo|"
                   r"regarder la vidéo|watch (?:the )?video|play video|watch now|écouter)\b.{0,100}$"),
        ("share", r"^(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail|mail|messenger|pinterest|reddit|"
                  r"flipboard|pocket|tumblr|threads|bluesky|mastodon|copier le lien|copy link|lien copié|link copied|"
                  r"copied|print|imprimer|sms|partager|share)[\s|,•·/\-]*){2,12}$"),
        ("share", r"^(?=.{0,120}$)(?:suivez|suivre|follow|ajoutez|add|retrouvez)?.{0,40}"
                  r"\bgoogle (?:news|actualit[ée]s)\b"),
        ("share", r"^(?:follow|suivez|suivre)(?: us| nous)?\s*:.{0,60}$"),
        ("share", r"^(?:click here|cliquez ici)\b.{0,100}$|^(?=.{0,120}$).*\b(?:click here to|cliquez ici pour)\b"),
        ("nav", r"^(?:explore|menu|search|rechercher|recherche|fermer|close|retour|back|next|previous|suivant|"
                r"précédent|"
                r"voir plus|afficher plus|show more|load more|charger plus|plus d['’]articles|more|top|haut de page|"
                r"back to top|retour en haut|sign in|log in|se connecter|connexion|register|s['’]inscrire|"
                r"mon compte|my account|sections|trending|trending now|latest|latest news|dernières infos|"
                r"à la une|en direct|live|direct|podcasts?|vidéos?|videos?|newsletters?)$"),
        ("advert", r"^(?:contactez-nous|contact us|nous contacter)\b.{0,60}$|^(?:envie d['’]afficher|annoncez|"
                   r"advertise (?:with us|here)|votre publicité ici)\b.{0,80}$|"
                   r"^(?:story|article) continues below|^la suite après (?:cette )?(?:publicité|la publicité)|"
                   r"^continue reading (?:below|after)|^scroll (?:down )?to continue"),
        ("comments", r"^(?=.{0,200}$).*(?:espace (?:des )?commentaires|pour (?:pouvoir )?commenter|"
                     r"(?:log|sign) in to (?:post a )?comment|connectez-vous (?:pour|ou)|créez un compte|"
                     r"create an account to|commentaires? (?:est|sont) (?:ouvert|réservé)s?)"),
        ("subscribe", r"^(?=.{0,160}$).*\b(?:inscrivez-vous (?:à|gratuitement)|get the latest|delivered to your inbox|"
                      r"in your inbox|dans votre boîte (?:mail|aux lettres|e-?mail)|recevez (?:nos|notre|chaque|"
                      r"gratuitement)|restez informés?|stay informed|sign up for (?:our|the))\b"),
        ("paywall", r"^(?=.{0,200}$).*(?:il vous reste \d+\s?% de|la suite (?:de cet article )?est réservée|"
                    r"pour lire la suite|déjà abonné|already (?:a )?(?:subscriber|member)|"
                    r"subscribe to (?:continue|read)|"
                    r"to continue reading|for subscribers only|offre d['’]abonnement|abonnez-vous pour)"),
        ("feedback", r"^(?:vous avez aimé cet article|did you (?:like|enjoy) this|was this (?:article|story) "
                     r"(?:helpful|useful)|signaler (?:une erreur|un abus|ce contenu|une faute)|"
                     r"report (?:an error|a typo)|"
                     r"found an error|votre avis nous intéresse)\b.{0,60}$"),
        ("reading-time", r"^lecture\s*:?\s*\d+\s*min(?:utes?)?\.?$"),
        # photo furniture: an agency's file-photo caption, gallery counters, caption toggles
        ("credit", r"^file\s*[-–:]\s+(?:in this|this|a|an|the)\b|"
                   r"^\(?(?:photo|image|picture) \d+\s*(?:/|of|sur)\s*\d+\)?$"),
        ("counter", r"^\d+\s*(?:of|sur|/)\s*\d+$"),
        ("nav", r"^(?:hide caption|toggle caption|show caption|enlarge this image|view image in full ?screen|"
                r"agrandir l['’]image|voir en plein écran|related|tags|topics|sujets|mots-clés|"
                r"advertisement\W.{0,40})$"),
        # the heading of a box of other articles that may stand inside the text: the heading alone goes
        ("teaser-box", r"^(?:top stories|latest stories|editor['’]s picks|don['’]t miss|must read|in other news|"
                       r"trending(?: now| stories)?|popular(?: now| stories)?|recommended|dernières actualités|"
                       r"dernières vidéos|nos dernières vidéos|à voir aussi|à voir également|à découvrir(?: aussi)?|"
                       r"toute l['’]actualité|l['’]actualité en continu)\s*:?$"),
        # wire copy's closing lines and gallery captions ("Our Standards: ...", "[1/5] ...") ("Reporting by ..." is
        # the article's own, as trafilatura_eval's gold has it)
        ("credit", r"trust principles|licensing rights|^\[\d+/\d+\]|"
                   r"^[^\d]{0,40}\bavec (?:l['’])?(?:afp|ap|reuters|agences?)$|"
                   r"^(?:this (?:article|story) (?:was )?(?:originally|first) (?:published|appeared)|"
                   r"cet article a (?:été )?(?:initialement|d['’]abord) (?:été )?publié)"),
        ("share", r"opens new tab|^(?:save|gift (?:this )?article|share full article|bookmark|sauvegarder|"
                  r"lire plus tard|offrir cet article|ajouter à (?:mes|vos) (?:favoris|sujets)|suivre ce sujet)$|"
                  r"^(?=.{0,120}$)(?:join|rejoignez)\b.{0,40}\b(?:whatsapp|telegram|channel|chaîne)\b"),
        ("subscribe", r"^(?=.{0,160}$).*(?:register (?:now )?for free|unlimited access to \S+\.(?:com|fr|net|org))"),
        ("nav", r"^(?:mentions légales|politique de confidentialité|privacy policy|terms of (?:use|service)|"
                r"conditions générales(?: d['’]utilisation)?|cgu|qui sommes-nous \??|about us|contact|plan du site|"
                r"sitemap|most (?:viewed|popular|shared|commented))$"),
        ("teaser", r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:read more|lire la suite|lire plus|continue reading|"
                   r"en savoir plus|more)\s*[»›>→]*$"),
        ("stamp", r"^(?:publié|mis à jour|modifié|updated|published|posted)\b.{0,60}\b\d{1,2}[h:]\d{2}"),
        # a section's or a region's name alone on its line (a kicker, a menu's item): news templates' own words
        ("label", r"^(?:world|world news|europe|africa|asia|asia[- ]pacific|americas|middle east|mena|defen[cs]e|"
                  r"security|military|politics|business|economy|opinion|analysis|news|breaking news|national|"
                  r"international|diplomacy|afrique|asie|amériques|moyen-orient|proche-orient|maghreb|monde|"
                  r"politique|défense|sécurité|diplomatie|économie|société|actualités?|exclusif|exclusive|breaking|"
                  r"en bref|brèves?|flash|alerte|urgent|défense et sécurité|defence and security|"
                  r"afrique du nord|north africa|gulf|golfe|sahel|us news|u\.s\.|uk news|france)\s*:?$"),
        ("tags", r"^(?:#[^\s#]+\s*){1,12}$"),  # a row of hashtags
        # the newsroom's notes after the text: a correction, an editor's note, a clarification ("Mise à jour :" and
        # "Update:" may add to the text itself: they stay)
        ("note", r"^(?:correction|clarification|editor['’]s note|note de la rédaction|rectificatif|erratum|"
                 r"note de l['’]éditeur)\s*(?:\(\d[^)]*\))?\s*:\s*\S.{0,300}$"),
        ("share", r"^(?:follow us(?: on)?|suivez-nous(?: sur)?|retrouvez-nous sur|find us on)\s*:?$"),
        # a photo's credit at the end of its caption: "... le 12 mars. Jean Dupont / AFP", "(Photo by ... / Reuters)"
        ("credit", r"^(?=.{0,300}$).*\s/\s?(?-i:AFP|AP|EPA|REUTERS|Reuters|Getty Images|Anadolu|EFE|DPA|dpa|SIPA|Sipa|"
                   r"MAXPPP|Maxppp|ABACA|Abaca|Xinhua|IMAGO|ANI|PTI|Bloomberg|Hans Lucas|Pool)"
                   r"(?: via Getty Images)?\)?\.?$"),
        ("credit", r"^\(?(?:photo|image|picture|video|illustration)s? (?:by|courtesy(?: of)?|credit)\b.{0,80}$|"
                   r"^courtesy(?: of)?\b.{0,60}$|^(?:source|crédit|credit) (?:photo|image)\b.{0,60}$"),
        ("byline", r"^(?:written|reported|edited|compiled|produced) by\s+(?-i:[A-Z])[\w.'’\-]*"
                   r"(?:(?:\s+|,\s*)(?:and\s+)?[\w.'’\-]+){0,6}$"),
        ("read-more", r"^(?:also watch|watch also|voir aussi la vidéo|à voir aussi|watch|regarder|en vidéo|"
                      r"in pictures|en images)\s*[:|]"),
        ("share", r"^(?=.{0,120}$)(?:download|get|install|téléchargez|télécharger) (?:the|our|l['’]|notre) ?"
                  r"(?:\w+ )?(?:app|application|appli)\b"),
        ("disclaimer", r"^(?=.{0,300}$)(?:the )?(?:views|opinions) expressed (?:in this|here|are)\b|"
                       r"^(?:les )?opinions exprimées (?:dans cet|ici|n['’]engagent)|"
                       r"^(?:disclaimer|avertissement)\s*:"),
        ("advert", r"^(?:contenus? sponsorisés?|sponsored content|partner content|contenu partenaire|"
                   r"publi-?reportage|annonce)$"),
        ("nav", r"^(?:live tv|watch live|tv en direct|regarder le direct|markets|marchés|weather|météo|"
                r"photos?|images?|galerie|gallery|diaporama|slideshow|infographie|infographic|sommaire|"
                r"accueil|home|homepage|newsroom|e-paper|epaper|édition du jour|le journal du jour|archives)$"),
    )
)


# A line this short that is only a state's name ("Côte d'Ivoire", "السودان") is a section's or a country's label.
MAX_STATE_LABEL_CHARS = 40


def is_state_label(line: str) -> bool:
    text = line.strip().rstrip(":").strip()
    if not text or len(text) > MAX_STATE_LABEL_CHARS or len(text.split()) > 4 or any(ch.isdigit() for ch in text):
        return False
    names = _state_names()
    return text.casefold() in names or normalize_for_matching(text).casefold() in names


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """The names, aliases and metonyms of the knowledge base's states (Arabic in its matching form too)."""
    from recoupe.kb.loading import load_kb

    kb = load_kb()
    states = kb.states()
    names: set[str] = set()
    for surface, entry, how in kb.surfaces():
        if entry.id in states and how in ("alias", "metonym"):
            names.add(surface.casefold())
            names.add(normalize_for_matching(surface).casefold())
    return frozenset(names)
