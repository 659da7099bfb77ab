"""The table of chrome lines: lines that are never text, with the kind each is published as.

Each row is a whole line (surrounding whitespace aside), the places it may stand —
``head`` (between the title and the body, in any order with the head's other lines),
``body`` (anywhere in the body, where it closes no turn) and ``footer`` (the trailing
block, bottom-up) — and the kind its characters are counted as. A footer block is a
footer only when it holds at least one ``footer``-place line; the organisation tags
between them are :mod:`.footer`'s. Everything before the title is chrome of kind
``masthead`` (or ``header``): no table is needed there.

All rows of one place are one compiled alternation, so a line costs one regex call; a
row that would scan the whole line (a caption, which ends with its credit) carries a
*screen* of words and is tried only on lines whose end holds one.

Chrome may also be **glued to the first paragraph** of the body, with no line break of
its own: :data:`GLUED_OPENERS` lists those prefixes (an agency's dateline, a channel's
byline) with the kind each is published as; :func:`glued_opener` finds one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATELINE, TIME
from .lexicon import COUNTERPART_SITE, DOCUMENT_WORDS

__all__ = [
    "CHROME_LINES",
    "GLUED_CAPTION",
    "GLUED_OPENERS",
    "LANGUAGE_TAG",
    "PHOTO_CREDIT",
    "ChromeLine",
    "chrome_kind",
    "glued_opener",
]


_DELIVERY_NOTE = (
    r"[(\[]?(?:check against delivery|as delivered|as prepared for delivery)[!.]?[)\]]?"
)
"""A speech's note that the text is as written, not as spoken ('Check against delivery!')."""


@dataclass(frozen=True)
class ChromeLine:
    """One kind of chrome line: its kind, where it may stand, and its pattern."""

    kind: str
    places: frozenset[str]
    pattern: str  # matched against the whole stripped line, case-insensitively
    screen: tuple[str, ...] = ()
    """Words (lower case) one of which a line's end (its last :data:`SCREEN_REACH`
    characters, in any case) must hold for the row to be tried: a row whose
    pattern would scan the line (a caption, ending with its credit) is tried only on the
    few lines that may match it."""


SCREEN_REACH = 160
"""How far from a line's end a screened row's words are looked for."""


SITE_FOOTER = ("additional materials", "web content display", "advanced settings", "print version")
"""The ministry site's footer lines (a page saved whole ends with them)."""

_HEAD = frozenset({"head"})
_FOOTER = frozenset({"footer"})
_ANYWHERE = frozenset({"head", "body", "footer"})
# a photo's credit, as a caption ends: 'State Department photo by Michael Gross', 'AP
# Photo/Misha Japaridze', '(Source: Rossiya 1)' (or cut: '(Source:')
_CREDITOR = (
    r"(?:state department|white house|un|ap|afp|reuters|epa|tass|ria novosti|sputnik"
    r"|getty images|xinhua)"
)


def _credit(creditor: str, name_word: str) -> str:
    """A creditor's photo and the photographer's name of up to four words after 'by' or
    a slash: 'AP Photo/Misha Japaridze', 'State Department photo by Michael Gross'."""
    name = rf"{name_word}(?:\s+{name_word}){{0,3}}"
    return rf"{creditor}\s+[Pp]hoto(?:\s*(?:by\s+|/\s*){name})?\.?"


_TABLE_NAME_WORD = r"[A-Z][\w’'.\-]*"  # the table reads its rows in any case
PHOTO_CREDIT = (
    rf"\b{_credit(_CREDITOR, _TABLE_NAME_WORD)}"
    # a photographer's name without a creditor, perhaps with the source after it:
    # 'Photo by Yuliana Nikolova (novinite.com)'
    rf"|\bphoto by {_TABLE_NAME_WORD}(?:\s+{_TABLE_NAME_WORD}){{0,3}}(?:\s*\([^()\n]{{1,60}}\))?"
    r"|\((?:source|photo|photos|photo credit|credit)\s*:[^()\n]{0,120}\)?"
    # a credit after the caption's full stop: 'H E Alexander V Mantytskiy. Source: Diplomatic
    # Spouces'
    r"|(?<=\.)\s+(?:source|photo|photo credit|credit)\s*:\s*[^:\n]{1,80}"
    # a wire photo's credit and its picture number: 'Sergei Chirikov/Pool via REUTERS -
    # RC18505F43F0'
    rf"|/(?:pool\s+)?via\s+{_CREDITOR}(?:\s*[-–]\s*[A-Z0-9]{{6,}})?"
)
GLUED_CAPTION = re.compile(
    # the name's words in title case, so that it ends where a label in capitals begins
    _credit(f"(?i:{_CREDITOR})", r"[A-Z][a-z’'\-]+") + r"\s*(?=[A-Z][A-Z.’'\- ]{1,60}:|Question:)"
)
"""A caption's credit with a turn's label glued after it, on one line: 'State Department
photo by Valeriy YevseyevSECRETARY RICE: Well, ...'; the label starts a line of its own."""
_SOCIAL = (
    r"(?:facebook|twitter|x|vk|vkontakte|telegram|whatsapp|viber|odnoklassniki|ok|linkedin"
    r"|email|e-mail|copy\ link|print)"
)

_LANGUAGE = (
    r"(?:english|русский|russian|français|francais|french|deutsch|german|español|espanol"
    r"|spanish|italiano|português|portugues|العربية|عربي|中文|eng|рус|en|ru|fr|de|es|ar|zh)"
)
"""A language's name or code, as a site's language switcher writes it."""

CHROME_LINES: tuple[ChromeLine, ...] = (
    # the site's footer: 'Additional materials', then tags, 'Web Content Display', ...
    ChromeLine("footer", _FOOTER, "|".join(SITE_FOOTER)),
    # the site's photo album under it: '• Photos', 'Photo album', '1 of 1 photos in album'
    ChromeLine(
        "footer", _FOOTER, r"(?:•\s*)?photos|photo album|\d{1,4} of \d{1,4} photos in album"
    ),
    # a Russian site's widgets and links under an English text: 'Самое интересное',
    # 'Новости партнеров', 'ТемыВсе темы' (short lines in Cyrillic alone)
    ChromeLine("footer", _FOOTER, r"[А-Яа-яЁё][А-Яа-яЁё\s.,:;!?«»()\-–—]{0,60}"),
    # a print or share link: on the site's footer, or by a republisher's title
    ChromeLine("footer", _ANYWHERE, r"print(?: version| this (?:page|article))?|share"),
    # media links at the top of opening remarks or at the end
    ChromeLine(
        "media-link",
        _ANYWHERE,
        r"download (?:file|video|audio|pdf)|watch on (?:youtube|rutube|vk)|watch (?:the )?video"
        r"|listen to (?:the )?audio|loading (?:the )?(?:video )?player(?:\.{3}|…)?"
        # a government site's note on its video: 'The video is also available with ...'
        r"|the video (?:is|will be) (?:also )?available\b[^\n]{0,120}"
        # the mission's link to its recording: 'Video of the statement'
        r"|video of the (?:statement|speech|remarks|briefing|interview|press conference)",
    ),
    # the language switcher: '• de-DE1 en-GB1 es-ES1 ru-RU1'; a bullet with no language
    ChromeLine("languages", _HEAD, r"•(?:\s+[a-z]{2,3}-[A-Z]{2}\d*)+|•"),
    # the ministry's name as a site line under the title or in the footer: 'Ministry of
    # Foreign Affairs of the Russian Federation', a counterpart's: 'U.S. Department of State'
    ChromeLine(
        "masthead",
        _HEAD | _FOOTER,
        r"(?:the )?ministry of foreign affairs of (?:the )?russian federation"
        r"|(?:the )?foreign ministry of (?:the )?russian federation"
        rf"|{COUNTERPART_SITE}",
    ),
    # a document number on current-site renderings: '2432-20-10-2014'
    ChromeLine("document-number", _HEAD, r"\d{1,6}-\d{1,2}-\d{1,2}-\d{4}"),
    # the briefing's divider standing alone above the first question (in the head, or in
    # the body between a digest's topics and the questions), perhaps numbered as
    # the contents' last item: '38 Excerpts from answers to media questions:', 'From the
    # answers to the questions:'
    ChromeLine(
        "divider",
        _HEAD | {"body"},
        r"(?:\d{1,3}[.)]?\s+)?(?:(?:excerpts )?from )?(?:the )?answers to (?:the )?(?:media )?"
        r"questions\s*:?",
    ),
    # the editor announcing the text under the title: 'Excerpts of Ambassador’s remarks:',
    # 'Full text of the interview:', 'Transcript of the press conference:'
    ChromeLine(
        "divider",
        _HEAD,
        rf"(?:the )?(?:{DOCUMENT_WORDS}|text)\s+(?:of|from)\s+[^\n:]{{2,80}}:",
    ),
    # a translator's note
    ChromeLine(
        "translation-note",
        _ANYWHERE,
        r"[(\[]?(?:unofficial|informal|non-official|working) translation"
        r"(?: from (?:the )?russian)?(?: language)?\.?[)\]]?"
        r"|[(\[]?translated from (?:the )?russian\.?[)\]]?",
    ),
    # a speech's delivery note: 'Check against delivery!', '(As delivered)'
    ChromeLine("delivery-note", _ANYWHERE, _DELIVERY_NOTE),
    # a republisher's rating, share and counter lines: 'Rating: 4.5 / 5', 'Share: Facebook VK',
    # '1 234 views'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"(?:rating|rate this(?: article| page)?|votes?|views?)\s*:?\s*[\d.,/\s]*(?:votes?|views?"
        r"|stars?)?"
        r"|\(\s*(?:(?:rating|votes?|views?)\s*:\s*[\d.,/]+\s*,?\s*)+\)"  # '(votes: 2, rating: 4)'
        r"|\(?\d[\d\s,.]*\s+(?:views|comments?|likes|votes|shares)\)?"
        rf"|(?:share(?:\s+(?:this|on))?\s*:?\s*|tweet\s*){_SOCIAL}?(?:[\s|•,/]+{_SOCIAL})*"
        rf"|{_SOCIAL}(?:[\s|•,/]+{_SOCIAL})+",
    ),
    # a news site's reading furniture: 'Now Reading:', 'Text size Aa Aa', 'Reading time: 3 min',
    # 'Font Size:     |        Print' (its buttons between bars)
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"now reading\s*:?|(?:text|font) size\s*:?(?:\s+[a+-]+)*(?:\s*\|\s*(?:print\b)?)*"
        r"|(?:reading time|read time)\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?)?(?: read)?",
    ),
    # a site's notices to its reader and its forms' fields: 'Please Update your browser',
    # 'Your browser is out of date, and may not be compatible with our website. ...',
    # 'Just click on the icons to get to the download page.', 'Customer Login', 'Contact
    # us', 'First name:', 'Change Size'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"(?:please )?update your browser|your browser is (?:out of date|not supported)"
        r"[^\n]{0,200}|(?:just )?click on the icons? to [^\n]{0,80}|change (?:text |font )?size"
        r"|customer login|contact us|(?:first|last) name\s*:",
    ),
    # a news feed's item: its date and time, then the headline ('06/18 13:11   Russian
    # State Duma passes bill ...')
    ChromeLine("republisher", _ANYWHERE, r"\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}\s{2,}\S[^\n]{0,200}"),
    # a subscription form's invitation: '... subscribe to Interfax publications by filling
    # in and sending the form below.'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"[^\n]{0,300}\b(?:filling in|fill in|completing|complete)(?: and sending)? the form "
        r"below\.?",
        screen=("form below",),
    ),
    # an old site's web counter: 'Rambler's Top100', 'LiveInternet'
    ChromeLine("republisher", _ANYWHERE, r"rambler[’']?s top\s?1?0?0?|liveinternet|top\.mail\.ru"),
    # a social post's hashtags on a line of their own: '#SergeyLavrov #Diplomacy ...', a
    # channel's topic tags with a space: '#BVU #Middle East'
    ChromeLine("republisher", _ANYWHERE, r"#\w+(?: [A-Z]\w*)?(?:[\s,]+#\w+(?: [A-Z]\w*)?)+"),
    # an icon font's glyphs (private-use characters), alone or with a counter
    ChromeLine("republisher", _ANYWHERE, r"[\ue000-\uf8ff][\ue000-\uf8ff\s\d]*"),
    # a printed page's number on a line of its own (a PDF's text): '2'
    ChromeLine("page-number", _ANYWHERE, r"\d{1,3}"),
    # a time on a line of its own between paragraphs: a broadcast's captions ('12:31 am')
    # or a podcast's timestamps ('0:05.6')
    ChromeLine(
        "date-line",
        frozenset({"body"}),
        rf"{TIME}(?:\.\d{{1,3}})?(?:\s*[ap]\.?\s?m\.?)?",
    ),
    # an elision mark on a line of its own: '. . .', '…', '<...>', '[...]'
    ChromeLine(
        "elision", _HEAD | {"body"}, r"(?:\.\s*){3}|…|<\s*(?:\.\s*){3}>|\[\s*(?:\.\s*){3}\]"
    ),
    # a republisher's lead-in to the text or link to it: 'Full text', 'Full transcript:',
    # 'Read more ...', 'and much more...', 'Read in full', 'Watch', 'See', 'Top news',
    # 'Full interview is here:', 'Continue reading on:'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"(?:(?:the )?(?:full|complete)(?: english)? (?:text|transcript|version|speech|interview)"
        r"(?: follows| is here| is below| here| below)?\s*[:.]?"
        r"|transcript\s*:"  # 'Transcript:' alone over the text
        r"|read more|read it|(?:and )?(?:much )?more|continue reading(?: (?:on|at))?\s*:?"
        r"|(?:read|watch|listen|see)(?: (?:in full|the full (?:text|video)|online|here))?"
        r"|(?:top|latest|main) (?:news|stories)|most read)(?:\s*(?:\.\.\.|…|»))?",
    ),
    # a republisher's heading over its summary or excerpts: 'Brief theses:', 'Key points:',
    # 'Key talking points:',
    # 'Key excerpts:', 'Excerpts here:'
    ChromeLine(
        "republisher",
        _HEAD | {"body"},
        r"(?:brief |key |main |interview )?(?:talking )?"
        r"(?:theses|points|takeaways|highlights|excerpts|quotes)"
        r"(?: here| below)?\s*:",
    ),
    # a blog's furniture: 'No comments:', '3 comments:', 'Post a Comment', 'Older Post',
    # 'Leave a comment', 'Related posts', 'Back to top'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"(?:no|\d+) comments?\s*:|post a comment|(?:newer|older) posts?|subscribe to:[^\n]{0,60}"
        r"|leave a (?:comment|reply)|related (?:posts|articles|news|materials|stories)\s*:?"
        r"|back to top|share this(?: article| page)?\s*:?",
    ),
    # a channel's or site's call to follow it: 'Follow @SophieCo_RT', 'Follow us on Telegram'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"follow (?:(?:us |me )?on (?:twitter|x|facebook|telegram|instagram|vk|youtube)\b"
        r"(?:\s*@[\w.]{2,40})?|@[\w.]{2,40})",
        screen=("follow", "@", "twitter", "facebook", "telegram", "instagram", "vk", "youtube"),
    ),
    # a republisher's inserts between paragraphs: 'Advertisement', 'Story continues below
    # advertisement', 'Read also: ...', 'See also: ...', 'Read more:', '[Video]',
    # '(Photo)', 'Photo: TASS'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"advertisement|sponsored content|реклама"
        r"|(?:story|article|text) continues (?:below|after)(?: (?:the|this))? (?:advertisement|ad)"
        r"|read more\s*:"
        r"|(?:read|see) also\b[^\n]{0,400}"  # with the headline it points to, and its date
        r"|[\[(](?:video|photo|audio|infographic)s?[\])]"
        r"|(?:photo|video)(?: credit)?\s*:\s*[^\n]{1,120}",
    ),
    # a photo's caption, ending with its credit: 'Secretary Rice and Minister Lavrov speak
    # to the press. State Department photo by Valeriy Yevseyev', 'Sergey Lavrov (Source:'
    ChromeLine(
        "caption",
        _ANYWHERE,
        rf"[^\n]{{0,600}}?(?:{PHOTO_CREDIT})",
        screen=("photo", "(source", "(credit", " via ", "source:", "credit:"),
    ),
    # a government site's release line: 'Released on February 2, 2007'
    ChromeLine("footer", _ANYWHERE, r"released on [^\n]{0,30}\d{4}"),
    # a site's menu: three or more short items between pipes ('Updates | Frequent
    # Questions | Contact Us', '| JRL HOME | SUPPORT | SUBSCRIBE |')
    ChromeLine("menu", _ANYWHERE, r"\|?(?:[^|\n]{1,40}\|){2,}[^|\n]{0,40}", screen=("|",)),
    # a breadcrumb trail of slashes in the head: ' / Home / Russkiy Mir Foundation / ...'
    ChromeLine("menu", _HEAD, r"/?\s*(?:[^/\n]{1,60}\s/\s+){2,}[^/\n]{0,200}", screen=(" / ",)),
    # a site's language selector: 'Select language:'
    ChromeLine("languages", _HEAD, r"(?:select|choose|change) (?:your )?language\s*:?"),
    # a site's toolbar with its text-size buttons: 'Print Mail Large Medium Small 分享按钮 0'
    ChromeLine(
        "republisher",
        _ANYWHERE,
        r"(?:(?:print|e-?mail|mail|share)\s+){1,4}large\s+medium\s+small\b[^\n]{0,40}",
    ),
    # a newspaper's print edition, dated: '(China Daily 03/22/2013 page2)'
    ChromeLine(
        "republisher", _ANYWHERE, r"\([^()\n]{2,40}\s\d{1,2}/\d{1,2}/\d{4}\s+page\s?\d{1,3}\)"
    ),
    # the editor's note announced on a line of its own: 'Editor’s Note:'
    ChromeLine("republisher", _ANYWHERE, r"editor[’']?s[’']? note\s*:?"),
    # a broadcast transcript's production cue, wherever it stands ('(JOINED IN PROGRESS)',
    # '(BEGIN VIDEO CLIP)', '(COMMERCIAL BREAK)'): no one's words
    ChromeLine(
        "stage-direction",
        _ANYWHERE,
        r"\(\s*(?:joined in progress|(?:begin|end) (?:video ?tape|video clip|video|audio clip"
        r"|audio)|commercial break|end of (?:video ?tape|video clip|transcript))\s*\)",
    ),
    # a site's language switcher: two or more languages' names between bars or slashes
    # ('English | Русский', 'EN / RU / FR')
    ChromeLine("menu", _HEAD | _FOOTER, rf"{_LANGUAGE}(?:\s*[|/•·]\s*{_LANGUAGE})+"),
    # a site's note on itself: '... manages this site as a portal for ...', 'External
    # links to other Internet sites should not be construed as an endorsement ...'
    ChromeLine(
        "footer",
        _FOOTER,
        r"[^\n]{0,200}\b(?:manages this (?:web)?site|should not be construed as an endorsement)"
        r"[^\n]{0,400}",
    ),
    # a republisher's note of its source under the text: '"<title>", by Serguei Lavrov,
    # Trud, June 24, 2005. Text adapted from an interview. ...'
    ChromeLine(
        "republisher",
        _FOOTER,
        r"[\"“«][^\"“”«»\n]{3,200}[\"”»],?\s+by\s+[^\n,]{3,60},[^\n]{0,80}?\b\d{4}\b[^\n]{0,400}",
    ),
    # a site's copyright line: '© 2024 All rights reserved', 'Copyright 2011 ...'
    ChromeLine(
        "republisher",
        _HEAD | _FOOTER,
        r"(?:©|\(c\)|copyright\b)[^\n]{0,120}|all rights reserved\.?",
    ),
    # a republisher's metadata line: 'Tags: Russia, diplomacy', 'Source: RIA Novosti',
    # 'Categories: News', 'Filed under: Politics' (a photo's credit is an insert, above)
    ChromeLine(
        "republisher",
        _HEAD | _FOOTER,
        r"(?:tags?|categories|category|topics|keywords|source|filed under|posted in)\s*:"
        r"\s*[^\n]{1,200}"
        # a blog's tag or archive page: 'Tag "Sergey Lavrov’s interview with RBC TV"'
        r"|(?:tag|category|archives?(?: for)?)\s+[\"“«][^\"“”«»\n]{1,160}[\"”»]",
    ),
    # a content manager's article information (Joomla's, on embassy sites): 'Written by
    # Vladimir I Poluektov', 'Hits: 499', 'Details', 'Last Updated: 16 May 2018'
    ChromeLine(
        "republisher",
        _HEAD | _FOOTER,
        r"(?:written|submitted|posted) by\s*:?\s+[^\n]{1,60}|hits\s*:\s*\d[\d,.\s]*|details"
        r"|(?:parent category|last updated|created|published)\s*:\s*[^\n]{1,80}",
    ),
    # a republisher's appeal for donations: '1. Support Réseau International.', 'Dear
    # readers, it is thanks to your donations that we can ...'
    ChromeLine(
        "republisher",
        _HEAD | _FOOTER,
        r"(?:\d{1,2}\.\s*)?(?:support|donate to)\s+[^\n.]{2,40}\.?"
        r"|[^\n]{0,200}\b(?:your donations|donate now|make a donation)\b[^\n]{0,400}",
    ),
    # an embassy site's contact lines: 'Consular queries:', '+44 (0) 203 668 7474'
    ChromeLine(
        "contact",
        _ANYWHERE,
        r"(?:(?:consular (?:queries|section|department)|phone|tel\.?|telephone|fax)\s*:?\s*)?"
        r"\+\d[\d\s()\-/]{6,}\d"
        r"|(?:consular (?:queries|section|department)|phone|tel\.?|telephone|fax)\s*:",
    ),
    # a cross-link to the Russian original or to the source
    ChromeLine(
        "cross-link",
        _ANYWHERE,
        r"(?:read|see|view)(?: (?:this|the text|it))? in russian|russian version|"
        r"(?:read )?(?:the )?(?:original|text) in russian|читать на русском(?: языке)?|"
        r"на русском языке|русская версия|"
        r"(?:source|original|russian(?: text| version)?|read more|more)(?: url| link)?\s*:\s*"
        r"https?://\S+|"
        r"https?://\S+",
    ),
)

_PLACES = ("head", "body", "footer")


_Screened = tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]]


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    """A screen's words as one search over a line's end: in lower case, title case and
    capitals, as literals (a case-insensitive search costs half as much again)."""
    variants = sorted({v for w in words for v in (w, w.title(), w.upper())})
    return re.compile("|".join(map(re.escape, variants)) or "(?!)")


def _compile(place: str) -> tuple[re.Pattern[str], tuple[str, ...], _Screened]:
    rows = [row for row in CHROME_LINES if place in row.places and not row.screen]
    pattern = "|".join(f"(?P<r{i}>{row.pattern})" for i, row in enumerate(rows))
    screened = [row for row in CHROME_LINES if place in row.places and row.screen]
    each = tuple(
        (_words(row.screen), re.compile(rf"^\s*(?i:{row.pattern})\s*$"), row.kind)
        for row in screened
    )
    words = _words(tuple(word for row in screened for word in row.screen))
    return re.compile(rf"^\s*(?i:{pattern})\s*$"), tuple(row.kind for row in rows), (words, each)


_COMPILED = {place: _compile(place) for place in _PLACES}
LANGUAGE_TAG = re.compile(r"([a-z]{2,3})-[A-Z]{2}\d*")


def chrome_kind(text: str, place: str) -> str | None:
    """The kind of chrome ``text`` is when it stands at ``place``; None if it is not. The
    rows without a screen are one alternation (one regex call a line); the screened rows
    are tried only when the line's end holds a word of a screen (one search of it)."""
    pattern, kinds, (words, screened) = _COMPILED[place]
    match = pattern.match(text)
    if match is not None and match.lastgroup is not None:
        return kinds[int(match.lastgroup[1:])]
    end = max(0, len(text) - SCREEN_REACH - 8)  # (trailing spaces: the row allows a few)
    if words.search(text, end) is None:
        return None
    for screen, row, kind in screened:
        if screen.search(text, end) and row.match(text):
            return kind
    return None


GLUED_OPENERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # an agency's dateline: 'OREANDA-NEWS. December 2, 2009. ', 'MOSCOW, March 23 (RIA
    # Novosti) - '
    ("dateline", DATELINE),
    # a monitoring service's marker of the text: '[Text] [Khuzam] Dear viewers, ...'
    ("republisher", re.compile(r"^\s*\[(?:Text|Excerpts?|Passage omitted)\]\s*(?=\S)")),
    # a speech's delivery note run into its first paragraph: 'Check against delivery!
    # Thank you. ...'
    ("delivery-note", re.compile(rf"^\s*(?i:{_DELIVERY_NOTE})\s+(?=\S)")),
    # a channel's byline run into the first paragraph (a Telegraph repost): 'Russian
    # Embassy in AustraliaA.T. Well, ...', 'Russian Mission ViennaFrom your point of view',
    # 'Russian Embassy to the UK❓ On 11 September ...'
    (
        "byline",
        re.compile(
            r"^\s*(?:the )?(?:Russian )?(?:Permanent )?"
            r"(?:Embassy|Mission|Consulate(?:[- ]General)?)"
            r"(?: of (?:the )?Russia(?:n Federation)?)?(?: (?:in|to|at) (?:the )?)?"
            r"(?:(?: ?[A-Z][a-z]+){0,3}(?<=[a-z])(?=[A-Z“\"«])"
            # or before the channel's question or speech mark: '... to the UK❓ On ...'
            r"|(?: ?[A-Z][a-z]+| ?[A-Z]{2,3}){0,3}(?=[\u2753\u2754\U0001f4ac]))"
        ),
    ),
)


def glued_opener(text: str) -> tuple[str, int] | None:
    """The kind of chrome opening ``text`` without a line of its own, and the offset of
    the text after it; None if there is none."""
    for kind, pattern in GLUED_OPENERS:
        if (match := pattern.match(text)) is not None:
            return kind, match.end()
    return None
