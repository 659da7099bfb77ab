"""The voice of a paragraph: what tells a speaker's own words from a republisher's lead.

Who is speaking in a line: a speaker in the first person (``I``, ``we``), a writer
presenting the text that follows (``... reproduced it below:``, ``RT presents the full
transcript``), a report about the speaker (``said``, ``told``, ``he``, ``the diplomat``),
a speaker greeting the audience (``Dear colleagues``), an interviewer addressing the
interviewee (``Mr. Ambassador, ...``); and the marks of a sentence (its
closing punctuation, a verb ``to be``). The grammar's modules read these to tell a lead,
a title and the body apart (:mod:`.prose`, :mod:`.title_shape`).
"""

from __future__ import annotations

import re

from .. import speakers

__all__ = [
    "ADDRESSING",
    "COPULA",
    "FIRST_PERSON",
    "FIRST_PERSON_SUBJECT",
    "PRESENTING",
    "PRESENTS_TEXT",
    "QUOTED_PART",
    "REPORTED_CLAUSE",
    "REPORTING",
    "ROLE_REFERENCE",
    "SALUTATION",
    "SECOND_PERSON",
    "SENTENCE_END",
    "THIRD_PERSON",
]

FIRST_PERSON = re.compile(
    r"\b(?:I(?!\.\s?[A-Z])|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|mine|we|We|our|Our|ours|us"
    r"|let[’']s|Let[’']s)\b"
)
"""A speaker's first person (case-sensitive: 'US' is no 'us'; 'Vitaly I. Churkin' has an
initial, no 'I')."""
FIRST_PERSON_SUBJECT = re.compile(r"\b(?:I(?!\.\s?[A-Z])|I[’'](?:m|ve|d|ll)|[Ww]e)\b")
"""A first person that speaks (``I will not ...``, ``we ...``), not a writer's ``gives us``."""
# words of a writer presenting the text, shared by REPORTING and PRESENTING
_PRESENTS = (
    r"transcripts?|full (?:english )?(?:text|transcript|version)|reproduced|presents"
    r"|(?:is|are) the gist of"  # 'The following is the gist of ...', not a speaker's 'the gist''
)
REPORTING = re.compile(
    r"\b(?:said|says|told|tells|stated|noted|commented|highlighted|touched upon"
    r"|according to|presser|exclusive"
    r"|(?:gave|given|granted) an? (?:\w+ )?interview|answered (?:\w+ )?questions"
    r"|in an interview"
    r"|(?:held|gave|given|hosted|delivered|made) an? (?:[\w-]+ ){0,2}(?:press[ -]conference"
    r"|news conference|briefing|interview|address|statement|speech)"
    r"|spoke (?:to|with|about|on)|speaks (?:to|with)|elaborated|s(?:its|at) down with"
    rf"|{_PRESENTS}|below is|see below"
    r"|(?:conducted|interviewed) by|Q&A|talk(?:ed|ing) (?:to|with)|translat(?:e|ed|ion|ing))\b",
    re.IGNORECASE,
)
"""Words of a report about a speaker, or of its writer presenting the text: a lead, even
in its writer's first person."""
PRESENTING = re.compile(
    rf"\b(?:{_PRESENTS}|below"
    r"|the following|released by|here[’']s|here is|(?:main|key) (?:theses|points))\b",
    re.IGNORECASE,
)
"""A writer's words presenting the text that follows (``... reproduced it below:``)."""
PRESENTS_TEXT = re.compile(
    r"^(?:\S+\s+){1,3}(?:presents|publishes|offers|brings you|posts)\b"
    r"|^(?:the )?(?:here|below|following) is\b|^this is the (?:full )?(?:text|transcript)\b",
    re.IGNORECASE,
)
"""A republisher's line presenting the text that follows it (``RT presents the full
transcript of ...``, ``The following is the gist of ...``): never a title, and
the end of a lead."""
ROLE_REFERENCE = re.compile(
    r"\bthe (?:diplomat|minister|foreign minister|deputy minister|spokes(?:man|woman|person)"
    r"|ambassador|envoy|permanent representative)\b",
    re.IGNORECASE,
)
"""A report's way of naming its speaker by role: '..., the diplomat told the media'."""
REPORTED_CLAUSE = re.compile(
    r"\b(?:said|says|stated|states|noted|notes|affirmed|affirms|stressed|stresses"
    r"|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|confirmed|confirms|declared"
    r"|declares|assured|assures|added|adds)\s+that\b"
)
"""A verb of saying and the clause it reports (``..., affirmed that the Southeast Asian
nation ...``): a report of what was said, a lead, never the title over the words."""
QUOTED_PART = re.compile(r"‘[^‘’]{3,200}’|“[^“”]{3,200}”|\"[^\"]{3,200}\"|«[^«»]{3,200}»")
"""Words in quotation marks: someone else's, quoted (a headline's, an editor's)."""
SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
"""A question's second person: it asks the interviewee ('What is your take on this?')."""
THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")
"""A report's pronouns: a sentence about a speaker, not a title."""
COPULA = re.compile(r"\b(?:is|are|was|were)\b")
"""A sentence's verb 'to be': a line closed by a full stop that has one (outside
quotes) says something (``The Statement ... is very clear.``); no title does."""
SENTENCE_END = re.compile(r"[.?!…][\"”»’')\]]*$")
"""A line's closing punctuation, quotes and brackets after it allowed."""
SALUTATION = re.compile(
    r"\b(?:dear|ladies|gentlemen|colleagues|friends|madam|madame|excellenc\w*|esteemed"
    r"|distinguished|honou?rable|respected|good (?:morning|afternoon|evening)|hello|thank"
    r"|(?:mr|mrs|ms|madam|madame)\.?\s+(?:minister|chair(?:man|person|woman)?|president"
    r"|secretary(?:-general)?|ambassador|speaker|moderator|director))\b",
    re.IGNORECASE,
)
"""Words of an address to the audience: the opening of a speech, never a caption."""
ADDRESSING = re.compile(
    r"(?:\d{1,2}\.\s+)?(?:(?:Dear|Respected)\s+)?(?:Your Excellency|Excellency"
    r"|(?:Mr\.?|Mrs\.?|Ms\.?|Madam)\s+(?:Ambassador|(?:Deputy\s+)?Minister|Secretary"
    r"|Permanent Representative|Consul General|(?P<name>[A-Z][\w’'\-]+))|Ambassador|Minister"
    rf"|[A-Z][a-z]+\s+{speakers.PATRONYMIC})\s*,\s"
)
"""A paragraph opening by addressing the interviewee (``Your Excellency, ...``, ``Mr.
Ambassador, ...``, ``Sergey Viktorovich, ...``, ``Mr. Lavrov, ...`` where the name is
theirs): on an interview, the interviewer's."""
