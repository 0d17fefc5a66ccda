"""Currency lexicon: the symbols, codes and words that turn a number into money."""

from __future__ import annotations

import re

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
