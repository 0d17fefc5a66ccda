"""A short phrase saying what a figure is about, taken from its own sentence.

Cheap heuristics, in order: a noun the figure modifies ("its $13 billion investment in
OpenAI" -> "investment in OpenAI"), else the clause leading up to the figure ("Microsoft's
investment in Mistral is around $16 million" -> "Microsoft's investment in Mistral"), else the
words after it.
"""

from __future__ import annotations

import re

_MAX_WORDS = 8
_REACH = 300
# Clause boundaries; commas inside numbers ("3,000") are not.
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\[\]“”\"]|\s[-–—]{1,2}\s|—|--")
_FUNCTION = (
    r"is|are|was|were|be|been|being|of|at|to|by|for|the|a|an|in|on|with|from|about|around|"
    r"nearly|almost|roughly|some|than|more|less|over|under|up|least|as|much|many|between|and|or|"
    r"its|their|his|her|also|just|only|now|still|estimated|approximately|worth|totalling|"
    r"totaling|valued|into|this|that|these|those|next|past|last|first|previous|since|until|by|"
    r"around|reached|hit|stood|record|whopping|further|another|additional|extra|fewer|least|most"
)
_LEADING_FILLER = re.compile(
    r"^(?:(?:and|but|or|so|while|which|who|that|whereas|although|as|with|for|of|in|on|at|by|"
    r"meanwhile|moreover|however|also|then|said|says|separately|overall)\b\s*)+",
    re.IGNORECASE,
)
_TRAILING_FILLER = re.compile(rf"(?:\s+(?:{_FUNCTION}))+$", re.IGNORECASE)
_NOT_NOUN = (
    _FUNCTION + r"|a|an|and|or|but|per|each|every|year|years|ago|later|earlier|today|yesterday|"
    r"since|after|before|because|when|while|which|who|that|if|than|so|it|they|he|she|we|has|have|"
    r"had|will|would|could|can|may|might|should|must|not|struck|hit|said|made|took|rose|fell|grew|"
    r"won|led|came|went|put|sold|bought|paid|cut|set|left|saw|brought|began|gave|got|lost|kept"
)
_NOUN_WORD = r"(?!(?:" + _NOT_NOUN + r")\b)[a-z][a-z-]+(?<!ed)(?<!ing)\b"
# A noun phrase right after the figure that the figure modifies ("$20 subscription fee"),
# optionally continued by "in/of/for <Name>" ("investment in OpenAI").
_MODIFIED_NOUN = re.compile(
    rf"[ \u00a0](?P<np>{_NOUN_WORD}(?:[ \u00a0]{_NOUN_WORD})?"
    r"(?:[ \u00a0](?:in|of|for|on)[ \u00a0](?:the[ \u00a0])?[A-Za-z][\w’'-]*(?:[ \u00a0][A-Z][\w’'-]*)?)?)"
)
_WORDS = re.compile(r"\S+")


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    phrase = _LEADING_FILLER.sub("", phrase)
    phrase = _TRAILING_FILLER.sub("", " " + phrase).strip()
    return phrase.strip(" .,;:'\"“”‘’-–—")


def _last_words(phrase: str) -> str:
    return " ".join(_WORDS.findall(phrase)[-_MAX_WORDS:])


def modified_noun(text: str, end: int, sentence_end: int) -> str | None:
    m = _MODIFIED_NOUN.match(text, end, sentence_end)
    return m.group("np").rstrip(".,;:’'") if m else None


def subject_for(
    text: str, sentence: tuple[int, int], start: int, end: int, *, after: int | None = None
) -> str | None:
    """The subject of the figure at [start, end); None when the clause before it is too thin
    and an earlier figure of the sentence (ending at after) should lend its subject."""
    # Windows are capped so that a text without sentence breaks stays linear.
    s0, s1 = max(sentence[0], start - _REACH), min(sentence[1], end + _REACH)
    noun = modified_noun(text, end, s1)
    if noun:
        return noun
    left = max(s0, after) if after is not None else s0
    pieces = _CLAUSE_BREAK.split(text[left:start])
    phrase = _clean(pieces[-1]) if pieces else ""
    if phrase and (after is None or any(w[0].islower() for w in phrase.split())):
        return _last_words(phrase)
    if after is not None and after > s0:
        return None
    following = [p for p in (_clean(p) for p in _CLAUSE_BREAK.split(text[end:s1])) if p]
    if following:
        return " ".join(_WORDS.findall(following[0])[:_MAX_WORDS])
    for piece in reversed(pieces[:-1]):
        phrase = _clean(piece)
        if phrase:
            return _last_words(phrase)
    return text[start:end]
