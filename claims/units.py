"""Units and dimensions, for every module that compares figures: which unit words name the
same physical quantity and their exact sizes, how a unit is keyed, and which dimension a
figure's values are comparable in ("money", "length", "people", "tokens").

Pure Python (no Django), like the extraction core, claims.matching and claims.comparison,
which read it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from claims.extraction.types import Kind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CURRENCY_CODE = re.compile(r"[A-Z]{3}")

# Physical units a reading may be converted between exactly: (dimension, size in base unit).
PHYSICAL_UNITS: dict[str, tuple[str, Decimal]] = {
    **dict.fromkeys(["m", "metre", "metres", "meter", "meters"], ("length", Decimal(1))),
    **dict.fromkeys(
        ["km", "kilometre", "kilometres", "kilometer", "kilometers"], ("length", Decimal(1000))
    ),
    **dict.fromkeys(["mile", "miles", "mi"], ("length", Decimal("1609.344"))),
    **dict.fromkeys(
        ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
        ("length", Decimal("0.01")),
    ),
    **dict.fromkeys(
        ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
        ("length", Decimal("0.001")),
    ),
    **dict.fromkeys(["ft", "foot", "feet"], ("length", Decimal("0.3048"))),
    **dict.fromkeys(["inch", "inches"], ("length", Decimal("0.0254"))),
    **dict.fromkeys(["yard", "yards", "yd"], ("length", Decimal("0.9144"))),
    **dict.fromkeys(["nautical mile", "nautical miles"], ("length", Decimal(1852))),
    # Speed in kilometres per hour (exact factors: 1 mph is 1.609344 km/h, 1 knot 1.852).
    **dict.fromkeys(
        [
            "km/h",
            "kph",
            "kmh",
            "kilometres per hour",
            "kilometers per hour",
            "kilometre per hour",
            "kilometer per hour",
        ],
        ("speed", Decimal(1)),
    ),
    **dict.fromkeys(["mph", "miles per hour", "mile per hour"], ("speed", Decimal("1.609344"))),
    **dict.fromkeys(["knot", "knots"], ("speed", Decimal("1.852"))),
    **dict.fromkeys(
        ["m/s", "metres per second", "meters per second", "metre per second", "meter per second"],
        ("speed", Decimal("3.6")),
    ),
    # Area in square metres.
    **dict.fromkeys(
        ["m2", "m²", "sq m", "square metre", "square metres", "square meter", "square meters"],
        ("area", Decimal(1)),
    ),
    **dict.fromkeys(
        [
            "km2",
            "km²",
            "sq km",
            "square kilometre",
            "square kilometres",
            "square kilometer",
            "square kilometers",
        ],
        ("area", Decimal(1000000)),
    ),
    **dict.fromkeys(["sq mi", "square mile", "square miles"], ("area", Decimal("2589988.110336"))),
    **dict.fromkeys(["sq ft", "square foot", "square feet"], ("area", Decimal("0.09290304"))),
    **dict.fromkeys(["ha", "hectare", "hectares"], ("area", Decimal(10000))),
    **dict.fromkeys(["acre", "acres"], ("area", Decimal("4046.8564224"))),
    # Volume in litres ("gallons" and "tons" are left out: US and imperial sizes differ).
    **dict.fromkeys(["l", "litre", "litres", "liter", "liters"], ("volume", Decimal(1))),
    **dict.fromkeys(
        ["ml", "millilitre", "millilitres", "milliliter", "milliliters"],
        ("volume", Decimal("0.001")),
    ),
    **dict.fromkeys(
        ["m3", "m³", "cubic metre", "cubic metres", "cubic meter", "cubic meters"],
        ("volume", Decimal(1000)),
    ),
    **dict.fromkeys(
        ["billion cubic meters", "billion cubic metres", "bcm"], ("volume", Decimal("1e12"))
    ),
    **dict.fromkeys(["g", "gram", "grams"], ("mass", Decimal("0.001"))),
    **dict.fromkeys(["kg", "kilogram", "kilograms", "kilo", "kilos"], ("mass", Decimal(1))),
    **dict.fromkeys(["tonne", "tonnes", "metric ton", "metric tons"], ("mass", Decimal(1000))),
    **dict.fromkeys(["lb", "lbs", "pound", "pounds"], ("mass", Decimal("0.45359237"))),
    **dict.fromkeys(["oz", "ounce", "ounces"], ("mass", Decimal("0.028349523125"))),
    # Durations in seconds, for the units of fixed length (months and years are not).
    **dict.fromkeys(["second", "seconds", "sec", "secs"], ("duration", Decimal(1))),
    **dict.fromkeys(["minute", "minutes", "min", "mins"], ("duration", Decimal(60))),
    **dict.fromkeys(["hour", "hours", "hr", "hrs"], ("duration", Decimal(3600))),
    **dict.fromkeys(["day", "days"], ("duration", Decimal(86400))),
    **dict.fromkeys(["week", "weeks"], ("duration", Decimal(604800))),
    # Counts of people under another noun: a toll of "38 deaths" is "38 people" ("38 dead",
    # "38 victims"). Not subgroups ("employees", "children"): they count only some people.
    **dict.fromkeys(
        [
            "people",
            "persons",
            "person",
            "individuals",
            "deaths",
            "dead",
            "victims",
            "fatalities",
            "lives",
            "casualties",
            "drownings",
        ],
        ("people", Decimal(1)),
    ),
    # Computers under another noun: an outage that hit "2.1 million devices" hit "2.1 million
    # machines" and "2.1 million PCs".
    **dict.fromkeys(
        ["devices", "machines", "computers", "pcs", "personal computers"], ("devices", Decimal(1))
    ),
    # What a disaster burned down or flattened: "1,200 structures" are "1,200 buildings". Not
    # homes or businesses: they count only some buildings.
    **dict.fromkeys(["structures", "buildings"], ("buildings", Decimal(1))),
    # Cars under another noun: a recall of "2 million vehicles" is a recall of "2 million cars".
    # Not trucks, vans or buses: they count only some vehicles.
    **dict.fromkeys(
        ["vehicles", "cars", "automobiles", "autos", "motor vehicles", "passenger cars"],
        ("vehicles", Decimal(1)),
    ),
}
UNIT_ALIASES = {
    "%": "percent",
    "per cent": "percent",
    "pp": "percentage points",
    "percentage point": "percentage points",
}


def unit_key(unit: str | None) -> str | None:
    """A unit as compared: lower case, spaces folded, aliases resolved ("per cent": "percent")."""
    if unit is None:
        return None
    key = " ".join(unit.lower().split())
    return UNIT_ALIASES.get(key, key)


TIME_UNITS = _words(
    """second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries"""
)


# Subgroups of people: their counts may be written "11,500 people" as well as "11,500
# employees", so they fit a count of people (the "people" dimension of PHYSICAL_UNITS: "people",
# "deaths", "victims", ...), though not each other.
PEOPLE_GROUPS = _words(
    """employees workers staff jobs residents inhabitants civilians passengers students pupils
    children adults patients voters members volunteers troops soldiers officers migrants
    refugees evacuees tourists visitors spectators fans users subscribers customers guests
    travellers travelers machinists strikers"""
)
PEOPLE = "people"


def dimension_of(kind: str, unit: str | None) -> str:
    """What values of a mention are comparable in.

    "money" for any currency; "percent" / "percentage points"; "date"; "duration" for any time
    unit; a dimension ("length", "speed", "people") for units PHYSICAL_UNITS converts exactly,
    whatever their system or spelling ("12 feet" and "3.7 metres"; "38 deaths" and "38
    people"); else the unit word as written ("tokens"), or the kind when there is none.
    """
    key = " ".join((unit or "").lower().split())
    if kind == Kind.MONEY:
        return "money"
    if kind == Kind.DATE:
        return "date"
    if kind == Kind.DURATION or key in TIME_UNITS:
        return "duration"
    if kind == Kind.PERCENT:
        if key in ("percentage points", "percentage point", "pp", "basis points", "basis point"):
            return "percentage points"
        return "percent"
    return canonical_dimension(key) or kind


def canonical_dimension(dimension: str) -> str:
    """A unit word (or a dimension stored by an older version) as its dimension."""
    physical = PHYSICAL_UNITS.get(unit_key(dimension) or "")
    return physical[0] if physical is not None else dimension


# Asked for every pair of a mention and a candidate fact, of a few different dimensions.
@lru_cache(maxsize=4096)
def dimensions_compatible(kind_a: str, dim_a: str, kind_b: str, dim_b: str) -> bool:
    """Same kind and dimension; a count without a unit ("killed 112") fits any count, a count
    of people ("11,500 people") fits a count of a group of people ("11,500 employees")."""
    if kind_a != kind_b:
        return False
    dim_a, dim_b = canonical_dimension(dim_a), canonical_dimension(dim_b)
    if dim_a == dim_b:
        return True
    if kind_a != Kind.COUNT:
        return False
    if Kind.COUNT.value in (dim_a, dim_b):
        return True
    return PEOPLE in (dim_a, dim_b) and bool({dim_a, dim_b} & PEOPLE_GROUPS)
