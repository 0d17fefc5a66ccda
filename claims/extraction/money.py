"""Currency lexicon: the symbols, codes and words that turn a number into money."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .lexicon import word_list

ISO_CODES = word_list(
    "USD EUR GBP JPY CNY RMB INR CHF SGD AUD CAD HKD NZD SEK NOK DKK KRW BRL MXN ZAR RUB TRY "
    "SAR AED ILS PLN CZK HUF IDR MYR THB PHP VND TWD NGN KES EGP PKR BDT ARS CLP COP PEN UAH QAR"
)

# Symbols written before the number. Longer prefixes first so "US$" is not read as "$".
_PREFIX_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "USD$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "$A": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD$": "CAD", "Can$": "CAD",
    "NZ$": "NZD", "S$": "SGD", "SG$": "SGD", "HK$": "HKD", "R$": "BRL",
    "MX$": "MXN", "Mex$": "MXN", "EC$": "XCD", "Z$": "ZWL", "J$": "JMD", "TT$": "TTD",
    "B$": "BSD", "BD$": "BMD", "NT$": "TWD", "RD$": "DOP", "N$": "NAD", "FJ$": "FJD", "CN¥": "CNY", "RMB": "CNY", "Rs.": "INR", "Rs": "INR",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND", "Fr.": "CHF", "SFr": "CHF",
}  # fmt: skip

# Codes trusted before a number: others double as acronyms and labels ("COP29", "PHP 8").
PREFIX_CODES = word_list(
    "USD EUR GBP JPY CNY RMB INR CHF SGD AUD CAD HKD NZD SEK NOK DKK KRW BRL MXN ZAR RUB TRY "
    "SAR AED"
)

_prefix_alternatives = sorted(_PREFIX_SYMBOLS, key=len, reverse=True)
# A currency code may be glued ("USD3.5") or spaced ("EUR 15m"); a symbol may be followed by a
# space only in a few house styles ("€ 15"), which we allow for symbols but not letters.
CURRENCY_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>" + "|".join(PREFIX_CODES) + r")\s?"
    r"|(?P<sym>" + "|".join(re.escape(p) for p in _prefix_alternatives) + r")\s?)$"
)

# Currency words written after the number ("15 million euros"), with the adjective that picks
# the dollar ("Australian dollars").
_DOLLAR_NATIONS = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "singaporean": "SGD", "hong kong": "HKD", "new zealand": "NZD",
    "taiwan": "TWD", "taiwanese": "TWD",
}  # fmt: skip
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF",
    "pounds sterling": "GBP", "sterling": "GBP", "british pounds": "GBP",
    "roubles": "RUB", "rubles": "RUB", "reais": "BRL", "rand": "ZAR", "naira": "NGN",
    "dirhams": "AED", "riyals": "SAR", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR",
    "zlotys": "PLN", "zloty": "PLN", "lira": "TRY", "liras": "TRY", "won": "KRW",
    "mexican pesos": "MXN", "philippine pesos": "PHP", "pesos": "MXN", "shekels": "ILS",
    "swedish kronor": "SEK", "kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "hryvnias": "UAH", "dong": "VND", "dollars": "USD", "dollar": "USD",
    "pounds": "GBP", "pound": "GBP", "danish crowns": "DKK",
    "swedish crowns": "SEK", "norwegian crowns": "NOK", "czech crowns": "CZK",
    "czech korunas": "CZK", "south african rand": "ZAR", "indian rupees": "INR",
    "chinese yuan": "CNY", "japanese yen": "JPY", "turkish lira": "TRY", "russian roubles": "RUB",
    "russian rubles": "RUB", "brazilian reais": "BRL", "egyptian pounds": "EGP",
    "pakistani rupees": "PKR", "nigerian naira": "NGN", "kenyan shillings": "KES",
}  # fmt: skip

CURRENCY_SUFFIX = re.compile(
    r"\s?(?:(?P<nation>"
    + "|".join(re.escape(n) for n in sorted(_DOLLAR_NATIONS, key=len, reverse=True))
    + r")\s)?(?P<word>"
    + "|".join(re.escape(w) for w in sorted(_CURRENCY_WORDS, key=len, reverse=True))
    + r")\b"
    r"|\s?(?-i:(?P<code>" + "|".join(ISO_CODES) + r"))\b"
    r"|\s?(?P<symbol>€)",
    re.IGNORECASE,
)

# "pounds" and "won" are also a weight and a verb: they count as money only after a magnitude.
NEEDS_MAGNITUDE = {"won", "pounds", "pound"}


def prefix_currency(match: re.Match[str]) -> str:
    if match.group("code"):
        code = match.group("code")
        return "CNY" if code == "RMB" else code
    return _PREFIX_SYMBOLS[match.group("sym")]


def prefix_sign_currency(sign: str) -> str:
    """The currency a sign written before an amount stands for ("C$" -> CAD, "$" -> USD)."""
    return _PREFIX_SYMBOLS[sign]


def suffix_currency(match: re.Match[str]) -> str:
    if match.group("symbol"):
        return "EUR"  # continental style: "15 €", "3,5 Mio. €" is not handled
    if match.group("code"):
        code = match.group("code").upper()
        return "CNY" if code == "RMB" else code
    word = match.group("word").lower()
    nation = (match.group("nation") or "").lower()
    if word.startswith("dollar") and nation:
        return _DOLLAR_NATIONS[nation]
    return _CURRENCY_WORDS[word]


# Signs several currencies share, and what each means when nothing says otherwise.
SHARED_SIGNS = {"$": "USD", "¥": "JPY"}
# Currencies written with a shared sign in their own country's press.
_LOCAL_SIGN = {
    "USD": "$", "CAD": "$", "AUD": "$", "NZD": "$", "SGD": "$", "HKD": "$", "TWD": "$",
    "MXN": "$", "ARS": "$", "CLP": "$", "COP": "$", "JMD": "$", "TTD": "$", "BSD": "$",
    "BBD": "$", "BZD": "$", "FJD": "$", "NAD": "$", "LRD": "$", "BND": "$", "XCD": "$",
    "JPY": "¥", "CNY": "¥",
}  # fmt: skip
# The currency of a country, by the top-level domain of its outlets' addresses, for the
# countries whose currency shares a sign.
_COUNTRY_CURRENCY = {
    "us": "USD", "ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD", "tw": "TWD",
    "mx": "MXN", "ar": "ARS", "cl": "CLP", "co": "COP", "jm": "JMD", "tt": "TTD", "bs": "BSD",
    "bb": "BBD", "bz": "BZD", "fj": "FJD", "na": "NAD", "lr": "LRD", "bn": "BND", "jp": "JPY",
    "cn": "CNY",
}  # fmt: skip
# The text naming which currency a sign means: "US$748 million", "C$5", "Canadian dollars",
# "yuan". The latest such mention before a bare sign decides it.
_NAMED = re.compile(
    r"(?P<dollar>(?<![A-Za-z])(?:US|U\.S\.|USD|A|AU|AUD|C|CA|CAD|Can|NZ|S|SG|HK|NT|MX|Mex)\$"
    r"|\$(?:US|A)\b"
    r"|\b(?i:(?:US|U\.S\.|American|Australian|Canadian|Singapore|Hong\s+Kong|New\s+Zealand"
    r"|Taiwan)\s+dollars?)\b)"
    r"|(?P<yen>CN¥|\b(?i:yuan|renminbi|yen)\b)"
)
_BARE_DOLLAR_WORD = re.compile(r"(?<!\w)dollars?$", re.IGNORECASE)
_NATION_DOLLAR_WORD = re.compile(
    r"(?:" + "|".join(re.escape(n) for n in _DOLLAR_NATIONS) + r")\s+dollars?$", re.IGNORECASE
)


def currency_of_country(country: str) -> str | None:
    """The currency of a country (ISO 3166-1 code) whose currency shares a sign with others."""
    return _COUNTRY_CURRENCY.get(country.lower())


def currency_of_address(url: str) -> str | None:
    """The currency of the country an outlet's address names (".ca" -> CAD), for the countries
    whose currency shares a sign with others; None for generic domains (.com, .org)."""
    host = urlsplit(url).hostname or "" if url else ""
    return _COUNTRY_CURRENCY.get(host.rsplit(".", 1)[-1]) if "." in host else None


class SignReadings:
    """What a shared sign ("$", "¥") means at a place in one text of a known outlet.

    The outlet's own currency when it is written with that sign ("$" in a Canadian paper is
    the Canadian dollar), unless the text named another one before: a Canadian paper's
    "US$748 million ... closed at $50.44" is in US dollars. Without a known outlet currency
    a sign has its usual reading, and only an amount's own mark ("C$5") says otherwise.
    """

    def __init__(self, text: str, local_currency: str | None = None) -> None:
        self._local = {
            sign: local_currency
            for sign in SHARED_SIGNS
            if local_currency and _LOCAL_SIGN.get(local_currency) == sign
        }
        self._mentions: dict[str, list[tuple[int, str]]] = {"$": [], "¥": []}
        for m in _NAMED.finditer(text) if self._local else ():
            sign = "$" if m.group("dollar") else "¥"
            self._mentions[sign].append((m.start(), _named_currency(m)))

    def at(self, sign: str, pos: int, *, named_before: bool = True) -> str:
        """The currency of a bare sign at pos; without named_before, the outlet's or usual one."""
        before = [c for start, c in self._mentions.get(sign, ()) if start < pos]
        if before and named_before:
            return before[-1]
        return self._local.get(sign, SHARED_SIGNS[sign])


def _named_currency(match: re.Match[str]) -> str:
    text = match.group()
    if match.group("yen"):
        return "JPY" if text.lower() == "yen" else "CNY"
    if text.endswith("$") or text.startswith("$"):
        prefix = CURRENCY_PREFIX.search(text) if text.endswith("$") else None
        if prefix and prefix.group("sym"):
            return _PREFIX_SYMBOLS[prefix.group("sym")]
        return "AUD" if text == "$A" else "USD"
    nation = " ".join(text.split()[:-1]).lower()
    return _DOLLAR_NATIONS[nation]


def shared_sign(text: str, start: int, end: int) -> str | None:
    """The shared sign an amount at text[start:end] is written with, if that is all it says:
    a bare "$" or "¥" before it, or "dollars" after it without a nation."""
    if text[start] in SHARED_SIGNS:
        return text[start]
    span = text[start:end]
    bare = _BARE_DOLLAR_WORD.search(span) and not _NATION_DOLLAR_WORD.search(span)
    return "$" if bare else None
