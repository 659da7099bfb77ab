"""The page family's rules, as tables with their matchers, one job a module.

* :mod:`.lexicon` — the vocabulary: genres, roles (with what each does on a page),
  places, months, stage directions; :mod:`.voice` — who speaks in a line (a speaker, a
  writer presenting the text, a report) and the marks of a sentence;
* :mod:`.dates` — date, header, date-line and time-stamp shapes;
* :mod:`.chrome` — the table of chrome lines and the kind each is published as;
  :mod:`.links` — a republisher's list of links under ``See also``;
* :mod:`.labels` — the one turn-label grammar (title finding and turns both use it),
  with :mod:`.spelling` for the misspellings a label may carry;
* :mod:`.dialogue` — labels a page implies (bare questions, surnames alone) and
  what the page as a whole makes of its labels, with :mod:`.dashes` for a dialogue set
  with dashes; :mod:`.leads` — the unlabelled text
  before the first turn (the speaker's preface or the editor's lead);
* :mod:`.title_shape` — what a title line looks like; :mod:`.title_line` — which line
  is the title, and over how many lines; :mod:`.title` — reading it, with :mod:`.names`
  for its speakers and roles;
* :mod:`.prose` — the head's rules that judge prose (leads, captions, bylines);
* :mod:`.head` — the ordered rules for the lines between title and body, with
  :mod:`.repeats` for those that compare a line with the title;
* :mod:`.contents` — a briefing's table of contents;
* :mod:`.headings` — headings, separators and stage directions in the body;
* :mod:`.footer` — the footer, its organisation tags and a closing signature.

A new page variant is a row in one of these tables plus a fixture.
"""
