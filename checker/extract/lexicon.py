"""Word lists the extractor reads: hedges, units, stop words, event and predicate words.

Kept as data in one place so that widening coverage never means touching the scanner.
"""
from __future__ import annotations

# Hedge phrases that precede a figure, longest first, with the hedge they make.
HEDGES_BEFORE: dict[str, str] = {
    "an estimated": "about", "estimated": "about", "about": "about", "around": "about",
    "roughly": "about", "some": "about", "approximately": "about", "approx.": "about",
    "approx": "about", "circa": "about", "ca.": "about", "close to": "nearly",
    "an average of": "about", "on average": "about", "average of": "about",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just shy of": "nearly",
    "not quite": "nearly",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "just over": "more_than",
    "exceeding": "more_than", "greater than": "more_than", "higher than": "more_than",
    "well over": "more_than", "beyond": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least", "as little as": "at_least",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "at most": "up_to",
    "no more than": "up_to", "a maximum of": "up_to", "not more than": "up_to",
    "within": "up_to", "in the next": "up_to", "over the next": "up_to", "in the coming": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than", "lower than": "less_than", "just below": "less_than",
}
# Hedges that follow a figure: "200 or more", "200-plus".
HEDGES_AFTER: dict[str, str] = {
    "or more": "at_least", "or higher": "at_least", "or above": "at_least", "and up": "at_least",
    "plus": "more_than", "and counting": "at_least", "or so": "about", "or fewer": "up_to",
    "or less": "up_to", "at most": "up_to", "at least": "at_least", "odd": "about",
}

# Measure words: a figure followed by one of these counts that unit ("150 tons of flour").
MEASURES = {
    "ton", "tons", "tonne", "tonnes", "kilogram", "kilograms", "kg", "gram", "grams", "pound",
    "pounds", "lb", "lbs", "ounce", "ounces", "oz", "litre", "litres", "liter", "liters",
    "gallon", "gallons", "barrel", "barrels", "meter", "meters", "metre", "metres", "km",
    "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "foot", "feet",
    "inch", "inches", "yard", "yards", "acre", "acres", "hectare", "hectares", "square",
    "cubic", "mph", "kph", "km/h", "degrees", "degree", "mw", "gw", "kw", "kwh", "mwh",
    "megawatts", "gigawatts", "watts", "volts", "rpm", "cm", "mm", "ml", "bpd", "cups", "cup",
    "bags", "boxes", "truckloads", "trucks", "rounds", "pieces", "units", "doses", "shares",
    "points", "seats", "votes", "bushels", "carats", "calories", "bytes", "gb", "mb", "tb",
    "sq", "sqm", "sqft", "hp", "bhp", "horsepower", "mg", "gwh", "hz", "khz", "mhz", "ghz", "nm",
    "mpg", "psi", "ppm", "megawatt", "gigawatt", "kilowatt", "watt", "decibels", "celsius",
    "fahrenheit", "knots", "pound-feet",
}

TIME_UNITS = {
    "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds",
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours",
    "day": "days", "days": "days", "night": "nights", "nights": "nights",
    "week": "weeks", "weeks": "weeks", "fortnight": "fortnights",
    "month": "months", "months": "months", "year": "years", "years": "years",
    "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
}

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "US $": "USD", "$US": "USD", "USD": "USD", "USD ": "USD",
                    "EUR": "EUR", "EUR ": "EUR", "RM": "MYR", "Rs": "INR", "Rs.": "INR", "Rs ": "INR",
                    "R$": "BRL", "$A": "AUD", "NZ$": "NZD", "S$": "SGD", "GBP": "GBP", "GBP ": "GBP", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                    "₽": "RUB", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "₩": "KRW", "₺": "TRY"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound sterling": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "ruble": "RUB",
    "rubles": "RUB", "roubles": "RUB", "rouble": "RUB", "manat": "AZN", "dram": "AMD",
    "drams": "AMD", "lira": "TRY", "francs": "CHF", "franc": "CHF",
    "cents": "USD-cent", "cent": "USD-cent", "pence": "GBP-pence", "p": "GBP-pence",
}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}

# Words that make a bare four-digit number an event year ("the 2020 war").
EVENT_NOUNS = {
    "war", "wars", "agreement", "accord", "accords", "deal", "ceasefire", "truce", "election",
    "elections", "revolution", "conflict", "coup", "treaty", "referendum", "offensive",
    "invasion", "attack", "attacks", "crisis", "protests", "uprising", "olympics", "census",
    "budget", "law", "act", "earthquake", "flood", "floods", "pandemic", "summit", "season",
    "campaign", "report", "survey", "study", "fighting", "clashes", "hostilities", "talks",
    "vote", "games", "cup", "championship", "tournament", "edition", "model", "version",
    "film", "book", "album", "level", "levels", "figures", "data", "record", "peak",
}

# Irregular plurals that make a bare four-digit figure a count ("1500 people").
PLURALS = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "sheep",
           "fish", "deer", "aircraft", "livestock", "poultry", "militia", "infantry", "feet", "teeth"}

# Predicates that imply people are counted ("About 30,000 were killed").
PEOPLE_PREDICATES = {
    "killed", "dead", "died", "wounded", "injured", "hurt", "displaced", "evacuated",
    "arrested", "detained", "missing", "fled", "rescued", "infected", "hospitalised",
    "hospitalized", "executed", "abducted", "kidnapped", "jailed", "imprisoned", "murdered",
    "slain", "drowned", "stranded", "affected", "sheltered", "homeless", "employed",
    "unemployed", "vaccinated", "registered", "crossed", "arrived", "entered", "left",
}

STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "it", "its", "this", "that", "these", "those", "their", "them", "they", "he", "she",
    "his", "her", "we", "our", "you", "your", "i", "my", "me", "us", "who", "whom", "which",
    "what", "when", "where", "while", "than", "then", "there", "here", "so", "if", "into",
    "onto", "about", "around", "more", "most", "less", "least", "over", "under", "up",
    "down", "out", "off", "not", "no", "nor", "also", "only", "just", "very", "some", "any",
    "all", "each", "every", "both", "either", "neither", "such", "said", "says", "say",
    "will", "would", "could", "should", "may", "might", "can", "must", "shall", "do", "does",
    "did", "done", "after", "before", "since", "until", "during", "per", "via", "s", "t",
    "least", "nearly", "almost", "approximately", "roughly", "estimated", "another", "other",
    "own", "same", "many", "much", "few", "several", "because", "although", "though",
    "whether", "how", "why", "now", "yet", "still", "even", "already", "ago", "again",
    "according", "including", "against", "between", "among", "within", "without", "through",
    "across", "toward", "towards", "upon", "like", "told", "added", "reported", "had",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
}

# Words after a figure that are not what is counted (verbs, prepositions, adverbs).
NOT_UNIT = STOPWORDS | {
    "percent", "per", "cent", "people's", "were", "have", "has", "had", "are", "is", "was",
    "will", "would", "could", "who", "which", "that", "said", "says", "last", "next", "ago",
    "earlier", "later", "local", "time", "gmt", "utc", "hours", "am", "pm", "a.m.", "p.m.",
}
