"""What a figure is about: entity, measure, reference point and scope, read from its sentence.

Pure Python (no Django import, like matching.py). `ArticleContext` reads an article once (its
names, the entity it is mostly about, the acronyms it defines); `about()` reads one figure:

* **entity**: the organisation, person, place or product the figure is about: a possessive
  next to the figure ("Pellow's shares"), else the name opening the figure's clause, else the
  article's salient entity when the clause says "it", "the company", "the airline" or names
  nobody. Names are keyed so one entity has one key across articles: corporate suffixes go
  ("Microsoft Corp." -> "microsoft"), an institution is its acronym ("Federal Aviation
  Administration" and "FAA" -> "faa"), other names their last distinctive word ("Norland
  Airlines" and "Norland" -> "norland", "Edmund Harlow Bridge" and "Harlow Bridge" -> "harlow").
* **measure**: what is counted or priced, from a lexicon of nouns and verb frames ("valued
  at" -> valuation, "priced at" -> share price, "killed" -> death toll), the nearest cue to the
  figure winning; else a count's unit ("171 passengers" -> passengers).
* **reference**: the period or moment (a year, a quarter, "fiscal 2024", IPO / open / close /
  intraday high, first or second day of trading).
* **scope**: words that keep look-alikes apart (per day / per year, GAAP / non-GAAP, total,
  fully diluted, projected).

`About.key` is equal for two figures stating the same fact. `About.line` is the readable
subject ("Pellow share price at close", "Hurricane Lena storm surge", "Pellow Foods pre-tax
profit growth"): the entity written in full and the measure in the sentence's own words, with a
place and a time where the sentence gives them. `About.terms` is what grouping compares: the
entity as written and the measure's canonical name, which outlets share whatever their wording.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache

from claims import measure_words, report_day, results_words, unnamed_measures
from claims.extraction.dates import MONTH_NAMES, WEEKDAY_NAMES
from claims.extraction.lexicon import words
from claims.extraction.money import ISO_CODES
from claims.extraction.qualifiers import qualifier_before

# --------------------------------------------------------------------------------------------
# Lexicons: general newsroom vocabulary, never any corpus's words.
# --------------------------------------------------------------------------------------------

# measure -> cue patterns (lower-case regex fragments, matched on word boundaries). A cue may
# sit before the figure in its clause or just after it.
_MEASURES: dict[str, tuple[str, ...]] = {
    "death toll": (
        r"killed",
        r"kills",
        r"killing",
        r"dead",
        r"died",
        r"deaths?",
        r"death toll",
        r"toll(?! (?:bridge|road|roads|booth|plaza|lane|way|free|charges?))",
        r"fatalities",
        r"bodies",
        r"lives",
    ),
    "injured": (
        r"injur(?:ed|ing|ies|y)",
        r"wounded",
        r"wounding",
        r"hurt",
        r"taken to hospitals?",
    ),
    "passengers": (r"passengers?",),
    "crew": (r"crew(?: members)?", r"flight attendants?", r"pilots?"),
    "jobs": (
        r"jobs?",
        r"employees",
        r"employs?",
        r"staff",
        r"workers",
        r"workforce",
        r"headcount",
        r"(?:non-?farm )?payrolls",
    ),
    "job cuts": (r"lay(?:ing)? off", r"laid off", r"layoffs?", r"job cuts?", r"cut \w* ?jobs"),
    "valuation": (
        r"valued at",
        r"valuation",
        r"valuing",
        r"values? (?:it|the company) at",
        r"worth(?! of)",
    ),
    "market value": (r"market (?:value|valuation|cap|capitali[sz]ation)", r"market worth"),
    "share price": (
        r"priced (?:its|the)? ?(?:ipo|offering|shares)? ?at",
        r"per share",
        r"a share",
        r"each share",
        r"share price",
        r"stock price",
        r"price per share",
        r"(?:closing|opening|offer|offering|ipo|listing|trading) price",
        r"shares? (?:closed|opened|traded|peaked|hit|reached|ended|finished)",
        r"(?:closed|opened|traded|peaked|ended|finished) at",
    ),
    "share price change": (
        r"(?:(?<!vote )shares?|stock) (?:rose|fell|jumped|climbed|surged|soared|gained|dropped|slid"
        r"|sank|tumbled|plunged|rallied|popped|slumped|slipped|declined|dipped|skidded|sagged"
        r"|was up|were up|was down|were down)",
    ),
    # A commodity's or product's price per unit: "$71.35 a barrel", "gold at $2,010 an ounce".
    "price": (
        r"(?:a|an|per) (?:barrel|ounce|troy ounce|tonne|metric ton|ton|gallon|bushel|litre|liter"
        r"|pound|kilogram|kilo|megawatt-hour|megawatt hour|mmbtu)",
        r"list price",
        r"price tag",
    ),
    # A prize or payout taken at once rather than as an annuity: "a cash option of $500
    # million", "a lump sum of $480 million", "the one-time cash payment is $490 million".
    "lump sum": (
        r"lump[- ]sum(?: (?:cash )?(?:payment|payout|option))?",
        r"cash (?:option|value|payment|payout)",
    ),
    # "pre-sales", "advance sales" of tickets are orders, not a company's revenue.
    "revenue": (r"revenues?", r"(?<!pre-)(?<!advance )sales", r"turnover"),
    "net loss": (r"net loss(?:es)?", r"lost", r"loss(?:es)?"),
    "profit": (r"profits?", r"net income", r"earnings"),
    "amount raised": (
        r"raised?",
        r"raising",
        r"proceeds",
        r"funding round",
        r"fundraising",
        r"(?:pulled|pulls|brought|brings) in",
    ),
    "deal value": (
        r"acquisition",
        r"mergers?",
        r"acquir(?:e[ds]?|ing)",
        r"buy(?:ing|out|s)?",
        r"bought",
        r"purchase[ds]?",
        r"takeover",
        r"deal",
        r"paid",
        # A player's or a supplier's deal: "a $700 million contract with", "a contract worth
        # $9 million", "a $380 million extension"; not what "the contract includes".
        r"contracts?(?=\s*(?:$|with\b|worth\b|for\b|to\b|that\b|which\b|signed\b|[,.]))",
        r"extension",
        # "a transaction valued at $9bn" prices the deal, not the company.
        r"(?:deal|transaction|acquisition|takeover|merger|purchase|offer|bid)"
        r"(?: \w+)? valued at",
        # What a deal is worth is its value, not a valuation: "a five-year deal worth $90m",
        # "the biggest contract, worth $300m", "a pact that could be worth up to $120m".
        r"(?:deal|contract|extension|pact)\b[^.;:()]{0,40}?\bworth(?! of)",
        # What a buyer pays in all: "a total consideration of $4bn", "bringing the
        # agreement's total value to $4bn".
        r"(?:total|aggregate) consideration",
        r"(?:deal|agreement|transaction|acquisition|takeover|merger|purchase)(?:['’]s)? total value",
    ),
    # One of the payments a price is split into: a part of the price, not the price.
    "instalment": (r"instal(?:l)?ments?",),
    "investment": (
        r"invest(?:ed|ing|ment|ments|s)?",
        r"pump(?:ed|ing|s)?",
        r"(?:put|puts|putting|poured?|pouring|plough(?:ed|ing|s)?|plow(?:ed|ing|s)?)"
        # "put 15 million euros, or about $16.2 million, into": a decimal point is no full stop.
        r"(?= (?:[^.;]|\.(?=\d)){0,60}\binto\b)",
        r"inject(?:ed|ing|ion)",
        r"commit(?:ted|ment)",
        r"(?:fresh|new) equity",
        r"equity(?= (?:investments?|injections?|infusions?|capital|funding))",
    ),
    # The loan that keeps a company running through bankruptcy or a rescue: lent, to be paid
    # back, so no equity put into it ("$120m of debtor-in-possession financing").
    "financing": (r"financing", r"debtor[- ]in[- ]possession", r"dip (?:financing|loans?)"),
    # What a company owes: "listing $3 billion in debt", "a debt load of $3 billion". What it
    # cuts from its debt is another amount (_DEBT_CUT).
    "debt": (r"debts?", r"borrowings?"),
    # A bankruptcy filing's ranges of what a company owns and owes ("assets and liabilities
    # of $1 billion to $10 billion"): brackets of a form, not the debt outlets report.
    "liabilities": (r"liabilities",),
    # "its own 70,000 bpd cut" stresses whose cut it is: no holding.
    "stake": (
        r"stake",
        r"holding",
        r"(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bour )owns?",
        r"owned",
    ),
    # What a court or regulator orders paid: "fined $5 million", "$2 million in damages",
    # "ordered to pay $9 million", "a $40 million judgment".
    "fine": (
        r"fined?",
        r"fines",
        r"penalty",
        r"penalties",
        r"settlements?",
        r"damages",
        r"judgments?",
        r"disgorgement",
        r"(?:ordered|must|required|forced) to pay",
        r"must pay",
        # "ordered Harlan Voss and his firm to pay", "ordering Voss to pay", "asked that Voss
        # pay": the payer between.
        r"order(?:ed|ing|s)\s+(?:[\w.’'-]+\s+){1,8}?to\s+pay",
        r"(?:requested|asked|demanded)\s+that\s+(?:[\w.’'-]+\s+){1,6}?pay",
        # "the jury awarded each woman $4 million": a court's award, not a contract or a prize.
        r"(?:jury|jurors|court|judge)\s+(?:[a-z]+\s+){0,2}?award(?:ed|s)?",
    ),
    # What a merger is to save: "$2.7 billion in pre-tax synergies", "cost savings of $300m".
    # "an attempt to save $10 billion in costs": what is saved, not what is spent.
    "savings": (r"synerg(?:y|ies)", r"savings", r"saving", r"save", r"saves", r"saved"),
    # What a contract counts against a league's payroll tax or salary cap each year: "the CBT
    # hit on the contract", "a cap hit of $9 million", "his hit towards the luxury tax"; no
    # amount of the deal itself.
    "payroll hit": (
        r"(?:tax|cbt|cap|payroll) hits?",
        r"hits? (?:to|towards?|on|against) (?:the |his |their )?(?:[\w-]+ ){0,3}(?:tax|cap|payroll)",
        r"(?:annual|yearly) hits?",
    ),
    # Pay put off until later: "defer $68 million of his $70 million salary", "$105 million
    # in deferrals"; another amount than the deal it is part of.
    "deferred pay": (r"defer(?:s|red|ring|ral|rals|ment)?", r"set aside"),
    # A contract's parts each outlet names apart from its total: the money paid on signing and
    # the yearly average ("a $40 million signing bonus", "an average annual value of $30m").
    "signing bonus": (r"(?:signing|sign-on|signing-on)[- ](?:bonus|fee)", r"bonus(?:es)?"),
    "average annual value": (r"average annual (?:value|salary|pay)", r"aav"),
    # What criminals demand and what is offered for their capture: two sums, often equal.
    "ransom": (r"ransoms?", r"extort(?:ion|ed|ing|s)?", r"blackmail(?:ed|ing)?"),
    "reward": (r"rewards?", r"bount(?:y|ies)"),
    # "cost-of-living raises" adjust pay; they cost nothing named.
    # What a company invests in plants and equipment: "cut capital spending by 20%".
    "capital spending": (
        r"capital (?:spending|expenditures?|investments?|budget)",
        r"capex",
    ),
    "cost": (
        r"costs?(?![- ]of[- ]living)",
        r"cost(?:ing)?(?![- ]of[- ]living)",
        r"spend(?:ing)?",
        r"spent",
        r"losing",
        r"economic activity",
    ),
    "value of goods": (
        r"goods",
        r"cargo",
        r"freight",
        r"worth of (?:goods|cargo|freight)",
        r"(?:goods|cargo|freight) worth",
    ),
    "vehicles": (r"vehicles?", r"cars", r"crossings?"),
    "trucks": (r"trucks?", r"lorries"),
    "aircraft": (r"aircraft", r"planes?", r"jets?", r"airplanes?", r"fleet"),
    "containers": (r"containers?", r"teu"),
    "shares": (r"shares", r"stock"),
    "users": (r"users", r"customers", r"subscribers", r"members", r"visitors"),
    "flights": (r"flights", r"cancellations?", r"cancel(?:led|ed|ing|s)?"),
    "length": (r"long", r"length", r"stretch(?:es|ed)?", r"span(?:s|ned)?"),
    "height": (r"tall", r"high", r"height", r"altitude"),
    "weight": (r"weigh(?:s|ed|ing|t)?", r"tons?", r"tonnes?"),
    "age": (r"\w+-old", r"old", r"aged?"),
    # Rates of the labour market: a rate named so is no interest rate.
    # "unemployment was unchanged at 4.1%": the rate, written without the word.
    "unemployment rate": (r"unemployment(?: rates?)?", r"jobless(?:ness)? rates?"),
    "participation rate": (r"(?:labou?r[- ]force )?participation rates?",),
    "interest rate": (r"interest rates?", r"rates?"),
    "inflation": (r"inflation", r"prices rose"),
    "growth": (r"growth", r"grew", r"expanded"),
    # Pay, not the people paid: "a 14% wage increase for workers" changes their wages.
    "wages": (
        r"wages?",
        r"(?:wage|pay) rates?",  # no interest rate
        r"salar(?:y|ies)",
        r"pay(?= (?:rises?|raises?|increases?|hikes?|cuts?|freeze)\b)",
    ),
}
# What a date marks, by the event word nearest to it.
_EVENTS: dict[str, tuple[str, ...]] = {
    "trading debut": (
        r"debut(?:ed|s)?",
        r"began trading",
        r"start(?:ed|s)? trading",
        r"first day of trading",
        r"first (?:trading )?day",
        r"went public",
        r"listed",
        r"listing",
        r"trading",
    ),
    "pricing": (r"priced", r"pricing", r"sold shares", r"sale"),
    # When a deal is done: "is expected to close in early 2026", "closing is planned for".
    "deal completion": (
        r"(?:expected|set|due|slated|scheduled|likely|poised|planned) to (?:close|complete"
        r"|be completed|be finali[sz]ed|conclude)",
        r"(?:closing|completion) (?:is|was) (?:expected|planned|scheduled|set|due)",
        r"finali[sz](?:e|ed|ing) the (?:deal|transaction|merger|acquisition|takeover)",
        r"(?:deal|transaction|merger|acquisition|takeover) (?:to close|closes|completes)",
    ),
    # A strike's start: "walked off the job on May 2", "the strike started on May 2".
    "strike": (
        r"walk(?:ed|s)? off(?: the job)?",
        r"walk-?outs?",
        r"stoppages?",
        r"(?:went|go|going) on strike",
        r"strikes?(?: (?:began|begun|started|starts))?",
    ),
    "founding": (r"founded", r"founding", r"started", r"established", r"created", r"launched"),
    # When a model of plane, train or ship began carrying people: "since it went into
    # service in 2009", "entered service in 2011" (no crash of one of them).
    "service entry": (
        r"(?:went|gone|goes|go|came|come|comes|put|entered|enters|brought) into (?:commercial )?service",
        r"entered (?:commercial )?service",
        r"entry into (?:commercial )?service",
        r"in service since",
    ),
    "collapse": (r"collaps(?:ed|e)", r"crash(?:ed)?", r"struck", r"hit", r"accident"),
    # What befell a plane, a train or a plant: "a cabin door blowout on Sunday".
    "incident": (
        r"blow-?outs?",
        r"blew (?:out|off)",
        r"blown (?:out|off)",
        r"explosions?",
        r"exploded",
        r"decompression",
        r"emergency landing",
        r"derail(?:ed|ment)",
        r"incident",
    ),
    "grounding": (r"grounded", r"grounding", r"grounds?"),
    # "members can return to work as soon as Wednesday", "back on the job by March 3".
    "return to work": (
        r"(?:return(?:s|ed|ing)?|back|go(?:es|ing)? back|get(?:ting)? back) to (?:work"
        r"|the job|their jobs|the assembly lines?|the factory floor)",
        r"back on the job",
    ),
    # "the smallest gain since May 2019", "the lowest turnout since 2005": the last time a
    # figure was as low or high, whatever it measures.
    "record since": (
        r"(?:lowest|highest|smallest|biggest|largest|weakest|strongest|worst|best|fewest|most"
        r"|least|deadliest|fastest|slowest|steepest|sharpest|longest|shortest|hottest|coldest"
        r"|wettest|driest|cheapest|greatest|heaviest|lightest|busiest)\b(?: [\w'’-]+){0,4}"
        r" since(?: (?:at least|early|late|mid))?",
    ),
    "announcement": (r"announced", r"announcement", r"unveiled"),
    # When a vote is held: "the vote is set for March 3", "on March 3, lawmakers will vote".
    # Not "won by nine votes": a count of votes dates nothing.
    "vote": (r"vot(?:e|ed|ing)\b", r"votes on\b", r"ballot\b", r"referendum"),
    # A court's dates: "a hearing on May 2", "the trial opens on June 9", "sentencing is set".
    "hearing": (r"hearings?",),
    "trial": (r"trials?",),
    "sentencing": (r"sentencing", r"(?:will|to) be sentenced", r"was sentenced"),
    # A regulator's or a board's approval: "the agency approved the drug on Wednesday".
    "approval": (r"approved", r"approval", r"cleared", r"authori[sz]ed", r"authori[sz]ation"),
    "inspection": (r"inspect(?:ed|ion|ions)",),
    "filing": (r"filed", r"filing", r"prospectus"),
    # When a company expects to leave bankruptcy, administration or a restructuring: a date
    # of its own, however near the filing's words stand ("hopes to emerge from court protection").
    "exit": (r"emerg(?:e|es|ed|ing|ence) from", r"exit(?:s|ed|ing)? from"),
    "death": (r"died", r"killed"),
    "release": (r"released?", r"release"),
    # When a reporting period ends: "the three months ended Dec. 31", "fiscal 2025 (ending
    # January 31)".
    "period end": (
        r"(?:quarter|year|period|months|weeks)(?: \d{4})? ?\(?(?:ended|ending)",
        r"^\s*(?:ended|ending)(?= \s*$)",
    ),
}
# Moments and periods a figure is stated for; the first pattern found nearest wins.
_MOMENTS: tuple[tuple[str, str], ...] = (
    ("premarket", r"pre-?market"),
    ("after hours", r"after-?hours|extended(?:[- ]hours)? trad(?:e|ing)|post-?market"),
    ("intraday high", r"(?:intraday |session )?(?:high|peak|peaked|as much as|as high as)"),
    ("open", r"open(?:ed|ing)?"),
    # "was trading at", "to trade at": a price while the session runs, before it settles.
    ("intraday", r"trad(?:e|es|ing) (?:at|near|around)"),
    ("close", r"clos(?:ed|ing|e)|ended|finished|settled"),
    ("IPO", r"ipo|initial public offering|offering|priced|pricing|listing price"),
)
_DAYS = (
    ("first day", r"first(?:[- ]day| day of trading| trading day)|debut"),
    ("second day", r"second(?:[- ]day| day of trading| trading day)"),
)
# "a year earlier" dates a figure; it is no rate.
# "€40,000 a week after tax" is a rate all the same.
_NOT_AGO = r"(?! (?:earlier|ago|later|previously|(?:before|after)(?! tax)))"
# "the highest in nearly a month", "for more than a year": a span of time, no rate.
_A = r"(?:(?<!\bin )(?<!\bwithin )(?<!\bnearly )(?<!\balmost )(?<!\bover )(?<!\bthan )(?<!\bfor )a)"
_SCOPES: tuple[tuple[str, str], ...] = (
    ("per day", rf"(?:per|{_A}|each|every) day" + _NOT_AGO + r"|daily|a-day"),
    ("per week", rf"(?:per|{_A}|each|every) week" + _NOT_AGO + r"|weekly"),
    ("per month", rf"(?:per|{_A}|each|every) month" + _NOT_AGO + r"|monthly"),
    ("per year", rf"(?:per|{_A}|each|every) year" + _NOT_AGO + r"|annual(?:ly)?|yearly|a-year"),
    # A rate per hour worked or per thing made is no amount in total: "$31 an hour" is not
    # "$640 per truck", though both are a pact's pay or cost.
    ("per hour", r"(?:per|an|each|every) hour" + _NOT_AGO + r"|hourly|an-hour"),
    ("per vehicle", r"per (?:vehicle|car|truck|unit)"),
    ("per person", r"per (?:person|head|capita|employee|worker|member|passenger|household)"),
    ("non-GAAP", r"non-gaap|adjusted"),
    ("GAAP", r"gaap"),
    ("fully diluted", r"fully diluted|diluted"),
    ("outstanding shares", r"outstanding"),
    # What economists expected is not what came in: "the 100,000 expected", "economists had
    # predicted 100,000". "Far below forecasts" compares with it (_COMPARED).
    ("projected", r"projected|forecast|forecasts|predicted|expected|expectations?"),
    # A correction of an earlier figure: "revised down by 18,000".
    ("revision", r"revised|revisions?|revising"),
    ("cumulative", r"cumulative|accumulated"),
    ("additional", r"a further|an additional|additional|extra|another"),
    # A one-time charge is booked apart from the running cost of what caused it: "$6 million
    # in one-time costs" is a part of a breach's "$80 million" cost, not another estimate of it.
    ("one-time", r"one[- ](?:time|off)\s+(?:costs?|charges?|expenses?)|non-recurring"),
    # "Combined with the $5 million fine, ..." names a part, not the sum; "the bulk of the
    # $40 million" is the whole.
    ("total", r"total|combined(?! with)|in all|overall|altogether|(?:bulk|most) of the"),
    # A first estimate later revised ("the depth was initially reported at 18 km").
    ("initial", r"initially|at first"),
    # Shares of an offering sold by its holders, or set aside for a group: not the whole sale.
    ("sold by holders", r"by (?:other |existing |selling )?(?:shareholders|stockholders|holders)"),
    ("set aside", r"(?:allocated|reserved|set aside|directed) (?:to|for)"),
)
_PERIOD = re.compile(
    r"\b(?:(?:fiscal|FY)\s?(?:20)?\d{2}|Q[1-4](?:\s(?:fiscal\s)?20\d{2})?"
    r"|(?:first|second|third|fourth|final)[- ]quarter(?:\s+of\s+(?:fiscal\s+)?(?:19|20)\d{2})?"
    r"|(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# A period a change is measured against is its base, not its reference: "up 265% from the
# same period in 2022", "a 27% increase from Q3", "compared with 2023".
# "trim 8% of its staff and halt its buybacks starting in the third quarter": when
# something begins, not the period a figure is counted over.
_STARTING_IN = re.compile(
    r"\b(?:starting|beginning|effective)\s+(?:in\s+|with\s+)?(?:the\s+)?$", re.IGNORECASE
)
# "As its Q2 results showed, it plans $3 billion in savings": the period the report covers,
# not the plan's; a company's plans of cuts are no results of a period.
_NAMES_A_REPORT = re.compile(r"\s+(?:financial\s+|earnings\s+)?(?:results|report|earnings)\b")
_PLANS = frozenset(("savings", "job cuts", "workforce share", "capital spending change"))
_BASE_PERIOD = re.compile(
    r"\b(?:from|over|than|since|versus|vs\.?|against|compared (?:with|to))"
    r"\s+(?:the\s+)?(?:(?:same|previous|prior|year-earlier)\s+(?:period|quarter|year)"
    r"\s+(?:in|of|a year earlier in)\s+)?(?:fiscal\s+)?$"
    # "the lowest level since June 2019", "since early 2019": when a record began.
    r"|\bsince\s+(?:(?:early|late|mid)[- ]?\s*)?(?:[A-Z][a-z]+\s+)?$",
    re.IGNORECASE,
)
# A comparison between a figure and a year after it: the year dates what the figure is
# compared with ("6.2 million compared to 6.8 million in 2015", "more votes than in 2019").
# "from" compares only when a figure follows it: "income from sales in 2023" is dated.
_COMPARED_AFTER = re.compile(
    r"\b(?:than|versus|vs\.?|compared (?:with|to))\b|\bfrom\s+(?:in\b|[^.;]*\d)",
    re.IGNORECASE,
)

# Suffixes dropped from organisation names.
_CORPORATE = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "plc",
        "llc",
        "lp",
        "sa",
        "ag",
        "nv",
        "se",
        "group",
        "holdings",
        "holding",
        "company",
    ]
)
_LEGAL_FORMS = _CORPORATE - {"group", "holdings", "holding", "company"}
# Last words of institutions known by their acronym.
_INSTITUTIONS = frozenset(
    [
        "administration",
        "agency",
        "authority",
        "board",
        "bureau",
        "commission",
        "committee",
        "council",
        "department",
        "association",
        "organisation",
        "organization",
        "institute",
        "service",
        "office",
        "union",
        "fund",
        "bank",
        "ministry",
        "federation",
        # Not written as acronyms, but as generic: "Federal Reserve" is no "reserve", nor
        # "Supreme Court" any "court".
        "reserve",
        "court",
        "tribunal",
    ]
)
# Generic heads dropped before keying a name ("Norland Airlines" -> "norland").
_GENERIC = frozenset(
    [
        "airlines",
        "airline",
        "airways",
        "air",
        "bridge",
        "port",
        "inc",
        "corp",
        "corporation",
        "company",
        "co",
        "ltd",
        "plc",
        "llc",
        "group",
        "holdings",
        "labs",
        "lab",
        "technologies",
        "flight",
        "technology",
        "systems",
        "partners",
        "publications",
        "media",
        "motors",
        "industries",
        "international",
        "ai",
        "instruments",
        "foods",
        "energy",
        "electronics",
        "pharmaceuticals",
        "products",
        "brands",
        "resources",
        "solutions",
        "networks",
        "ventures",
        "party",
        # "the Crown Government" is the Crown Party in office, not any government.
        "government",
        "logistics",
        "semiconductors",
        "therapeutics",
        "software",
        "entertainment",
        "communications",
        "power",
        "financial",
        "services",
        # A named fire is its name: "the Dunley Fire" is "Dunley" on second mention, and two
        # fires burning at once are two entities, not one "fire".
        "fire",
        "wildfire",
        # "Quellmar Resorts" is "Quellmar" on second mention: the plural naming what a
        # company runs is no part of its name.
        "resorts",
        "hotels",
        "casinos",
        "cruises",
        "stores",
        "blaze",
        # "Dravo County" and "Harl County" are two places, not one "county".
        "county",
    ]
)
_ORGANISATION_WORDS = frozenset(
    [
        "company",
        "firm",
        "group",
        "startup",
        "start-up",
        "business",
        "bank",
        "lender",
        "insurer",
        "carrier",
        "airline",
        "operator",
        "maker",
        "manufacturer",
        "retailer",
        "platform",
        "network",
        "agency",
        "regulator",
        "developer",
        "producer",
        "supplier",
        "provider",
        "giant",
        "conglomerate",
        "chain",
        "owner",
        "builder",
        "publisher",
        "studio",
        "club",
        "utility",
        "investor",
        "miner",
        "automaker",
        "carmaker",
        "chipmaker",
        "drugmaker",
        "rival",
    ]
)
_STAND_INS = _ORGANISATION_WORDS | frozenset(
    [
        "bridge",
        "ship",
        "vessel",
        "plane",
        "aircraft",
        "jet",
        "flight",
        "city",
        "port",
        "site",
        "plant",
        "factory",
        "deal",
        "offering",
        "ipo",
        "government",
        "ministry",
    ]
)
_PRONOUNS = frozenset(["it", "its", "they", "their", "them", "this", "these"])
_FIRE_WORDS = frozenset(("fire", "wildfire", "blaze"))
_FIRE_AFTER = re.compile(r"\s+(?:wild)?(?:fire|blaze)s?\b", re.IGNORECASE)
# Two fires named together: "the Dunley and the Marrow fires", "the Dunley and Marrow blazes".
_TWO_FIRES = re.compile(
    r"\b[Tt]he\s+(?P<first>[A-Z][\w'’-]*)\s+and\s+(?:the\s+)?(?P<second>[A-Z][\w'’-]*)"
    r"\s+(?:wild)?(?:fires|blazes)\b"
)
# A line of its own naming a fire, over the list of its figures: "Dunley Fire:".
_FIRE_HEADING = re.compile(
    r"^[ \t]*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*[ \t]+(?:Fire|Wildfire|Blaze))[ \t]*:[ \t]*$",
    re.MULTILINE,
)
# The last word of a named day of the calendar.
_DAY_OF_YEAR = frozenset(("day", "eve"))
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "job",
        "jobs",
        "nonfarm",
        "non-farm",
        "for",
        "with",
        "from",
        "as",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "today",
        "yesterday",
        "tomorrow",
        "et",
        "pt",
        "gmt",
        "utc",
        "est",
        "edt",
        "am",
        "pm",
        "a.m",
        "p.m",
        "ceo",
        "cfo",
        "coo",
        "chief",
        "reuters",
        "ap",
        "afp",
        "bloomberg",
        "getty",
        "photo",
        "image",
        "source",
        "note",
        "read",
        "more",
        "also",
        "however",
        "but",
        "while",
        "when",
        "after",
        "before",
        "since",
        "until",
        "if",
        "although",
        "though",
        "because",
        "so",
        "still",
        "yet",
        "about",
        "around",
        "more",
        "less",
        "some",
        "many",
        "most",
        "several",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "us",
        "u.s",
        "uk",
        "eu",
        "ipo",
        "ipos",
        "nyse",
        "nasdaq",
        "gdp",
        # Accounting terms, no company: "GAAP EPS hitting $1.10".
        "eps",
        "gaap",
        "non-gaap",
        "ai",
        "not",
        "no",
        "yes",
        "nor",
        "all",
        "any",
        "each",
        "every",
        "both",
        "either",
        "neither",
        # Indefinite pronouns name nobody: "Nobody has paid the ransom", "Everyone agreed".
        "nobody",
        "everyone",
        "everybody",
        "everything",
        "someone",
        "somebody",
        "something",
        "anyone",
        "anybody",
        "anything",
        "nothing",
        "none",
        "whoever",
        "once",
        "then",
        "now",
        "here",
        "there",
        "gb",
        "tb",
        "mb",
        "kb",
        "km",
        "mph",
        "kmh",
        "kw",
        "mw",
        "gw",
        "kwh",
        "mwh",
        "gwh",
        "rpm",
        "hp",
        "bhp",
        "ghz",
        "mhz",
        "rs",
        "hz",
        "khz",
    ]
)
_SOURCE_LEAD = re.compile(
    r"(?:according to|said|says|told|reported|reports|wrote|per"
    # "Analysts at Greyfriars Research called the price full", "data from Statline showed":
    # who reads or publishes the figure, not what it is about.
    r"|(?:analysts?|economists?|strategists?|researchers?) (?:at|from|with)"
    r"|(?:data|figures|estimates?|records|a survey|a poll|a report) (?:from|by))"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# A generic head written after a name that is never a name alone: "Quillfire AI".
_GENERIC_HEAD = re.compile(r" (AI)\b(?![’'-])")
_NAME_TOKEN = re.compile(r"[A-Z][\w&'’.-]*[\w]|[A-Z]")
# "PORT ELLIS--Halvor": a double hyphen stands for a dash and ends the word before it.
_TOKEN = re.compile(r"[A-Za-z](?:[\w'’&.]|-(?!-))*[\w]|[A-Za-z]|\d[\d,.]*")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]“”\"—]|,\s(?=(?:and|but|while|which|who|whereas)\b)")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]*\))?\s*[,—–-]|\(\w+\)\s*[—–-]")
_TITLE_DATELINE = re.compile(
    r"(?m)^([A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+){0,2})[ \u00a0]+[—–][ \u00a0]+(?=[A-Z])"
)
_DATELINE_WORD = re.compile(r"[A-Z]{3,}(?:\s[A-Z]{3,})*\s*(?:\([^)]*\)\s*)?(?:[,:–—-]\s|--)")
_LINE_DATELINE = re.compile(
    r"(?m)^[A-Z]{3,}(?:[ .][A-Z]{2,})*\.?(?:,[ \w.]{1,30})?\s*(?:\([^)\n]*\)\s*)?(?:[—–-]\s+|--)(?=[A-Z])"
)
_DATED_DATELINE = re.compile(
    r"(?m)^[A-Z][a-z]{2,8}\.?[ \u00a0]\d{1,2}(?:,[ \u00a0]\d{4})?[ \u00a0]*\([^)\n]{1,40}\)"
    r"[ \u00a0]*(?:[—–-][ \u00a0]+|--[ \u00a0]*)(?=[A-Z])"
)
# "Analysts had projected", "analysts polled by Vantor expected": the figure after is their
# estimate of what the sentence leaves to the one before.
_ANALYSTS_EXPECTED = re.compile(
    r"\banalysts\b[^.;]{0,40}?\b(?:had\s+)?(?:projected|expected|forecast|estimated|predicted)"
    r"(?:\s+(?:a|an|about|around|roughly|some))?\s*$",
    re.IGNORECASE,
)
# A page's label before a link, opening its line: "Related: ...", "Read more: ...".
_PAGE_LABEL = re.compile(
    r"(?im)^[ \t]*((?:related(?: stories| articles| content| coverage)?|read more|read next"
    r"|more on this|see also|also read|recommended|watch|listen|advertisement)):"
)
_MODEL_NUMBER = re.compile(r"(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?")
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)


class Cues:
    """Named cue patterns (each source put in `template`), tried in order, and one pattern
    matching wherever any of them does: most clauses hold no cue at all, and one search then
    answers for every pattern."""

    def __init__(self, sources: list[tuple[str, str]], template: str = r"\b(?:{})\b"):
        self.sources = sources
        self.template = template
        self.named = [(name, re.compile(template.format(source))) for name, source in sources]
        self.any = re.compile(template.format("|".join(source for _, source in sources)))

    def __iter__(self) -> Iterator[tuple[str, re.Pattern]]:
        return iter(self.named)

    def only(self, keep: Callable[[str], bool]) -> Cues:
        return Cues([(name, source) for name, source in self.sources if keep(name)], self.template)


def _compile(table: dict[str, tuple[str, ...]]) -> Cues:
    # Longer cues first: at one position the alternation takes the first that matches.
    return Cues(
        [(name, "|".join(sorted(cues, key=len, reverse=True))) for name, cues in table.items()]
    )


_MEASURE_PATTERNS = _compile(_MEASURES)
# What money can measure; the other measures are counts, sizes and rates.
_MONEY_MEASURES = words(
    """valuation market_value share_price revenue net_loss profit amount_raised deal_value
    investment financing debt liabilities stake fine cost value_of_goods savings deferred_pay
    payroll_hit price signing_bonus average_annual_value ransom reward lump_sum instalment"""
)
_MONEY_PATTERNS = _MEASURE_PATTERNS.only(lambda n: n.replace(" ", "_") in _MONEY_MEASURES)
_OTHER_PATTERNS = _MEASURE_PATTERNS.only(
    lambda n: n.replace(" ", "_") not in _MONEY_MEASURES or n == "stake"
)
_EVENT_PATTERNS = _compile(_EVENTS)
_EVENT_PATTERNS_BUT_ANNOUNCEMENT = _EVENT_PATTERNS.only(lambda n: n != "announcement")
_MOMENT_PATTERNS = Cues(list(_MOMENTS))
_DAY_PATTERNS = Cues(list(_DAYS))
_RATE_SCOPES = frozenset(("per hour", "per vehicle", "per person"))
_SCOPE_PATTERNS = Cues(list(_SCOPES), r"(?<![\w-])(?:{})(?![\w-])")
# Count units that name what is counted ("171 passengers").
_UNIT_MEASURES = {
    "passenger": "passengers",
    "guest": "passengers",
    "traveler": "passengers",
    "traveller": "passengers",
    "crewmember": "crew",
    "crew-member": "crew",
    "example": "",
    "unit": "",
    "people": "",
    "person": "",
    "employee": "jobs",
    "worker": "jobs",
    "job": "jobs",
    "position": "jobs",  # "cut 2,400 positions"
    "staff": "jobs",
    "crew": "crew",
    "crew member": "crew",
    # A passenger list by nationality: "53 British nationals", "53 British citizens".
    "national": "nationals",
    "citizen": "nationals",
    "individual": "",
    "vehicle": "vehicles",
    "car": "vehicles",
    "truck": "trucks",
    "plane": "aircraft",
    "jet": "aircraft",
    "airplane": "aircraft",
    "aircraft": "aircraft",
    "container": "containers",
    # A train's cars, however an outlet calls them: one count, never a toll beside it.
    "coach": "coaches",
    "coaches": "coaches",
    "bogie": "coaches",
    "compartment": "coaches",
    "carriage": "coaches",
    "share": "shares",
    "user": "users",
    "customer": "users",
    "subscriber": "users",
    "flight": "flights",
    "death": "death toll",
    "fatality": "death toll",
    "fatalities": "death toll",
    "lives": "death toll",  # "claimed 2,000 lives"
    "injury": "injured",
    "injuries": "injured",
    # One crash hits "devices", "machines" or "PCs", as outlets write it.
    "device": "devices",
    "machine": "devices",
    "computer": "devices",
    "pc": "devices",
    # The ground a fire burned, a farm or an estate covers: "burned 40,000 acres".
    "acre": "area",
    "hectare": "area",
}


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


_POSSESSIVE = re.compile(r"['’]s?$")


def _strip_possessive(word: str) -> str:
    # Called for every capitalised word of an article: most have no apostrophe to strip.
    if "'" not in word and "’" not in word:
        return word
    return _POSSESSIVE.sub("", word)


# Nicknames English news gives institutions and parties, as the names they stand for. Only
# widely used, unambiguous ones: a nickname is keyed as its name wherever it is written.
_NICKNAMES = {
    "fed": "Federal Reserve",
    "tories": "Conservatives",
    "tory": "Conservative",
    "gop": "Republicans",
    "dems": "Democrats",
    "democratic party": "Democrats",  # its members' plural is not its adjective
    "lib dems": "Liberal Democrats",
}
# A country written with full stops right before a name: "U.S." in "U.S. Geological Survey".
_DOTTED_BEFORE = re.compile(r"((?:[A-Z]\.){2,})\s$")
# Words an acronym may leave out: "Bank of Japan" is "BOJ" or "BJ".
_ACRONYM_CONNECTORS = ("of", "the", "and", "&", "for")


def _initials(words: list[str], connectors: bool) -> str:
    """The letters an acronym of `words` spells: "U.S. Geological Survey" -> "USGS"; with
    `connectors`, "Bank of Japan" -> "BOJ", else "BJ"."""
    letters = []
    for word in words:
        if word.lower() in _ACRONYM_CONNECTORS:
            if connectors and word.isalpha():
                letters.append(word[0])
            continue
        dotted = re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word)
        letters.append(re.sub(r"[^A-Z]", "", word) if dotted else word[:1])
    return "".join(letters).upper()


def _spells(acronym: str, name: str) -> bool:
    """Whether an acronym ("BOJ", "BoJ", "USGS") spells the initials of a name of two or more
    words ("Bank of Japan", "U.S. Geological Survey"), its connectors written or not."""
    words = [_strip_possessive(w).strip(",") for w in name.split()]
    words = [w for w in words if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or not all(
        w[:1].isupper() or w.lower() in _ACRONYM_CONNECTORS for w in words
    ):
        return False
    letters = acronym.upper()
    return letters in (_initials(words, True), _initials(words, False))


def is_acronym(word: str) -> bool:
    """ "FAA", "BoJ", "U.S.": two to six capitals, lower-case letters only between them."""
    bare = word.replace(".", "")
    return (
        2 <= sum(c.isupper() for c in bare) <= 6
        and bare.isalpha()
        and bare[:1].isupper()
        and bare[-1:].isupper()
    )


def entity_key(name: str, acronyms: dict[str, str] | None = None) -> str:
    """One key for one entity however it is written: "Microsoft Corp." and "Microsoft" ->
    "microsoft"; "Federal Aviation Administration" and "FAA" -> "faa"; "Edmund Harlow
    Bridge" and "Harlow Bridge" -> "harlow"; "Bank of Japan" and "BoJ" -> "boj"; "the Fed"
    and "Federal Reserve" -> one key."""
    if acronyms:
        parts = _key_words(name)
        if len(parts) == 1 and parts[0] in acronyms:
            return acronyms[parts[0]]
    return _entity_key(name)


# Asked for every name of every article, and of its story's (resolve_keys): names repeat
# within an article and across a story, each read once.
@lru_cache(maxsize=65536)
def _key_words(name: str) -> tuple[str, ...]:
    """The words entity_key reads of a name: without possessives, a leading "the", and a
    nickname written out ("the Fed": "Federal Reserve")."""
    parts = [_strip_possessive(w).strip(".,") for w in name.split()]
    parts = [w for w in parts if w]
    if parts and parts[0].lower() == "the" and len(parts) > 1:
        parts = parts[1:]
    nickname = _NICKNAMES.get(" ".join(parts).lower())
    if nickname:
        parts = nickname.split()
    return tuple(parts)


@lru_cache(maxsize=65536)
def _entity_key(name: str) -> str:
    """entity_key(name) of a name no acronym of the article stands for."""
    parts = list(_key_words(name))
    if not parts:
        return ""
    lower = [w.lower() for w in parts]
    if len(lower) > 2 and lower[-1] in _GENERATIONS:
        return " ".join(lower[-2:])  # "Rob Voss Jr." is neither "Jr." nor his father Voss
    if len(parts) == 1 and is_acronym(parts[0]) and len(parts[0]) <= 6:
        return lower[0]
    capitalised = [w for w in parts if w[:1].isupper() and w.lower() != "the"]
    if len(capitalised) >= 2 and lower[-1] in _INSTITUTIONS:
        return _initials(capitalised, False).lower()
    if len(lower) > 2 and lower[0] in _INSTITUTIONS and lower[1] == "of":
        # "Bank of Japan" is the bank, not Japan: an institution named after its place is
        # keyed as its acronym is usually written ("BOJ", "BoE", "DoJ").
        return _initials(parts, True).lower()
    digits = [i for i, w in enumerate(lower) if i and w[:1].isdigit()]
    if digits:
        lower = lower[: digits[0]]  # "Corvid Slate 2" and "Slate 2" are the Slate
    if "&" in lower[1:]:
        # "Carrow & Finch" is often "Carrow" on second mention.
        lower = lower[: lower.index("&")]
    while len(lower) > 1 and lower[-1] in (_CORPORATE | _GENERIC):
        lower.pop()
    # Connectors: "Bank of England" keeps its last word; "Port of Carrick" -> "carrick".
    content = [w for w in lower if w not in ("of", "the", "&", "and", "de", "la")]
    if len(content) > 1 and _given_name(parts[-1]):
        return content[-2]  # "Tam Shu-wen" is "Tam" on second mention: the family name first
    if len(content) > 1 and content[-1] in _NAME_NUMBERS:
        return " ".join(content[-2:])  # "Formula One" is no "One", nor "Formula"
    return _singular(content[-1] if content else lower[-1])


_GENERATIONS = frozenset(("jr", "sr", "ii", "iii", "iv"))


# Asked for every pair of an article's names (ArticleContext._aliases) and of its story's
# (resolve_keys): names repeat within an article and across a story, each read once.
@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    """A name's words without "the", possessives and corporate suffixes: "the Acme Holdings
    Inc.'s" -> ("Acme",)."""
    words = [_strip_possessive(w).strip(".,") for w in name.split()]
    words = [w for w in words if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _CORPORATE:
        words.pop()
    return tuple(words)


# Words that are never an entity's distinctive part on their own.
_NOT_DISTINCTIVE = _CORPORATE | _GENERIC | _INSTITUTIONS | _ORGANISATION_WORDS | _STAND_INS


@lru_cache(maxsize=65536)
def shortens(short: str, name: str, *, leading: bool = True) -> bool:
    """Whether `short` is a shorter way of writing the entity `name` names: its acronym
    ("IMF" for "International Monetary Fund"), the generic word it ends with ("the Court"
    for "the Supreme Court"), or, with `leading`, its leading distinctive word(s) ("Tarvik"
    for "Tarvik Capital Partners", "Orrel" for "Orrel United")."""
    words, full = _name_words(short), _name_words(name)
    if not words or len(full) <= len(words):
        return False
    if len(words) == 1 and is_acronym(words[0]) and _spells(words[0], " ".join(full)):
        return True
    if not all(w[:1].isupper() for w in full):
        return False  # "Tarvik" does not shorten "Tarvik and Lune"
    if len(words) == 1 and words[0].lower() in _INSTITUTIONS:
        return full[-1].lower() == words[0].lower()
    return leading and full[: len(words)] == words and words[-1].lower() not in _NOT_DISTINCTIVE


def resolve_keys(names: Mapping[str, str], known: Mapping[str, str]) -> dict[str, str]:
    """How an article's entity keys read in its story: `names` maps each name the article
    writes to its key, `known` each name the story's other articles write to the key they
    stored. A key the story does not know yet takes the story's key for the same entity
    written the same way (an article that wrote "Orrel United ... Orrel" keyed both as
    "Orrel") or another way ("the IMF" where the story wrote "International Monetary Fund",
    or the other way round), when exactly one story key fits. Either article's names may
    shorten the other's, so the mentions of one fact share a key whichever article arrives
    first. Leading words alone are no evidence across articles: only an article's order
    of mentions tells "Orrel" for "Orrel United" from a maker for its product ("Orrel
    Vega"), see ArticleContext._aliases."""
    known_keys = set(known.values())
    found: dict[str, set[str]] = {}
    for name, key in names.items():
        if not key or key in known_keys:
            continue  # a key the story has already stands for what the story means by it
        for story_name, story_key in known.items():
            if story_key and (
                _name_words(name) == _name_words(story_name)
                or shortens(name, story_name, leading=False)
                or shortens(story_name, name, leading=False)
            ):
                found.setdefault(key, set()).add(story_key)
    return {key: next(iter(keys)) for key, keys in found.items() if len(keys) == 1}


def _singular(word: str) -> str:
    """A name's members and the name itself share a key: "the Moderates" and "the Moderate
    party", "Unionists" and "Unionist"."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def display_name(name: str) -> str:
    """A name as a subject line shows it: "Pellow Inc." -> "Pellow"."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().rstrip(".,") in _LEGAL_FORMS:
        parts.pop()
    while len(parts) > 1 and parts[0].lower() == "the":
        parts.pop(0)
    return " ".join(parts)


def _fullest(forms: Counter[str]) -> str:
    """The longest form of a name, unless the text mostly calls it by its acronym, or writes
    the acronym of that form at all ("FAA" over "Federal Aviation Administration"): the form
    a short line reads best in."""
    fullest, count = max(forms.items(), key=lambda item: (len(item[0].split()), item[1]))
    initials = "".join(w[0] for w in fullest.split() if w[:1].isupper())
    acronyms = [(n, form) for form, n in forms.items() if form.isupper() and len(form) > 1]
    # "KPL" for "KPL Hotels Worldwide" is the name cut short, not its initials: the
    # line names the company in full, however often the text shortens it.
    shortened = fullest.split()[0]
    if (
        acronyms
        and (max(acronyms)[0] > count or max(acronyms)[1] == initials)
        and max(acronyms)[1] != shortened
    ):
        return max(acronyms)[1]
    return fullest


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


_CURRENCY_CODES = frozenset(ISO_CODES)
_PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|FY\d{0,4})")


def find_names(
    text: str,
    offset: int = 0,
    lowercase: frozenset[str] = frozenset(),
    also_known: frozenset[str] = frozenset(),
) -> list[Name]:
    """Runs of capitalised words in `text` ("Norland Airlines", "Port of Carrick"); a word
    capitalised only because it opens a sentence is no name when the article also writes it
    in lower case."""
    names: list[Name] = []
    run: list[re.Match] = []
    # Words known as names: capitalised inside a sentence, or opening two sentences.
    capitalised = Counter(
        _strip_possessive(m.group()).rstrip(".").lower() for m in _NAME_TOKEN.finditer(text)
    )
    known = (
        {
            _strip_possessive(m.group(1)).rstrip(".").lower()
            for m in re.finditer(r"[a-z,;]\s+([A-Z][\w'’&.-]*\w)", text)
        }
        | {word for word, count in capitalised.items() if count >= 2}
        | also_known
    )

    # "Port Halden — The union said": a paragraph opening with a place and a dash is a dateline.
    datelines = [m.span(1) for m in _TITLE_DATELINE.finditer(text)]
    # "SAN LORENZO--Korvane": every word of a capitals dateline places the story.
    # Its credit in brackets ("PORT ELLIS (Harbour Wire) —") is left to the rules for names.
    for m in _LINE_DATELINE.finditer(text):
        bracket = text.find("(", m.start(), m.end())
        datelines.append((m.start(), m.end() if bracket < 0 else bracket))
    # "Related: Port Ellis reopens", "Read more: ...": a page's label for a link names nobody.
    datelines += [m.span(1) for m in _PAGE_LABEL.finditer(text)]
    # "June 5 (Harbour Wire) —": a dateline of a day and a wire's credit names the wire that
    # sent the story, not what it is about.
    datelines += [m.span() for m in _DATED_DATELINE.finditer(text)]
    # "DALLAS (AP) — Star outfielder ...": the word after a dateline opens the sentence.
    after_dateline = (
        {m.end() for m in _TITLE_DATELINE.finditer(text)}
        | {m.end() for m in _LINE_DATELINE.finditer(text)}
        | {m.end() for m in _DATED_DATELINE.finditer(text)}
    )

    # Words written only right after a number ("420 Max"): model names, no names alone.
    after_number = Counter(m.group(1).lower() for m in re.finditer(r"\d\s([A-Z][\w-]*)", text))
    model_words = {word for word, n in after_number.items() if capitalised[word] <= n}

    run_opened_initial = True

    def close() -> None:
        while run and run[-1].group().lower() in ("of", "the", "&", "and", "de", "new"):
            run.pop()
        if len(run) > 1 and _strip_possessive(run[-1].group()).lower() in _DAY_OF_YEAR:
            run.clear()  # "Election Day", "New Year's Eve": a date, no one a figure is about
        if run:
            start, end = run[0].start(), run[-1].end()
            names.append(Name(_strip_possessive(text[start:end]), offset + start, offset + end))
        run.clear()

    for match in _TOKEN.finditer(text):
        word = match.group()
        if not run and not word[:1].isupper() and word[:3].lower() != "new":
            # A word in lower case outside a name neither opens nor closes one ("new" may:
            # "the new York plant").
            continue
        bare = _strip_possessive(word).rstrip(".")
        lower = bare.lower()
        capital = word[:1].isupper() and lower not in _NOT_NAMES and len(bare) > 1
        if capital and lower in _DEMONYMS:
            # "French AI company": an adjective alone; "French Open" opens a name.
            following = re.match(r"\s([A-Z][\w'’&.-]*)", text[match.end() : match.end() + 30])
            capital = bool(following) and following.group(1).lower().rstrip(".") not in _NOT_NAMES
        gap = text[run[-1].end() : match.start()] if run else ""
        # "Carrow & Finch": an ampersand between two capitalised words joins one name; a line
        # break ends one ("Key Facts" over "Pellow ...").
        # "saw Harbour Tales: Nightfall on Friday": a title's subtitle after a colon, inside a
        # sentence, is the same name ("Vexa: Sales rose" opening a line is no title).
        subtitle = gap == ": " and capital and bool(run) and not run_opened_initial
        if (
            run
            and (gap.strip() or "\n" in gap)
            and not (gap.strip() == "&" and capital)
            and not subtitle
        ):
            close()
        if lower == "new" and re.match(r"\s[A-Z]", text[match.end() : match.end() + 2]):
            capital = True  # "New York": "new" opens a name only before a capitalised word
        connector = lower in ("of", "&", "de") and bool(run)
        # "Vantor 420 Max 8", "Flight 706": a model or a service number belongs to its name.
        model = (
            bool(run)
            and gap == " "
            and bool(_MODEL_NUMBER.fullmatch(word))
            and not text[match.end() : match.end() + 1].isalpha()  # "7B" is no "7"
        )
        if capital and not run and lower in model_words:
            capital = False  # "the 420 Max": a model's name only ever after its number
        if not capital and _name_number(text, match, run, gap):
            capital = True  # "Formula One", "Channel Four", "One Medical": part of the name
        before, space = _before_space(text, match.start())
        # A line's first word opens a sentence too (after a headline with no full stop).
        line_start = "\n" in space
        # After a dateline only a word on its own opens the sentence: "Star outfielder" does,
        # "Hurricane Lena" is a name as it would be anywhere in a sentence.
        opens_after_dateline = match.start() in after_dateline and not re.match(
            r"\s[A-Z]", text[match.end() : match.end() + 2]
        )
        # A table's cell opens like a sentence: "| Total debt | $3 billion |".
        initial = not before or before in '.!?\n"“:|' or line_start or opens_after_dateline
        if (
            capital
            and initial
            and not _name_at_sentence_start(text, match, lower, lowercase, known)
        ):
            capital = False  # capitalised only because it opens a sentence
        if capital and (bare in _CURRENCY_CODES or _PERIOD_CODE.fullmatch(bare)):
            capital = False  # "USD 12.3 billion", "Q4 revenue": a unit or a period, no one
        if capital and re.match(r"[A-Z]{3}\d", word):
            capital = False  # "USD35.3": an amount in a currency code, no name
        if (
            capital
            and re.search(r"-[a-z]", bare)
            and not (run and gap == " " and _given_name(bare))
        ):
            capital = False  # "Chicago-based": an adjective, "San Francisco-based" too
            run.clear()
            if (
                bare.lower().endswith("-based")
                and names
                and text[names[-1].end - offset : match.start()] == ", "
            ):
                names.pop()  # "Port Ellis, Norland-based Vexa": the town is where it is based
        if capital and any(start <= match.start() < end for start, end in datelines):
            capital = False
        if capital and _DATELINE_WORD.match(text, match.start()) and initial:
            capital = False  # "SINGAPORE –": the dateline places the story, it is not its subject
        if capital or connector or model:
            if not run:
                run_opened_initial = initial
            run.append(match)
            if word.endswith(("'s", "’s")):
                close()
        else:
            close()
    close()
    return names


# "Tam Shu-wen": two short syllables of a given name after the family name, no adjective
# ("Seoul-based", "state-run").
_GIVEN_NAME = re.compile(
    r"[A-Z][a-z]{1,5}-(?!(?:led|run|born|made|era|type|wide|like)\b)[a-z]{1,4}"
)


def _given_name(word: str) -> bool:
    return bool(_GIVEN_NAME.fullmatch(word))


def _before_space(text: str, at: int) -> tuple[str, str]:
    """The last character before `at` that is no white space ("" at the start), and the white
    space between: read back from `at`, not by stripping all the text before it."""
    stop = at
    while stop and text[stop - 1].isspace():
        stop -= 1
    return text[stop - 1 : stop] if stop else "", text[stop:at]


# Number words written with a capital inside a name: "Formula One", "Channel Four".
_NAME_NUMBERS = words("one two three four five six seven eight nine ten")


def _name_number(text: str, match: re.Match, run: list[re.Match], gap: str) -> bool:
    """Whether a capitalised number word belongs to a name: right after a capitalised word
    ("Formula One", "Section Five Bank"), or opening one inside a sentence before another
    ("said One Medical"). A sentence's opening "One" or "Two" counts something."""
    word = match.group()
    if not word[:1].isupper() or _strip_possessive(word).lower() not in _NAME_NUMBERS:
        return False
    if run:
        return gap == " "
    before, _ = _before_space(text, match.start())
    opens_sentence = not before or before in '.!?\n"“:'
    return not opens_sentence and bool(
        re.match(r"\s[A-Z][a-z]", text[match.end() : match.end() + 3])
    )


# Nouns of what figures measure: "Net income", "Comparable sales" open no name.
_MEASURE_WORDS = words(
    """income sales inflation earnings profit profits revenue revenues margin margins growth
    output prices price rates demand spending unemployment exports imports traffic rainfall
    bookings turnout loss losses debt dividend dividends orders deaths jobs staff shares stock
    valuation stake cost costs proceeds turnover customers users subscribers visitors flights
    cancellations fatalities injuries passengers vehicles funding investment value financing"""
)
# Words that open sentences without naming anyone.
_OPENERS = words(
    """here there what why how where while after before during some many several both each
    every all such another other including according however meanwhile instead experts
    officials analysts investors authorities police residents workers people shares stocks
    traders critics earlier later separately elsewhere overall last next this that then today
    yesterday tonight currently recently previously so thus hence still also moreover
    furthermore additionally besides nevertheless nonetheless likewise similarly
    consequently therefore indeed notably importantly ultimately finally regardless
    otherwise under over among amid despite within without through throughout following
    behind beyond between against toward towards into onto upon whilst whereas although
    alongside across along beside amongst unlike until since per via starring featuring
    citing quoting outside inside aside apart
    though current due thanks january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday"""
)
# Adjectives of nationality and region: "French AI company", "European sites" describe an
# entity or a place, they are neither alone.
_DEMONYMS = words(
    """american british english scottish welsh irish french german dutch belgian swiss
    austrian italian spanish portuguese greek turkish polish czech hungarian romanian
    bulgarian ukrainian russian swedish norwegian danish finnish icelandic european african
    asian chinese japanese korean indian pakistani bangladeshi indonesian malaysian thai
    vietnamese filipino singaporean australian canadian mexican brazilian argentine
    argentinian chilean colombian peruvian venezuelan egyptian nigerian kenyan ethiopian
    moroccan israeli iranian iraqi saudi emirati qatari syrian lebanese jordanian western
    eastern northern southern nordic latin arab"""
)


def _name_at_sentence_start(
    text: str, match: re.Match, lower: str, lowercase: frozenset[str], known: set[str]
) -> bool:
    """Whether a capitalised word opening a sentence is a name: the article never writes it
    in lower case, and it is known as a name elsewhere, owns something ("Lidford's"), opens
    a longer name ("Orwell Water") or does not look like an ordinary word."""
    if (lower in _INSTITUTIONS or lower in _ORGANISATION_WORDS) and re.match(
        r" of (?:the )?[A-Z]", text[match.end() : match.end() + 9]
    ):
        return True  # "Bank of Marlow cuts rates": an institution of a place, named whole
    if lower in _STORM_TITLES and re.match(r" [A-Z]", text[match.end() : match.end() + 2]):
        return True  # "Hurricane Pella hit": the storm's name, though a text says "a hurricane"
    if lower in lowercase or lower in _OPENERS or lower in _MEASURE_WORDS:
        return False  # "Turnout was 67%", "Demand fell": a measure opening the sentence
    if lower in known:
        return True
    following = text[match.end() : match.end() + 2]
    if following in ("'s", "’s") or match.group().endswith(("'s", "’s")):
        return True
    if re.match(r"\s[A-Z]", text[match.end() : match.end() + 2]):
        return True
    following_word = re.match(r"\s+([a-z]+)", text[match.end() : match.end() + 24])
    if following_word and following_word.group(1) in _MEASURE_WORDS:
        return False  # "Net income rose", "Comparable sales grew": an adjective opening it
    if following_word and following_word.group(1) in ("by", "than"):
        return False  # "Built by ...", "Fewer than 20": a participle or a comparative
    if following_word and following_word.group(1) in _GROUPS_OF_PEOPLE:
        return False  # "Rescue teams said", "Fire authorities": a word saying which group
    described = re.match(r"\s+([a-z]+)\s+[A-Z]", text[match.end() : match.end() + 30])
    if described and described.group(1) in _ORGANISATION_WORDS:
        return False  # "Software giant Norvex": the trade of the name after, no name itself
    return not re.search(r"(?:ing|ed|ly|s)$", lower)


_JOINERS = words("of the & and de")
_STORM_TITLES = words("hurricane typhoon cyclone storm")
# Groups of people a capitalised word opening a sentence may describe ("Rescue teams"); a
# name the article writes elsewhere ("Acme workers") is known before this is asked.
_GROUPS_OF_PEOPLE = words(
    """teams crews workers authorities officials officers personnel services volunteers
    agencies responders"""
)


# --------------------------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------------------------


def _person_like(name: str) -> bool:
    """Whether a name reads as a person's: two or three capitalised words, none an acronym
    or an organisation's word ("Jane Doe", not "CAA" or "Norland Airlines")."""
    parts = name.split()
    lowered = {p.lower().rstrip(".,") for p in parts}
    return (
        len(parts) in (1, 2, 3)
        and not any(p.isupper() and len(p) > 1 for p in parts)
        and not lowered & (_CORPORATE | _GENERIC | _INSTITUTIONS | _ORGANISATION_WORDS)
        and not lowered & _NAME_NUMBERS  # "Formula One" is nobody
    )


def _title_case(line: str) -> bool:
    """A headline's capitals: most words capitalised, no sentence's full stop at the end."""
    tokens = [t for t in _TOKEN.findall(line) if t[:1].isalpha()]
    capitals = [t for t in tokens if t[:1].isupper()]
    return (
        len(tokens) >= 2
        and len(capitals) >= 0.6 * len(tokens)
        and not line.rstrip().endswith((".", "?", "!", '"', "”"))
    )


# Words between a buyer's name and its target's, within a sentence: "will acquire", "is
# poised to buy", "announced a $9 billion deal to acquire".
_ACQUIRES = re.compile(
    r"\s+(?:(?![^\s]*[.;:!?]\s)[a-z$\d][^\s]*\s+){0,6}?"
    r"(?:acquire|acquires|acquired|acquiring|buy|buys|bought|buying|purchase|purchases"
    r"|purchasing|take over|takes over|taking over)"
    # "acquire British biscuit maker Vexa": a short description may come before the target.
    r"\s+(?:the\s+)?(?:(?:[A-Z][a-z]+|[a-z-]+)\s+){0,4}?"
)
# "Orrin will invest $16m in Vexa", "Orrin's $16m investment in Vexa", "Orrin takes a stake in
# Paris start-up Vexa": the investor and what it invests in.
_INVESTS_IN = re.compile(
    r"(?:['’]s?)?\s+(?:(?:will|would|is|has|to|plans\s+to|agreed\s+to)\s+){0,2}"
    r"(?:(?:invest|invests|invested|investing)\s+[^.;:!?]{0,40}?"
    r"|(?:[$€£¥]?[\d.,]+\s*(?:[a-z]+\s+){0,2})?(?:investment|stake)"
    r"|(?:takes|took|take|buys|bought)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}stake)"
    r"\s+in(?:to)?\s+(?:the\s+)?(?:(?:[A-Z][\w-]*|[a-z-]+)\s+){0,4}?"
)
# "Orrin One's agreed purchase of Vexa Labs", "Orrin's agreement with Vexa": the first named
# party is the one buying or investing, as the story tells it.
_OWN_PURCHASE = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z-]+\s+){0,2}(?:(?:purchase|takeover|acquisition|buyout)\s+of"
    r"|(?:agreement|partnership|deal|tie-up|alliance)\s+with)\s+(?:the\s+)?"
)


# "agreed to a £4bn takeover by India's Orrin Group": the buyer after "by", past a place's
# possessive.
# "agreed to be acquired by food group Orrin": the passive names the buyer after a short
# description.
_TAKEN_OVER_BY = re.compile(
    r"\b(?:(?:takeover|acquisition|purchase|buyout)\s+by\s+(?:the\s+)?"
    r"|(?:be|been|being)\s+(?:acquired|bought|purchased|taken\s+over)\s+by\s+(?:the\s+)?"
    r"(?:[a-z&-]+\s+){0,5}?)(?:[A-Z][\w-]*['’]s\s+)?$"
)
_DEAL_BREAK = re.compile(r"[.;:!?]\s")
# A brand describing the name after it: "Crispo maker Tessel Foods", "Crispo-maker Tessel".
_BRAND_OF_NEXT = re.compile(r"(?:\s+|-)(?:maker|owner|operator|producer|parent)\s+(?=[A-Z])")


def _deal_between(text: str, names: list[Name]) -> tuple[Name, Name] | None:
    """Buyer and target of the first deal `text` states between two of its `names`."""
    for index, buyer in enumerate(names):
        for target in names[index + 1 : index + 4]:
            gap = text[buyer.end : target.start]
            if _DEAL_BREAK.search(gap) or target.text == buyer.text:
                break
            if _BRAND_OF_NEXT.match(text, target.end):
                continue  # "acquiring Crispo maker Tessel Foods": the brand describes the target
            if (
                _ACQUIRES.fullmatch(gap)
                or _OWN_PURCHASE.fullmatch(gap)
                or _INVESTS_IN.fullmatch(gap)
            ):
                return buyer, target
        if text[buyer.start : buyer.end].endswith(("'s", "’s")):
            continue  # "a takeover by India's Orrin Group": the country only places the buyer
        taken = _TAKEN_OVER_BY.search(text, max(0, buyer.start - 60), buyer.start)
        if taken:
            # The target is the sentence's first name: "Vexa, the old group, agreed to a takeover".
            dot, line = text.rfind(". ", 0, taken.start()), text.rfind("\n", 0, taken.start())
            sentence = max(dot + 2 if dot >= 0 else 0, line + 1)
            # "(Wire Desk) -- Tessel (TSF) agreed to be acquired": a bracketed name is no party.
            earlier = [
                n
                for n in names
                if sentence <= n.start < taken.start()
                and not text[n.end : n.end + 3].lstrip().startswith(")")
            ]
            if earlier and earlier[0].text != buyer.text:
                return buyer, earlier[0]
    return None


class NamesInOrder:
    """Names in the order written, found by where they start: every figure reads the few
    names around it, not all the article's."""

    def __init__(self, names: list[Name]):
        self.names = names
        self._starts = [name.start for name in names]

    def between(self, start: int, end: int) -> list[Name]:
        """The names starting in body[start:end]."""
        return self.names[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


class ArticleContext:
    """An article read once for what its figures are about."""

    def __init__(self, body: str, title: str = "", published: date | None = None):
        self.body = body
        self.title = title or ""
        self.published = published
        # Keys by name: every figure's reading asks for the keys of the same few names.
        self._keys: dict[str, str] = {}
        self._may_own: dict[Name, bool] = {}

    @cached_property
    def economy_place(self) -> str:
        """The country whose economy the story reports on ("The U.S. economy added", "employers
        in Valdonia", "Valdonia added 135,000 jobs in May"), written one way whichever way
        the outlet writes it; "" when the story names none."""
        for text in (self.title, self.body):
            match = _ECONOMY_OWNER.search(text)
            if match:
                place = next(group for group in match.groups() if group)
                return _COUNTRY_FORMS.get(place, place)
        return ""

    @cached_property
    def quake_place(self) -> str:
        """Where the story's earthquake struck, as the story first says it ("a quake struck
        off the coast of Dorvan", "Dorvan's strongest earthquake"): a name the article
        gives, not a weekday ("Monday's earthquake"); "" when it says none."""
        known = {n.text for n in self.names}
        for match in _QUAKE_STRUCK.finditer(self.body):
            place = next(group for group in match.groups() if group)
            if place in known and not _WEEKDAY.match(place.lower()):
                return place
        return ""

    @cached_property
    def fires(self) -> frozenset[str]:
        """Keys of the fires the article names: "the Dunley Fire", "the Marrow blaze", a list's
        heading "Dunley Fire:"; not an agency named after fire ("Varn Fire said")."""
        found = set()
        for name in self.names:
            named = name.text.split()[-1].lower() in _FIRE_WORDS or _FIRE_AFTER.match(
                self.body, name.end
            )
            if named and self.body[max(0, name.start - 4) : name.start].lower() == "the ":
                found.add(self.key(name.text))
        found.update(self.key(heading) for heading in _FIRE_HEADING.findall(self.body))
        for pair in _TWO_FIRES.finditer(self.body):
            found.update((self.key(pair.group("first")), self.key(pair.group("second"))))
        return frozenset(found)

    @cached_property
    def storm_name(self) -> str:
        """The named storm the story is about ("Hurricane Lena", "Typhoon Marrek"), as the
        article first writes it in full; "" when it names none."""
        for name in self.title_names + self.names:
            words = name.text.split()
            # "Category 5 Hurricane Lena": the storm's name starts at its title.
            for at, word in enumerate(words[:-1]):
                if word.lower() in _STORM_TITLES:
                    return " ".join(words[at:])
        return ""

    @cached_property
    def lowercase(self) -> frozenset[str]:
        return frozenset(t.lower() for t in _TOKEN.findall(self.body) if t[:1].islower())

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Keys of the acronyms the article defines or spells out elsewhere."""
        return self.defined | {acronym: entity_key(acronym) for acronym in self.spelled_out}

    @cached_property
    def defined(self) -> dict[str, str]:
        """Acronyms the article defines: "Federal Aviation Administration (FAA)"."""
        found = {}
        for match in re.finditer(
            r"((?:[A-Z][\w&'-]*\s+(?:of\s+|the\s+|and\s+)*){1,6})\(([A-Z]{2,6})\)", self.body
        ):
            name = match.group(1).strip()
            found[match.group(2)] = entity_key(name)
        return found

    @cached_property
    def spelled_out(self) -> dict[str, list[str]]:
        """Acronyms the article writes whose initials one name of the article spells, and the
        ways it writes that name: "BOJ" and "Bank of Japan", "USGS" and "U.S. Geological
        Survey". Both are keyed as the acronym, which other articles of the story write the
        same way whatever they call the name."""
        names = {n.text for n in self.names} | {n.text for n in self.title_names}
        acronyms = {name for name in names if " " not in name and is_acronym(name)}
        # "U.S. Geological Survey": the country's full stops end a run of capitals.
        written = {(n, n) for n in names}
        for n in self.names:
            country = _DOTTED_BEFORE.search(self.body, max(0, n.start - 8), n.start)
            if country:
                written.add((f"{country.group(1)} {n.text}", n.text))
        found = {}
        for acronym in sorted(acronyms):
            spelled = sorted({name for form, name in written if _spells(acronym, form)})
            if len({entity_key(name, self.defined) for name in spelled}) == 1:
                found[acronym] = spelled
        return found

    @cached_property
    def speakers(self) -> frozenset[str]:
        """Keys of the names the article quotes ("Moss said", "said Jane Doe"): people who
        speak about figures, rarely what the figures are about."""
        found = set()
        # A one-word speaker is a person when the article gives the full name ("Jane Moss"
        # ... "Moss said"); else it is as likely a company ("Microsoft said").
        # "Sultanate of Oman", "Bank of Kestrel" are no full names: "Oman said" is a place's.
        surnames = {
            n.text.split()[-1]
            for n in self.names
            if len(n.text.split()) in (2, 3) and not re.search(r"\s(?:of|and|for)\s", n.text)
        }
        for name in self.names:
            after = self.body[name.end : name.end + 12]
            before = self.body[max(0, name.start - 8) : name.start]
            if not _person_like(name.text):
                continue  # "The CAA says its order applies to 64 aircraft": its own figure
            if len(name.text.split()) == 1 and name.text not in surnames:
                continue
            # "Jane Moss, of the Rail Institute, says ...": an appositive between.
            after = self.body[name.end : name.end + 140]
            said = r"(?:said|says|told|added|wrote)\b"
            if re.match(
                r",?\s+" + said + r"|,\s+(?:of|from|at|with)\s[^,.]{1,110},\s+" + said, after
            ) or re.search(r"\b(?:said|says)\s+$", before):
                found.add(self.key(name.text))
        return frozenset(found) - {self.key(self.salient_name)}

    @cached_property
    def salient_name(self) -> str:
        ranked = self.ranked_names
        return ranked[0][1] if ranked else ""

    @cached_property
    def names(self) -> list[Name]:
        capitals = [t for t in _TOKEN.findall(self.title) if t[:1].isupper()]
        # A headline in Title Case capitalises every word: its words are no evidence.
        title_words = frozenset(
            _strip_possessive(t).rstrip(".").lower()
            for t in ([] if _title_case(self.title) else capitals)
        )
        found = find_names(self.body, 0, self.lowercase, title_words)
        # A headline or a subhead in Title Case capitalises common words: its runs are names
        # only when the text names them elsewhere too.
        heads = [
            (m.start(), m.end())
            for m in re.finditer(r"[^\n]+", self.body)
            if _title_case(m.group())
        ]
        inside = [any(a <= n.start < b for a, b in heads) for n in found]
        found = [
            self._without_verbs(n) if head else n for n, head in zip(found, inside, strict=True)
        ]
        # Keys as written (no aliases yet: they are read from these names).
        keys = [entity_key(n.text, self.defined) for n in found]
        elsewhere = {k for k, head in zip(keys, inside, strict=True) if not head}
        return [
            n
            for n, k, head in zip(found, keys, inside, strict=True)
            if (not head or k in elsewhere) and not _INDUSTRY_NAME.fullmatch(n.text)
        ]

    @cached_property
    def deal_parties(self) -> tuple[str, str] | None:
        """Buyer and target of the first deal the body states between two names ("Orrin One
        will acquire Vexa Labs", "Orrin One's purchase of Vexa Labs", "a takeover by Orrin
        One"), as written there; else of the deal the headline states ("Orrin to buy Vexa")."""
        for text, names in ((self.body, self.names), (self.title, self.title_names)):
            parties = _deal_between(text, names)
            if parties:
                return display_name(parties[0].text), display_name(parties[1].text)
        return None

    @cached_property
    def title_names(self) -> list[Name]:
        found = find_names(self.title, 0, self.lowercase)
        return [self._without_verbs(n) for n in found] if _title_case(self.title) else found

    def _without_verbs(self, name: Name) -> Name:
        """A Title Case run without the leading words the article writes in lower case:
        "Acquire Vexa Labs" in "Orrin To Acquire Vexa Labs" is "Vexa Labs"."""
        words = list(re.finditer(r"\S+", name.text))
        lower = [w.group().lower() for w in words]
        lead = 0
        while (
            lead < len(words) - 1
            and lower[lead] in self.lowercase
            # "Bank of Harlow Keeps Rates": an institution of a place is one name
            and not (lower[lead] in _INSTITUTIONS and lower[lead + 1] == "of")
        ):
            lead += 1
        # "Harlow Keeps Rates", "Harlow Holds": the name ends where a word the article writes
        # in lower case begins the headline's predicate.
        end = next(
            (
                at
                for at in range(lead + 1, len(words))
                if lower[at] not in _JOINERS
                and (lower[at] in self.lowercase or lower[at].removesuffix("s") in self.lowercase)
            ),
            len(words),
        )
        if end < len(words) and end - 1 > lead and re.fullmatch(r"[a-z]+[^s]s", lower[end - 1]):
            end -= 1  # "Keeps Rates": the verb before the object the article writes
        while end - 1 > lead and lower[end - 1] in _JOINERS:
            end -= 1
        if not lead and end == len(words):
            return name
        return Name(
            name.text[words[lead].start() : words[end - 1].end()],
            name.start + words[lead].start(),
            name.start + words[end - 1].end(),
        )

    @cached_property
    def _names_in_order(self) -> NamesInOrder:
        return NamesInOrder(self.names)

    def names_from(self, start: int, end: int) -> list[Name]:
        """The names starting in body[start:end], in the order written."""
        return self._names_in_order.between(start, end)

    @cached_property
    def names_as_written(self) -> dict[str, list[Name]]:
        """Each name's places in the body, in the order written."""
        found: dict[str, list[Name]] = {}
        for name in self.names:
            found.setdefault(name.text, []).append(name)
        return found

    @cached_property
    def names_by_last_word(self) -> dict[str, list[Name]]:
        """The names of two words or more by their last word in lower case ("bridge": "Edmund
        Harlow Bridge"), in the order written."""
        found: dict[str, list[Name]] = {}
        for name in self.names:
            words = name.text.split()
            if len(words) >= 2:
                found.setdefault(words[-1].lower(), []).append(name)
        return found

    def may_own(self, name: Name) -> bool:
        """Whether a name the body writes may be what a figure near it is about: no source
        ("said Jane Doe"), speaker, person, plural noun opening a sentence ("Lorries"), name
        described by the next ("Ostfeld ace Ana Duarte"), credit or direction ("North of").
        Read once per name: the figures of a sentence ask about the same names."""
        found = self._may_own.get(name)
        if found is None:
            body = self.body
            found = self._may_own[name] = (
                not _is_source(body, name)
                and self.key(name.text) not in self.speakers
                and not _is_person(body, name)
                and not _opening_plural(body, name)
                and not _DESCRIBES_NEXT.match(body, name.end)
                and not _CREDITED.search(body, max(0, name.start - 60), name.start)
                and not _makes_the_work(body, name)
                and not _DIRECTION_OF.match(body, name.start)
            )
        return found

    def key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self._aliases.get(name) or entity_key(name, self.acronyms)
        return key

    @cached_property
    def _aliases(self) -> dict[str, str]:
        """Keys of names the article writes another way too: a name its acronym spells is keyed
        as the acronym; "the Commission" alone, where the article names one "... Commission",
        is that one."""
        found = {
            name: entity_key(acronym)
            for acronym, names in self.spelled_out.items()
            for name in names
        }
        written = {n.text for n in self.names}
        for word in {w for w in written if w.lower() in _INSTITUTIONS}:
            # "the Bank" for "Bank of Japan" or "Central Bank".
            full = {
                n
                for n in written
                if n != word and (n.split()[-1] == word or n.startswith(word + " of "))
            }
            if len(full) == 1:
                full_name = full.pop()
                found[word] = found.get(full_name) or entity_key(full_name, self.acronyms)
        # "Orrel United ... Orrel": a longer name its leading words shorten is keyed as
        # they are, when they shorten that entity only ("Kelsford" shortens both "Kelsford
        # Council" and "Kelsford Rovers": neither).
        # News names an entity in full first: a longer name first written after the short
        # one is something of its ("Corvane ... the Corvane Summit", "the Corvane Vega").
        first = {}
        for n in reversed(self.names):
            first[n.text] = n.start
        for short in sorted(written):
            if short in found or not short[:1].isupper():
                continue
            # "Jane Moss ... Moss said": a name whose last word is written alone is a
            # person's, keyed by that word, whatever "Jane" stands for. An institution
            # named after a place or a firm ("Tarvik Port Authority") is another entity.
            longer = {
                n
                for n in written
                if n not in found
                and first[n] < first[short]
                and shortens(short, n)
                and _name_words(n)[-1] not in written
                and _name_words(n)[-1].lower() not in _INSTITUTIONS
            }
            short_key = entity_key(short, self.acronyms)
            if len({entity_key(n, self.acronyms) for n in longer} - {short_key}) == 1:
                found.update(dict.fromkeys(longer, short_key))
        # "The MPC said risks to the 2% target eased": a central bank's rate-setting committee
        # states the bank's rate and target, when the article names one central bank.
        committees = {n for n in written if n.lower().removeprefix("the ") in _RATE_COMMITTEES}
        if committees:
            banks = {
                found.get(n) or entity_key(n, self.acronyms)
                for n in written
                if n not in committees and _CENTRAL_BANK.search(n)
            }
            if len(banks) == 1:
                found.update(dict.fromkeys(committees, banks.pop()))
        return found

    @cached_property
    def name_keys(self) -> dict[str, str]:
        """The key of each name the body writes (for its story's keys: resolve_keys)."""
        return {n.text: self.key(n.text) for n in self.names}

    @cached_property
    def full_names(self) -> dict[str, str]:
        """The fullest way the article writes each entity ("Hurricane Lena" for "Lena",
        "Carrow & Finch" for "Carrow", "Quillfire AI" for "Quillfire"), for subject lines."""
        seen: dict[str, Counter[str]] = {}
        body_names = set(map(id, self.names))
        for name in self.title_names + self.names:
            shown = display_name(name.text)
            head = _GENERIC_HEAD.match(self.body, name.end) if id(name) in body_names else None
            if head and not name.text.endswith(("'s", "’s")):
                shown = f"{shown} {head.group(1)}"  # "Quillfire AI": no name alone, its head
            if len(shown.split()) <= _LONGEST_NAME:
                seen.setdefault(self.key(name.text), Counter())[shown] += 1
        return {key: _fullest(forms) for key, forms in seen.items()}

    def named_as(self, noun: str, before: int) -> str:
        """The name a text calls by `noun` ("the bank" -> "Bank of Seravia", "the county" ->
        "Calloway County"): the main entity if its name holds the noun, else the last such name
        before `before`, else ""."""
        word = noun.lower()

        def holds(text: str) -> bool:
            return word in {w.lower() for w in text.split()}

        if self.salient and holds(self.salient):
            return self.salient
        # "Calloway County Coroner Dana Pruitt": the county is named before the title.
        earlier = [
            _before_title(n.text) if _is_person(self.body, n) else n.text
            for n in self.names
            if n.end <= before
        ]
        earlier = [text for text in earlier if text and holds(text)]
        if earlier:
            return earlier[-1]
        # "the Calloway Unified district" ... "the district's 38 campuses".
        followed = [
            n.text
            for n in self.names
            if n.end <= before
            and word in _PLACE_NOUNS
            and re.match(rf"\s+{re.escape(word)}\b", self.body[n.end : n.end + 40])
        ]
        if followed:
            return followed[-1]
        # A lead's "the port" named in full further on ("the Port of Tarvik").
        later = [
            n.text
            for n in self.names
            if word in (n.text.lower().split()[0], n.text.lower().split()[-1])
        ]
        if later:
            return later[0]
        if word in _PLACE_NOUNS and self.places:
            return self.places[0]  # "the island": the place the article writes most
        return ""

    @cached_property
    def places(self) -> list[str]:
        """Names the article writes as places ("in Saint Carys", "across Dorvan"), most
        written first."""
        counts = Counter(
            n.text
            for n in self.names
            if _PLACE_LEAD.search(self.body[max(0, n.start - 12) : n.start])
        )
        return [text for text, _ in counts.most_common()]

    def full_name(self, name: str) -> str:
        return self.full_names.get(self.key(name), display_name(name))

    @cached_property
    def salient(self) -> str:
        """The entity the article is mostly about: the name its title and lead repeat most."""
        ranked = self.ranked_names
        return ranked[0][1] if ranked else ""

    @cached_property
    def salient_thing(self) -> str:
        """The article's main entity that is no person with a title: a story led by "President
        Jane Doe promises ..." reports figures about the port or the company, not about her."""
        for key, display in self.ranked_names:
            people = [n for n in self.names if self.key(n.text) == key]
            titled = _person_like(display) and any(_is_person(self.body, n) for n in people)
            if not titled and key not in self.speakers:
                return display
        return self.salient

    @cached_property
    def story_names(self) -> list[str]:
        """The keys of the names the article is about, most prominent first (for stories)."""
        return [key for key, _ in self.ranked_names[:10]]

    @cached_property
    def lead_name(self) -> str:
        """The key of the name the body's first sentences repeat most (titles can be a
        section's or an outlet's words)."""
        counts = Counter(self.key(n.text) for n in self.names if n.start < 600)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return ranked[0][0] if ranked else ""

    @cached_property
    def ranked_names(self) -> list[tuple[str, str]]:
        """(key, display) of the names of the title and lead, most prominent first."""
        counts: Counter[str] = Counter()
        display: dict[str, str] = {}
        in_body = {self.key(name.text) for name in self.names}
        for name in self.title_names:
            key = self.key(name.text)
            # A headline in Title Case capitalises common words: only names the body has.
            if key in in_body:
                counts[key] += 3
                display.setdefault(key, name.text)
        lead_end = min(len(self.body), 1200)
        for name in self.names:
            if name.start >= lead_end:
                break
            key = self.key(name.text)
            counts[key] += 1
            display.setdefault(key, name.text)
        for name in self.names[:400]:
            counts[self.key(name.text)] += 0.25
        # Of names as prominent, the one written first.
        order = {key: index for index, key in enumerate(counts)}
        ranked = sorted(
            ((k, c) for k, c in counts.items() if k and k in display),
            key=lambda item: (-item[1], order[item[0]]),
        )
        return [(key, display[key]) for key, _ in ranked]

    def is_dateline(self, start: int) -> bool:
        """Whether a date at `start` sits in the article's dateline ("LONDON, March 5 (Reuters) -")."""
        line_start = self.body.rfind("\n", 0, start) + 1
        head = self.body[line_start : start + 60]
        return start - line_start < 60 and bool(_DATELINE.search(head[:80]))


# --------------------------------------------------------------------------------------------
# One figure
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class About:
    entity: str = ""
    entity_key: str = ""
    measure: str = ""
    reference: str = ""
    scope: str = ""
    # A date that only places the article (a dateline, the publication day): no fact.
    incidental: bool = False
    # Whom an investment, a stake or a deal is in: "in OpenAI", "for Activision".
    target: str = ""
    # The entity written in full ("Hurricane Lena" where the sentence says "Lena").
    name: str = ""
    # The measure in the sentence's own words ("pre-tax profit growth", "public shelters").
    wording: str = ""
    # A place the figure is counted in that is not the entity: "in Germany", and its key
    # ("germany"), for grouping to tell two places' figures apart.
    place: str = ""
    place_key: str = ""
    # When, in the sentence's words, where no reference point is read: "a year earlier".
    when: str = ""
    # The measure as the line shows it where that says more than `wording`: "estimated
    # cost" (claims.measure_words); never part of what grouping compares.
    shown: str = ""
    # What a date names when the line says nothing of it: "year" for a year, else "date".
    date_word: str = ""

    @property
    def line(self) -> str:
        """The readable subject: "Pellow share price at close (fully diluted)"."""
        name, wording = self.name or self.entity, self.shown or self.wording or self.measure
        if name and wording.lower().split()[:1] == name.lower().split()[-1:]:
            # no "Harlow Bridge bridge", no "Corvane Corvane vehicles"
            wording = wording.split(" ", 1)[1] if " " in wording else ""
        parts = [name, wording, self.target]
        if self.place and self.place != self.target:
            parts.append(self.place)
        if self.when and not self.reference:
            parts.append(self.when)
        # "extra observing time" already says what the scope "(additional)" would.
        scope = "" if wording.startswith("extra ") and self.scope == "additional" else self.scope
        if self.place and scope == f"in {self.place_key}":
            scope = ""  # "death toll in Tarn province": the place says it
        line = " ".join(p for p in parts if p)
        if scope and set(scope.split()) <= set(line.lower().split()):
            scope = ""  # "fully diluted valuation" already says "(fully diluted)"
        return _with_reference(line, _trading_time(self.reference, line), scope)

    @property
    def terms(self) -> str:
        """The subject's words as the sentence writes the entity, with the measure's
        canonical name: what grouping compares across outlets (see `subject_terms`)."""
        line = " ".join(p for p in (self.entity, self.measure, self.target) if p)
        return _with_reference(line, self.reference, self.scope)

    @property
    def key(self) -> str:
        """Equal for figures stating one fact; "" when the measure is unknown."""
        if not self.measure or self.incidental:
            return ""
        # Who was aboard, hurt or killed is a figure about the story's event itself, however
        # a sentence names it ("the flight", "the airline", "the jet").
        # An earlier disaster it is measured against is named, though: its toll is its own.
        unnamed = self.measure in EVENT_MEASURES and self.reference != EARLIER_EVENT
        entity = "" if unnamed else self.entity_key
        target = self.target.split(" ", 1)[-1].lower() if self.target else ""
        return "|".join((entity, self.measure, self.reference, self.scope, target))

    @property
    def decisive(self) -> bool:
        """Whether the key alone says which fact the figure states: it names a reference
        point or a scope, or a measure of the story's event (passengers, death toll)."""
        return bool(self.key) and bool(
            self.reference or self.scope or self.measure in EVENT_MEASURES
        )


# A trading moment as a line reads it: "at closing on first trading day".
_READ_MOMENTS = {
    "close": "at closing",
    "open": "at opening",
    "intraday high": "at intraday high",
    "intraday low": "at intraday low",
    "premarket": "in premarket trading",
    "after hours": "in after-hours trading",
}
_TRADING_DAY = re.compile(r"(first|second)-day\s+")


def _trading_time(reference: str, line: str) -> str:
    """A share price's moment in the line's words ("first-day close" -> "at closing on first
    trading day"), without saying twice what the line says ("closing price at close")."""
    day = _TRADING_DAY.match(reference)
    moment = reference[day.end() :] if day else reference
    if moment not in _READ_MOMENTS:
        return reference
    said = moment in ("close", "open") and moment[:4] in line.lower()
    read = [] if said else [_READ_MOMENTS[moment]]
    if day:
        read.append(f"on {day.group(1)} trading day")
    return " ".join(read)


def _with_reference(line: str, reference: str, scope: str) -> str:
    if reference.startswith(("at ", "in ", "on ")):
        line += f" {reference}"  # already read: "at closing on first trading day"
    elif reference and _WEEKDAY.match(reference.split()[0]):
        line += f" on {reference}"  # "flights canceled on Saturday and Sunday"
    elif reference:
        moment = reference.split()[-1] in _MOMENT_WORDS
        line += f" at {reference}" if moment else f", {reference}"
    if scope:
        line += f" ({scope})"
    return line.strip(" ,")


_MOMENT_NAMES = frozenset(n for n, _ in _MOMENTS)
_ANNOUNCED_NEAR = re.compile(r"\bannounce(?:d|ment|s)?\b|\bunveiled\b", re.IGNORECASE)
EVENT_MEASURES = frozenset(
    (
        "death toll",
        "injured",
        "missing",
        "passengers",
        "crew",
        "people aboard",
        # When the story's plane, train or ship model went into service.
        "service entry",
        "magnitude",
        "depth",
        "epicentre distance",
        # A court story's ruling is its event: "a 40-page opinion" whoever the clause names.
        "ruling length",
        # A labour or trade deal's story has one contract, whichever party a clause names.
        "contract length",
        "disaster start",
        "time since disaster",
        # A budget's rise in taxes, whoever a clause says raises them (the minister, the
        # party, the budget itself).
        "tax rise",
    )
)
_DISASTER = (
    r"(?:(?:wild|bush|brush)?fires?|blazes?|infernos?|disaster|floods?|flooding|storms?"
    r"|(?:earth)?quakes?|eruptions?|hurricanes?|typhoons?|cyclones?|tornado(?:es)?)"
)
# "four days after the blaze", "three days after a fast-moving fire leveled the town".
_AFTER_DISASTER = re.compile(
    r"\s*after\s+(?:the|a|an|this)\s+(?:[\w-]+\s+){0,2}" + _DISASTER + r"\b", re.IGNORECASE
)
# A disaster, then the verb saying it began, then the day: "the fire that broke out on".
_DISASTER_START = re.compile(
    r"\b"
    + _DISASTER
    + r"\b[^.;]{0,60}?\b(?:began|started|broke out|erupted|ignited|was sparked|struck)\b[^.;\d]{0,40}$",
    re.IGNORECASE,
)
_TOTAL_OF_DEAL = re.compile(r"\btotal\s+(?:enterprise\s+)?(?:value|consideration)\b", re.I)
_NEWS_OF_THE_DAY = frozenset(("announcement", "disaster start"))
_LATER_TRADING_DAY = re.compile(
    r"\b(?:second|third|fourth|fifth|next|another)\s+(?:full\s+)?(?:trading\s+)?(?:day|session)",
    re.IGNORECASE,
)
# A day written as the disaster's: "Tuesday's powerful earthquake", "the July 7 magnitude-6.8
# quake"; not "Tuesday's second fire".
_DISASTER_NAMED_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?!(?:new|another|other|separate|second|the|a|an|this|that)\b)[\w.-]+\s+){0,2}?"
    + _DISASTER
    + r"\b",
    re.IGNORECASE,
)
# "Two new fires broke out on Monday", "another blaze started": not the story's disaster.
_NEW_DISASTER = re.compile(r"\b(?:new|another|other|separate|second)\s+$", re.IGNORECASE)
# A story about a strike: the word twice or more ("the strike", "strikes", "strikers").
_STRIKE_WORD = re.compile(
    r"\bstrik(?:e|es|ers?|ing)\b(?!\s+(?:a|an|the)\s+(?:deal|balance|agreement|chord|note))",
    re.IGNORECASE,
)
_BEGAN = re.compile(r"\b(?:started|began|begun)\b")
_STRIKERS = words("members machinists strikers")
# "will slash 4,000 jobs", "is reducing its workforce by about 4,000 employees", "the number of
# jobs it will cut is over 4,000": the jobs an employer cuts, not the jobs it has.
_JOB_CUT_VERBS = (
    r"\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|shed(?:s|ding)?|eliminat(?:e|es|ed|ing)"
    r"|ax(?:e|es|ed|ing)|lay(?:s|ing)?\s+off|laid\s+off"
    r"|reduc(?:e|es|ed|ing)\s+(?:its|their|the)\s+(?:\w+\s+)?(?:workforce|headcount|staff)\s+by)"
)
_CUTS_JOBS = re.compile(_JOB_CUT_VERBS, re.IGNORECASE)
_CUTS_JOBS_BEFORE = re.compile(
    _JOB_CUT_VERBS + r"\s+(?:(?:would|will|is|be)\s+){0,3}$",
    re.IGNORECASE,
)
# "will cut 9% of its staff, or about 4,100 employees", "amounting to some 4,100 jobs": the
# count restates the share cut.
_SHARE_CUT_RESTATED = re.compile(
    r"%\s+of\s+(?:its|their|the)\s+(?:\w+\s+)?(?:workforce|staff|headcount|employees)"
    r"\s*[,—–-]*\s*(?:or|amounting\s+to|representing|equal\s+to|equivalent\s+to)\s+$",
    re.IGNORECASE,
)


# A sum a company cuts from its costs: "to cut $3 billion in costs", "a $3 billion cost
# reduction plan", "to slash operating expenses by over $3 billion": what it means to save.
_COSTS = r"(?:costs|expenses|spending|expenditures?)"
_COST_CUT_VERB = (
    r"\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?)\s+"
)
_COSTS_CUT_BY = re.compile(
    _COST_CUT_VERB + r"(?:[\w-]+\s+){0,5}?" + _COSTS + r"\s+by\s+$",
    re.IGNORECASE,
)
_CUT_BEFORE_COSTS = re.compile(_COST_CUT_VERB + "$", re.IGNORECASE)
_IN_COSTS = re.compile(r"\s+(?:in|of)\s+(?:[\w-]+\s+)?" + _COSTS + r"\b", re.IGNORECASE)
_COST_CUT_AFTER = re.compile(
    r"[\s-]+(?:in\s+)?(?:annual\s+)?(?:cost|costs|expense|spending)[\s-]+"
    r"(?:reductions?|cuts?|savings|cutting)\b",
    re.IGNORECASE,
)


_WHOLE_BY_NATURE = frozenset(("debt", "liabilities"))
_DEBT_CUT = re.compile(
    r"\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?"
    r"|eliminat(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|wip(?:e|es|ed|ing) out|shed(?:s|ding)?"
    r"|pa(?:y|ys|id|ying) down)\s+(?:(?:its|their|the|his|her)\s+(?:[\w-]+\s+)?debts?\s+by\s+)?$",
    re.IGNORECASE,
)


def _unhedged(before: str) -> str:
    """The text before a figure without the hedge it ends with ("by more than " -> "by "),
    the hedges being those the extractor reads (claims.extraction.qualifiers)."""
    hedge = qualifier_before(before, len(before))
    return before[: hedge[1]] if hedge else before


def _cuts_costs(before: str, after: str) -> bool:
    """Whether a sum of money, `before` and `after` it in its clause, is cut from costs."""
    before = _unhedged(before[-80:])
    return bool(
        _COSTS_CUT_BY.search(before)
        or (_CUT_BEFORE_COSTS.search(before) and _IN_COSTS.match(after))
        or _COST_CUT_AFTER.match(after)
    )


def _cuts_jobs(before: str) -> bool:
    """Whether a count of jobs, its sentence up to it being `before`, is of jobs cut."""
    before = _unhedged(before[-80:])
    if _CUTS_JOBS_BEFORE.search(before):
        return True
    return bool(_SHARE_CUT_RESTATED.search(before)) and bool(_CUTS_JOBS.search(before))


def _strike_story(body: str) -> bool:
    """Whether the article is about a strike: it says so twice or more."""
    return len(_STRIKE_WORD.findall(body, 0, 20000)[:2]) >= 2


# ("after hours" is read whole: "hours" ends many a reference that is no moment)
_MOMENT_WORDS = frozenset(w for n in _MOMENT_NAMES if n != "after hours" for w in n.split()) | {
    "day"
}


_SHARES_MOVED_TO = re.compile(
    r"\b(?:shares?|stock)\b[^.;\d]{0,40}?\b(?:fell|rose|dropped|declined|slid|slumped|sank"
    r"|tumbled|plunged|climbed|jumped|gained|surged|soared|lost|down|up|lower|higher)\s+"
    r"(?:by\s+|as\s+much\s+as\s+|nearly\s+|almost\s+|about\s+|more\s+than\s+)?"
    r"\d[\d.,]*\s*(?:%|percent|per\s+cent)\s+(?:to|at)\s+$",
    re.IGNORECASE,
)


def about(
    context: ArticleContext,
    *,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    kind: str,
    unit: str = "",
    date_value: str = "",
    text: str = "",
) -> About:
    """What the figure at body[start:end] is about."""
    body = context.body
    clause_start = _clause_start(body, sentence_start, start)
    before = body[clause_start:start]
    after_end = _clause_end(body, end, sentence_end)
    after = body[end:after_end]
    sentence = body[sentence_start:sentence_end]
    entity = _entity(context, sentence_start, clause_start, start, end, after_end)
    incidental = kind == "date" and _incidental(context, start, text, date_value)
    if kind == "date":
        told = after
        # How far after the date its verb may stand: past the subject after an opener.
        reach = 20
        if _OPENER.fullmatch(before):
            # "On Monday, Brisket announced the pricing": the comma closes the opener.
            told = re.sub(r"^\s*,", " ", after)
            reach = 60  # "On Monday, candy maker Brisket Foods announced": its subject between
        if _bound(before, after):
            # "cut output until December at its meeting on Monday": the bound dates what it
            # bounds, said before it; the event after it has its own date.
            told = ""
        measure = _nearest(_EVENT_PATTERNS, before.lower(), told.lower())
        if measure == "announcement":
            # "the pricing, announced on Monday": the day dates what was announced.
            measure = (
                _nearest(_EVENT_PATTERNS_BUT_ANNOUNCEMENT, before.lower(), told.lower()) or measure
            )
        if measure == "announcement" and not _ANNOUNCED_NEAR.search(before[-45:] + told[:reach]):
            # "announced plans to pay a dividend on March 27": the day of the payment.
            measure = ""
        if measure == "founding" and _BEGAN.search(before[-60:]) and _strike_story(body):
            # "What began at two mills on May 2 has spread": in a strike's story, the day
            # something started is the strike's, not a founding.
            measure = "strike"
        if measure == "trading debut" and _LATER_TRADING_DAY.search(before[-60:]):
            measure = ""  # "in its second day of trading Friday": a later day, not the debut
        if _DISASTER_NAMED_AFTER.match(after):
            # "Tuesday's powerful earthquake", "the July 7 quake": the day names the disaster
            # it belongs to, so dates its start.
            measure = "disaster start"
        lead = body[max(sentence_start, start - 120) : start]
        began = _DISASTER_START.search(lead)
        if began and not _NEW_DISASTER.search(lead[: began.start()]):
            # "The blaze broke out on Tuesday", "the inferno, which erupted on Tuesday": the
            # day the story's disaster began, whatever place or name the sentence gives.
            measure = "disaster start"
    else:
        # A cue right after the figure names what it counts ("$20 subscription fee"); further
        # on it is usually another figure's ("closed at $50.44, giving a market value ...").
        patterns = _MONEY_PATTERNS if kind == "money" else _OTHER_PATTERNS
        # "42 people have been killed": the verb after its auxiliaries is the figure's cue.
        told = _BEFORE_VERB.sub(" ", after.lower(), count=1)
        if kind == "money":
            # "$410m (€380m) of fresh equity": the words after the conversion are the figure's.
            restated = _RESTATED_AFTER.match(body, end, sentence_end)
            if restated and not after.strip():
                told = body[restated.end() : _clause_end(body, restated.end(), sentence_end)]
                told = _BEFORE_VERB.sub(" ", told.lower(), count=1)
        # "$410m of fresh equity", "$5m in damages": the noun after the preposition names it.
        reach = 3 if kind == "money" and _AMOUNT_OF.match(told) else 2
        measure = _nearest(patterns, before.lower(), told, after_words=reach)
        if not measure:
            measure = _opening_measure(patterns, body[sentence_start:clause_start], before)
        unit_measure = _UNIT_MEASURES.get((unit or "").lower().rstrip("s"), None)
        if unit_measure is None and (unit or "").lower() in _UNIT_MEASURES:
            unit_measure = _UNIT_MEASURES[(unit or "").lower()]
        if unit_measure is None and (unit or "").lower() in _STRIKERS and _strike_story(body):
            # "27,000 union members", "27,000 machinists": in a strike's story, the workers
            # the union represents, however an outlet names them.
            unit_measure = "jobs"
        # "injuries among its 171 passengers": the count is of the passengers; but "the
        # deaths of four dock workers" counts the dead.
        counted = bool(_AMONG.search(before[-40:].lower())) and not _TOLL_OF.search(
            before[-40:].lower()
        )
        if unit_measure == "death toll" and _SAVED.search(before[-30:].lower()):
            unit_measure = None  # "rescuers saved 40 lives" counts no dead
        if kind in ("count", "quantity") and unit_measure:
            if (
                measure not in ("death toll", "injured", "job cuts")
                or unit_measure in ("crew", *_TOLLS)
                or counted
                # "killed 12 people, as crews restored power to 90,000 customers": customers,
                # vehicles or shares are no toll, whatever verb of harm comes before them.
                or (measure in ("death toll", "injured") and unit_measure in _NO_TOLL)
                # "12 dead after fires burned 40,000 acres": no toll is measured in acres.
                or unit_measure == "area"
            ):
                measure = unit_measure
        elif (
            kind == "count"
            and unit
            and unit_measure is None
            and measure not in ("death toll", "injured", "job cuts")
        ):
            # A concrete noun counted ("11 factories", "40 countries") says what the figure
            # is, whatever verb is near; who was killed or hurt stays a toll.
            measure = unit.lower()
        if kind == "count" and _aboard(before, _after_number(text, after), unit):
            measure = "people aboard"
        if kind == "count" and (unit or "").lower() in _BUILDINGS:
            # "killed 80 and destroyed 2,200 structures": buildings are counted, not the dead;
            # "2,200 homes and other structures" counts all the structures.
            other = _AND_OTHER.match(after)
            measure = other.group(1).lower() if other else unit.lower()
        elif kind == "count" and (unit or "").lower() in ("", "people") and _missing(before, after):
            # "80 dead and 1,000 unaccounted for": the missing are a count of their own.
            measure = "missing"
        elif kind == "count" and (unit or "").lower() in _EVACUEES:
            # "killed 8, and 52,000 are under evacuation orders": those ordered out, not a toll.
            measure = _evacuated(before, after) or measure
        if kind == "count" and _DISCHARGED_AFTER.match(after.lower()):
            # "412 passengers have been discharged": those sent home from hospital, not all
            # the passengers aboard.
            measure = "discharged"
        elif kind == "count" and _IN_TREATMENT_AFTER.match(after.lower()):
            # "60 are still being treated": those in hospital as the report goes, a count of
            # its own beside the injured and the discharged.
            measure = "in treatment"
        if kind == "quantity" and measure in _COUNTED and measure != unit_measure:
            # "3.7 metres" counts no customers, whatever the sentence before says; "0.85
            # shares for each share" is still a number of shares.
            measure = ""
        if kind == "quantity":
            measure = _event_size(before.lower(), after.lower(), unit) or measure
        if kind == "quantity" and (unit or "").lower() in _BODY_MASS and _LOST.search(before[-40:]):
            measure = "weight loss"  # "patients lost up to 20 kilograms", "shed 45 pounds"
        if kind == "duration":
            # A length of time is no price, count or amount; an age is one written as such
            # ("a 44-year-old", "aged 44"), not an "old" further along the clause.
            aged = re.search(r"-old$", text) or re.match(r"\s*(?:years?\s+)?old\b", after)
            measure = "age" if aged or re.search(r"\baged?\s*$", before) else ""
        if kind == "percent" and not measure:
            # "market capitalisation fell 9%": a change of the amount the clause names.
            measure = _nearest(_MONEY_PATTERNS, before.lower(), "", after_words=0)
            measure = measure if measure in _AMOUNTS_THAT_CHANGE else ""
        if kind == "percent" and _RATE_MOVE_AFTER.match(after) and "point" in text.lower():
            # "a 25 basis point cut", "a bigger 0.5 percentage point hike": a rate's move,
            # whoever the sentence says voted for or called for it.
            measure = "interest rate"
        if kind == "percent" and _premium(before, after):
            measure = "premium"  # "a 30% premium", "a premium of 30%": over a share price
        elif kind == "percent" and measure not in (
            "stake",
            "share price change",
            "interest rate",
            "unemployment rate",
            "participation rate",
            "inflation",
            "growth",
        ):
            measure = _percent_measure(before.lower(), after.lower(), measure, sentence.lower())
            if measure == "vote share" and "point" in text.lower():
                measure = "vote share change"  # points of a share are a change of it
        if kind == "money" and measure in ("", "share price change"):
            # Past the next figure come its words: "raking in $240 million, with $6.7 million
            # of its earnings from Tessal" names no earnings of the first. The same amount in
            # another currency is no other figure ("put 15 million euros, or about $16.2
            # million, into").
            following = body[end:sentence_end]
            restated = _RESTATED_AFTER.match(following)
            cut = restated.end() if restated else 0
            reach = (
                body[sentence_start : end + cut] + re.split(r"\d", following[cut:], maxsplit=1)[0]
            )
            anywhere = _nearest(_MONEY_PATTERNS, reach.lower(), "", after_words=0)
            # What is deferred is said next to it: "With the deferral, the team saves $24
            # million" saves, it defers nothing.
            # The same holds for a payroll tax's yearly hit, and for a prize's lump sum ("a
            # $700 million jackpot, with a cash value of $350 million"), and for an instalment
            # ("the $90m payment is paid in three instalments" is the whole of them).
            far = ("deferred pay", "payroll hit", "lump sum", "instalment")
            measure = (anywhere if anywhere not in far else "") or measure
        if kind == "money" and measure in ("", "market value") and _SHARES_MOVED_TO.search(before):
            # "the shares fell 8% to $14.30", "shares are down 6% at $31.05": the price the
            # move reached, whatever amount the clause goes on to name.
            measure = "share price"
        if measure == "deal value" and _AVERAGE_OF_DEAL.search(before.lower()):
            # "the average annual value of his deal from $37 million": the deal's average.
            measure = "average annual value"
        if measure == "valuation" and _DEAL_WORTH.search(body[sentence_start:start].lower()):
            measure = "deal value"  # "the biggest contract, worth $300m": the clause cut it off
        if kind == "money" and measure in _FEE_READINGS and _TRANSFER_FEE.search(sentence.lower()):
            measure = "transfer fee"  # "Fee: €40m plus add-ons", "cost €40m plus variables"
        if measure == "price" and _SCALED_AMOUNT.search(text) and _TAKEOVER.search(sentence):
            # "agreed to acquire Vexa for a $4 billion price tag": what the buyer pays for a
            # company, not a product's price.
            measure = "deal value"
        if measure == "share price" and _SCALED_AMOUNT.search(text):
            # "$41.20 per share, or almost $4.2 billion": a price per share is never written
            # in millions or billions; the amount it adds up to is another figure.
            measure = ""
    if measure == "deferred pay" and _WHOLE_OF.search(before[-20:]):
        measure = ""  # "defer $68 million of his $70 million": the whole, not what is put off
    # A film's takings: "domestic gross", "global gross" (claims.measure_words.box_office).
    box_office = measure_words.box_office(before, after, sentence=body[sentence_start:start])
    unnamed, unnamed_scope = unnamed_measures.read(kind, before, after, sentence, unit)
    if kind == "money" and box_office and measure in ("", "revenue"):
        # "ticket sales were above the estimate of $205 million": the film's takings.
        measure = _box_office_measure(box_office) or measure
    elif not measure or (measure in _LOOSE_FOR_DAMAGE and unnamed in _DAMAGES):
        # "a budget of $200 million", "cut output by 2.4 million bpd", "total damage and
        # economic losses of $62 billion": the governing word names what no cue did.
        measure = unnamed or measure
    if kind == "money" and _raised_taxes(before, after):
        # "increase taxes by £18bn", "£18bn of new taxes", "a £18bn tax rise": however an
        # outlet words it, one rise in taxes, not an amount raised, spent or budgeted.
        measure = "tax rise"
    if kind == "money" and measure in ("", "cost") and _cuts_costs(before, after):
        measure = "savings"
    if measure == "debt" and _DEBT_CUT.search(_unhedged(before[-60:])):
        # "the plan wipes out $640 million of debt", "cut its debt by $500 million": the part of
        # the debt a plan sheds, not all the company owes.
        measure = "debt reduction"
    reference = _reference(before, after, sentence, kind, measure)
    if measure == "premium" and not reference and _OVER_AVERAGE.match(after):
        # "a 38% premium over its 60-day average price" is over another price than "a 25%
        # premium to its closing price on Friday": two figures of one offer, no dispute.
        reference = "average price"
    if (
        kind == "count"
        and measure in _TOLLS
        and not reference
        and _EARLIER_EVENT_TOLL.search(body[sentence_start:start])
    ):
        reference = EARLIER_EVENT
    if kind == "count" and measure in _TOLLS and not reference:
        reference = _year_before(body, sentence_start) or _past_event_year(
            body[sentence_start:start], body[end:sentence_end], context.published
        )
    if measure in _RESULTS_OF_A_VOTE and not reference:
        reference = _earlier_election_year(body, sentence_start, start, context.published)
    if kind == "percent" and measure in _LEVELS and not reference and _FROM_LEVEL.search(before):
        # "raised rates to 0.25% from 0.1%": the level left behind, not the one set.
        reference = "previous level"
    if measure == "output cut" and _earlier_cut(body[sentence_start:start], after):
        reference = EARLIER_CUT  # the year a cut in force runs to does not make it a new one
    if kind == "duration" and _AFTER_DISASTER.match(after) and context.published:
        # "four days after the blaze" is said as of the day it was written: another day's
        # outlet counting three days does not disagree.
        measure, reference = "time since disaster", report_day.label(context.published)
    if kind == "count" and measure in _BUILDINGS and not reference:
        # "By Friday evening the fire had destroyed 3,128 homes": a count as of a day it names
        # is that day's, not the later one other outlets give.
        day = report_day.stated_day(body, context.published, sentence_start, sentence_end)
        reference = report_day.label(day) if day else ""
    if (kind == "count" and measure in _TOLLS or measure == "containment") and not reference:
        # Each day's toll is a fact of its own: 2,012 dead on Saturday, 2,122 on Sunday; so is
        # each day's share of a fire contained.
        day = report_day.reported_day(body, context.published, sentence_start, sentence_end, end)
        reference = report_day.label(day) if day else ""
    if kind == "count" and measure in _TOLLS and _replaced_toll(body[sentence_start:start], after):
        # "revised the toll to 198 from 212", "212, which officials later revised": the count
        # a correction replaced, as the article recalls it. The correction is that day's toll
        # (one fact with the old count other outlets give, so they disagree); the recalled
        # old figure is not that day's count.
        reference = REPLACED_COUNT
    scope_after = _past_restatement(body, start, end, after, sentence_end).lower()[:80]
    scope = (
        "" if kind == "date" else _scope(before.lower()[-80:], scope_after, rates=kind == "money")
    )
    if measure in _WHOLE_BY_NATURE and scope == "total":
        scope = ""  # "total debt" is what "debt" says: all a company owes
    if kind == "money" and scope in _PAY_PERIODS:
        scope = _with_tax_basis(scope, before.lower()[-60:], scope_after[:40])
    if kind == "duration" and scope in _PAY_PERIODS and _LENGTH_OF_NOUN.search(text):
        scope = ""  # "€9m a week from the four-year deal": the pay's rate, not the deal's length
    if measure in _TOLLS and scope == "revision" and not re.search(r"\bby\s+$", before):
        # "revised the toll to 198 from 212": the corrected count is the toll itself, one fact
        # with the count it replaces (an outlet still giving the old figure disagrees), though
        # dated a day after it. "Revised down by 14" is a change, no toll.
        scope = CORRECTED_COUNT
    if measure in _TOLLS and scope in ("", "total") and _toll_projected(body[sentence_start:start]):
        # "Modeling suggested the death toll could surpass 10,000": what a model foresees is
        # no count as of any day, and outlets' projections disagree with each other only.
        scope, reference = "projected", ""
    if measure == "share price" and scope == "total" and _PER_SHARE_AFTER.match(after):
        # "$41.20 per share in cash for a total of $4.2 billion": the total is the amount the
        # price adds up to, not the price's.
        scope = ""
    if measure == "deal value" and scope == "total" and _TOTAL_OF_DEAL.search(before[-40:]):
        # "a total consideration of $4bn", "the agreement's total value": what the whole deal
        # is worth, the value itself and no part of it.
        scope = ""
    if measure == unnamed and unnamed_scope:
        scope = unnamed_scope  # "ranged from $15 billion to $100 billion": the range's ends
    elif measure == "output cut":
        scope = unnamed_scope  # "per day" of the list's previous item is not this cut's scope
    if measure == "magnitude":
        # A past quake's magnitude ("since a 7.3-magnitude quake in 1999") is that quake's; an
        # aftershock's or one agency's reading is not the one another agency gives.
        reference = reference or _past_event_year(
            body[sentence_start:start], body[end:sentence_end], context.published
        )
        if not scope:
            scope = _magnitude_scope(body[sentence_start:start], body[end:sentence_end])
        if reference and scope.startswith("by "):
            scope = ""  # who recalls a past quake's size is no agency measuring it
    if kind == "count" and not scope and measure == "jobs":
        scope = _sector(before.lower()[-90:], after.lower()[:90])
    if (
        kind == "count"
        and not scope
        and measure == "jobs"
        and not context.economy_place
        and _cuts_jobs(body[sentence_start:start])
    ):
        # A company's cut, however worded; an industry shedding jobs in a jobs report is a
        # change in that industry's jobs.
        measure = "job cuts"
    if kind == "count" and not scope and measure == "jobs" and _strike_story(body):
        scope = _workforce_counted(before[-60:], after[:25], text)
    if measure in _ELECTION_RESULTS and scope == "projected":
        # "is projected to finish with 10 seats", "forecasts expect it to win 288 seats": while
        # votes are counted a projection is the result as it stands, which the final count
        # updates. An exit poll is a poll of its own, not the count.
        scope = "exit poll" if _EXIT_POLL.search(sentence.lower()) else ""
    if kind == "count" and not scope and measure not in _TOLLS and _count_change(before, text):
        scope = "change"  # "gained 14 seats", "+48 seats": a change, not the number held
    if measure == "interest rate" and _ALTERNATIVE_MOVE.search(before[-40:]):
        # "one member preferred a bigger 0.5 percentage point cut": the move set against the
        # one decided, not it.
        scope = "alternative"
    if kind == "money" and not scope and measure == "price" and _price_moved(before):
        scope = "change"  # "up $3.15 at $71.35 a barrel": the gain is no price
    if kind == "money" and not scope and _value_moved(measure, before, after):
        scope = "change"  # "added $1.2 trillion to its market value" is no value held
    if kind == "money" and not scope and _at_most(body[sentence_start:start], after):
        scope = "maximum"  # "could rise to €40m with add-ons" is not the €32m paid up front
    if measure == "fine":
        scope, reference = _ordered(context, sentence_start, start, before, after, scope, reference)
    if measure == "fine":
        # A court's amount is the party's it orders to pay, a person too ("ordered former
        # Senator Voss to pay"): who pays tells one defendant's penalty from another's.
        entity = _payer(context, sentence_start, start) or entity
    # "Judge Vance fined them $4 million": the court orders, others pay; the judge is named,
    # not keyed as the payer.
    ordered_by_court = measure == "fine" and _is_judge(body, entity)
    keyless = False
    if kind == "count" and (unit or "").lower() == "pages" and _RULING.match(after.lower()):
        # One ruling has one length, whichever day a sentence says it was issued.
        measure, scope, reference = "ruling length", "", ""
    if kind == "percent" and _inflation_target(before, after, sentence):
        # "inflation is projected to return to the 2% target by 2027": the bank's standing
        # target, not inflation in any year nor a forecast of it.
        measure, scope, reference = "inflation target", "", ""
    if not scope and measure in _FLOWS and re.fullmatch(r"(?:19|20)\d\d", reference):
        scope = "per year"  # "In 2024 the tunnel carried 8.1 million cars": that year's
    result = results_words.read(
        kind=kind,
        measure=measure,
        reference=reference,
        scope=scope,
        before=before,
        after=after,
        sentence_before=body[sentence_start:start],
        previous_sentence=_previous_sentence(body, sentence_start),
    )
    if result:
        measure, reference, scope = result.measure, result.reference, result.scope
        if result.of_company and context.salient:
            entity = context.salient
    exchanged = ""
    if kind == "quantity" and (unit or "").lower() == "shares":
        ratio = _EXCHANGED_SHARE.match(body, end, sentence_end)
        if ratio:
            # "Vexa holders get 1.02 Orrin shares for each Vexa share", "Orrin will pay 1.02 of
            # its own shares for each share of Vexa": one exchange ratio, the buyer's, whichever
            # party the sentence opens with.
            measure = "exchange ratio"
            entity = ratio.group("given") or entity
            exchanged = ratio.group("before") or ratio.group("after")
    if measure in _PRICES_PAID:
        entity = _buyer(context, sentence_start, sentence_end) or entity
    if measure == "stake":
        entity = _holders(context, sentence_start, start) or entity
    if measure == "deal value":
        # "the $380 million deal Rob Vale signed", "Ana Ruiz and her $90 million contract":
        # another's deal a sentence compares, not the one it is about.
        entity = _signer(context, clause_start, start, end, after_end) or entity
    target = _target(after, entity) if measure in _TRANSITIVE else ""
    if exchanged:
        target = f"per {exchanged} share"
    place, place_key = (
        # A premium is over a company's price, not counted in a place.
        ("", "")
        if target or measure == "premium"
        else _place(context, entity, clause_start, start, _before_part(body, end, after_end))
    )
    if measure in _TOLLS and not place_key:
        # "29 deaths in the county": the county the article has named.
        place, place_key = _area_named_before(context, start, after)
    elsewhere = _elsewhere(context, sentence_start, start) if measure in _TOLLS else None
    if elsewhere and (not place_key or place_key == context.key(elsewhere.text)):
        place, place_key = f"in {context.full_name(elsewhere.text)}", context.key(elsewhere.text)
    if (
        measure in (*_TOLLS, "in treatment")
        and place_key
        and (elsewhere or _part_of_toll(before, after))
    ):
        # "1,300 of them in Tarn province alone": a part of the toll, not the whole; so are
        # "90 admitted to hospitals in Brevik alone" of all those being treated.
        scope = f"in {place_key}"[:40]
    if measure in _FIRE_MEASURES and (context.fires or _FIRES.search(sentence)):
        # A fire's size or losses are the story's fire's, never a place or an official the
        # sentence names. With several fires burning at once, each is the fire its sentence
        # names, else the whole of them ("the fires have destroyed 5,000 structures").
        many = len(context.fires) > 1
        entity = _fire_named(context, sentence_start, start, end, sentence_end) if many else ""
        if (
            not entity
            and not scope
            and _all_the_fires(body, clause_start, start, end, sentence_end)
        ):
            scope = "total"  # "the fires have burned 40,000 acres": no one fire's area
    wording = _wording(before, after, kind, measure, unit, text)
    name = context.full_name(
        _referent(context, entity, sentence_start, clause_start, (start, end), after_end)
    )
    shown = measure_words.shown(
        before, after, kind=kind, measure=measure, wording=wording, text=text, unit=unit
    )
    if result and result.shown:
        shown = result.shown  # "data center revenue estimate", "earnings per share"
    if not (measure or wording or shown) and _ANALYSTS_EXPECTED.search(before):
        # "Analysts had projected $4.1 billion": what analysts expected, not the analysts.
        shown = "analysts' estimate"
    if kind == "money" and box_office and (measure in _GROSSES or not (wording or shown)):
        # "domestic opening weekend gross"
        shown = box_office
        if shown.endswith(("opening day gross", "previews gross")):
            # A film's takings on its first day in a named market are one measure of the film:
            # "$70.5 million domestically on Friday" and "the largest day, with $70.8 million".
            # A weekend's takings are written of many films in one line; they keep the line's
            # words.
            measure, scope = "gross", shown.removesuffix(" gross")
    if kind == "duration" and not measure and _CONTRACT_TERM.search(f"{wording} | {shown}"):
        # "a four-year deal" and "wage increases over the next four years" say how long the
        # contract runs: one measure, whichever words a line gives it.
        measure = "contract length"
    if kind == "duration" and not measure:
        measure = _stoppage_length(body[max(sentence_start, start - 80) : start], after)
        if measure == "record span" and not scope:
            # "the worst strike in 16 years", "the costliest in 25 years": each superlative holds
            # its own record, over its own span.
            scope = _superlative(body[sentence_start:start])
    if measure in ("transfer fee", "exchange ratio"):
        shown = measure  # not the player's role nor the week it was announced
    investor = _investor(
        context, entity, measure, body[end : end + 80], sentence_start, clause_start, (start, end)
    )
    if investor:
        # "The company invested €2bn into Quillfire": Quillfire is what the money went into.
        name, shown = investor, f"{shown or wording or measure} in {context.full_name(entity)}"
    elif measure == "age":
        name = _aged(context, sentence_start, (start, end), after_end) or name
        if _fallen_back(context, entity, sentence_start, after_end) and name:
            # An age is a person's, not the article's main company's: the person the line
            # names keys it.
            entity = name
    elif measure == "premium":
        priced = _priced(context, end, after_end)
        if priced and context.key(priced) != context.key(name or entity):
            shown = f"premium to {context.full_name(priced)}"  # "Halden premium to Brightwater"
    elif measure in _PRICES_PAID and not target:
        opened = clause_start
        if _CONVERTED_FROM.search(body, sentence_start, clause_start):
            # "(£53m)" after "sign Ana Duarte for €62m": the bracket restates that clause's fee
            opened = _clause_start(body, sentence_start, clause_start - 1)
        bought = _bought(context, opened, start)
        if bought and measure == "transfer fee":
            name = context.full_name(bought)  # the player's fee, whichever club pays it
        elif bought and context.key(bought) != context.key(name or entity):
            shown = f"{shown or wording or measure} for {context.full_name(bought)}"
    else:
        name = (
            _done_by(context, end, after_end)
            or _relative_subject(context, sentence_start, start)
            or name
        )
        if (
            kind == "date"
            and measure
            and name
            and name == _relative_subject(context, sentence_start, start)
        ):
            # "behind Hurricane Ardal, which killed 900 people in 2011": the year dates
            # Ardal's toll, not that of the storm the sentence is about.
            entity = name
    if measure in _TRANSITIVE and not investor:
        name = _invested_by(context, sentence_start, start) or name
    if kind == "date" and not _relative_subject(context, sentence_start, start):
        name = _dated_subject(context, sentence_start, start) or name
    if measure in _OWN_MEASURES and _fallen_back(context, entity, sentence_start, after_end):
        # "the plane reached an altitude of 600 feet", "he is a 52-year-old passenger": the
        # article's main entity, which a sentence naming nobody falls back to, is the airline
        # in one outlet and the plane maker in the next.
        keyless = True
    if measure in _TOLLS and context.quake_place and reference != EARLIER_EVENT:
        # "Officials in Kessa County said the toll rose to 14": a toll of the story's quake,
        # whichever county or rescue team the sentence names (the key names no entity).
        name = _quake_name(context, sentence)
    if (
        measure in _STORM_MEASURES
        and context.storm_name
        and reference != EARLIER_EVENT
        and not re.fullmatch(r"\d{4}", reference)  # a past year's storm
        and name.split(" ", 1)[0].lower() not in _STORM_TITLES  # another storm the line names
    ):
        # "Officials in Selvin said 14 were killed", "Category 4 winds of 140 mph": in a named
        # storm's story its toll and winds are the storm's, whichever town the sentence names.
        name = context.storm_name
    if measure in _QUAKE_SIZES:
        # "6.8 magnitude" measures the story's quake, whoever the sentence names beside it.
        entity = name = _quake_name(context, sentence)
        wording = shown = measure
    if measure in _DEAL_MEASURES and context.deal_parties:
        name = "-".join(context.deal_parties)  # "Orrin One-Vexa Labs deal completion date"
    elif context.deal_parties and (
        combined := _COMBINED.search(body, max(sentence_start, start - 80), start)
    ):
        # "The combined group will employ 21,000": the buyer and target as one, not either.
        name = f"{'-'.join(context.deal_parties)} {combined.group(1).lower()}"
    elif context.deal_parties:
        name, shown = _deal_line(
            (
                context.full_name(context.deal_parties[0]),
                context.full_name(context.deal_parties[1]),
            ),
            measure,
            name,
            shown,
            before,
            sentence,
            reference,
            # "The Board is looking at it, days after the company said it would invest": the
            # names after the last comma are the investment's.
            named=bool(context.names_from(max(clause_start, body.rfind(",", 0, start)), start))
            or bool(target),
            said=shown or wording or measure,
        )
    if reference == EARLIER_EVENT and name:
        entity = name  # "behind Hurricane Kellan, which killed 900": Kellan's toll
    name = _with_object(context, name, entity, sentence_start, after_end)
    if context.economy_place and (
        (not entity and _of_the_economy(body, clause_start, start, end, after_end))
        or (measure in _ECONOMY_MEASURES and _ECONOMY_REPORTER.search(entity))
    ):
        # "The unemployment rate rose to 4.2%, the Statistics Bureau said": the economy the
        # story reports on, not the agency that publishes its figures nor who forecast them.
        name = context.economy_place
    if kind == "date":
        product, end_of_range = _model_years(body, start, sentence_start, sentence_end)
        if product:
            entity = name = product
            measure = wording = shown = "model year"
            scope = end_of_range
    return About(
        entity=_with_object(context, display_name(entity), entity, sentence_start, after_end),
        entity_key=context.key(entity) if entity and not (ordered_by_court or keyless) else "",
        measure=measure,
        reference=reference,
        scope=scope,
        # A weekday restating the publication day is incidental unless it dates the news
        # itself: "announced on Wednesday" in Wednesday's paper dates the announcement, "the
        # quake struck on Wednesday" the disaster. A day's trading or pricing stays apart:
        # one article's Thursday may be both, and they are two facts.
        incidental=incidental and (context.is_dateline(start) or measure not in _NEWS_OF_THE_DAY),
        target=target,
        name=name,
        wording=wording,
        shown=shown,
        when="" if kind in ("date", "duration") else _when(before, after),
        place=place,
        place_key=place_key,
        date_word=("year" if re.fullmatch(r"\d{4}", date_value) else "date")
        if kind == "date"
        else "",
    )


_COMBINED = re.compile(
    r"\b[Tt]he\s+((?:combined|merged|enlarged)\s+(?:company|group|business|firm|entity))\b"
)
_OFFERED = re.compile(r"\b(?:offer(?:ed|ing|s)?|pay(?:s|ing)?|bid(?:ding)?)\b[^,;]{0,40}$")
_DEAL_WORD = re.compile(
    r"\b(?:deal|offer|bid|takeover|acquisition|merger|purchase|buyout|agreement)\b", re.IGNORECASE
)


def _deal_line(
    parties: tuple[str, str],
    measure: str,
    name: str,
    shown: str,
    before: str,
    sentence: str,
    reference: str,
    *,
    named: bool,
    said: str,
) -> tuple[str, str]:
    """The line's name and words for a figure of the story's deal, whichever party its
    sentence opens with: an offer or a premium is the buyer's ("Orrin premium for Vexa"),
    the deal's announcement is both parties' ("Orrin-Vexa deal announcement date"), and an
    investment whose clause names nobody the story's investor's ("Orrin investment in Vexa").
    The line only: grouping keeps the sentence's own entity."""
    buyer, target = parties
    if measure == "announcement" and _DEAL_WORD.search(sentence):
        return "-".join(parties), "deal announcement"
    if measure == "investment" and not named and "investment" in said:
        # "days after the company said it would invest $2bn": a clause naming no investor nor
        # what it invests in invests the story's investor's money.
        return buyer, f"{said} in {target}"
    # An IPO's offer price is the company's own, whoever once bought it.
    offer = measure == "share price" and _OFFERED.search(before) and "IPO" not in reference
    if measure != "premium" and not offer:
        return name, shown
    if offer and "offer" not in shown:
        shown = "offer per share"
    shown = shown or measure
    if target.lower() not in shown.lower():
        shown = f"{shown} for {target}"
    return buyer, shown


# Measures a disaster's damage is misread as by the lexicon: a court's "damages", a company's
# "losses", what "the damage would cost".
_LOOSE_FOR_DAMAGE = frozenset(("fine", "net loss", "cost"))
_DAMAGES = frozenset(("damage", "insured losses"))
# A film's takings in one market, whatever days a line counts them over: an opening weekend's
# takings are the total after it, so outlets write either.
_GROSSES = frozenset(("domestic gross", "global gross", "international gross"))


_AVERAGE_OF_DEAL = re.compile(
    r"\baverage\s+annual\s+(?:value|salary|pay)\s+of\b[^.;:()]{0,50}\b(?:deal|contract)\b"
)
# What a deal or a contract is worth is its value, not a company's valuation.
_DEAL_WORTH = re.compile(
    r"\b(?:deal|contract|extension|pact)\b[^.;:()]{0,40}?\bworth\b[^.;:()]{0,20}$"
)


def _box_office_measure(shown: str) -> str:
    """ "domestic gross" for "domestic opening weekend gross"; "" where no market is named
    ("box office gross"): a film's takings in one market are not its takings in another."""
    market = shown.split()[0]
    return f"{market} gross" if market in ("domestic", "global", "international") else ""


# The size of an earthquake: its magnitude, how deep it struck and how far its epicentre lay
# from a town. Figures of the story's event, whichever name or place the sentence holds.
_EVENT_LENGTHS = Cues([("depth", r"depth|deep"), ("epicentre distance", r"epicent(?:re|er)s?")])
_LENGTH_UNITS = words("kilometers kilometres km miles meters metres feet")


# What a person or the story's vehicle has, never a company: keyed by a name only where the
# sentence writes one.
_OWN_MEASURES = frozenset(("age", "height"))


def _fallen_back(context: ArticleContext, entity: str, sentence_start: int, end: int) -> bool:
    """Whether the entity is one the sentence does not name: the article's main entity."""
    key = context.key(entity)
    return bool(entity) and not any(
        context.key(n.text) == key for n in context.names_from(sentence_start, end)
    )


_QUAKE_SIZES = frozenset(("magnitude", "depth", "epicentre distance"))
_QUAKE_NOUN = re.compile(r"\b(?:earthquake|quake|tremor)\b", re.IGNORECASE)


# "Dorvan's strongest earthquake", "an earthquake with a magnitude of 6.9 struck off the
# coast of Dorvan", "the quake that struck Dorvan's east coast".
# Read at every position (a lookahead), so "Monday's earthquake struck Dorvan" finds Dorvan.
_QUAKE_STRUCK = re.compile(
    r"(?=\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s\s+(?:[a-z]+\s+){0,2}(?:earthquake|quake)\b"
    r"|\b(?:earthquake|quake)\b(?:[^.]|\.\d){0,60}?\bstruck\s+(?:off\s+)?(?:the\s+)?"
    r"(?:[a-z]+\s+)?(?:coast\s+of\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
)


def _quake_name(context: ArticleContext, sentence: str) -> str:
    """The story's quake as a subject names it: "Dorvan earthquake"."""
    noun = _QUAKE_NOUN.search(sentence)
    place = context.quake_place or (context.full_name(context.salient) if context.salient else "")
    return f"{place} {noun.group().lower() if noun else 'earthquake'}".strip()


def _event_size(before: str, after: str, unit: str) -> str:
    """ "magnitude 6.8", "at a depth of 10 km", "its epicentre was 40 km from Meskal"."""
    if unit.lower() == "magnitude":
        return "" if _of_a_kind(before, after) else "magnitude"
    if unit.lower() not in _LENGTH_UNITS:
        return ""
    return _nearest(_EVENT_LENGTHS, before, after, after_words=2)


# A magnitude that describes quakes of a kind, not the story's quake: "magnitude 6 quakes
# are considered strong", "a magnitude 5 earthquake is ten times ...", "than a magnitude 4".
_QUAKES = re.compile(r"\s*(?:(?:earth)?quakes|tremors)\b")
_A_QUAKE_IS = re.compile(r"\s*(?:earth)?quake (?:is|can)\b")
_A = re.compile(r"(?:^|\s)an?\s*$")
_THAN_A = re.compile(r"\bthan\s+an?\s*$")


def _of_a_kind(before: str, after: str) -> bool:
    return bool(
        _QUAKES.match(after)
        or _THAN_A.search(before)
        or (_A.search(before) and _A_QUAKE_IS.match(after))
    )


_LOCAL_AREA = re.compile(
    r"\b(?:province|region|district|county|municipality|village|town|alone)\b", re.IGNORECASE
)
_IT_OPENS = re.compile(r"\s*(?:It|That)\s")
_DISASTER_WORD = re.compile(r"\b" + _DISASTER + r"\b", re.IGNORECASE)


# "In neighbouring Pellara, ...", "In Pellara's capital Vesk, ...": a sentence set in a place.
_OPENS_IN = re.compile(r"\s*In\s+(?:(?:the\s+)?(?:neighbou?ring|nearby)\s+)?$")


def _elsewhere(context: ArticleContext, sentence_start: int, start: int) -> Name | None:
    """The place a sentence opens on to count a toll there, where it is not the story's own:
    "In neighbouring Pellara, the tremors killed six", in a story about a quake in Tarnovia."""
    body = context.body
    names = context.names_from(sentence_start, start)
    if not names or not _OPENS_IN.match(body[sentence_start : names[0].start]):
        return None
    own = {context.key(name) for name in (context.salient, *context.places[:1]) if name}
    return None if context.key(names[0].text) in own else names[0]


_THE_AREA = re.compile(r"\s*(?:\w+\s+)?in\s+the\s+(county|province|district|region|municipality)\b")


def _area_named_before(context: ArticleContext, start: int, after: str) -> tuple[str, str]:
    """("in Calloway County", its key) for a toll counted "in the county" after the text has
    named one county ("Calloway County Coroner Dana Pruitt"): the last so named; ("", "")
    when none is."""
    area = _THE_AREA.match(after)
    if not area:
        return "", ""
    head = area.group(1).lower()
    for name in reversed([n for n in context.names if n.end <= start]):
        words = (_before_title(name.text) or name.text).split()
        if len(words) > 1 and words[-1].lower() == head:
            named = " ".join(words)
            return f"in {context.full_name(named)}", context.key(named)
    return "", ""


_THROUGHOUT = re.compile(r"\b(?:throughout|across)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")
_LOCAL_AREA_ALONE = re.compile(_LOCAL_AREA.pattern + r"(?!\s+(?-i:[A-Z]))", re.IGNORECASE)


def _part_of_toll(before: str, after: str) -> bool:
    """Whether a toll is counted in a local area: "120 deaths in Ostra province alone"; not
    when the area is where the disaster named after the toll burns or struck ("killed by the
    Harlow Fire in Dravo County", "the Harlow Fire roaring through Dravo County")."""
    area = _LOCAL_AREA.search(after)
    if area and _THROUGHOUT.search(after[: area.start()]):
        return False  # "killed 14 throughout Dravo County": the whole area's toll
    # "the Dravo County Fire Department said 14 are dead": an agency's name counts nowhere.
    said_before = _LOCAL_AREA_ALONE.search(before)
    if area and _DISASTER_WORD.search(after[: area.start()]):
        return bool(said_before)
    return bool(area or said_before)


def _year_before(body: str, sentence_start: int) -> str:
    """The year of the sentence before, where this one goes on about what it dated: "... a
    quake in 1994. It killed 900 people." """
    if not _IT_OPENS.match(body, sentence_start):
        return ""
    previous = body[body.rfind(".", 0, max(0, sentence_start - 2)) + 1 : sentence_start]
    years = set(re.findall(r"\b(?:19|20)\d\d\b", previous))
    return years.pop() if len(years) == 1 else ""


# "in 1987, when the ferry sank, killing 300", "since 1990 when floods claimed 200 lives",
# "the 2015 Harlow Fire, which killed 70": the toll of an earlier disaster the sentence
# dates, with no other figure in between.
_PAST_EVENT_YEAR = re.compile(
    r"\b(?:in\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)|((?:19|20)\d\d),?\s+when"
    r"|the\s+((?:19|20)\d\d)(?=\s+[A-Z]))\b[^\d.;]*$"
)


# "a tsunami that killed 61 people ... on May 22, 1960": the toll dated after it is given.
_PAST_EVENT_YEAR_AFTER = re.compile(
    r"^[^.;]*?\b(?:in|on)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?((?:19|20)\d\d)\b"
)


# "behind Hurricane Kellan, which killed at least 900 people", "surpassing storms Ana and
# Bo, which each caused around 40 deaths": the toll of an earlier disaster the story's is
# ranked against, not the story's own (nor that of the day it is written).
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_EARLIER_EVENT_TOLL = re.compile(
    r"\b(?:behind|surpass\w*|than|including|like|ahead\s+of|compared\s+(?:with|to)|exceed\w*"
    r"|overtak\w*|eclips\w*|outpac\w*|since)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    + _NAME
    + r"(?:,?\s+(?:and|or)\s+(?:[a-z]+\s+)?"
    + _NAME
    + r")?,?\s+(?:which|that)\s+(?:each\s+|also\s+|together\s+)?(?:killed|caused|claimed|left)"
    r"\s+(?:[a-z]+\s+){0,3}$"
)
EARLIER_EVENT = "earlier event"


def _past_event_year(before: str, after: str, published: date | None) -> str:
    """The year of a past disaster whose toll the sentence gives, dated before or after it."""
    m = _PAST_EVENT_YEAR.search(before)
    year = m and (m.group(1) or m.group(2) or m.group(3))
    if not year:
        m = _PAST_EVENT_YEAR_AFTER.match(after)
        year = m and m.group(1)
    if year and published is None and _SINCE.search(before):
        return year  # undated, "the strongest since one in 1988": a past one all the same
    return year if year and published and int(year) < published.year else ""


_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


# "Several aftershocks followed, one measuring 6.5", "a magnitude 6.1 aftershock"; but "a
# 7.4-magnitude quake, followed by aftershocks" is the main shock.
_AFTERSHOCK = re.compile(r"\baftershocks?\b", re.IGNORECASE)
_AFTERSHOCK_AFTER = re.compile(r"[\s-]*(?:magnitude\s+)?aftershocks?\b", re.IGNORECASE)
_QUAKE_AFTER = re.compile(r"[\s-]*(?:magnitude\s+)?(?:earthquake|quake|tremor)\b", re.IGNORECASE)
# "magnitude 4.5 or higher", "4.0 and above": the least magnitude of the quakes counted.
_AT_OR_ABOVE_AFTER = re.compile(
    r"\s*(?:or|and)\s+(?:greater|higher|more|above|stronger|larger|over)\b", re.IGNORECASE
)
# "aftershocks followed, including a 5.7-magnitude tremor", "aftershocks, among them a 5.2
# quake": a quake named as one of the aftershocks is one, whatever noun it is given.
_AMONG_AFTERSHOCKS = re.compile(
    r"\baftershocks?,?\s+(?:\w+,?\s+){0,2}?(?:including|among\s+them|such\s+as)\s+"
    r"(?:an?\s+|one\s+)?(?:(?:strong|powerful|large|major)\s+)?(?:magnitude[\s-]+)?$",
    re.IGNORECASE,
)
# Who measured a magnitude: "by the U.S. Geological Survey", "according to the USGS",
# "Taiwan's weather agency gave it 7.2", "by Japanese officials". Agencies read a quake on
# scales of their own, so their magnitudes differ without contradicting each other.
_AGENCY = (
    r"(?:[Tt]he\s+)?(?P<agency>(?:[A-Z][\w.&-]*['’]s\s+(?:[a-z]+\s+){0,3}"
    r"(?:agency|bureau|office|administration|service|survey|institute|centre|center|officials"
    r"|authorities)\b|[A-Z][\w.&-]*(?:\s+(?:of\s+)?[A-Z][\w.&-]*)*"
    r"(?:\s+(?:officials|authorities|agency|bureau))?))"
)
_AGENCY_AFTER = re.compile(
    r"\s*(?:in\s+magnitude\s+|on\s+the\s+[A-Z]\w+\s+scale\s+)?,?\s*(?:by|according\s+to)\s+"
    + _AGENCY
)
_AGENCY_BEFORE = re.compile(r"\b[Aa]ccording\s+to\s+" + _AGENCY + r"[^;]*$")
_AGENCY_LATER = re.compile(r"\b[Aa]ccording\s+to\s+" + _AGENCY)
_AGENCY_SUBJECT = re.compile(
    r"^\s*" + _AGENCY + r"(?:,[^,]{1,30},)?\s+(?:rated|measured|put|gave|recorded|registered"
    r"|estimated|said|reported|calculated)\b[^;]*$"
)


def _magnitude_scope(before: str, after: str) -> str:
    """Whether a magnitude is an aftershock's or an agency's reading ("by USGS"): the
    sentence before it and after it."""
    if _AT_OR_ABOVE_AFTER.match(after):
        return "threshold"  # "12 aftershocks of magnitude 4.5 or higher": no quake's size
    if (
        _AFTERSHOCK_AFTER.match(after)
        or (_AFTERSHOCK.search(before) and not _QUAKE_AFTER.match(after))
        or _AMONG_AFTERSHOCKS.search(before)
    ):
        return "aftershock"
    found = _AGENCY_AFTER.match(after) or _AGENCY_BEFORE.search(before)
    found = found or _AGENCY_LATER.search(after)  # "..., according to the Japan agency."
    found = found or _AGENCY_SUBJECT.search(before)
    agency = _agency_key(found.group("agency")) if found else ""
    return f"by {agency}" if agency else ""


def _agency_key(name: str) -> str:
    """One name for an agency however it is written: "U.S. Geological Survey" and "USGS" are
    "USGS"; "Taiwan's weather bureau" and "Taiwan officials" are "Taiwan"."""
    words = re.findall(r"[A-Z][\w.&'’-]*", name)
    if not words or words[0] in ("The", "It", "This", "He", "She", "They"):
        return ""
    owner = re.match(r"([A-Z][\w.&-]*)['’]s\b", name)
    if owner:
        return owner.group(1)
    if len(words) == 1:
        return words[0].strip(".")
    return "".join(
        # Initials keep all their letters, dotted or not: "U.S." and "US" are both "US".
        re.sub(r"[^A-Z]", "", w) if "." in w or w.isupper() else w[0]
        for w in words
        if w not in ("Of", "of")
    )


# A price given per share: "$41.20 per share", "$41.20 a share".
_PER_SHARE_AFTER = re.compile(r"\s*(?:per|a|each)\s+share\b", re.IGNORECASE)
# An amount written with a scale word: "$4.2 billion", "£300m", "€1.2bn".
_TAKEOVER = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|acquisition|takeover|take over|merger|buyout)\b", re.IGNORECASE
)
_SCALED_AMOUNT = re.compile(r"\d\s*(?:million|billion|trillion|mn|bn|tn|m|b)\b", re.IGNORECASE)
_SAVED = re.compile(r"\bsav(?:e|ed|es|ing)\b")
# Rates a decision or a month moves from one level to another.
_LEVELS = frozenset(("interest rate", "unemployment rate", "inflation", "participation rate"))
REPLACED_COUNT = "replaced count"
CORRECTED_COUNT = "corrected"
_CORRECTED = r"(?:revis|correct|lower|downgrad|scal(?:ed|ing) back|brought down|bring down)"
# The figure left behind by a correction: "revised the toll to 198 from 212", "revised the
# toll from 212 to 198", "was earlier put at 212", "212, which officials later revised".
_REPLACED_BEFORE = re.compile(
    rf"{_CORRECTED}[^.;]*\bfrom\s+(?:an?\s+(?:earlier|initial)\s+)?$"
    r"|\b(?:earlier|previously|initially|first)\s+(?:been\s+)?(?:put|given|reported|placed)"
    r"\s+(?:at|as)\s+$",
    re.IGNORECASE,
)
_REPLACED_AFTER = re.compile(
    rf"^[^.;]{{0,60}}?\b(?:which|that)\b[^.;]{{0,40}}{_CORRECTED}", re.IGNORECASE
)


def _replaced_toll(sentence_before: str, after: str) -> bool:
    """Whether a toll is the count a correction replaced (see REPLACED_COUNT)."""
    return bool(_REPLACED_BEFORE.search(sentence_before) or _REPLACED_AFTER.match(after))


_FROM_LEVEL = re.compile(r"\bfrom\s+(?:between\s+|a\s+(?:rate|level)\s+of\s+)?$", re.IGNORECASE)
# Counts of a disaster's victims that rise from one update to the next.
# What tells a court's amounts apart: what a side asked for against what was ordered, the sum
# with interest, an award in another case. The nearest cue to the figure wins.
_ORDER_SCOPES = (
    (
        "sought",
        re.compile(
            r"\b(?:sought|seeks?|seeking|demand(?:ed|ing|s)?|request(?:ed|ing|s)?"
            r"|recommend(?:ed|ing|s)?|asked(?:\s+[\w.’']+){0,2}\s+(?:to|for))\b"
        ),
    ),
    ("with interest", re.compile(r"\b(?:with|plus|including|includ\w+)\s+interest\b")),
    (
        "separate case",
        re.compile(
            r"\b(?:separate|another|earlier|previous|prior)\s+(?:case|trial|lawsuit|suit)\b"
        ),
    ),
)
# "$4 million each", "$2,000 apiece": one party's share, not the sum.
_EACH = re.compile(r"\s*(?:each|apiece)\b")
# "each son was ordered to pay $1 million", "were each hit with penalties of $4,013,024".
_EACH_BEFORE = re.compile(
    r"\beach\b(?!\s+(?:year|month|week|day|quarter|season|time)\b)[^.;,\d]{0,40}$"
)
# "plus $100 million in interest": the interest owed on an amount, not the amount.
_IN_INTEREST = re.compile(r"\s*(?:in|of)\s+(?:prejudgment\s+|pre-judgment\s+)?interest\b")
# "Combined with the $83 million judgment, he has been fined $438 million": the sum of a part
# named before it in the sentence and the rest.
_COMBINED_WITH = re.compile(r"\b(?:combined with|together with|added to|on top of)\b[^.;]*\d")
# "fined $438 million over the past four weeks": the amount of a span, not of one order.
_PAST_SPAN = re.compile(
    r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+"
    r"((?:[\w-]+\s+)?(?:days?|weeks?|months?|years?))\b"
)
_LAST_YEAR = re.compile(r"\blast year\b")
# "for a total of", "totalling": a sum of the amounts named before it in the sentence.
_TOTAL_OF_PARTS = re.compile(r"\b(?:a\s+total\s+of|totall?ing)\s+$")


def _ordered(
    context: ArticleContext,
    sentence_start: int,
    start: int,
    before: str,
    after: str,
    scope: str,
    reference: str,
) -> tuple[str, str]:
    """The scope and reference point of an amount a court or regulator orders paid: one
    party's share ("each"), what a side sought, the sum with interest, an award in another
    case, a sum of several ("combined"), the span or year it falls in."""
    lower_before = before.lower()[-90:]
    # Beyond the next figure the words are its own.
    lower_after = re.split(r"\d", after.lower()[:90], maxsplit=1)[0]
    if _EACH.match(lower_after) or _EACH_BEFORE.search(lower_before[-50:]):
        scope = "each"
    elif _IN_INTEREST.match(lower_after):
        scope = "interest"
    else:
        cued = lower_before
        if _TOTAL_OF_PARTS.search(lower_before):
            # "$2 million to each — for a total of $6 million": the sum of the parts before
            # it in the sentence, asked for or ordered as they are.
            cued = context.body[sentence_start:start].lower()[-200:]
        best = None
        for name, pattern in _ORDER_SCOPES:
            distances = [len(cued) - m.end() for m in pattern.finditer(cued)]
            distances += [m.start() + 1 for m in pattern.finditer(lower_after)]
            if distances and (best is None or min(distances) < best[0]):
                best = (min(distances), name)
        if best:
            scope = best[1]
        elif not scope and _COMBINED_WITH.search(context.body[sentence_start:start].lower()):
            scope = "combined"
    if not reference:
        span = _PAST_SPAN.search(lower_before[-60:] + " " + lower_after)
        if span:
            reference = "past " + span.group(1)
        elif context.published and _LAST_YEAR.search(lower_before[-60:] + " " + lower_after):
            reference = str(context.published.year - 1)
    return scope, reference


_WHOLE_OF = re.compile(r"\bof\s+(?:his|her|their|its|the|that|this)\s+$")
# An order naming its payer after the verb: "ordered Voss to pay", "fined Voss", "hit former
# Senator Voss with", "asked that Voss pay".
_ORDERS_PARTY = re.compile(
    r"\b(?:ordered|orders|fined|fines|fine|hit|slapped|penali[sz]ed"
    r"|(?:requested|asked|demanded)\s+that)\s+(?:(?:the|former|ex-|then-|[A-Z][\w.-]*)\s+)*$"
)
# A party told to pay, named before the verb: "Voss was ordered to pay", "Voss must pay",
# "Voss and his sons were fined".
_PARTY_ORDERED = re.compile(
    r"^[\s,]*(?:(?:also|each|both|all|was|were|is|are|has|have|had|been|being|later|then"
    r"|formally)\s+)*(?:ordered|fined|hit|slapped|penali[sz]ed|must|owes?|will\s+have\s+to)\b"
)
# A list's line opening with its party: "Harlan Voss Jr.: $4 million fine".
_LINE_PARTY = re.compile(r"\.?[ \t]*:[ \t]*(?:[a-z.]+[ \t]+)?")
# Names joined as one party: "Rob Voss Jr. and Eric Voss".
_JOINED = re.compile(r"\.?\s*(?:,|,?\s+and|,?\s+&)\s*")


def _payer(context: ArticleContext, sentence_start: int, start: int) -> str:
    """Who a court's amount is against: the party a list's line opens with, the party its
    order names, or the subject told to pay. The first of several named together ("Rob Voss
    Jr. and Eric Voss were fined") stands for them. A judge orders, never pays."""
    body = context.body
    # A list's earlier line names another party ("Rob Voss: $4 million fine").
    line_start = max(sentence_start, body.rfind("\n", 0, start) + 1)
    names = [n for n in context.names if line_start <= n.start and n.end <= start]
    found = ""
    if names and _LINE_PARTY.fullmatch(body, names[-1].end, start):
        found = names[-1].text
    for name in reversed(names):
        if found:
            break
        if _ORDERS_PARTY.search(body, max(sentence_start, name.start - 40), name.start):
            found = name.text
    for index in reversed(range(len(names))):
        if found:
            break
        end = names[index].end
        for following in names[index + 1 :]:
            if not _JOINED.fullmatch(body, end, following.start):
                break
            end = following.end
        if not _PARTY_ORDERED.match(body[end:start]):
            continue
        first = index
        while first and _JOINED.fullmatch(body, names[first - 1].end, names[first].start):
            first -= 1
        found = names[first].text
    return "" if not found or _is_judge(body, found) else found


# What a court writes its decision in: "a 40-page opinion", "the 12-page ruling".
_RULING = re.compile(r"\s*(?:[a-z-]+\s+)?(?:opinion|ruling|decision|judgment|verdict|order)\b")
_JUDGE = re.compile(r"\b(?:Judge|Justice|Magistrate)\s+(?:[A-Z][\w.’'-]*\s+){0,2}$")


def _is_judge(body: str, entity: str) -> bool:
    """Whether the article titles the entity a judge ("Judge Mara Vance", "Justice Vance")."""
    last = entity.split()[-1] if entity else ""
    if not last[:1].isupper():
        return False
    return any(
        _JUDGE.search(body[max(0, m.start() - 40) : m.start()])
        for m in re.finditer(r"\b" + re.escape(last) + r"\b", body)
    )


_TOLLS = frozenset(("death toll", "injured", "missing"))
# Counts a story updates day by day, each dated as of the day it was reported.
TALLIES = _TOLLS | {"containment"}
# What a named storm's story measures of the storm itself.
_STORM_MEASURES = _TOLLS | {"wind speed"}
# What a disaster destroys or damages: counted as such whatever toll words stand near.
_BUILDINGS = frozenset(("structures", "buildings", "homes", "houses", "businesses", "dwellings"))
# "1,000 people remain missing", "left 1,000 unaccounted for", "the number of missing people
# to be around 1,000".
_MISSING_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,3}(?:missing|unaccounted for)\b")
_MISSING_BEFORE = re.compile(r"\bmissing\s+(?:people|persons)\b[^,;.\d]{0,30}$")


# "412 patients have been discharged", "90 were discharged from hospital".
_DISCHARGED_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:have|has|had|were|was|are|is)\s+(?:(?:since|now|already)\s+)?"
    r"(?:been\s+)?discharged\b"
)


_IN_TREATMENT_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:are|is|were|was|remain|remains|(?:have|has|had)\s+been)\s+"
    r"(?:still\s+)?(?:being\s+treated|under(?:going)?\s+treatment|in\s+hospitals?|hospitali[sz]ed"
    # "80 riders were admitted to the town hospital": the hurt taken in, not all aboard.
    r"|admitted\s+(?:to|in|at)\s+(?:(?:the|a)\s+)?(?:[a-z-]+\s+){0,2}hospitals?)\b"
)


_EVACUEES = frozenset(("", "people", "residents", "persons", "orders"))
# "evacuation orders for 61,250": the people the orders cover.
_ORDERS_FOR = re.compile(
    r"\bevacuation\s+(?P<kind>orders?|warnings?)\s+(?:for|covering|affecting)\s+$",
    re.IGNORECASE,
)
_ORDERED_OUT = re.compile(
    r"^\s*(?:(?:have|has|had|were|was|are|is|been|being|now|already|so far|remain(?:s|ed)?)\s+)*"
    r"(?:to\s+)?"
    r"(?:(?P<evacuated>evacuat\w*|under\s+(?:\w+\s+)?evacuation\s+orders?)"
    r"|(?P<warned>under\s+(?:\w+\s+)?evacuation\s+warnings?))",
    re.IGNORECASE,
)


def _evacuated(before: str, after: str) -> str:
    """ "evacuated" for people ordered out ("52,000 are under evacuation orders", "have had to
    evacuate", "evacuation orders for 52,000"), "evacuation warning" for those told they may
    have to leave; "" otherwise."""
    ordered = _ORDERS_FOR.search(_unhedged(before[-80:]))
    if ordered:
        return "evacuation warning" if ordered.group("kind").startswith("w") else "evacuated"
    told = _ORDERED_OUT.match(after)
    if not told:
        return ""
    return "evacuated" if told.group("evacuated") else "evacuation warning"


_AND_OTHER = re.compile(r"\s+and\s+other\s+(structures|buildings)\b", re.IGNORECASE)
_FIRE_MEASURES = _BUILDINGS | {"area", "containment", "evacuated", "evacuation warning"}
_FIRES = re.compile(r"\b(?:(?:wild|bush|brush)?fires|blazes|infernos)\b", re.IGNORECASE)
_IN_ALL = re.compile(r"\b(?:in\s+(?:total|all)|collectively|combined)\b", re.IGNORECASE)


def _all_the_fires(body: str, clause_start: int, start: int, end: int, sentence_end: int) -> bool:
    """Whether a figure of fires' size or losses is counted for several fires together: its
    clause says so ("in total", "collectively") or names the fires in the plural next to it,
    with no comma between ("fires in Dravo County have burned 40,000 acres")."""
    if _IN_ALL.search(body, clause_start, start):
        return True
    near = body[max(clause_start, body.rfind(",", 0, start) + 1) : start]
    comma = body.find(",", end, sentence_end)
    return bool(_FIRES.search(near + body[end : comma if comma >= 0 else sentence_end]))


# The first or second of two figures told in the order their fires were named.
_FIRST_OF_TWO = re.compile(r"\s*(?:%|percent)?\s+and\s+\d")
_SECOND_OF_TWO = re.compile(r"\d\s*(?:%|percent)?\s+and\s+$")
_OF_THE_FIRE = re.compile(r"\b(?:in|of|from|by|to)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"[^\n]{0,60}\d[^\n]{0,60}")


def _fire_named(
    context: ArticleContext, sentence_start: int, start: int, end: int, sentence_end: int
) -> str:
    """The named fire a figure of its size or losses is of: the one named after it before the
    next figure ("3,100 structures burned in the Dunley Fire"), else the last one named
    before it in its sentence ("The Dunley Fire, which has burned 12,400 acres"), else the
    heading of the list it stands in ("Dunley Fire:" over "12,400 acres"); "" when none."""
    body = context.body
    pair = max(
        _TWO_FIRES.finditer(body, sentence_start, start), key=lambda m: m.start(), default=None
    )
    if pair and _FIRST_OF_TWO.match(body, end):
        return pair.group("first")  # "the Dunley and Marrow fires were 14% and 2% contained"
    if pair and _SECOND_OF_TWO.search(body, sentence_start, start):
        return pair.group("second")
    stop = re.search(r"\d|\n", body[end:sentence_end])
    after = context.names_from(end, end + stop.start() if stop else sentence_end)
    before = context.names_from(sentence_start, start)
    after = [n for n in after if _OF_THE_FIRE.search(body, max(0, n.start - 10), n.start)]
    for name in [*after, *reversed(before)]:
        if context.key(name.text) in context.fires:
            return name.text
    line_start = body.rfind("\n", 0, start) + 1
    for line in reversed(body[:line_start].split("\n")):
        if not line.strip() or _LIST_ITEM.fullmatch(line):
            continue
        heading = line.strip().removesuffix(":")
        if line.rstrip().endswith(":") and context.key(heading) in context.fires:
            return heading
        break
    return ""


def _missing(before: str, after: str) -> bool:
    """Whether a count of people is of those missing."""
    return bool(_MISSING_AFTER.match(after.lower()) or _MISSING_BEFORE.search(before.lower()))


# Measures of a deal as a whole, whichever party a sentence names: its line names both.
_DEAL_MEASURES = frozenset(("deal completion", "savings"))
# An amount added to or wiped off a market value: "added $200 billion to its market value",
# "$1.2 trillion of its market cap has been added", "wiped $90 billion off its valuation".
_VALUE_MOVES = (
    r"(?:added|adding|adds|gained|gaining|gains|wiped|wiping|wipes|erased|erasing|shed"
    r"|shedding|lost|losing|loses)"
)
_VALUE_MOVED_BEFORE = re.compile(
    r"\b" + _VALUE_MOVES + r"\s+(?:(?:more than|nearly|almost|about|around|over|some|roughly)\s+)?$"
)
_VALUE_MOVED_AFTER = re.compile(
    r"\s+(?:of|in|from|off|to)\s+(?:its|their|the|[A-Z][\w&.-]*['’]s)?\s*"
    r"(?:stock\s+)?market\s+(?:value|valuation|cap|capitali[sz]ation)"
    r"(?:\s+(?:has|have|had|was|were)\s+been)?\s+" + _VALUE_MOVES
)


def _value_moved(measure: str, before: str, after: str) -> bool:
    if measure not in ("market value", "valuation"):
        return False
    return bool(_VALUE_MOVED_BEFORE.search(before[-40:]) or _VALUE_MOVED_AFTER.match(after))


# Amounts a percent in their clause can be a change of ("market value fell 9%").
# What a club pays to sign a player, however a sentence words it ("a deal worth", "cost",
# "paid"): one amount when the sentence speaks of a fee, its add-ons or its up-front part.
_FEE_READINGS = frozenset(("", "deal value", "cost", "valuation", "amount raised"))
_PRICES_PAID = frozenset(("deal value", "transfer fee"))
_TRANSFER_FEE = re.compile(
    # A fee on its own or a transfer's, not a "subscription fee" or "management fee".
    r"(?:^|\b(?:a|an|the|that|this|his|her|their|its|record|transfer|fixed|initial|base"
    r"|upfront|up-front) )fee\b(?!s)|\btransfer\b"
    r"|\badd-ons?\b|\bvariables\b|\bup-?front\b|\ban initial\b"
)
# Auxiliaries between a figure and its verb: "have been", "were reportedly", "had already".
_AMOUNT_OF = re.compile(r"^\s*(?:of|in)\s+")
_BEFORE_VERB = re.compile(
    r"^\s*(?:(?:have|has|had|were|was|are|is|been|being|now|already|reportedly|so far)\s+)+"
)
# Taxes raised by an amount, read in the figure's own clause: the verb and "taxes" just before
# it ("increases taxes by", "with taxes"), or the taxes just after it ("of new taxes", "a year
# in extra taxes", "tax increase package", "through tax rises").
_TAXES_BEFORE = re.compile(
    r"\b(?:(?:rais|increas|hik)(?:e|es|ed|ing)\s+taxes\s+by|put(?:s|ting)?\s+up\s+taxes\s+by"
    r"|taxes)\s+(?:(?:about|around|roughly|nearly|almost|some|an\s+extra)\s+)?$"
)
_TAXES_AFTER = re.compile(
    r"^\s*(?:(?:a|per)\s+year\s+|annually\s+)?(?:(?:of|in)\s+(?:new|extra|higher|additional"
    r"|more)\s+taxes\b|(?:in\s+)?tax\s+(?:rises?|increases?|hikes?)\b|through\s+(?:tax\s+"
    r"(?:rises|increases|hikes)|higher\s+taxes)\b)"
)


def _raised_taxes(before: str, after: str) -> bool:
    """Whether a sum is how much taxes rise: "raise £18bn through tax increases"."""
    return bool(_TAXES_BEFORE.search(before[-40:].lower()) or _TAXES_AFTER.match(after.lower()))


_AMOUNTS_THAT_CHANGE = frozenset(("market value", "valuation", "revenue", "net loss", "profit"))
# What passes or is moved over time: a count of them for a calendar year is a yearly rate.
# What a count of the dead or the hurt never counts.
_NO_TOLL = frozenset(
    (
        "users",
        "vehicles",
        "trucks",
        "aircraft",
        "containers",
        "shares",
        "flights",
        "devices",
        "coaches",
    )
)
_FLOWS = frozenset(("vehicles", "trucks", "containers", "flights", "value of goods"))
# Measures that count things: never the measure of a quantity in a unit.
_COUNTED = frozenset(_UNIT_MEASURES.values()) | {
    "users",
    "flights",
    "shares",
    "death toll",
    "injured",
    "missing",
    "job cuts",
}


def _after_number(text: str, after: str) -> str:
    """What follows the number, its noun included ("188 passengers" + " and crew")."""
    noun = _TRAILING_NOUN.search(text)
    return f" {noun.group()}{after}" if noun else after


_TRAILING_NOUN = re.compile(r"(?<=\s)[a-z][\w-]*$", re.IGNORECASE)


def _aboard(before: str, after: str, unit: str) -> bool:
    """Whether a count is of everyone a plane, ship or bus carried, passengers and crew
    together: "the 188 people on board", "carrying 188 passengers and crew", "a jet carrying
    188 people". Not the dead among them ("killing 187 people on board", "186 people aboard
    were killed"), nor the crew or passengers alone ("six crew on board")."""
    if (unit or "").lower() not in _ABOARD_UNITS:
        return False
    if _CARRYING.search(before) and (unit or "").lower() != "passengers":
        return not _PER_TIME.match(after)  # "the bridge carries 30,000 people a day" is a flow
    return bool(_ABOARD.match(after)) and not _HARMED_JUST_BEFORE.search(before)


_CARRYING = re.compile(
    r"\b(?:carrying|carried)\s+(?:(?:about|around|some|nearly|almost|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
_PER_TIME = re.compile(r"\s*(?:\w+\s+)?(?:a|an|per|each|every)\s+(?:day|week|month|year|hour)\b")


_ABOARD_UNITS = frozenset(("", "people", "persons", "individuals", "passengers"))


_ABOARD = re.compile(
    r"\s*(?:(?:(?:people|persons|individuals)\s+)?(?:on\s?board|aboard)\b"
    r"|passengers\s+and\s+crew\b)(?![^.;,]{0,30}\b(?:killed|died|dead|injured|hurt|perished)\b)",
    re.IGNORECASE,
)
_HARMED_JUST_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing|s)|deaths?\s+of|dead|died|injur(?:ed|ing)|wounding|hurt)\s+"
    r"(?:(?:about|around|nearly|almost|at\s+least|all|some|the)\s+)*$",
    re.IGNORECASE,
)
_AMONG = re.compile(r"\b(?:among|of|aboard|on board)\s+(?:the\s+|its\s+|their\s+|all\s+)?$")
_TOLL_OF = re.compile(r"\b(?:deaths?|killings?|killing)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?$")


_HOLDERS = re.compile(r"(?:['’]s?)?\s+(?:share|stock)?holders\b")


def _holders(context: ArticleContext, sentence_start: int, start: int) -> str:
    """Whose holders a stake is, nearest first: in "Orrin shareholders will own 60% and Vexa
    shareholders 40%", the 40% is Vexa's holders' stake."""
    named = [
        n
        for n in context.names_from(sentence_start, start)
        if n.end <= start and _HOLDERS.match(context.body, n.end)
    ]
    return named[-1].text if named else ""


# The percent right before "premium", or after "a premium of": what a bid pays over a price.
_PREMIUM = re.compile(r"\bpremium\s+of\s+(?:[a-z]+\s+){0,2}% | %\s*(?:-\s*)?premium\b")
# "is 41% above Vexa's share price": an offer's premium, where no verb says a price moved.
_ABOVE_PRICE = re.compile(r"\s*(?:above|over)\s+[^,;.]{0,40}?\b(?:price|close)\b")


# "closed 12% above its IPO price": where a price went, no premium anyone offered.
_PRICE_MOVED = re.compile(r"\b(?:closed|opened|traded|trading|ended|finished|debut\w*|priced)\b")


def _premium(before: str, after: str) -> bool:
    if _PREMIUM.search(before[-30:] + " % " + after[:12]):
        return True
    near = before[-40:].lower()
    return bool(_ABOVE_PRICE.match(after)) and not (
        _CHANGE.search(near) or _PRICE_MOVED.search(near)
    )


# The price a premium is over is an average: "over its 60-day average share price", "to the
# volume-weighted average price".
_OVER_AVERAGE = re.compile(
    r"\s*(?:premium\s+)?(?:to|over|on|above)\b[^,;.]{0,60}?\baverage\b", re.IGNORECASE
)
_PREMIUM_OVER = re.compile(
    r"(?:\s*premium)?[^,;.]{0,30}?\b(?:to|over|on|above)\s+(?:the\s+)?(?=[A-Z])"
)


def _priced(context: ArticleContext, end: int, after_end: int) -> str:
    """Whose share price a premium is paid over: "a 30% premium to Vexa's closing price" is
    Vexa's, whichever company's shares pay it."""
    match = _PREMIUM_OVER.match(context.body, end, after_end)
    if not match:
        return ""
    return next((n.text for n in context.names if n.start == match.end()), "")


_BY_BUYER = re.compile(
    r"\b(?:takeover|acquisition|purchase|buyout|bid|offer|approach)\s+(?:by|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*['’]s\s+)?|\b(?:bought|acquired|taken over)\s+by\s+(?:the\s+)?"
)


def _buyer(context: ArticleContext, sentence_start: int, sentence_end: int) -> str:
    """Who pays in a deal written in the passive: "agreed to a £4.3bn takeover by India's
    Vardhan Group" is Vardhan's deal, as "Vardhan will acquire it for £4.3bn" is."""
    match = _BY_BUYER.search(context.body, sentence_start, sentence_end)
    if not match:
        return ""
    for name in context.names:
        if name.start == match.end():
            return name.text
    return ""


# What a holder gets for each share of the company taken over, and that company's name.
_EXCHANGED_SHARE = re.compile(
    r"\)?(?:\s+(?:of|its|their|own|new|common))*"
    r"(?:\s+(?P<given>[A-Z][\w'’&.-]*\w(?:\s+[A-Z][\w'’&.-]*\w)*))?\s+shares?\s+"
    r"(?:for\s+(?:each|every)|per)\s+(?:(?P<before>[A-Z][\w'’&.-]*\w(?:\s+[A-Z][\w'’&.-]*\w)*)"
    r"\s+share|share\s+of\s+(?P<after>[A-Z][\w'’&.-]*\w(?:\s+[A-Z][\w'’&.-]*\w)*))?"
)


# Measures of something done to someone: their subject line says whom.
_TRANSITIVE = frozenset(("investment", "stake", "deal value"))
# The measures a deal's one amount is loosely read as, sentence by sentence.
DEAL_AMOUNTS = (_TRANSITIVE | _FEE_READINGS | _PRICES_PAID | {"price", "value"}) - {""}
_TARGET = re.compile(
    # A conversion between the figure and its target is skipped: "€15 million, or about $16.2
    # million, into Mistral".
    r"^(?:,\s*or\s+[^,]{1,40},)?"
    r"\s*(?:[a-z]+\s+){0,2}(in|into|to|of|for)\s+(?:the\s+)?"
    r"([A-Z][\w'’&.-]*\w(?:\s+[A-Z][\w'’&.-]*\w)*)"
)


# Who signed a deal named after it: "the $380 million deal Rob Vale signed", "a $360 million
# contract signed by Rob Vale", "the $503 million extension for Rob Vale".
_SIGNED_AFTER = re.compile(
    r"\s*(?:[a-z-]+\s+){0,2}?(?:deal|contract|extension|agreement)\s+"
    r"(?:(?:that|which)\s+)?(?:(?:(?:signed|agreed|inked)\s+by|for)\s+(?:[a-z-]+\s+){0,3}?"
    r"|(?=(?:[A-Za-z-]+\s+){0,4}?[A-Z][\w'’.-]*\s+(?:signed|agreed|inked)\b))"
)
# A deal made with someone: "a $90 million deal with pitcher Rob Vale", "a contract with Rob
# Vale". Group 1: the words between "with" and the name ("pitcher", "the").
_DEAL_WITH = re.compile(
    r"\s*(?:[a-z-]+\s+){0,2}?(?:deal|contract|extension|agreement)\s+with\s+((?:[a-z-]+\s+){0,3}?)(?=[A-Z])"
)
# Whose deal a figure after a name and its possessive pronoun is: "Ana Ruiz and her $90
# million contract".
_AND_THEIR = re.compile(r"\s+and\s+(?:his|her|their)\s+[^.;,]{0,30}$")


def _signer(
    context: ArticleContext, clause_start: int, start: int, end: int, after_end: int
) -> str:
    """A person whose deal the figure prices, named next to it (see _SIGNED_AFTER and
    _AND_THEIR); "" when the sentence names none."""
    body = context.body
    match = _SIGNED_AFTER.match(body, end, after_end)
    names = [n for n in context.names if _person_like(n.text)]
    if match:
        signed = [n for n in names if match.end() <= n.start < after_end]
        if signed and re.match(r"[\w\s'’.-]*$", body[match.end() : signed[0].start]):
            return signed[0].text
    with_ = _DEAL_WITH.match(body, end, after_end)
    if with_:
        # "The Comets agreed to a $90m deal with pitcher Rob Vale": the player the club made
        # it with, named by their role or known as a person ("Vale" later), not a club ("with
        # the Comets").
        player = next((n for n in names if n.start == with_.end()), None)
        if player and (
            _PLAYER_ROLE.search(with_.group(1))
            or (not with_.group(1) and _surnamed(context, player))
        ):
            return player.text
    before = [n for n in names if clause_start <= n.start and n.end <= start]
    if before:
        name = before[-1]
        if _AND_THEIR.fullmatch(body, name.end, start):
            return name.text
        # "Ana Ruiz's $510 million deal": the possessive right before the figure.
        owner = body[name.start : start].rstrip()
        if owner.endswith(("'s", "’s")) and owner.count(" ") <= 3:
            return name.text
    # "Harbour quarterback Ana Ruiz signed a $210m extension", "the Comets signed free agent
    # Ana Ruiz to a $90m deal": a player named by their role is who the deal is for, however
    # the sentence orders the player and the club.
    for name in reversed(before):
        bought = re.match(r"\s+for\b", body[name.end : start])  # a fee to sign them: the club's
        if _PLAYER_ROLE.search(body, max(0, name.start - 20), name.start) and not bought:
            return name.text
    return ""


# A player's role right before their name: "quarterback Ana Ruiz", "free agent Rob Vale".
_PLAYER_ROLE = re.compile(
    r"\b(?:quarterback|outfielder|infielder|pitcher|shortstop|catcher|slugger|forward|guard"
    r"|striker|midfielder|defender|goalkeeper|winger|linebacker|receiver|agent|player|star)\s+$"
)


def _target(after: str, entity: str) -> str:
    """ "in OpenAI" from "$13 billion investment in OpenAI"; "" when no name follows."""
    match = _TARGET.match(after)
    if not match or match.group(2) == entity or _calendar_word(match.group(2)):
        return ""  # "in March 2030" says when, not whom
    return f"{'in' if match.group(1) == 'into' else match.group(1)} {_strip_possessive(match.group(2))}"


def _calendar_word(name: str) -> bool:
    first = name.split()[0].lower().rstrip(".")
    return first in MONTH_NAMES or first in WEEKDAY_NAMES


def _investor(
    context: ArticleContext,
    entity: str,
    measure: str,
    after: str,
    sentence_start: int,
    clause_start: int,
    figure: tuple[int, int],
) -> str:
    """Who put the money in when the entity is written as what it went into ("invested €2bn
    ($2.2bn) into Quillfire"): whom the clause's "the company" or "it" stands for."""
    if measure not in _TRANSITIVE or not entity:
        return ""
    into = r"^\)?(?:\s*\([^)]{1,40}\)|,\s*or\s+[^,]{1,40},)?\s*(?:[a-z]+\s+){0,2}(?:in|into|to)\s+"
    if not re.match(into + r"(?:the\s+)?" + re.escape(entity) + r"\b", after):
        return ""
    if context.names_from(clause_start, figure[0]):
        return ""  # the clause names the investor itself
    investor = _referent(
        context, context.salient, sentence_start, clause_start, figure, clause_start
    )
    if not investor or context.key(investor) == context.key(entity):
        return ""
    return context.full_name(investor)


# "sees Corvane invest roughly $16 million", "Corvane will put €15m": the verb's own subject.
_INVESTS = re.compile(
    r"\s+(?:(?:will|would|to|has|have|had|also|plans\s+to|agreed\s+to)\s+){0,2}"
    r"(?:invest|invests|invested|investing|put|puts|putting|commit|commits|committed|pour|pours"
    r"|poured)\s+(?:[a-z]+\s+){0,2}"
)


def _invested_by(context: ArticleContext, sentence_start: int, start: int) -> str:
    """The name written right before the verb that invests the figure, in full; else ""."""
    named = context.names_from(sentence_start, start)
    if named and _INVESTS.fullmatch(context.body, named[-1].end, start):
        return context.full_name(named[-1].text)
    return ""


# "Lumo Bridge collapsed on", "Corvane was founded in", "Pelion went public in": a verb in the
# past, a few words at most, then the date.
_PAST_BEFORE_DATE = re.compile(
    r"(?:['’]s)?\s+(?:(?:was|were|had|has|have|first|finally|also)\s+)*"
    r"(?:[a-z]+ed|went|began|broke|took|made|came|struck|sank|hit|fell|rose|won|lost|held)"
    r"(?:\s+[a-z]+){0,2}\s+(?:on|in|at|by|early|late|last|since)?\s*"
)


def _dated_subject(context: ArticleContext, sentence_start: int, start: int) -> str:
    """The name a date's own verb has as subject, written right before it ("after Lumo
    Bridge collapsed on Tuesday" dates the bridge's collapse, whoever the sentence is about),
    in full; else ""."""
    named = context.names_from(sentence_start, start)
    if not named:
        return ""
    last = named[-1]
    if not (_PAST_BEFORE_DATE.fullmatch(context.body, last.end, start) and context.may_own(last)):
        return ""
    return context.full_name(last.text)


# "The 23-year-old striker", "to the 23-year-old": an age written as its own noun phrase,
# whose holder the text has named before. A company, group or bridge said to be so old is
# read as usual ("Ashcombe, the 140-year-old engineering group").
_DEFINITE_AGE = re.compile(r"\bthe\s*$", re.IGNORECASE)
_AGED_THINGS = words(
    """company group firm business bank club team party brand building bridge house church
    tower hall school hospital tradition institution chain store shop maker"""
)


def _aged(context: ArticleContext, sentence_start: int, figure: tuple[int, int], end: int) -> str:
    """Whose age "the 22-year-old" is: the person the text named last before it, a name
    readers know as a person because the text later calls them by their surname alone."""
    body = context.body
    start, stop = figure
    if not _DEFINITE_AGE.search(body[max(0, start - 6) : start]):
        return ""
    following = {w.lower().strip(",.;") for w in body[stop:end].split()[:4]}
    if following & (_AGED_THINGS | _STAND_IN_NOUNS | _CORPORATE | _ORGANISATION_WORDS):
        return ""
    if any(n.start == stop + 1 and _surnamed(context, n) for n in context.names):
        return ""  # "the 52-year-old Jane Doe": the entity already says whose age
    earlier = [
        n
        for n in context.names
        if max(0, sentence_start - 600) <= n.start < start and _surnamed(context, n)
    ]
    return context.full_name(earlier[-1].text) if earlier else ""


def _surnamed(context: ArticleContext, name: Name) -> bool:
    """Whether a name is a person's the text goes on to call by the surname alone ("Mateo
    Ibarra" ... "Ibarra has scored"): how news writes people, not clubs or companies."""
    parts = name.text.split()
    if len(parts) not in (2, 3) or not _person_like(name.text):
        return False
    surname = _strip_possessive(parts[-1])
    return any(_strip_possessive(n.text) == surname for n in context.names)


# "Duarte, who has won 19 caps", "Kell, a former nurse who has led the party", "a Skyway 4
# rocket, which can lift": the relative clause a figure sits in, and the name it says more about.
_WHO = re.compile(r"(?:,|\s[—–]|\s--)(?:\s+(?:a|an|the)\s[^,;()]{1,60}?)?\s+(?:who|which)\s")
# The common nouns a name may have before "which": "the Skyway 4 rocket, which".
_NAMED_THING = re.compile(r"(?:\s+[a-z][\w-]*){0,2}")


def _relative_subject(context: ArticleContext, sentence_start: int, start: int) -> str:
    """Whom a figure inside "NAME, who ..." or "NAME, which ..." is about: the name the
    clause hangs on, where the clause is still open at the figure (no comma between): "Kell,
    who joined Trevanion in 2001" dates Kell's joining, not Trevanion; "the Skyway 4 rocket,
    which can lift 3 tonnes" is the rocket's."""
    body = context.body
    found = None
    for match in _WHO.finditer(body, sentence_start, start):
        found = match
    # A comma between digits ("killed 3,000 people") closes no clause.
    if not found or re.search(r"[;()]|(?<!\d),|,(?!\d)", body[found.end() : start]):
        return ""
    which = found.group().rstrip().endswith("which")
    # A name ending after the pronoun's start is no antecedent (between it and the pronoun
    # is nothing).
    for name in context.names_from(0, found.start()):
        between = body[name.end : found.start()]
        if (
            name.end == found.start()
            or between in ("'s", "’s")
            or (which and name.end < found.start() and _NAMED_THING.fullmatch(between))
        ):
            return context.full_name(name.text)
    return ""


# "the 64K tokens offered by Pelion 3": the figure's own noun phrase says whose it is.
_DONE_BY = re.compile(
    r"\s*(?:[a-z-]+\s+){0,3}?(?:offered|provided|supplied|charged|posted|reported|held|owned"
    r"|earned|raised|spent|paid|claimed|achieved|recorded|operated|run)\s+by\s+(?:the\s+)?$"
)


def _done_by(context: ArticleContext, end: int, after_end: int) -> str:
    """Whose figure it is when a participle and "by" follow it: "the 64K tokens offered by
    Pelion 3" is Pelion 3's, whatever the clause opened with."""
    for name in context.names_from(end + 1, after_end):
        if _DONE_BY.fullmatch(context.body, end, name.start):
            return context.full_name(name.text)
    return ""


# "agreed to sign Ana Duarte for a reported €40m": whom the fee buys.
_BUYING = re.compile(
    r"\b(?:sign|signs|signed|signing|buy|buys|bought|buying|acquire|acquires|acquired"
    r"|acquiring|purchase|purchased|sell|sells|sold|selling)\b",
    re.IGNORECASE,
)
# "for €40m", "for a fee of", "for a club-record fee of": the words of the price before it.
_FOR_FIGURE = re.compile(r"^\s+for\s+(?:[a-z-]+\s+){0,5}$")
_FROM_SELLER = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,2}$")
# The seller between whom is bought and the price: "Ana Duarte from Ostfeld for €40m".
_SOLD_FROM = re.compile(r"^\s+from\s+[^,;()]{1,60}?(?=\s+for\s)")
# "15 million euros, or about $16.2 million,", "€40m ($43m)": the amount again, converted.
_RESTATED_AFTER = re.compile(
    r"\s*(?:\(|,?\s+or\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?)[$€£]?\d[\d.,]*"
    r"\s*(?:[mb]n?|million|billion|trillion)?(?:\s+(?:euros|pounds|dollars))?\)?"
)
_CONVERTED_FROM = re.compile(
    r"\s*[$€£]?\d[\d.,]*\s*(?:[mb]n?|million|billion)?(?:\s+(?:euros|pounds|dollars))?"
    r"\s*(?:\(|,?\s+or\s+(?:about\s+|around\s+|roughly\s+)?)$"
)


def _bought(context: ArticleContext, clause_start: int, start: int) -> str:
    """What or whom a deal's price is paid for, named right before "for" and the figure
    after a verb of buying or signing: "sign Ana Duarte for €40m" is Duarte's fee."""
    body = context.body
    verb = _BUYING.search(body, clause_start, start)
    if not verb:
        return ""
    for name in reversed(context.names_from(verb.end(), start)):
        if name.end <= start:
            if _FROM_SELLER.search(body, verb.end(), name.start):
                continue  # "sign Ana Duarte from Ostfeld for €40m": Ostfeld sells
            gap = _SOLD_FROM.sub("", body[name.end : start], count=1)
            gap = _CONVERTED_FROM.sub(" ", gap, count=1)  # "for €62m (£53m)": the same fee
            return name.text if _FOR_FIGURE.match(gap) else ""
    return ""


def _clause_start(body: str, sentence_start: int, start: int) -> int:
    segment = body[sentence_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(segment))
    # "Hallam's shares, which trade in New York, rose 3.2%": the relative clause closed
    # before the figure, which belongs to the clause the relative one interrupted.
    while breaks and _RELATIVE_BREAK.match(segment, breaks[-1].start()):
        if "," not in segment[breaks[-1].end() :]:
            break
        breaks.pop()
    # "Ines Varga (伊涅) of the Civic Bloc (CB) received 1.2 million": a bracket closed before
    # the figure was an aside to a word (a name in its own script, an acronym) inside the
    # clause; not a figure's own bracket ("$34 (€31)") nor a dateline's ("May 3 (AP)").
    while breaks and segment[breaks[-1].start()] == ")":
        opening = [i for i, b in enumerate(breaks) if segment[b.start()] == "("]
        if not opening:
            break
        aside = breaks[opening[-1]].start()
        if not _ASIDE_TO_A_WORD.search(segment[max(0, aside - 3) : aside]) or any(
            c.isdigit() for c in segment[aside : breaks[-1].start()]
        ):
            break
        del breaks[opening[-1] :]
    opened = sentence_start + (breaks[-1].end() if breaks else 0)
    # "Ostria announced a cut of 9,000 bpd and Kandor said it would cut 50,000": after a
    # figure, "and" with a name and its own verb opens a clause of its own.
    joined = [
        m.start()
        for m in _AND_CLAUSE.finditer(body, opened, start)
        if re.search(r"\d", body[opened : m.start()])
    ]
    return joined[-1] if joined else opened


_AND_CLAUSE = re.compile(
    r"\band\s+(?=(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+(?:said|says|announced"
    r"|added|reported|will|would|plans|planned|expects|expected"
    # "Brell had 30% and Varga had 24%": each result in a list has its own subject.
    r"|had|has|won|took|received|got|secured|garnered|captured|obtained)\b)"
)
_ASIDE_TO_A_WORD = re.compile(r"[^\W\d]\s?$")
_RELATIVE_BREAK = re.compile(r",\s(?:which|who)\b")


def _previous_sentence(body: str, sentence_start: int) -> str:
    """The sentence before the one starting at `sentence_start` (roughly: from the last full
    stop before it)."""
    head = body[max(0, sentence_start - 400) : sentence_start].rstrip()
    found = list(re.finditer(r"[.!?][\"'”’)]*\s+(?=[A-Z])", head[:-1]))
    return head[found[-1].end() :] if found else head


def _previous_subject(
    context: ArticleContext, sentence_start: int, *, fronted: bool = False
) -> str:
    """The name the previous sentence opens with ("The Green Alliance won 48 seats"), when
    it is no person, source or place; else "". `fronted`: after a phrase set off by a comma
    and a description of what the name is too ("In 2016, the payments company Lister")."""
    body = context.body
    # A headline above has no full stop: the previous sentence starts after a line break.
    previous = _previous_sentence(body, sentence_start).strip().split("\n")[-1].strip()
    begin = body.rfind(previous, 0, sentence_start) if previous else -1
    if begin < 0:
        return ""
    opening_names = context.names_from(begin, begin + (80 if fronted else 40))
    if not opening_names:
        return ""
    name = opening_names[0]
    lead = body[begin : name.start]
    if fronted:
        described = _DESCRIBED_LEAD.fullmatch(lead)
        if described and described.group("kind") in _STAND_INS:
            lead = ""  # "In 2016, the payments company Lister"
        else:
            lead = _FRONTED_PHRASE.sub("", lead)  # "In 2016, Lister"
    opening = not re.sub(r"^\s*(?:the\s+)?", "", lead, flags=re.I)
    usable = not (
        _is_person(body, name)
        or _is_source(body, name)
        or context.key(name.text) in context.speakers
    )
    return name.text if opening and usable else ""


# A clause whose subject is "it", after a phrase set off by a comma ("Last month, it ...").
_IT_OPENS = re.compile(r"\s*(?:[A-Z][\w ]{0,30},\s+)?it\s")
# "In 2016, the payments company Lister": a fronted phrase, then what the name is.
_FRONTED_PHRASE = re.compile(r"^\s*[A-Z][\w ]{0,30},\s*")
_DESCRIBED_LEAD = re.compile(
    r"\s*(?:[A-Z][\w ]{0,30},\s*)?(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,2}(?P<kind>[a-z]+)\s+"
)
# "29 deaths in the county, including a man found on Harbor Road": what follows names a part.
_INCLUDING = re.compile(r",?\s+(?:including|among them|of whom|of which)\b")
# "the deadliest wildfire since the 2015 Harlow Fire in Oregon": the earlier disaster a
# record is counted from, with its own place.
_RECORD_SINCE = re.compile(r"\bsince\s+the\s+(?:(?:19|20)\d\d\s+)?[A-Z]")


def _before_part(body: str, end: int, after_end: int) -> int:
    """Where the figure's clause ends before a part of what it counts is named ("29 deaths,
    including 3 on Harbor Road") or an earlier disaster it is measured against ("since the
    2015 Harlow Fire in Oregon"): a place there is the part's or that one's, not the
    figure's."""
    cuts = (_INCLUDING.search(body, end, after_end), _RECORD_SINCE.search(body, end, after_end))
    return min((match.start() for match in cuts if match), default=after_end)


# Pay said before or after tax: two amounts of one wage, each outlet giving one ("€9m a year
# before tax", "will net him €5m a year"). An amount that says neither may be either.
TAX_BASES = ("before tax", "after tax")
_PAY_PERIODS = frozenset(("per day", "per week", "per month", "per year"))
# "a four-year deal", "5-year contract": a length describing the noun after it.
_LENGTH_OF_NOUN = re.compile(r"-\s*(?:years?|months?|weeks?|days?)$", re.IGNORECASE)
_BEFORE_TAX = re.compile(r"\b(?:before tax(?:es)?|pre-?tax|gross)\b")
_AFTER_TAX = re.compile(
    r"\b(?:after tax(?:es)?|net of tax(?:es)?|take-home|net\s+(?:salary|wages?|pay)"
    r"|net(?:s|ted|ting)?\s+(?:him|her|them)|(?:will|would|could|should|may|might|to)\s+(?:\w+ly\s+)?net"
    r"|in (?:his|her|their) pocket)\b"
)


def _with_tax_basis(scope: str, before: str, after: str) -> str:
    """A pay rate with the tax basis the words around it give ("per year before tax")."""
    if _BEFORE_TAX.search(before) or _BEFORE_TAX.search(after):
        return f"{scope} before tax"
    if _AFTER_TAX.search(before) or _AFTER_TAX.search(after):
        return f"{scope} after tax"
    return scope


def tax_basis(scope: str) -> tuple[str, str]:
    """A scope split into the rest and its tax basis ("per year", "after tax")."""
    for basis in TAX_BASES:
        if scope.endswith(f" {basis}"):
            return scope[: -len(basis) - 1], basis
    return scope, ""


# "€40m (£35m) a year": a bracket restating the amount, or the one closing around the
# restatement itself, does not end what the words after it say of both amounts.
_RESTATED_IN = r"\(\s*(?:then\s+|about\s+|around\s+|roughly\s+|or\s+)?"
_RESTATEMENT_BRACKET = re.compile(rf"\s*{_RESTATED_IN}(?:[A-Z]{{3}}\s?)?[$€£¥]?\d[^()]{{0,30}}\)")
_RESTATEMENT_OPENS = re.compile(rf"{_RESTATED_IN}$")


def _past_restatement(body: str, start: int, end: int, after: str, sentence_end: int) -> str:
    """The clause after a figure, read past a bracketed conversion of it."""
    bracket = _RESTATEMENT_BRACKET.match(body, end, sentence_end)
    if bracket:
        resume = bracket.end()
    elif body.startswith(")", end) and _RESTATEMENT_OPENS.search(body, max(0, start - 12), start):
        resume = end + 1  # the restatement itself: "(£35m) a year"
    else:
        return after
    return " " + body[resume : _clause_end(body, resume, sentence_end)]


def _clause_end(body: str, end: int, sentence_end: int) -> int:
    match = _CLAUSE_BREAK.search(body, end, sentence_end)
    return match.start() if match else sentence_end


# A team or country before a player's role describes the player named next: "England
# midfielder Ana Duarte", "Ostfeld ace Ana Duarte".
_DESCRIBES_NEXT = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+-)?(?:midfielder|striker|forward|defender|goalkeeper|keeper|winger"
    r"|full-back|centre-back|playmaker|ace|star|captain|international|wonderkid|teenager"
    r"|prodigy|skipper|coach|manager|boss)\s+(?=(?-i:[A-Z][a-z]))",
    re.IGNORECASE,
)


_RATE_COMMITTEES = frozenset(
    (
        "mpc",
        "monetary policy committee",
        "fomc",
        "federal open market committee",
        "governing council",
        "policy board",
        "monetary policy board",
        "monetary policy council",
    )
)
# A bank's name ends with its head word or goes on with its place: "Bank Rate" is no bank.
_CENTRAL_BANK = re.compile(r"\b(?:Bank|Reserve|Fed)(?:\s+of\b.*)?$")


# "Reyes's adaptation took $64 million": whose film, show or album it is names its maker; the
# takings are the work's.
_WORK_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z]+\s+)?(?:adaptation|film|movie|sequel|prequel|remake|reboot"
    r"|biopic|blockbuster|picture|album|musical)s?\b"
)


def _makes_the_work(body: str, name: Name) -> bool:
    possessive = (
        "'" in body[name.end - 2 : name.end + 1] or "’" in body[name.end - 2 : name.end + 1]
    )
    if possessive and _WORK_AFTER.match(body, name.end):
        return True
    # "an adaptation of Orrin Toys' doll": whose work the film adapts is not the film either.
    return bool(_ADAPTS.search(body, max(0, name.start - 30), name.start))


_ADAPTS = re.compile(r"\b(?:adaptation|remake|reboot|version|retelling)\s+of\s+(?:the\s+)?$")


# "The thriller, starring Ana Ruiz and Tom Vale, took $40 million": the cast or crew a film
# or show is credited with describe it; the figure is the film's.
_CREDITED = re.compile(
    r"\b(?:starring|co-starring|featuring|(?:which|that)\s+(?:co-)?stars"
    r"|(?:played|directed|voiced|produced|written)\s+by)"
    r"\s+(?:[A-Z][\w.'’-]*(?:\s+|,\s+|\s+and\s+))*$"
)


def _entity(
    context: ArticleContext,
    sentence_start: int,
    clause_start: int,
    start: int,
    end: int,
    after_end: int,
) -> str:
    body = context.body
    names = [n for n in context.names_from(sentence_start, after_end) if context.may_own(n)]
    # "Jane Moss, of the Rail Institute, says the closure will cost $5m": the figure's clause
    # is what is said; the speaker and her affiliation are no part of it.
    # An organisation saying its own figure ("The CAA says its order ...") stays its entity.
    for said in _SPEECH.finditer(body, clause_start, start):
        if any(
            context.key(n.text) in context.speakers
            for n in context.names_from(clause_start, said.start())
        ):
            clause_start = said.end()
    before = [n for n in names if clause_start <= n.start and n.end <= start]
    # "the Harbour Party won 301, the Crown Party 140, the Greens nine": in a results list the name
    # heading the item is the figure's entity, whoever the sentence opened with.
    item = _list_item_name(body, names, start)
    if item:
        return item
    # "The Tribune, on the other hand, shows the Greens won 31%": who shows or projects the
    # figure is its source; the name after the verb is what the figure is about.
    before = [
        n
        for n in before
        if not (_SHOWS.match(body, n.end, start) and any(m.start > n.end for m in before))
    ]
    # A possessive right before the figure's noun phrase: "Pellow's shares closed at $50".
    if before:
        last = before[-1]
        tail = body[last.end : last.end + 2]
        if tail in ("'s", "’s") and start - last.end < 40:
            return last.text
        # "Corvel's figure of 120,000", "Corvel's monthly report showed employers added
        # 75,000 jobs": the firm whose figure or report gives the number gave it, whoever
        # the article is about ("Halden, whose brands include Corrie's crisps, had" is not).
        possessive = _OWNER_S.match(body, last.end - 2)
        if possessive and (
            _FIGURE_OF.fullmatch(body, possessive.end(), start)
            or _REPORT_SHOWED.match(body, possessive.end(), start)
        ):
            return last.text
    # "Shares in Corvane dropped 4%": whose shares the clause opens with, not a place; not
    # "Advance owns 42 million shares of Corvane, worth $2bn", whose holder is the subject.
    if before and _SHARES_IN.fullmatch(body, clause_start, before[0].start):
        return before[0].text
    # "against the Crown Government – who now hold 97 seats", "the Harbour Party, which went
    # in with four seats": a relative clause goes on about the group it follows, wherever
    # that name stands in the sentence; a place's
    # ("weakness in Mexico, which accounts for 30% of sales") only places the figure.
    relative = [n for n in names if n.end <= start and _GOES_ON_ABOUT.match(body, n.end, start)]
    if (
        relative
        and not _placed_at(body, relative[-1])
        and not any(relative[-1].end < n.start for n in names if n.end <= start)
    ):
        return relative[-1].text
    # "a 12 point decline in Crown support", "a 5% rise in Acme sales": the name
    # describing the measure right after the figure owns it.
    owner = _OWNED_AFTER.match(body, end)
    if owner:
        owned = [n for n in names if n.start == owner.end()]
        following = (
            re.match(r"\s+([a-z]+)\b", body[owned[0].end : owned[0].end + 24]) if owned else None
        )
        if following and following.group(1) in _OWNED_NOUNS:
            return owned[0].text
    clause = body[clause_start:start].lower().split()
    opener = [w.strip(",.") for w in clause[:2]]
    # "the county's seven shelters", "the bank kept": the name the article gives that thing.
    standing = _STAND_IN.search(body, clause_start, start)
    if not standing and not before:
        # "14 of the district's 38 campuses", "1,930 residents were staying in the county's
        # shelters": a clause naming nothing before its figure counts what the stand-in owns.
        standing = _OWNER_AFTER.match(body, end, after_end)
    if standing:
        named = context.named_as(standing.group(1), standing.start())
        if named:
            return named
        if (
            not body[clause_start : standing.start()].strip()
            and standing.group(1).lower() not in _STAND_INS
        ):
            # "The Green Alliance won 48 seats. The party took 31.4% of the vote": a clause
            # opening with "the party" goes on about the previous sentence's subject.
            named = _previous_subject(context, sentence_start)
            if named:
                return named
    lead = _APPOSITIVE.match(body, clause_start, start)
    if lead:
        named = [n for n in before if n.start == lead.end()]
        if named:
            return named[0].text  # "Its American rival, Westmere, reported ..."
    if _IT_OPENS.match(body, clause_start, start):
        # "In 2016, the payments company Lister lost card numbers. Last month, it agreed to a
        # $300 million settlement": "it" is the company the sentence before was about.
        named = _previous_subject(context, sentence_start, fronted=True)
        if named:
            return named
    if opener and (
        opener[0] in _PRONOUNS
        or (opener[0] in ("the", "this") and opener[1:] and opener[1] in _STAND_INS)
        or _WORTH_OF_A_COMPANY.fullmatch(body, clause_start, start)
    ):
        return context.salient_thing or (before[0].text if before else "")
    # The name the clause opens with is its subject ("Its rival, Westbrook, reported revenue
    # of $2bn"); a name after a preposition only places the figure ("in Germany"), and one
    # describing a stand-in ("the Sheffield engineering group") stands for the main entity.
    if before and not _PREPOSITION.search(body[clause_start : before[0].start]):
        if _DESCRIBES.match(body, before[0].end):
            return context.salient or before[0].text
        # "Veloria and other League members cut ...": the member stands with its group, whose
        # figure the clause gives.
        others = _AND_OTHERS.match(body, before[0].end)
        group = [n for n in before if others and n.start == others.end()]
        return group[0].text if group else before[0].text
    # "With 38 seats, the Crown Party has ...": a figure in a phrase opening the sentence
    # belongs to the subject of the clause after the comma.
    if not before and _FRONTED.fullmatch(body, clause_start, start):
        comma = body.find(",", end, after_end)
        following = [n for n in names if comma != -1 and comma < n.start <= comma + 8]
        if following:
            return following[0].text
    # "U.S. employers added 12,000 jobs", "the unemployment rate held at 4.1%": a figure of
    # the whole economy is no company's, whichever company the article is mostly about.
    if _of_the_economy(body, clause_start, start, end, after_end):
        return ""
    # Only a name the article is about is trusted as the entity; a place, a person quoted or
    # a headline's capitalised words stand for the article's main entity.
    # A name written as where something happens ("a debut in New York", "pricing on Azure",
    # "a plant in Kumamoto") places the figure; it is not what the figure is about.
    # "The Trucking Association revealed that 4,900 trucks cross daily": who reports what the
    # clause says is its source, not what it is about.
    main = [
        n
        for n in before
        if context.key(n.text) in context.story_names[:MAIN_NAMES]
        and not _placed_at(body, n)
        and not _REPORTS_THAT.match(body, n.end, start)
    ]
    if main:
        return main[0].text
    if _OWN_SUBJECT_CONTRAST.match(body, clause_start, start):
        # "Northsea crude rose $7 to $91, while U.S. crude climbed $3 to $71": the clause names its
        # own subject, though no name the article is about.
        return ""
    earlier = [
        n
        for n in names
        if n.end <= start
        and context.key(n.text) in context.story_names[:MAIN_NAMES]
        and not _placed_at(body, n)
        and not _REPORTS_THAT.match(body, n.end, start)
    ]
    if earlier:
        return earlier[0].text
    return context.salient_thing


# A contrasting clause opening with a subject of its own the article's names do not hold
# ("while U.S. crude climbed", "whereas Velorian bonds fell"): not the previous clause's.
# "A firm valued at $4 billion fell to one phone call": a company described only by its worth
# is the one the story is about, not the name the sentence gave before.
_WORTH_OF_A_COMPANY = re.compile(
    r"\W*[Aa]n?\s+(?:company|firm|business|group|corporation)\s+(?:valued\s+at|worth)\s+"
)
_OWN_SUBJECT_CONTRAST = re.compile(
    r"\s*(?:[Ww]hile|[Ww]hereas)\s+(?!(?:It|Its|They|Their|He|His|She|Her|This|That)\b)"
    r"[A-Z][\w.'’-]*\s+[\w.'’-]+"
)
_OWNER_S = re.compile(r"['’]s\b")
_FIGURE_OF = re.compile(
    r"\s+(?:[a-z-]+\s+){1,3}of\s+(?:(?:about|around|some|nearly|almost|roughly|just)\s+)?"
)
_REPORT_SHOWED = re.compile(
    r"\s+(?:(?:latest|new|own|weekly|monthly|quarterly|annual)\s+)*"
    r"(?:report|survey|data|figures|estimates?|count|tally)\s+(?:showed|shows|found|finds)\b"
)
_SHARES_IN = re.compile(r"\s*(?:[Tt]he\s+)?(?:[Ss]hares|[Ss]tock)\s+(?:in|of)\s+(?:the\s+)?")
# "North of the border the Greens won six seats": a direction from somewhere, no name.
_DIRECTION_OF = re.compile(r"(?:North|South|East|West)(?:ern)?\s+of\b")
_GOES_ON_ABOUT = re.compile(r"\s*[,–—-]?\s*(?:who|which)\b")
_FRONTED = re.compile(r"\s*(?:[Ww]ith|[Aa]t|[Oo]n)\s+(?:(?:just|only|some|about|nearly)\s+)?")


def _of_the_economy(body: str, clause_start: int, start: int, end: int, after_end: int) -> bool:
    """Whether the figure's clause counts a whole economy: its jobs, payrolls, jobless rate."""
    return bool(
        _ECONOMY_SUBJECT.search(body, clause_start, start)
        or _ECONOMY_AFTER.match(body, end, after_end)
    )


# A country's name as an economy's owner; not "The economy", "the global economy".
_COUNTRY = (
    r"(U\.S\.|U\.K\.|(?!(?:The|A|An|Its|Their|This|That|Global|World|Overall|Local|National"
    r"|Domestic)\b)[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})"
)
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# "the 3 million bpd in curbs already agreed", "a 3 million bpd trim made last March", "an
# earlier pledge to cut output by ...": a producers' story recalls the cut in force beside
# the new one, and the two are facts of their own, whose values differ without dispute.
EARLIER_CUT = "earlier cut"
_EARLIER_CUT_BEFORE = re.compile(
    r"\b(?:already\s+(?:agreed|in\s+place|announced)|earlier\s+(?:decision|agreement|deal|pledge)"
    rf"|previous|existing|last\s+{_MONTH_NAMES})\b",
    re.IGNORECASE,
)
# After the figure, up to the next number: "cuts now total 4.2 million bpd, counting a 3
# million bpd trim made last March" dates the second figure only.
_EARLIER_CUT_AFTER = re.compile(
    rf"[^\d]*?\b(?:already\s+(?:agreed|in\s+place)|put\s+in\s+place|last\s+{_MONTH_NAMES})\b",
    re.IGNORECASE,
)


def _earlier_cut(sentence_before: str, after: str) -> bool:
    # Words before an earlier figure of the sentence, and those closing its clause, are that
    # figure's.
    parts = re.split(r"\d", sentence_before)
    own_before = parts[-1]
    if len(parts) > 1:
        own_before = re.split(r"[,;]|\b(?:and|while|but)\b", own_before, maxsplit=1)[-1]
    return bool(_EARLIER_CUT_BEFORE.search(own_before) or _EARLIER_CUT_AFTER.match(after))


_ECONOMY_OWNER = re.compile(
    rf"{_COUNTRY}(?:['’]s)?\s+economy\b"
    rf"|\beconomy\s+of\s+(?:the\s+)?{_COUNTRY}"
    rf"|\b[Ee]mployers\s+in\s+(?:the\s+)?{_COUNTRY}"
    # "Valdonia added 135,000 jobs in May": a month's count of jobs is a country's.
    rf"|{_COUNTRY}\s+(?:added|adds|lost|loses|shed|sheds)\s+[\d,.]+\s*(?:[Kk]|million"
    rf"|thousand)?\s+(?:jobs|workers)\s+in\s+{_MONTH_NAMES}"
    # "the U.S. Bureau of Labor Statistics": the country's own labour statistics.
    rf"|{_COUNTRY}\s+(?:Bureau|Department)\s+of\s+Labou?r\b"
)
# Measures a story of a whole economy counts, and who reports or forecasts them there.
_ECONOMY_MEASURES = frozenset(("jobs", "unemployment rate", "participation rate", "inflation"))
_ECONOMY_REPORTER = re.compile(
    r"\b(?:Department|Bureau|Office|Ministry|Agency|Statistics|Economists|Analysts)\b"
)
# One country, one way of writing it, so outlets' lines read the same.
_COUNTRY_FORMS = {
    "U.S.": "US",
    "United States": "US",
    "America": "US",
    "U.K.": "UK",
    "United Kingdom": "UK",
    "Britain": "UK",
}
# The subject of a figure of a whole economy: its employers, payrolls, hiring, jobless rate.
_ECONOMY_SUBJECT = re.compile(
    r"\b(?:[Ee]mployers|[Ee]conom(?:y|ies)|(?:[Nn]on-?farm\s+)?[Pp]ayrolls|[Ll]abou?r\s+market"
    r"|[Jj]ob\s+(?:market|growth|gains?|creation)|[Hh]iring|[Uu]nemployment|[Jj]obless)\b"
)
_ECONOMY_AFTER = re.compile(
    r"\s*(?:jobs?\s+)?(?:in|from|to)\s+(?:the\s+)?(?:household\s+employment|payrolls"
    r"|the\s+economy)\b"
)


def _placed_at(body: str, name: Name) -> bool:
    """Whether the text writes a name as a place here: "in New York", "on Azure", "on
    Microsoft's Azure" (Azure is the place; Microsoft owns it)."""
    if body.startswith(("'s", "’s"), name.end):
        return False
    return bool(_PLACED_AT.search(body[max(0, name.start - 12) : name.start])) or bool(
        _PLACE_OWNED.search(body[max(0, name.start - 60) : name.start])
    )


_PLACED_AT = re.compile(
    r"\b(?:in|across|on|throughout|above|over|below|near|off|outside|around)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_OWNED = re.compile(
    r"\b(?:in|across|on|throughout)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s\s+$"
)


_OWNED_AFTER = re.compile(r"[ -](?:[a-z]+\s+){0,2}?in\s+(?:the\s+)?")
# Nouns of a measure a name before them owns: "in Crown support", "in Acme sales".
_OWNED_NOUNS = _MEASURE_WORDS | words("support vote votes share backing")


# Common nouns a text uses for something it has named: "the bank" for "Bank of Seravia".
_STAND_IN_NOUNS = words(
    """bank group company county city district island state province country region town
    village port club party council government ministry agency authority commission board
    fund union university hospital airport airline team"""
)
# A port or an airport not named otherwise is the place's: "the port" in a story about Tarvik.
_PLACE_NOUNS = words(
    "county city district island state province country region town village port airport harbour"
)


def _referent(
    context: ArticleContext,
    entity: str,
    sentence_start: int,
    clause_start: int,
    figure: tuple[int, int],
    after_end: int,
) -> str:
    """Whom the line names, as a reader resolves it: the product a name owns ("OpenAI's GPT-4
    LLM is 32K"), the named thing "the bridge" stands for, the story's name that opens the
    sentence (or an earlier one) where "it" or "the company" opens the clause ("Microsoft has
    made announcements. It will invest ..."), or the name a clause with no name before its
    figure is about ("18,000 vehicles crossed Harlow Bridge"). Only the line: grouping keeps the
    main entity, which outlets share, until the grouping tells apart whom a figure is in."""
    body = context.body
    start, _ = figure
    owned = _owned(context, entity, clause_start, start) or _described(
        context, entity, clause_start, start
    )
    if owned:
        return owned
    opener = body[clause_start:start].lower().split()[:2]
    opener = [w.strip(",.") for w in opener]
    if entity != context.salient or _APPOSITIVE.match(body, clause_start, start):
        return entity  # the clause names its entity itself
    # "The bridge spanned 1.6 miles, and was used by 31,000 vehicles": a clause with no
    # subject of its own shares the sentence's.
    standing = _standing_for(context, clause_start, start) or (
        not context.names_from(clause_start, start)
        and _standing_for(context, sentence_start, min(start, sentence_start + 20))
    )
    if standing:
        return standing
    if not opener or not (
        opener[0] in _PRONOUNS
        or (opener[0] in ("the", "this") and opener[1:] and opener[1] in _STAND_INS)
    ):
        return _object(context, clause_start, figure, after_end) or entity
    # "Mistral Large is new. It is fluent in French. It also has ...": back to the sentence
    # that names what "it" is, over sentences that open with a pronoun themselves.
    begin, limit = sentence_start, clause_start
    for _ in range(4):
        opening = [
            n
            for n in context.names_from(begin, min(begin + 40, limit))
            if not _PREPOSITION.search(body[begin : n.start])
            and not _is_person(body, n)
            and context.key(n.text) not in context.speakers
            and context.key(n.text) in context.story_names[:MAIN_NAMES]
        ]
        if opening:
            return opening[0].text
        first = body[begin : begin + 12].lower().split()[:1]
        if begin < 2 or (begin != sentence_start and first[0].strip(",") not in _PRONOUNS):
            break
        stop = body.rfind(". ", 0, begin - 2)  # -1 when the text's first sentence opens it
        begin = max(stop + 2 if stop >= 0 else 0, body.rfind("\n", 0, begin - 1) + 1)
        limit = begin + 40
    return entity


def _owned(context: ArticleContext, entity: str, clause_start: int, start: int) -> str:
    """The named thing the entity owns before the figure: "GPT-4" in "OpenAI's GPT-4 is"."""
    if not entity:
        return ""
    body = context.body
    before = [n for n in context.names_from(clause_start, start) if n.end <= start]
    # Only the last name before the figure: "Microsoft's Azure ... sees Microsoft invest".
    for name in before[-1:]:
        owner = re.search(re.escape(entity) + r"['’]s\s+$", body[clause_start : name.start])
        if owner and not _is_person(body, name) and context.key(name.text) not in context.speakers:
            return name.text
    return ""


_DESCRIPTOR = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}(?:" + "|".join(sorted(_ORGANISATION_WORDS)) + r")\s+$", re.IGNORECASE
)
_SAYS_ITS_OWN = re.compile(r"\s+(?:said|says|expects|expected)\s+(?:that\s+)?(?:it|its)\b")


def _described(context: ArticleContext, entity: str, clause_start: int, start: int) -> str:
    """The name opening the clause after a descriptor ("Utility company Gulfline Power said it
    expected ..."), or one that says "it" of itself ("Vardhan said it had no plans ...")."""
    body = context.body
    inside = [n for n in context.names_from(clause_start, start) if n.end <= start]
    for name in inside:
        if _DESCRIPTOR.fullmatch(body[clause_start : name.start]):
            return name.text
    # "Social media company Quorra": a descriptor the sentence opens with, before the clause.
    for name in context.names_as_written.get(entity, ()):
        if name.end < start:
            following = context.names_from(name.end + 1, start)
            if following and _DESCRIPTOR.fullmatch(body[name.end : following[0].start]):
                return following[0].text
    first = inside[0] if inside else None
    if (
        first
        and not body[clause_start : first.start].strip()
        and _SAYS_ITS_OWN.match(body, first.end)
        and not _is_person(body, first)
    ):
        return first.text
    return ""


def _standing_for(context: ArticleContext, clause_start: int, start: int) -> str:
    """The name "the bridge" or "the island's" stands for: one the article wrote before whose
    last word is that noun ("Edmund Harlow Bridge"); for a place the clause owns figures of,
    one that noun follows ("the Calloway Unified district") or else the last place named
    ("south of Saint Carys. The island escaped ... the island's 42 hotels")."""
    body = context.body
    match = re.search(r"\b[Tt]he\s+((?:[a-z]+-?)+(?:\s+[a-z]+){0,2})\b", body[clause_start:start])
    if not match:
        return ""
    # "the four-lane toll bridge": the noun may follow a word or two that describe it.
    for noun in match.group(1).split():
        named = [
            n.text
            for n in context.names_by_last_word.get(noun, ())
            if n.end <= clause_start + match.start()
        ]
        if named:
            return named[-1]
    owner = list(re.finditer(r"\bthe\s+([a-z]+)['’]s\s", body[clause_start:start]))
    if not owner or owner[-1].group(1) not in _PLACE_NOUNS:
        return ""
    noun, at = owner[-1].group(1), clause_start + owner[-1].start()
    earlier = [n for n in context.names_from(0, at) if n.end <= at and not _is_person(body, n)]
    followed = [n.text for n in earlier if re.match(rf"\s+{noun}\b", body[n.end : n.end + 30])]
    places = [
        n.text
        for n in earlier
        if _PLACE_LEAD_IN.search(body[max(0, n.start - 16) : n.start]) and n.text != context.salient
    ]
    return (followed or places or [""])[-1]


# "in Tarvik", "south of Saint Carys", "on Harlow Island": a name written as a place.
_PLACE_LEAD_IN = re.compile(
    r"\b(?:in|on|of|near|off|across|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+$"
)


_PLACED = re.compile(
    r"\b(?:above|below|beneath|beyond|around|through|toward|towards|off|outside|inside|near)\b",
    re.IGNORECASE,
)


def _object(
    context: ArticleContext, clause_start: int, figure: tuple[int, int], after_end: int
) -> str:
    """A name the clause's verb takes after the figure when none comes before it: "Some
    18,000 vehicles crossed Harlow Bridge each day"; not a place ("in Germany") or a source."""
    body = context.body
    start, end = figure
    if context.names_from(clause_start, start):
        return ""
    for name in context.names_from(end, after_end):
        gap = body[end : name.start].split()
        # A verb between ("crossed"); none is a modifier ("a 22-year-old Spain international").
        if (
            not gap
            or len(gap) > 4
            or _PREPOSITION.search(" ".join(gap))
            or _PLACED.search(" ".join(gap))
            or _is_source(body, name)
        ):
            return ""
        if not _is_person(body, name) and context.key(name.text) not in context.speakers:
            return name.text
        return ""
    return ""


MAIN_NAMES = 6
_STAND_IN = re.compile(
    r"(?:^|(?<=\s))the\s+(" + "|".join(sorted(_STAND_IN_NOUNS)) + r")\b(?:['’]s)?", re.IGNORECASE
)
_OWNER_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,5}?\s+the\s+(" + "|".join(sorted(_STAND_IN_NOUNS)) + r")['’]s\s",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r"\s*(?:its|their|the|a|an)\s+[^,.;]{1,40},\s+", re.IGNORECASE)
_DESCRIBES = re.compile(
    r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s+(?:" + "|".join(sorted(_ORGANISATION_WORDS)) + r")\b"
)
_AND_OTHERS = re.compile(r"\s+and\s+(?:its\s+|their\s+)?(?:other|fellow)\s+")
_PREPOSITION = re.compile(
    r"\b(?:in|on|at|from|to|for|by|with|of|into|across|near|after|before|since|than|under"
    r"|over|against|between|like|unlike|as|including|via|above|below|beneath|beyond|toward"
    r"|towards|around|through|outside|inside|off|along)\b",
    re.IGNORECASE,
)
# Longer runs of capitalised words are titles and names together ("County Coroner Jane Doe").
_LONGEST_NAME = 4
# Things a name is often the owner or the place of: "Lidford's bypass", "the Tarvik plant".
_OBJECTS = words(
    """bypass bridge plant factory mine tunnel airport port project line station stadium
    hospital road railway pipeline site office store campus programme program scheme
    refinery terminal dam reactor warehouse studio bakery mill"""
)


def _with_object(context: ArticleContext, shown: str, entity: str, start: int, end: int) -> str:
    """The entity, as `shown`, with the object it owns in the figure's sentence ("Lidford
    bypass")."""
    if not entity:
        return entity
    sentence = context.body[start:end]
    if entity not in sentence:
        return shown  # (a pattern for each entity costs more than this look)
    match = re.search(re.escape(entity) + r"(?:['’]s)?\s+([a-z]+)\b", sentence)
    if match and match.group(1) in _OBJECTS:
        return f"{shown} {match.group(1)}"
    return shown


# "The Tribune, on the other hand, shows", "Channel 9 projected": a source reporting a figure.
_SHOWS = re.compile(
    r"(?:,[^,.;]{1,30},)?\s+(?:shows?|showed|projects|projected|predicts|predicted|reports"
    r"|reported|estimates|estimated|says|said)\b"
)
# What opens a list item before its name: the previous item's figure (perhaps with its noun,
# or closing its brackets), then a comma, a semicolon or "and" ("won 301 seats, the Crown
# Party 140 and the Greens nine", "cut by 300,000 barrels a day, Kandor by 120,000").
# Without a figure before, a name is no item: "will cost Brisk and Tolland $9 million".
_ITEM_OPENER = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\w*"
    r"(?:\s+[a-z]+){0,3}\)?\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$"
)
# What may stand between an item's name and its figure: nothing ("the Greens nine"), "by" with
# the verb left out ("Kandor by a similar 120,000") or a bracket ("Kandor (120,000)").
_ITEM_LINK = re.compile(
    r"\s*(?:\(\s*|\s+by\s+(?:(?:a|an|another|similar|further|additional|about|around|some"
    r"|nearly|almost|roughly|approximately|just|only)\s+)*)?"
)


def _list_item_name(body: str, names: list[Name], start: int) -> str:
    """The name heading a list item that holds only it and the figure (", the Greens nine",
    ", Kandor by 120,000", ", Kandor (120,000)")."""
    heads = [n for n in names if n.end <= start and _ITEM_LINK.fullmatch(body, n.end, start)]
    if not heads:
        return ""
    head = heads[-1]
    return head.text if _ITEM_OPENER.search(body, max(0, head.start - 40), head.start) else ""


_REPORTS_THAT = re.compile(
    r"\s+(?:revealed|reported|said|says|estimated|estimates|found|finds|noted|notes"
    r"|calculated|calculates|showed|shows)\s+that\b"
)
_SPEECH = re.compile(r"\b(?:says|said|told\s+\w+|added|warned|estimates|estimated)\s+(?:that\s+)?")


_PLURAL_WORD = re.compile(r"[A-Z][a-z]+[^s']s")


def _opening_plural(body: str, name: Name) -> bool:
    """Whether a name is a plural common noun capitalised only where it opens a sentence
    ("Lorries made up ..."): a thing counted, never whom the figure is about."""
    word = name.text
    if " " in word or not _PLURAL_WORD.fullmatch(word):
        return False
    return not _written_inside_a_sentence(body, word)


@lru_cache(maxsize=256)
def _written_inside_a_sentence(body: str, word: str) -> bool:
    # Asked for each name near each figure: the body is searched once per word.
    return bool(re.search(r"[a-z,;]\s+" + re.escape(word) + r"\b", body))


def _is_source(body: str, name: Name) -> bool:
    """Whether a name only says who said it ("according to Reuters", "said Jane Doe")."""
    return bool(
        _SOURCE_LEAD.search(body[max(0, name.start - 20) : name.start])
        or _SOURCE_FOLLOWS.match(body, name.end)
    )


# "Harbor Bank analysts estimated that Kestrel was losing $5 million a day", "the 80,000 jobs
# Harbor Bank economists had predicted": the bank reads the figure; it is not about the bank.
_SOURCE_FOLLOWS = re.compile(r"\s+(?:analysts?|economists?|strategists?|forecasters?)\b")


_RELATIVE = re.compile(r"\s*(?:which|who)\b", re.IGNORECASE)


def _opening_measure(patterns: Cues, opening: str, clause: str) -> str:
    """The measure a sentence opens with when a relative clause stands between it and the
    figure: "The jobless rate, which counts those seeking work, was 4.1%"."""
    if not _RELATIVE.match(clause) or not opening.rstrip().endswith(","):
        return ""
    head = re.split(r"[,;:()]", opening.rstrip().rstrip(","))[-1]
    return _nearest(patterns, head.lower(), "", after_words=0)


_PREVIOUS_ITEM = re.compile(r",|\d|\band\b")
_NEXT_ITEM = re.compile(r"[,;]|\b(?:and|or|but|while)\b")


def _nearest(patterns: Cues, before: str, after: str, *, after_words: int = 6) -> str:
    """The name of the pattern whose match lies nearest the figure (end of `before`, start of
    `after`); a cue just after the figure ("$20 subscription fee") counts as near."""
    best, best_distance = "", None
    # A cue after "and" or a comma is the next figure's ("112 people and injuring 900").
    after = _NEXT_ITEM.split(after, maxsplit=1)[0]
    tail = " ".join(after.split()[:after_words]) if after_words else ""
    # Where no cue matches, no pattern of them does: each side is searched once for all.
    in_before = patterns.any.search(before)
    in_tail = patterns.any.search(tail) if tail else None
    if not in_before and not in_tail:
        return ""
    # No cue starts before the first place one of them matches.
    first = in_before.start() if in_before else 0
    for name, pattern in patterns:
        if in_before:
            for match in pattern.finditer(before, first):
                # Nearest end first; of two cues ending together the longer ("goods worth").
                # A cue behind a comma is the previous item's when one follows the figure
                # ("four dead, 711 were injured").
                # So is a cue with another figure or an "and" between it and this one ("$410m
                # of fresh equity and $260m of rescue financing").
                behind_comma = int(bool(_PREVIOUS_ITEM.search(before, match.end())))
                distance = (behind_comma, len(before) - match.end(), match.start() - match.end())
                if best_distance is None or distance < best_distance:
                    best, best_distance = name, distance
        if not in_tail:
            continue
        match = pattern.search(tail)
        if match and (best_distance is None or (0, match.start(), 0) < best_distance):
            best, best_distance = name, (0, match.start(), 0)
    return best


_PERCENT_OF = re.compile(r"^\s*(?:of|stake)\b")
# A share of a company's staff: what a cut of "15% of its workforce" or "12% of staff" takes,
# never the fall of its share price or its spending the same article gives in percent.
_STAFF = (
    r"(?:workforce|work\s+force|staff|employees|workers|headcount|head\s+count|jobs|employment)"
)
_OF_WORKFORCE = re.compile(
    r"^\s*of\s+(?:(?:its|their|the|his|her|our|a)\s+)?(?:[\w&.'’-]+\s+){0,2}?" + _STAFF + r"\b"
)
_WORKFORCE_AFTER = re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+)?" + _STAFF + r"\b")
# "is to reduce its workforce by more than 15%": the share of it the cut takes.
_WORKFORCE_CUT_BY = re.compile(
    r"\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?)"
    r"\s+(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?" + _STAFF + r"\s+by\s+$"
)
# "a 15% reduction in headcount", "a 15% cut to its staff": the share of the staff a cut takes,
# as "cutting 15% of its workforce" says it.
_CUT_IN_WORKFORCE = re.compile(
    r"^[\s-]*(?:reduction|cut|cutback)s?\s+(?:in|of|to)\s+(?:(?:its|their|the)\s+)?"
    r"(?:[\w-]+\s+)?" + _STAFF + r"\b"
)


# A share of body weight lost: the verb, then the figure or the weight ("lose 21% of their
# weight", "reduced body weight by 18%"), within one clause.
_WEIGHT_LOST = re.compile(
    r"\b(?:los[et]|losing|shed(?:s|ding)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?)\b[^.;,]{0,40}?"
    r"\b(?:body\s+)?weight\b(?![- ](?:loss|lifting|limit))"
    r"|\bweight\s+(?:was|were|is)\s+(?:cut|reduced|lowered)\s+by\s+(?:about\s+|around\s+)?#"
)
# What a body's weight is counted in, and a loss of it just before the figure.
_BODY_MASS = frozenset(("pounds", "pound", "lbs", "lb", "kilograms", "kilogram", "kg", "kilos"))
_LOST = re.compile(
    r"\b(?:los[et]|losing|shed(?:s|ding)?)\s+(?:(?:up\s+to|an?\s+average\s+of|on\s+average"
    r"|about|around|nearly|almost|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
_WEIGHT_LOSS_AFTER = re.compile(r"\s*(?:average\s+|mean\s+)?(?:body\s*)?weight[- ]loss\b")
_CHANGE = re.compile(
    r"\b(?:rose|fell|jumped|spiked|spikes|climbed|surged|soared|gained|dropped|slid|sank|tumbled|plunged"
    r"|rallied|popped|up|down|higher|lower|gain|drop|increase|decrease|rise|fall|jump"
    r"|increased|decreased|declined|slipped|grew|shrank|advanced|lost"
    r"|increases|decreases|rises|falls|jumps|gains|drops|raises?|hikes?|surge"
    r"|plummeted|plummets|slumped|slumps|tanked)\b"
)
# A party's or a candidate's share of the vote, and how many voted: what election coverage
# gives in percent.
# Members ratifying a contract or a deal vote too: "approved by 59% of members", "voted by 59%
# to accept", "59% of those who cast ballots", "received 59% approval".
# "share of the vote" glued to the next word by a page's markup is still the vote's.
_VOTE = re.compile(
    r"\bshare\s+of\s+(?:the\s+)?(?:popular\s+)?vote"
    r"|\b(?:vote\s+share|share\s+of\s+(?:the\s+)?electorate|votes?|voters"
    r"|voted|ballots?|approval|(?:approved|backed|ratified|rejected)\s+by|support|polls?"
    r"|polling|backing)\b"
)
_TURNOUT = re.compile(r"\bturnout\b")
_SHARE_OF_THE_VOTE = re.compile(
    r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:the\s+)?(?:popular\s+)?votes?\b"
)
_OWN_NOUN_AFTER = re.compile(
    r"\s*(?:general\s+)?(?:pay|wage|salary)\s+(?:hike|rise|raise|increase|cut|boost)s?\b",
    re.IGNORECASE,
)
_PERCENT_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)")
_TOOK_A_SHARE = re.compile(
    r"\b(?:gained|garnered|secured|won|took|got|received)\s+(?:(?:about|around|nearly|almost"
    r"|roughly|just|some|over|under)\s+)?$"
)
_COUNT_PROGRESS = re.compile(
    r"\s*of\s+(?:the\s+)?(?:[\d,]+\s+)?(?:votes?|ballots?|precincts|polling\s+(?:stations|places)"
    r"|constituencies|districts)\s+(?:(?:have|has|had)\s+)?(?:been\s+)?"
    r"(?:counted|reporting|reported|tallied|processed)\b"
)
_BASE_AFTER = re.compile(r"[^.;]{0,25}?\b(?:up|down)\s+from\b")
_LEVEL_REACHED = re.compile(r"\b(?:to|at|on)\s+(?:just\s+|only\s+|about\s+|around\s+)?$")
# A move with no measure named, in a sentence about trading, is a move of the share price.
_TRADING = re.compile(
    # A share of something ("its share of the market") is no share traded.
    r"\b(?<!per )(?:share(?!\s+of\b)|shares|stock|trading|traded|trade|debut\w*|opened|closed"
    r"|ipo|offer price|listing)\b"
)


_CONTROLS = re.compile(r"\bcontrol(?:s|led|ling)?\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$")
_OF_A_COMPANY = re.compile(
    r"\s*of\s+(?:the|its)\s+(?:[a-z-]+\s+)?(?:company|group|firm|bank|lender|entity|business)\b"
)


# "the 2% target", "its 2 per cent inflation target", "an inflation target of 2%".
_TARGET_AFTER = re.compile(r"\s*(?:inflation\s+)?target\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(
    r"\binflation\s+target\s+(?:of\s+)?(?:(?:around|about|roughly)\s+)?$", re.IGNORECASE
)


def _inflation_target(before: str, after: str, sentence: str) -> bool:
    """Whether a percent is a central bank's inflation target."""
    if _TARGET_BEFORE.search(before[-40:]):
        return True
    return bool(_TARGET_AFTER.match(after)) and "inflation" in sentence.lower()


# A rate's move compared with another before it: "a bigger 0.5 percentage point cut".
_ALTERNATIVE_MOVE = re.compile(
    r"\b(?:bigger|larger|deeper|smaller|steeper|sharper|(?:more|less) (?:aggressive|modest))"
    r"\s+$",
    re.IGNORECASE,
)
# A move in points named by a noun of a rate's move, with nothing else it moves ("a 2
# percentage point cut in the sales tax" is the tax's).
_RATE_MOVE_AFTER = re.compile(
    r"\s*(?:rate\s+)?(?:cut|cuts|hike|hikes|reduction|increase|rise)\b(?!\s+(?:in|of|to)\b)",
    re.IGNORECASE,
)


# "85% contained", and the first of two fires "80% and 50% contained".
_CONTAINED_AFTER = re.compile(r"\s*(?:(?:and|or)\s+\d[\d.]*\s*(?:%|percent)\s+)?contained\b")


def _percent_measure(before: str, after: str, measure: str, sentence: str = "") -> str:
    if _CONTAINED_AFTER.match(after):
        return "containment"  # "85% contained": how much of a fire's edge is held
    if _WEIGHT_LOST.search(before[-60:] + " # " + after[:30]) or _WEIGHT_LOSS_AFTER.match(after):
        # "cut body weight by 18%", "lost 21% of their weight", "a 15% weight loss": one
        # measure however written, not a share of something nor a weight.
        return "weight loss"
    if _BATTERY_CHARGE.search(before[-80:]):
        return "battery charge"  # "keep the state of charge below 85%"
    if re.search(r"\bstake\b|\bown(?:s|ed|ing|ership)?\b", before + " " + after[:30]):
        return "stake"  # "owns 20%", not "owners are told to keep ... at 85%"
    if _CONTROLS.search(before[-30:]) and _OF_A_COMPANY.match(after):
        return "stake"  # "its holders will control 60% of the combined company"
    if _COUNT_PROGRESS.match(after):
        # "with 97% of votes counted", "95% of precincts reporting": how far the count has
        # got, which every outlet updates as it goes; no candidate's share of the vote.
        return "votes counted"
    if _CUT_IN_WORKFORCE.match(after) or _WORKFORCE_CUT_BY.search(_unhedged(before[-80:])):
        return "workforce share"
    near = before[-80:] + " " + after[:40]
    # "backed by 61% a deal giving a 27% pay rise": the noun after a figure names it, whatever
    # vote the clause before tells of.
    named_after = _OWN_NOUN_AFTER.match(after)
    if _TURNOUT.search(near) and not named_after:
        return "turnout"
    if _VOTE.search(near) and not named_after:
        # "the vote share rose by three points to 41%": the change, then the level reached;
        # "28% of the vote, up from 24%": the level, then the one it rose from.
        base_after = _BASE_AFTER.match(after)
        changed = _CHANGE.search(
            before[-80:] + " " + ("" if base_after else after[:40])
        ) and not _LEVEL_REACHED.search(before)
        return "vote share change" if changed else "vote share"
    # "Quill won 48% of the votes, while Brell gained 31% and Varga, 21%": the list's later
    # items leave "of the vote" unsaid; a share gained is one taken, not a move. Only the
    # words since the list's previous figure are the item's own.
    item = _PERCENT_FIGURE.split(before)[-1]
    if _SHARE_OF_THE_VOTE.search(sentence) and (
        _TOOK_A_SHARE.search(item) or not _CHANGE.search(item + " " + after[:40])
    ):
        return "vote share"
    if _CHANGE.search(before[-80:] + " " + after[:40]):
        if not measure and _TRADING.search(sentence):
            return "share price change"
        if measure == "shares" and re.search(r"\bper share\b", before[-80:]):
            return "per-share change"  # "$4.93 per share, a 769% increase": earnings per share
        if measure == "shares":
            return "share price change"  # "shares soared 31%": their price, not their number
        return "change" if measure in ("", "share price change") else f"{measure} change"
    if measure == "capital spending" and not _PERCENT_OF.match(after):
        return "capital spending change"  # "to cut capital spending by 20%", as "raise" it
    if _PERCENT_OF.match(after):
        return "workforce share" if _OF_WORKFORCE.match(after) else "share"
    if _WORKFORCE_AFTER.match(after):
        return "workforce share"  # "to cut 15% jobs", "the 15% head count cut"
    return measure or "share"


# How full a battery may be charged: "set the maximum charge at 85 percent", "keep the state
# of charge below 85%", "caps its charging capacity at 85%", "charge the scooters to 85%".
_BATTERY_CHARGE = re.compile(
    r"\b(?:state\s+of\s+charge|(?:maximum|max|full)\s+charge|charg(?:e|ing)\s+(?:capacity"
    r"|limit|level)|charge\s+(?:\w+\s+){0,2}to\s+(?:(?:more|no\s+more)\s+than\s+)?)"
    r"[^.;\d]{0,30}$"
)


# The field a superlative ranks in is not the figure's period: "the largest grossing day of
# 2023 with $70.8 million" is one day's takings, not the year's.
_RANKED_IN = re.compile(
    r"\b(?:biggest|largest|highest|lowest|best|worst|strongest|weakest|busiest|most|top)\b"
    r"[\w\s-]{0,40}?\b(?:of|in)\s+(?:the\s+year\s+)?$",
    re.IGNORECASE,
)


# How long a contract runs, as a line names it: "deal length" ("a four-year deal"), "wages
# period" ("wage increases over the next four years").
_CONTRACT_TERM = re.compile(
    r"\b(?:(?:deal|contract|agreement|pact|accord)s? length"
    r"|(?:wages?|pay|raises?|wage increases?|amount raised) period)\b"
)


# A stoppage of work: what a length of time next to it measures ("a seven-week strike", "the
# walkout idled the plants for 38 days", "a nearly two-month long strike").
_STOPPAGE = r"(?:strikes?|walkouts?|stoppages?|lockouts?)"
_STOPPAGE_BEFORE = re.compile(r"\b" + _STOPPAGE + r"\b[^\d.;:]{0,60}$", re.IGNORECASE)
_STOPPAGE_AFTER = re.compile(r"^[\s-]*(?:long\s+)?" + _STOPPAGE + r"\b", re.IGNORECASE)
# A length put before the clause it measures: "After nearly six weeks, the stoppage was over",
# "At 41 days, the walkout was the longest".
_FRONTED_BEFORE = re.compile(r"(?:^|[.!?\n])\s*[\"'“‘]?(?:after|at)\s+$", re.IGNORECASE)
_FRONTED_AFTER = re.compile(r"^,\s+[^,.;:\d]{0,40}?\b" + _STOPPAGE + r"\b", re.IGNORECASE)
# A stoppage still going on: its length so far ("has lasted for more than a month", "now in its
# sixth week"), not the length it ends with.
_SO_FAR = re.compile(
    r"\b(?:ha(?:s|ve) (?:lasted|gone on|been (?:going on|under way|underway|on strike))"
    r"|(?:is|are) now in its|so far|ongoing)\b",
    re.IGNORECASE,
)

# "the first strike in 11 years", "the costliest walkout in more than 30 years": a span a
# record holds over, not how long the stoppage lasts.
_IN_SPAN = re.compile(
    r"\bin\s+(?:(?:more than|over|almost|nearly|about|around|at least|the past|the last)\s+)*$",
    re.IGNORECASE,
)

_FIRST = re.compile(r"\bfirst\b", re.IGNORECASE)


# Whom a union counts: its members, those it represents ("the union, representing 27,000
# machinists", "its 27,000 members").
_REPRESENTED = re.compile(r"\b(?:represent(?:s|ed|ing)?|members?|membership)\b", re.IGNORECASE)
# Whom a stoppage is counted to idle ("the striking 12,500 workers", "has idled more than 12,000
# workers", "40,000 workers on strike"): a tally of those off work, which a statistics office
# may make of more than one union's members.
_IDLED_BEFORE = re.compile(
    r"\b(?:striking|idled|idling|sidelined|sidelining)\s+(?:the\s+)?"
    r"(?:(?:more than|over|about|around|nearly|almost|some|roughly)\s+)?$",
    re.IGNORECASE,
)
_IDLED_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+)?(?:on strike|idled)\b", re.IGNORECASE)


# "More than 26,000 members voted", "9,000 workers cast ballots": how many took part in a vote.
_VOTED_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}(?:who\s+)?(?:voted|cast\s+(?:their\s+)?(?:ballots|votes))\b",
    re.IGNORECASE,
)


# A strike's workforces: often one and the same crowd, so equal headcounts of either are one
# figure; but a union's roll and a statistics office's tally of the idle are counted by
# different people, of sets that may differ, so different values of them make no dispute
# (claims.facts groups them so).
WORKFORCES = frozenset(("represented", "idled"))


def _workforce_counted(before: str, after: str, text: str) -> str:
    """In a strike's story, which workforce a headcount is: the members a union represents or
    the workers a stoppage idles (WORKFORCES); or those who voted on a deal, a turnout which no
    roll of either is."""
    if _VOTED_AFTER.search(after):
        return "voted"
    if any(_REPRESENTED.search(words) for words in (before, text, after)):
        return "represented"
    if _IDLED_BEFORE.search(before) or _IDLED_AFTER.search(after):
        return "idled"
    return ""


# A superlative follows its determiner: "the costliest", "Harlan's worst", "its most disruptive".
_SUPERLATIVE = re.compile(
    r"(?:\bthe|\bits|\btheir|['’]s)\s+(most\s+[a-z]+|worst|best|[a-z]{2,}est)\b", re.IGNORECASE
)
# Nouns in -est after a determiner ("the biggest protest", "the interest").
_NOT_SUPERLATIVE = frozenset(
    [
        "interest",
        "protest",
        "request",
        "contest",
        "harvest",
        "forest",
        "arrest",
        "inquest",
        "conquest",
    ]
)


def _superlative(before: str) -> str:
    """The last superlative before a record's span ("costliest", "most disruptive"), or ""."""
    found = [w.lower() for w in _SUPERLATIVE.findall(before) if w.lower() not in _NOT_SUPERLATIVE]
    return found[-1] if found else ""


def _stoppage_length(before: str, after: str) -> str:
    """ "strike length" when a length of time measures a stoppage of work, "strike length so
    far" while it goes on: a contract's term, a strike's length and the time a strike had
    lasted when a report counted are three measures, whatever their values."""
    fronted = _FRONTED_BEFORE.search(_unhedged(before)) and _FRONTED_AFTER.search(after)
    if not (_STOPPAGE_AFTER.search(after) or _STOPPAGE_BEFORE.search(before) or fronted):
        return ""
    if _IN_SPAN.search(before):
        # "the first strike in 16 years": the time since the last one; "the costliest strike
        # in 25 years": how long a record holds. Neither is how long the stoppage lasts.
        return "time since last strike" if _FIRST.search(before) else "record span"
    return "strike length so far" if _SO_FAR.search(before) else "strike length"


def _reference(before: str, after: str, sentence: str, kind: str, measure: str) -> str:
    near = (before[-90:] + " | " + after[:60]).lower()
    parts = []
    if measure in ("share price", "share price change", "valuation", "market value") or kind in (
        "money",
        "percent",
    ):
        moment = _nearest(_MOMENT_PATTERNS, before[-90:].lower(), after[:60].lower(), after_words=8)
        if moment == "intraday high" and _FALL.search(before[-40:].lower()):
            moment = "intraday low"  # "lower by as much as 6%": the day's low, not its high
        # A commodity's price moves through the day as a share's does.
        if moment and measure in (
            "share price",
            "share price change",
            "valuation",
            "market value",
            "price",
        ):
            parts.append(moment)
        day = _nearest(_DAY_PATTERNS, sentence.lower(), "", after_words=0)
        if day and measure in ("share price", "share price change", "market value"):
            parts.append(day)
    if kind != "date":
        near_text = before[-90:] + " " + after[:60]
        periods = {
            _period_label(_AS_OF.search(near_text[: m.start()]).group() + m.group())
            if _AS_OF.search(near_text[: m.start()])
            else _period_label(m.group())
            for m in _PERIOD.finditer(near_text)
            if not _BASE_PERIOD.search(near_text[max(0, m.start() - 60) : m.start()])
            and not _RANKED_IN.search(near_text[max(0, m.start() - 50) : m.start()])
            and not _STARTING_IN.search(near_text[max(0, m.start() - 30) : m.start()])
            and not (measure in _PLANS and _NAMES_A_REPORT.match(near_text, m.end()))
            and not _COMPARED_AFTER.search(near_text[len(before[-90:]) : m.start()])
            and not _ON_A_DAY.search(near_text[max(0, m.start() - 30) : m.start()])
        }
        if not periods:
            # "added 64,000 jobs in March", "the February report": a monthly figure's month,
            # unless the sentence names two ("revisions to the January and February tallies").
            months = {
                m.group("month")
                for m in _MONTH_PERIOD.finditer(near_text)
                if not _BASE_PERIOD.search(near_text[max(0, m.start() - 60) : m.start()])
                and not _COMPARED_AFTER.search(near_text[len(before[-90:]) : m.start()])
            }
            if len(set(_MONTH.findall(near_text))) == 1:
                periods = months
        quarters = {p for p in periods if re.fullmatch(r"Q[1-4]", p)}
        if len(periods) > 1 and len(quarters) == 1:
            periods = quarters  # "fourth-quarter revenue for fiscal year 2024": the quarter
        if len(periods) == 1:
            parts.append(periods.pop())
    del near
    if kind == "count" and measure not in EVENT_MEASURES:
        # "310 cancellations on Saturday and Sunday", "40 each on Monday": those days' count.
        days = _ON_WEEKDAYS.search(before[-60:] + " " + after[:50])
        if days:
            parts.append(" and ".join(d.capitalize() for d in days.groups() if d))
    if len(parts) == 2 and parts[1] in _DAY_NAMES and parts[0] in _MOMENT_NAMES:
        return f"{parts[1].replace(' ', '-')} {parts[0]}"  # "first-day close"
    return " ".join(dict.fromkeys(parts))


# What can open a clause before its date ("On Thursday, ...", "Late last week, ...").
_OPENER = re.compile(r"\s*(?:(?:on|late|early|by|last|this)\s+)*", re.IGNORECASE)
_DAY_NAMES = frozenset(n for n, _ in _DAYS)
_FALL = re.compile(
    r"\b(?:lower|fell|fall|falls|down|dropped|drop|slid|sank|tumbled|plunged|declined|lost)\b"
)
# "losses of $900 million as of June 2024": a balance at a moment, not that year's amount.
# "filed on March 3, 2031, listing $2.7 billion in debt": the day something happened, not a
# period the amount is counted over.
_ON_A_DAY = re.compile(
    r"\bon\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?)\s+$"
)
_AS_OF = re.compile(r"\b(?:as of|as at|by the end of|at the end of)\s+(?:[A-Z][a-z]+\s+)?$")
_WEEKDAY_WORD = r"((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_ON_WEEKDAYS = re.compile(
    r"\bon\s+" + _WEEKDAY_WORD + r"(?:\s+(?:and|or|to)\s+" + _WEEKDAY_WORD + ")?"
)


# A month a figure is stated for: "in March", "for March", "the March report"; not a date
# ("March 3", "March 2021": the year is the period) nor the verb "may".
_MONTH_PERIOD = re.compile(
    r"(?:\b(?:in|for|during)\s+|(?=[A-Z][a-z]+\s+(?:report|numbers?|figures?|payrolls|data)\b))"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b(?=[^\S\n]*[^\s\d])"  # something follows, and no year: "in May 2019"
)
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b(?!\s*\d)"
)


def _period_label(text: str) -> str:
    text = " ".join(text.split())
    # "the final quarter of 2023" is the fourth quarter, as outlets writing "Q4" call it.
    quarter = re.match(r"(first|second|third|fourth|final)[- ]quarter", text, re.IGNORECASE)
    if quarter:
        ordinal = quarter.group(1).lower().replace("final", "fourth")
        return "Q" + str(("first", "second", "third", "fourth").index(ordinal) + 1)
    return text.upper() if text[:1] in "qQ" else text


# What an election's count gives each party.
_ELECTION_RESULTS = frozenset(("seats", "vote share"))
_RESULTS_OF_A_VOTE = _ELECTION_RESULTS | {"votes"}


def _earlier_election_year(body: str, sentence_start: int, start: int, published) -> str:
    """The year of an earlier vote whose results the text gives: "compared to 1998, when the
    Greens won 51%", or the sentence after "The last time was in 1998, when the chamber had
    150 seats." (results listed with no time of their own go on about that vote)."""
    scene = _WHEN_YEAR.search(body, sentence_start, start)
    if not scene:
        scene = _WHEN_YEAR.search(_previous_sentence(body, sentence_start).rstrip(" .\n"))
    year = scene.group(1) if scene else ""
    return year if year and (published is None or int(year) < published.year) else ""


# "in 1998, when", "compared to 1998, when": a past moment a clause goes on to describe.
_WHEN_YEAR = re.compile(r"\b((?:19|20)\d\d),?\s+when\b(?:[^.;]|\.(?=\d))*$")
_EXIT_POLL = re.compile(r"\bexit[- ]polls?\b")


# A count gained or lost rather than held: "gained 14 seats", "the loss of 96 seats", "a swing
# of +48 seats", "an increase of 57 seats". The verb or noun stands right before the figure.
_COUNT_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:gain(?:ed|ing|s)?|lost|los(?:s|ses|ing)\s+of|losing|swing\s+of|increase\s+of"
    r"|net\s+(?:gain|loss)\s+of|pick(?:ed|s|ing)?\s+up|(?:is|are|was|were)\s+(?:up|down))"
    r"|[,(–—]\s*(?:up|down))\s+(?:(?:a|an|some|over|more\s+than|nearly|almost|about"
    r"|around|just|another|at\s+least|as\s+many\s+as|up\s+to)\s+)*$"
)
# "200 additional seats", "40 extra seats": more than were held, a gain.
_COUNT_CHANGE_WORDS = re.compile(r"\d\s+(?:additional|extra|more)\s")


# "jumped almost $7 to $91.20", "up $3.15 at $71.35", "rose 5% or $4 to $80": the amount
# right after a verb of change is the size of the move.
_PRICE_MOVED_BEFORE = re.compile(
    r"\b(?:up|down|rose|risen|rising|jumped|climbed|gained|added|surged|soared|rallied|advanced"
    r"|increased|fell|fallen|falling|dropped|declined|slid|slipped|sank|tumbled|plunged|lost|shed"
    r"|eased|raised|lifted|lift|lifts|boost|boosted|cut|lowered)\s+(?:(?:[\w'’]+\s+){0,3}?by\s+)?(?:[\d.,]+\s?(?:%|per\s?cent|percent),?\s+or\s+)?"
    r"(?:(?:almost|nearly|about|around|roughly|some|more\s+than|over|just)\s+)?$"
)


def _price_moved(before: str) -> bool:
    return bool(_PRICE_MOVED_BEFORE.search(before.lower()[-60:]))


def _count_change(before: str, text: str) -> bool:
    return (
        text.startswith("+")
        or bool(_COUNT_CHANGE_WORDS.search(text))
        or bool(_COUNT_CHANGE_BEFORE.search(before.lower()[-60:]))
    )


# The part of an economy a jobs count is in: "employment in social assistance rose by 30,000",
# "furniture retailers shed 3,000 jobs", "12,000 jobs added in home health care". The count
# for one industry is no other's, nor the whole economy's.
_INDUSTRY = (
    r"(?:retailers|wholesalers|manufacturers|makers|producers|industry|industries|sector"
    r"|services|construction|manufacturing|retail|health\s+care|healthcare|hospitals"
    r"|restaurants|bars|builders|contractors|mining|transportation|warehousing|utilities"
    r"|assistance|leisure|hospitality|education|finance|insurance)"
)
# "Mining and Utilities", "Retail": industries capitalised as a report's
# headings are parts of the economy, no organisation a figure is about.
_INDUSTRY_NAME = re.compile(_INDUSTRY + r"(?:\s*(?:,|and|&)\s*" + _INDUSTRY + r")*", re.IGNORECASE)
_SECTOR_WORD = r"(?!the\b|a\b|an\b|its\b|their\b)[a-z][a-z&-]*,?"
_SECTOR_BEFORE = re.compile(
    r"\b(?:employment|jobs|payrolls|hiring|headcount)\s+in\s+((?:" + _SECTOR_WORD + r"\s+){1,4}?)"
    r"(?:rose|increased|grew|fell|declined|decreased|dropped|climbed|jumped|was\s+up"
    r"|was\s+down)(?:\s+by)?\s+$"
    r"|\b((?:" + _SECTOR_WORD + r"\s+){0,5}?" + _INDUSTRY + r")\s+"
    r"(?:added|shed|lost|cut|gained|created|eliminated)\s+(?:about\s+|some\s+|another\s+)?$"
    # "caused factory employment to decline by 9,000"
    r"|\b(" + _INDUSTRY + r")\s+(?:employment|payrolls|jobs)\s+"
    r"(?:to\s+)?(?:rise|fall|decline|drop|grow|increase|decrease|shrink)\s+(?:by\s+)?$"
)
_SECTOR_AFTER = re.compile(
    r"^\s*(?:in\s+job\s+(?:losses|gains|cuts)\s+)?"  # "9,000 in job losses in construction"
    r"(?:new\s+)?(?:jobs?|positions)?\s*(?:(?:were|was)\s+)?(?:added|created|lost|cut)?\s*in\s+"
    r"(?:the\s+)?"
    r"((?:" + _SECTOR_WORD + r"\s+){0,5}" + _INDUSTRY + r")\b"
)


_ASIDE = re.compile(
    r",\s*(?:on\s+the\s+other\s+hand|however|meanwhile|by\s+contrast|in\s+contrast|though"
    r"|in\s+turn)\s*,"
)


def _sector(before: str, after: str) -> str:
    """The industry a jobs count is in, as the sentence names it ("in social assistance")."""
    # "Employment in construction, by contrast, fell 9,000": the aside is no part of it.
    before = _ASIDE.sub("", before)
    match = _SECTOR_BEFORE.search(before) or _SECTOR_AFTER.match(after)
    if not match:
        return ""
    phrase = match.group(1) or match.group(2) or match.group(3) or ""
    head, comma, tail = phrase.rpartition(",")
    if comma and not re.match(r"\s*(?:and|or)\b", tail):
        phrase = tail  # "over the month, furniture retailers": the comma ends another phrase
    words = phrase.replace(",", " ").split()
    while words and words[0] in ("and", "or", "but", "while", "whereas", "as"):
        words = words[1:]  # "..., and mining added 5,000": the clause's own industry
    if len(words) > 1 and words[-1] in ("sector", "industry", "industries"):
        words = words[:-1]  # "the manufacturing sector" is "manufacturing"
    phrase = " ".join(words).replace("health care", "healthcare")
    return f"in {phrase}"[:60] if phrase else ""


# "12,000 jobs, far below forecasts": the figure is compared with the forecast, not one.
_COMPARED = re.compile(
    r"\b(?:than|below|above|short\s+of|beat|beating|missed|missing|topped|exceeded|exceeding"
    r"|under|over|with|ahead\s+of|behind|meet|meeting|met)\s+(?:[\w'’.-]+\s+){0,3}$"
    # "sales of $12.1 billion against expectations of $12.4 billion": the next figure's forecast.
    r"|\b(?:on|versus|vs\.?|against)\s+$"
)


_NEXT_FIGURE_CUT = re.compile(r",|\s(?:and|but|while)\s")
# "lowered its outlook and said it would shed 9,000 jobs": a forecast in the predicate
# before "and" is not what the next verb's figure is.
_NEXT_PREDICATE = re.compile(
    r"\s(?:and|but)\s+(?:then\s+|also\s+)?(?:[a-z]+ed|said|says|plans?|will|would|is|was|has)\s"
)


def _scope(before: str, after: str, *, rates: bool = True) -> str:
    """The scope word nearest the figure ("11.3 million vehicles each year, about 31,000 a
    day": per year); of two as near, the first in the table. Without `rates`, a price per
    hour or per thing is no scope (the figure is not the amount: "climbs 45% to $22 an
    hour")."""
    if _DIFFERENCE.match(after):
        return "difference"  # "$3 billion more than its valuation": no level
    original_before = before
    # Another figure's scope is beyond it: "12.45 million a year, or about 34,000 a day".
    before = re.split(r"\d[\d,.]*", before)[-1]
    # "900 of those daily trips, carrying $40 million ... each year": the comma ends
    # the other figure's phrase, and its scope with it.
    if before != original_before:
        before = before.split(",")[-1]
    after, *following = re.split(r"\d", after, maxsplit=1)
    if following:
        # "..., with another 120", "dead and another 2,376 injured": the next figure's.
        cuts = list(_NEXT_FIGURE_CUT.finditer(after))
        after = after[: cuts[-1].start()] if cuts else after
    if not _SCOPE_PATTERNS.any.search(before) and not _SCOPE_PATTERNS.any.search(after):
        return ""
    best, best_distance = "", None
    forecast = False  # a forecast word after the figure: "the 100,000 economists predicted"
    for name, pattern in _SCOPE_PATTERNS:
        if not rates and name in _RATE_SCOPES:
            continue
        distances = [
            len(before) - m.end()
            for m in pattern.finditer(before)
            if name != "projected"
            or not (
                _COMPARED.search(before, 0, m.start()) or _NEXT_PREDICATE.search(before, m.end())
            )
        ]
        after_found = [
            m.start() + 1
            for m in pattern.finditer(after)
            if name != "projected" or not _COMPARED.search(after, 0, m.start())
        ]
        distances += after_found
        if distances and (best_distance is None or min(distances) < best_distance):
            best, best_distance = name, min(distances)
        if name == "projected" and after_found:
            forecast = True
    # "a fraction of the 100,000 jobs economists had predicted": what the words after it say
    # was forecast is a forecast, whatever total the clause compares it with ("a projected
    # total of 288 seats" is a total).
    return "projected" if best == "total" and forecast else best


# The most an amount may come to, not what is paid now: "could rise to as much as €40m",
# "up to €40m", "worth €40m with add-ons". "€32m plus add-ons" is the amount paid up front.
_AT_MOST_BEFORE = re.compile(
    r"\b(?:could|may|might|would)\s+(?:[a-z]+\s+){0,3}?(?:rise|increase|climb|grow|reach|get"
    r"|go|be worth)\b[^.;\d]{0,30}$"
    # "the awards add up to $9 million" is their sum.
    r"|\b(?:rising|(?<!add )(?<!adds )(?<!added )(?<!adding )up) to\s+(?:[a-z]+\s+){0,2}$"
    r"|\bas much as\s+$|\bpotentially\s+(?:[a-z]+\s+){0,2}$"
)
_AT_MOST_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:with|including) (?:all )?(?:the )?add-ons\b"
)


def _at_most(before: str, after: str) -> bool:
    """Whether an amount is the most it may come to (a fee with all its add-ons)."""
    # "as much as €52m (£45m)": the bracket restates the maximum before it.
    before = _CONVERTED_FROM.sub(" ", before, count=1)
    clause = re.split(r"[.;]|\d[\d,.]*", before)[-1]
    return bool(_AT_MOST_BEFORE.search(clause) or _AT_MOST_AFTER.match(after))


# "could surpass 10,000", "was likely to exceed 1,000": a toll foreseen, not yet counted.
_TOLL_PROJECTED = re.compile(
    r"\b(?:could|may|might|would|likely to|expected to|set to)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:surpass|exceed|top|pass|reach|rise|climb)\b[^.;\d]{0,30}$"
)


def _toll_projected(before: str) -> bool:
    return bool(_TOLL_PROJECTED.search(re.split(r"[.;]|\d[\d,.]*", before.lower())[-1]))


_DIFFERENCE = re.compile(r"\s*(?:more|less|higher|lower|fewer|bigger|smaller) than\b")


# "2015-2022 Arden SUVs", "the Arden from 2015 to 2022", "Arden SUVs made between 2015 and
# 2022": a range of years beside a product's name gives the model years a recall, a ban or a
# warranty covers, the first and the last each that product's own figure (every model of one
# recall ending in 2022 are so many facts, not one).
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–]|to|and|through)\s*((?:19|20)\d\d)\b")
_PRODUCT = r"[A-Z][a-z]\w*(?:\s+(?:[A-Z]{1,2}|[A-Z]?-?\d[\w-]*))?(?![\w-])"
_PRODUCT_AFTER = re.compile(r"\s+(?:model[- ]year\s+)?(" + _PRODUCT + ")")
_PRODUCT_BEFORE = re.compile("(" + _PRODUCT + r")(?:\s+[a-z]+){0,3}\s+(?:from|between)\s+$")


def _model_years(body: str, start: int, sentence_start: int, sentence_end: int) -> tuple[str, str]:
    """The product and "first" or "last" when the year at body[start] ends a range of model
    years; else two empty strings."""
    for m in _YEAR_RANGE.finditer(body, max(sentence_start, start - 12), sentence_end):
        if m.start() > start:
            break
        if start not in (m.start(1), m.start(2)):
            continue
        named = _PRODUCT_AFTER.match(body, m.end()) or _PRODUCT_BEFORE.search(
            body, max(sentence_start, m.start() - 60), m.start()
        )
        if named:
            return named.group(1), "first" if start == m.start(1) else "last"
    return "", ""


def _incidental(context: ArticleContext, start: int, text: str, date_value: str) -> bool:
    """A dateline, or a weekday (or "today") that only restates the publication day."""
    if context.is_dateline(start):
        return True
    published = context.published
    if published is None or not date_value:
        return False
    same_day = date_value == published.isoformat()
    word = text.strip().lower()
    return same_day and (bool(_WEEKDAY.match(word)) or word in ("today", "this morning", "tonight"))


def subject_line(found: About, fragment: str) -> str:
    """The claim's subject readers see: the structured line when the measure or its wording
    is known, else the entity and the extractor's phrase; a date's line says it is one
    ("Quorra: new plant opening year")."""
    line = _subject_line(found, fragment)
    if found.date_word and not _DATED.search(line):
        line = f"{line} {found.date_word}"
    return line


_DATED = re.compile(r"\b(?:year|date|day|start|end|deadline)\b", re.IGNORECASE)


# Measures grouping reads that a line would say more poorly than the sentence does ("record
# since date", "approval date" for "the state cabinet's approval"): the line keeps its words.
_UNSHOWN_MEASURES = frozenset(("record since", "approval"))


def _subject_line(found: About, fragment: str) -> str:
    if (found.measure and found.measure not in _UNSHOWN_MEASURES) or found.wording:
        return found.line
    name = found.name or found.entity
    if found.shown in measure_words.DIMENSIONS:
        # "depth" says what is measured, the phrase's nouns of what ("south Saint Carys").
        named = set(name.lower().split())
        nouns = [w for w in _phrase_nouns(fragment)[:_COMPACT_WORDS] if w.lower() not in named]
        shown = " ".join([*measure_words.without_cues(nouns), found.shown])
        return replace(found, shown=shown).line
    if found.shown:
        return found.line
    return _led_by(name, _compact(fragment))


def subject_terms(found: About, fragment: str) -> str:
    """The claim's subject as grouping compares it: the entity as written, the canonical
    measure, reference and scope; else the extractor's phrase led by the entity. Kept apart
    from the readable line so rewording the line never regroups facts."""
    if found.measure:
        return found.terms
    if found.wording and found.wording not in ("start", "end"):
        return f"{found.entity} {found.wording}".strip()
    return _led_by(found.entity, fragment)


def _compact(fragment: str) -> str:
    """The nouns of the extractor's phrase, without the verbs and pronouns around them:
    "that the hardest-hit areas could be without power" -> "hardest-hit areas power"."""
    nouns = _phrase_nouns(fragment)
    if not nouns:
        # "joined" says what happened; "has", "within", "it was set" say nothing.
        nouns = [
            w
            for w in (t.strip(",.;:()\"“”'’") for t in fragment.split())
            if w and w.lower() not in _PHRASE_STOPS and w.lower() not in _FRAGMENT_STOPS
        ]
    return " ".join(nouns[:_COMPACT_WORDS])


def _phrase_nouns(fragment: str) -> list[str]:
    kept = []
    for token in fragment.split():
        bare = token.strip(",.;:()\"“”'’")
        lower = bare.lower()
        if not bare or lower in _PHRASE_STOPS or lower in _FRAGMENT_STOPS:
            continue
        if bare[:1].islower() and (
            lower.endswith("ly") or (lower.endswith(("ed", "ing")) and lower not in _ING_NOUNS)
        ):
            continue
        kept.append(bare)
    return kept


_COMPACT_WORDS = 5
_FRAGMENT_STOPS = words(
    """could would should will shall can may might must be being been not never also even
    then thus there it its they them their he she his her we us our you your i me my who
    whom whose which that this these those what s runs run moved move went go goes come
    comes came get got gets make makes take took takes told tell says say stay stays"""
)


def _led_by(entity: str, fragment: str) -> str:
    fragment = " ".join(fragment.split())
    if not fragment:
        return entity
    if entity and entity.lower() not in fragment.lower() and not _written_short(entity, fragment):
        return f"{entity}: {fragment}"
    return fragment


def _written_short(entity: str, fragment: str) -> bool:
    """Whether a phrase names the entity alone by its leading distinctive word, as a text
    does after its first mention ("Tarvik itself" for "Tarvik Capital"; "Tarvik Port" is
    another name)."""
    lead = _name_words(entity)[:1]
    return (
        bool(lead)
        and shortens(lead[0], entity)
        and bool(re.search(rf"\b{re.escape(lead[0])}\b(?![’'-]|\s+[A-Z])", fragment))
    )


# --------------------------------------------------------------------------------------------
# The measure in the sentence's words, and the place a figure is counted in
# --------------------------------------------------------------------------------------------

# Words that end a noun phrase read leftwards: determiners, auxiliaries, prepositions and the
# verbs that report a figure ("posted revenue of", "expects net profit of").
_PHRASE_STOPS = words(
    """a an the its their his her our my your this that these those some any each every all
    both no it they he she we i is are was were be been being has have had will would could
    should may might can did does do of in on at to for from by with without into onto over
    under about around nearly almost roughly some just only also still now already more less
    than up down and or but as per while after before since until said says say reported
    reports report posted posts recorded records announced announces expects expected expect
    estimated estimates estimate forecast forecasts plans planned plan set sets made makes put
    puts paid pays gave gives received receives saw sees hit hits reached reaches reaching
    including included includes booked books delivered delivers generated generates produced
    produces showed shows reveals revealed lifted raised cut kept keeps lowered raise lower
    proposed proposes declared declares approved approves agreed agrees total worth value
    which who whose where when what how why there here so if though although because between
    within across against via like unlike toward towards through during per cent percent
    whereas trades traded trade stands stood priced valued closed opened ended finished
    expects"""
)
# Nouns ending in -ing or -ed that name measures.
_ING_NOUNS = words(
    """spending funding financing borrowing lending trading pricing listing rating ranking
    building housing shipping advertising marketing offering holding opening closing earnings
    bookings holdings savings takings rainfall shortfall billing staffing ridership"""
)
# "a total of 40", "a group of seven banks": the noun says nothing of what is counted.
_PARTITIVES = words(
    """total number sum group consortium range series handful couple set lot host team crowd
    pair batch dozen tally figure amount maximum minimum majority minority fleet network
    portfolio chain string raft slew"""
)
_QUALIFIERS = re.compile(
    r"\b(?:up to|about|around|nearly|almost|roughly|some|just|only|more than|less than|over"
    r"|under|at least|at most|as much as|as many as|as little as|as few as|an estimated"
    r"|approximately|close to|well over|just over|just under)$"
)
_OF_PHRASE = re.compile(r"((?:[\w’'-]+\s+){0,4})of\s+$")
# "estimated insured losses at $4.5bn", "put the damage at $9bn".
_AT_PHRASE = re.compile(r"((?:[\w’'-]+\s+){0,4})at\s+$")
_VERB_FRAME = re.compile(
    r"(?i)\b(?:has |have |had |will |would |is |are |was |were )?(?:rose|rise|rises|fell|"
    r"fall|falls|jumped|climbed|surged|soared|gained|dropped|slid|sank|tumbled|plunged|rallied"
    r"|increased|decreased|declined|slipped|grew|grow|shrank|advanced|came in at|came to|"
    r"stood at|stands at|reached|totalled|totaled|amounted to|hit|was|were|is|are|topped|"
    r"exceeded|widened|narrowed|improved|doubled|tripled|halved|measures|measured|weighs|"
    r"weighed|spans|spanned|costs|cost)\b",
)
_SCALE_WORDS = words(
    """million millions billion billions trillion thousand thousands hundred hundreds dozen
    dozens lakh lakhs crore crores k m bn mn tn"""
)
_PEOPLE = words("people person persons individuals")
_RELATIVE = re.compile(r"\s*(?:which|who|that|whose|where|including|excluding)\b", re.IGNORECASE)
_CHANGE_NOUNS = words(
    """rise fall gain drop increase decrease decline jump slide climb growth change cut
    reduction surge plunge"""
)
_UP = re.compile(
    r"\b(?:rose|rise|rises|jumped|climbed|surged|soared|gained|gain|rallied|increased|increase"
    r"|grew|grow|advanced|up|higher|doubled|tripled|improved|widened)\b"
)
_PRICE_WORDS = words("share shares stock price prices")


_NAMED_AFTER = re.compile(r"\s*(?:(?:of|in)\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\b")


def _wording(before: str, after: str, kind: str, measure: str, unit: str, text: str) -> str:
    """The measure as the sentence words it, when it says more than the canonical name:
    "pre-tax profit" ("Pre-tax profit rose 11% to £512m"), "storm surge" ("a storm surge of
    up to 12 feet"), "convenience stores" ("40 convenience stores"), "net income growth"."""
    if kind == "date":
        if measure and measure not in _UNSHOWN_MEASURES:
            return f"{measure} date"  # "founding date"
        return _bound(before, after)
    if kind == "duration":
        return _span(before, after, measure)
    # A fraction of a counted noun ("0.85 Orrin shares") is worded as a count is.
    if kind == "count" or (kind == "quantity" and measure and measure == unit.lower()):
        counted = _counted_noun(text)
        if measure in EVENT_MEASURES and measure not in ("passengers", "crew", "people aboard"):
            return ""  # "29 deaths", "112 people killed": the death toll
        noun = counted if counted and counted.lower() not in _PEOPLE else ""
        done = _done_to(before)
        if done and (noun or measure or unit):
            return f"{noun or measure or unit.lower()} {done}"  # "flights canceled"
        if noun:
            return noun
        if measure:
            return ""
        # "30,000 people have been left homeless": who they are is what befell them.
        done = _what_befell(after)
        if done:
            return f"{counted.lower() or 'people'} {done}"
    if kind == "percent":
        # "30% of sales", "18% of group revenue": a share of something.
        share = re.match(r"\s+of\s+((?:[\w’'-]+\s*){1,4})", after)
        # "took 31.4% of the vote, up 6.2 points": a share, whatever moved beside it.
        if share and measure in ("share", "workforce share", "", "change"):
            phrase = _noun_phrase(share.group(1), from_left=True)
            if phrase:
                return f"share of {phrase}"
    if kind == "money" and measure:
        # "a $90 million equity investment", "$120 million of debtor-in-possession
        # financing": the noun the amount is of, with the words that say which one it is.
        named = _NAMED_AFTER.match(after)
        phrase = named.group(1).split() if named else []
        stop = next((i for i, word in enumerate(phrase) if word in _PHRASE_STOPS), len(phrase))
        phrase = phrase[:stop]
        # Only where the noun is the measure's own: "an all-stock deal" says less than
        # "deal value".
        head = measure.split()[-1]
        if len(phrase) > 1 and phrase[-1] in (head, f"{head}s"):
            return " ".join(phrase)
    lower = before.lower()
    head = lower.rstrip()
    while (stripped := _QUALIFIERS.sub("", head).rstrip()) != head:
        head = stripped
    phrase = ""
    # Searching a long clause takes time: most end otherwise.
    match = _OF_PHRASE.search(head + " ") if head.endswith("of") else None
    if match:
        phrase = _noun_phrase(before[match.start(1) : match.end(1)])
    if not phrase:
        match = _AT_PHRASE.search(head + " ") if head.endswith("at") else None
        if match:
            phrase = _noun_phrase(before[match.start(1) : match.end(1)])
    if not phrase:
        frames = list(_VERB_FRAME.finditer(before))
        if frames:
            # The verb nearest the figure; its subject follows the clause's last comma ("For
            # the moment, Microsoft's investment is").
            segments = re.split(r"[,.;:]\s", before[: frames[-1].start()])
            # "Core inflation, which excludes food, fell": the relative clause is not it.
            while len(segments) > 1 and _RELATIVE.match(segments[-1]):
                segments.pop()
            subject = segments[-1]
            phrase = _noun_phrase(subject, from_left=True)
    if not phrase and kind == "quantity":
        # "keep generators at least 20 feet from doors": the thing measured just before it.
        phrase = _noun_phrase(before[: len(head)].split(",")[-1])
    if phrase in ("shares", "stock") and (measure.startswith("share price") or kind == "money"):
        phrase = "share price"  # "Pellow's shares jumped 36% to 668p": their price
    if not phrase and measure == "change" and kind == "percent" and "point" not in text:
        # "Sales rose 4%": a move of what the clause names, in the direction it moved.
        return "growth" if _UP.search(lower[-60:] + " " + after[:30].lower()) else "fall"
    if not phrase:
        return ""
    if measure.endswith("change") and kind == "percent" and phrase.split()[-1] in _CHANGE_NOUNS:
        return phrase  # "a rise of 9%"
    if measure.endswith("change") and kind == "percent":
        direction = "gain" if _UP.search(lower[-60:] + " " + after[:30].lower()) else "fall"
        if direction == "gain" and not (set(phrase.split()) & _PRICE_WORDS):
            direction = "growth"
        return f"{phrase} {direction}"
    if re.match(r"\s*,?\s*(?:a|per|each) share\b", after.lower()) and "share" not in phrase:
        return f"{phrase} per share"
    if measure.startswith(f"{phrase} "):
        return ""  # "Orrin's market value stood at": "market" says less than the measure
    return phrase


_WHEN = re.compile(
    r"\b(?:(?:a|one) year (?:earlier|ago|before)|(?:this|last|next) (?:year|season|summer|"
    r"winter|spring|autumn|month|week|quarter)|since the start of the year|in the (?:first|"
    r"second|third|fourth|final) (?:quarter|half)|(?:so far|to date) this year)\b"
)


def _when(before: str, after: str) -> str:
    """The time phrase nearest the figure in its clause ("a year earlier", "this summer")."""
    before = re.split(r"\d[\d,.]*", before.lower())[-1]
    after = re.split(r"\d", after.lower(), maxsplit=1)[0]
    found = [m.group() for m in _WHEN.finditer(after[:60])] or [
        m.group() for m in _WHEN.finditer(before[-60:])
    ]
    return found[0] if found else ""


_STARTS = re.compile(
    r"\b(?:since|from|starting|began|begins|begin|opened|opens|launched)\s+(?:on\s+|in\s+)?$"
)
_ENDS = re.compile(
    r"\b(?:to|until|till|through|ending|ended|ends|end|before|by)\s+(?:on\s+|in\s+)?$"
)


def _bound(before: str, after: str) -> str:
    """What a date with no event named bounds: "since 2021" a start, "until 2028" an end."""
    lower = before.lower().rstrip() + " "
    if _STARTS.search(lower):
        return "start"
    if _ENDS.search(lower):
        return "end"
    return ""


_SPAN_WORDS = (
    ("time", re.compile(r"\b(?:within|in|after)\s+(?:the\s+next\s+|about\s+|up to\s+)?$")),
    ("length", re.compile(r"\b(?:lasted|lasting|lasts|last|long)\b")),
    (
        "period",
        re.compile(
            r"\b(?:over|for|during|across)\s+(?:the\s+)?(?:next|past|previous|last|first|final|coming)?\s*$"
        ),
    ),
)


def _span(before: str, after: str, measure: str) -> str:
    """A length of time in the sentence's terms: "investment period" ("will invest £1bn
    over the next 2 years"), "time" ("within 14 days"), "age" ("a 140-year-old")."""
    if measure == "age":
        return "age"
    lower = before.lower()
    word = next((name for name, pattern in _SPAN_WORDS if pattern.search(lower.rstrip() + " ")), "")
    if not word and re.match(r"\W*(?:long|old)\b", after.lower()):
        word = "length" if after.lower().lstrip(" -").startswith("long") else "age"
    if not word:
        return ""
    # What lasts: the measure the clause names ("invest" -> investment period).
    what = _nearest(_MEASURE_PATTERNS, lower, "", after_words=0)
    return f"{what} {word}" if what and what != word else word


_DONE_TO = re.compile(
    r"\b([a-z]+ed)\s+(?:(?:its|their|the|all|of|some|about|around|nearly|almost|roughly|more"
    r"|than|over|at|least|up|to|another|an|a|estimated)\s+)*$"
)


def _done_to(before: str) -> str:
    """ "canceled" from "United canceled 200 flights": the verb a counted thing underwent."""
    match = _DONE_TO.search(before.lower())
    if not match or match.group(1) in _PHRASE_STOPS or match.group(1) in _ING_NOUNS:
        return ""
    return match.group(1)


_AUXILIARIES = words("have has had been be being were was are is will would could may might")


def _what_befell(after: str) -> str:
    """ "left homeless" from " have been left homeless and ...": the verb after a count of
    people, its particle and object, up to the next stop."""
    kept: list[str] = []
    for token in after.split()[:8]:
        bare = token.strip(',.;:()"“”')
        lower = bare.lower()
        if not kept and lower in _AUXILIARIES:
            continue
        if not bare or not bare.isalpha() or lower in ("and", "but", "or", "when", "after", "as"):
            break
        if lower in _PHRASE_STOPS and lower not in ("from", "in", "on", "out", "up", "off"):
            if kept:
                break
            return ""
        kept.append(lower)
        if token[-1:] in ",.;:":
            break
    while kept and kept[-1] in ("from", "in", "on"):
        kept.pop()
    return " ".join(kept[:4]) if kept and kept[0] not in ("from", "in", "on") else ""


def _counted_noun(text: str) -> str:
    """What a count counts, in its words: "40 convenience stores" -> "convenience stores"."""
    tokens = text.split()
    while tokens and (
        tokens[0][:1].isdigit()
        or tokens[0].lower().strip(".,") in _SCALE_WORDS
        or tokens[0].lower() in _NUMBER_WORDS
    ):
        tokens.pop(0)
    return " ".join(tokens).strip(" .,")


_NUMBER_WORDS = words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred a an some several dozens"""
)


def _noun_phrase(text: str, *, from_left: bool = False) -> str:
    """The noun phrase a run of words ends with (or, `from_left`, opens with): "reported
    quarterly revenue" -> "quarterly revenue"; "revenue for the three months" -> "revenue".
    Names and figures are left out; "" when no noun of a measure is found."""
    tokens = [t.strip(',.;:()"“”') for t in text.split()]
    tokens = [t for t in tokens if t]
    if from_left:
        # The subject of the clause: its words up to the first stop after a content word.
        run: list[str] = []
        owner = False
        for token in tokens:
            if token[:1].isupper() and token.lower() not in _PHRASE_STOPS:
                if run:
                    break  # "an explosive Thursday": a name or a day ends the phrase
                continue  # a name opening the clause is its entity
            if (token.lower() in _PHRASE_STOPS and not owner) or token[:1].isdigit():
                if run:
                    break
                continue
            # "the group's value": the owner describes the noun it owns, unless it only
            # stands for the entity the line names ("the company's valuation").
            owner = token.endswith(("'s", "’s"))
            word = _strip_possessive(token.lower()) if owner else token.lower()
            if not (owner and word in _STAND_INS):
                run.append(word)
        tokens = run[-4:]
    else:
        run = []
        for token in reversed(tokens):
            if token.lower() in _PHRASE_STOPS or token[:1].isdigit() or token[:1].isupper():
                break
            run.insert(0, token.lower())
        tokens = run[-3:]
    if not tokens or tokens[-1] in _PARTITIVES:
        return ""
    last = tokens[-1]
    if len(last) < 3 or last.endswith("ly") or not re.match(r"^[a-z][a-z’'-]*$", last):
        return ""
    if (last.endswith("ed") or last.endswith("ing")) and last not in _ING_NOUNS:
        return ""
    return " ".join(t.rstrip("’'") for t in tokens)


_PLACE_LEAD = re.compile(r"\b(?:in|across|on|throughout)\s+(?:the\s+)?$", re.IGNORECASE)


def _place(
    context: ArticleContext, entity: str, clause_start: int, start: int, end: int
) -> tuple[str, str]:
    """("in Calloway County", its key) where a figure is counted in a named place other than
    its entity ("29 were in Calloway County", "4,200 in Britain"); the nearest such name."""
    body = context.body
    entity_key = context.key(entity) if entity else ""
    best, best_distance = ("", ""), None
    for name in context.names_from(clause_start, end):
        if not _PLACE_LEAD.search(body[max(0, name.start - 12) : name.start]):
            continue
        if context.key(name.text) == entity_key or _is_person(body, name):
            continue
        if re.match(r"\s*[\d$€£¥]", body[name.end : name.end + 3]):
            continue  # "Rs 900", "US $": a currency, no place
        distance = start - name.end if name.end <= start else name.start - start
        if best_distance is None or distance < best_distance:
            best = (f"in {context.full_name(name.text)}", context.key(name.text))
            best_distance = distance
    return best


# Words that make a name a person's ("Governor Jane Doe", "managing director John Roe").
_TITLES = words(
    """president governor mayor senator secretary minister chancellor chief ceo cfo director
    chairman chairwoman chair spokesman spokeswoman spokesperson coroner sheriff
    superintendent commissioner judge officer analyst economist professor dr mr mrs ms sir
    dame administrator premier king queen prince princess pope captain lieutenant rep
    sen gov founder co-founder executive manager head lawyer attorney inspector detective
    sergeant constable councillor councilor representative ambassador"""
)


def _before_title(name: str) -> str:
    """The words of a name before a title in it: "Calloway County" of "Calloway County
    Coroner Dana Pruitt"; "" when it opens with the title."""
    words = name.split()
    for index, word in enumerate(words):
        if word.lower().rstrip(".") in _TITLES:
            return " ".join(words[:index])
    return ""


def _is_person(body: str, name: Name) -> bool:
    """Whether a name is a person's: it opens with a title, or a title precedes it."""
    inside = {w.lower().rstrip(".") for w in name.text.split()}
    previous = body[max(0, name.start - 24) : name.start].split()
    return bool(inside & _TITLES) or bool(previous and previous[-1].lower().rstrip(".,") in _TITLES)
