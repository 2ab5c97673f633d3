"""The words the claims stage reads: numbers written out, hedges, currencies, what a figure counts (categories,
parts of a population, weapons, crowds), the nouns and verbs that stand for or give a figure, and the words that
set its scope and period. Plain data, so that it can be read and extended without reading the extractor."""

from __future__ import annotations

import re

SMALL_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * i for i, w in enumerate(
    ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if i > 1}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
          "bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6}
VAGUE = {"hundreds": (100, "at_least"), "thousands": (1000, "at_least"), "dozens": (24, "at_least"),
         "tens of thousands": (10000, "at_least"), "hundreds of thousands": (100000, "at_least"),
         "millions": (1e6, "at_least")}
CURRENCIES = {"$": "USD", "us$": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR", "£": "GBP", "pound": "GBP",
              "rouble": "RUB", "ruble": "RUB", "yuan": "CNY", "yen": "JPY", "¥": "JPY", "rupee": "INR",
              "hryvnia": "UAH", "shekel": "ILS", "lira": "TRY", "franc": "CHF", "naira": "NGN", "rand": "ZAR",
              "cedi": "GHS", "birr": "ETB", "shilling": "KES", "dinar": "IQD", "riyal": "SAR", "dirham": "AED",
              "won": "KRW", "peso": "MXN", "real": "BRL", "reais": "BRL", "baht": "THB", "ringgit": "MYR",
              "rupiah": "IDR", "taka": "BDT", "kyat": "MMK", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF",
              "koruna": "CZK", "leu": "RON", "lev": "BGN", "krona": "SEK", "krone": "NOK", "tenge": "KZT",
              "kina": "PGK", "pound sterling": "GBP", "c$": "CAD", "a$": "AUD", "ca$": "CAD"}
BOUND_WORDS = [
    ("no higher than", "at_most"), ("no greater than", "at_most"), ("not higher than", "at_most"),
    ("no lower than", "at_least"), ("higher than", "at_least"), ("lower than", "at_most"), ("no more than", "at_most"),
    ("not more than", "at_most"), ("no fewer than", "at_least"),
    ("no less than", "at_least"), ("well over", "at_least"), ("well above", "at_least"), ("upwards of", "at_least"),
    ("just under", "at_most"), ("just over", "at_least"), ("more than", "at_least"), ("at least", "at_least"),
    ("as many as", "up_to"), ("as high as", "up_to"), ("up to", "up_to"), ("fewer than", "at_most"),
    ("less than", "at_most"), ("at most", "at_most"), ("nearly", "at_most"), ("almost", "at_most"),
    ("over", "at_least"), ("some", "about"), ("about", "about"), ("around", "about"), ("roughly", "about"),
    ("approximately", "about"), ("an estimated", "about"), ("estimated", "about"), ("close to", "at_most"),
    ("nearer to", "about"), ("nearer", "about"), ("closer to", "about"), ("below", "at_most"), ("above", "at_least"),
    ("in excess of", "at_least"), ("barely", "at_most"), ("scarcely", "at_most"),
]
# What a number counts: lemma of the counted noun or of the verb/adjective that says what happened to it.
CATEGORY_WORDS = {
    "dead": {"kill", "die", "dead", "death", "fatality", "slay", "lose", "loss", "perish", "toll", "murder",
             "bury", "body", "execute", "massacre", "slaughter", "assassinate", "behead", "killing", "homicide"},
    "wounded": {"wound", "injure", "injured", "wounded", "injury", "casualty", "hurt"},
    "captured": {"capture", "captive", "captivity", "prisoner", "pow", "hostage", "surrender", "abduct", "kidnap",
                 "abduction", "kidnapping", "abductee"},
    "missing": {"missing", "disappear", "miss", "whereabouts", "unaccounted", "vanish", "disappeared"},
    "displaced": {"displace", "flee", "refugee", "evacuate", "displaced", "evacuee", "homeless", "home", "uproot",
                  "asylum", "migrant", "emigrate", "emigrant", "exodus", "abroad", "displacement", "deport",
                  "deportee", "expel", "returned", "returnee", "departure", "repatriate", "repatriation"},
    "arrested": {"arrest", "detain", "detention", "jail", "imprison", "detainee", "round", "custody"},
    "votes": {"vote", "ballot", "seat"},
}
CATEGORY_CUES = set().union(*CATEGORY_WORDS.values())
PERSONNEL = {"strength", "troop", "soldier", "fighter", "personnel", "serviceman", "servicemen", "officer", "general",
             "marine", "sailor", "reservist", "conscript", "mercenary", "police", "policeman", "militant",
             "rebel", "member", "contingent", "garrison", "peacekeeper", "guardsman", "deployment", "force"}
WEAPONS = {"tank", "missile", "drone", "aircraft", "jet", "warplane", "helicopter", "warship", "shell", "rocket",
           "artillery", "weapon", "vehicle", "gun", "launcher", "system"}
# Who a crowd is made of, and what a crowd does: "1.28 million people marching", "put the crowd at 81,000".
CROWD_NOUNS = {"protester", "demonstrator", "marcher", "participant", "striker", "crowd", "attendee", "people",
               "person", "supporter", "worker"}
CROWD_VERBS = {"march", "attend", "rally", "protest", "demonstrate", "gather", "strike", "join", "take", "turn",
               "walk", "parade", "crowd", "throng"}
# What part of a population a casualty figure counts; anything else counts everyone ("people", "protesters").
PARTS = {
    "civilians": {"civilian", "civilians", "noncombatant", "noncombatants"},
    "children": {"child", "children", "minor", "minors", "girl", "girls", "boy", "boys", "student", "students"},
    "women": {"woman", "women"},
    "soldiers": {"soldier", "soldiers", "troop", "troops", "serviceman", "servicemen", "personnel", "officer",
                 "officers", "policeman", "policemen", "police", "army"},
    "fighters": {"fighter", "fighters", "militant", "militants", "rebel", "rebels", "insurgent", "insurgents",
                 "attacker", "attackers", "assailant", "assailants",
                 "combatant", "combatants", "guerrilla", "guerrillas", "jihadist", "jihadists", "militiaman",
                 "militiamen", "militia", "militias", "gunman", "gunmen", "operative", "operatives", "terrorist",
                 "terrorists"},
    "journalists": {"journalist", "journalists", "reporter", "reporters"},
    "aid workers": {"aid worker", "aid workers", "humanitarian worker", "humanitarian workers"},
}
PART_WORDS = set().union(*PARTS.values())  # "the civilian death toll" is not the toll given before
# Nouns that stand for a figure: what they count comes from their own words, else from the figure just given.
PEOPLE_COUNTS = {"dead", "wounded", "captured", "missing", "displaced", "arrested"}
# A figure's own word that names no people ("7,000 dead", "30,000 wounded") counts whom the sentence already counted.
# "the number deployed", "the number sent": a count of troops
DEPLOYING_VERBS = {"deploy", "deployed", "send", "sent", "station", "stationed", "mass", "massed"}
# Verbs that take people captive only when people are what they take ("seized 287 pupils", not "seized 2 tonnes")
TAKING_VERBS = {"seize", "take", "snatch", "grab", "round"}
PEOPLE_NOUNS = {"people", "person", "pupil", "villager", "passenger", "teacher", "worker", "staff", "resident",
                "worshipper", "tourist", "farmer", "fisherman", "crew", "traveller", "traveler"}
BARE_COUNTS = {"dead", "wounded", "injured", "killed", "casualties", "casualty", "death", "deaths", "fatalities",
               "missing", "captured", "displaced", "arrested", "injuries", "loss", "losses"}
COUNT_NOUNS = {"number", "toll", "figure", "total", "tally", "count", "estimate", "it", "crowd", "turnout", "tolls",
               "attendance"}
ATTENDANCE = {"turnout", "attendance"}  # counts that name what they count: "put attendance at roughly 8,000"
# Words that leave a rate the one just given ("the true annual rate"); any other modifier makes it another rate
RATE_QUALIFIERS = {"annual", "true", "real", "actual", "official", "monthly", "yearly", "same"}
# Verbs that give a figure as "X at N" or "X to N": "put the toll at 113", "raised its estimate to 732,000".
ESTIMATE_VERBS = {"put", "estimate", "place", "raise", "revise", "lower", "increase", "bring", "fix", "set", "cut",
                  "reduce", "double", "count", "tally", "peg", "calculate", "assess"}
# Words that make a number a figure worth a claim, for the sentence triage (triage.py)
FIGURE_WORDS = CATEGORY_CUES | PERSONNEL | WEAPONS | CROWD_NOUNS | COUNT_NOUNS | set(CURRENCIES) | {
    "percent", "%", "percentage", "vote", "dollar", "budget", "aid", "debt", "loan", "package"}
# Moving people by force: "driven from camps", "forced from their homes", "chased out of"; with "from" it displaces.
FORCING_VERBS = {"drive", "force", "chase", "push", "expel", "evict", "uproot", "flush"}
UPROOTING_PREPS = {"from", "across", "into", "out"}  # forced "from their homes", "across the border into Chad"
# Nouns standing for a figure whose author is named with them: "estimates by the Pentagon", "the union's tally".
# Verbs that hand over a figure named by its noun ("gave a death toll of 1,000", "cited a tally of 300")
GIVING_VERBS = {"give", "cite", "offer", "issue", "release", "publish", "provide", "announce"}
ESTIMATES = {"estimate", "figure", "report", "data", "tally", "statistic", "census", "survey", "study", "assessment"}
FIGURE_SOURCES = ESTIMATES | {"count", "source", "toll"}
# People who tell a figure: "two security sources put the toll at 60" counts no one the figure is about
INFORMANTS = {"source", "official", "diplomat", "witness", "resident", "analyst", "expert", "medic", "doctor"}
# "up from 578,000 in June" (the phrase runs to the next comma that is not a thousands separator)
COMPARED_PHRASE = re.compile(r"\b(?:(?:up|down|rising|falling) from|compared (?:with|to)) (?:[^,;]|,(?=\d))*", re.I)
# "a separate blaze killed three": another incident's count (but "in a separate statement" reports the same)
# A figure given for the period of the one before it: "put the figure for the same date at", "over the same period"
SAME_PERIOD = re.compile(r"\b(?:for|over|in|during|on) the same (?:date|day|days|week|weeks|month|months|period|year|"
                         r"time|fighting|offensive|operation)\b", re.I)
SEPARATE_INCIDENT = re.compile(r"\b(?:a|another) separate (?!statement|report|interview|briefing|communiqu|post|"
                               r"letter|press|message|tally|count|estimate|figure|update)\w+", re.I)
NATIONWIDE_WORDS = ("nationwide", "countrywide", "nationally", "across the country", "across the nation",
                    "all over the country", "throughout the country", "national figure", "national total",
                    "national tally", "national count", "national toll", "across the whole of", "in the whole of",
                    "the whole country", "across all of")
SCOPE_WINDOW = 8  # tokens around a figure where its scope words are read
HOMELANDS = {"country", "home", "homeland", "village", "town", "city"}
# Verbs whose subject states the figure they take: "police counted 1.28 million", "the agency recorded 9,000 cases".
RECORDING_VERBS = {"record", "register", "document", "log", "tally", "count", "confirm", "verify", "compile", "collect",
                   "list", "publish", "report", "release", "issue"}
# Verbs whose object or complement is the figure of their subject: "the death toll reached 300".
FIGURE_VERBS = {"be", "reach", "pass", "top", "exceed", "stand", "climb", "rise", "hit", "surpass", "total",
                "number", "increase", "grow", "double", "triple", "jump", "soar", "swell", "fall", "drop", "decline",
                "ease", "slow", "accelerate", "dip", "slip", "surge", "plunge", "tumble"}
# Verbs whose subject owns the figure they take: "Soviet forces lost 15,000 troops".
LOSS_VERBS = {"lose", "suffer", "sustain", "have", "count", "record", "mourn", "deploy", "field", "number", "send",
              "dispatch", "station", "mass", "amass", "keep", "maintain"}
ANAPHORA_SENTENCES = 2  # "disputed the count. Its own tally ... stood at 860,000": the figure of two sentences back
# Places and things counted are no people, whatever befell them: "killed 100 terrorists at nine sites" (nine is no
# toll), "struck some 1,600 targets" (a large count of its own)
PLACE_COUNTS = {"site", "location", "village", "town", "city", "district", "province", "region", "area", "target",
                "building", "house", "home", "position", "facility", "school", "hospital", "locality"}
# Owners whose losses are their fighters' or soldiers' dead: "the attackers' losses were more than 30"
ARMED_OWNER_WORDS = {"attacker", "assailant", "militant", "rebel", "insurgent", "jihadist", "army", "junta", "militia"}
# Amounts of a material: "about 275 kilograms of uranium", "2 million barrels", "40,000 tonnes of grain"
MATERIAL_UNITS = {"kilogram", "kg", "tonne", "ton", "pound", "barrel", "litre", "liter", "gallon", "bushel"}
OTHER_MINIMUM = 100  # "a dozen cities", "two children": small counts of anything are detail, not claims
TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "second", "decade", "century", "kilometre",
              "kilometer", "km", "mile", "metre", "meter", "time", "round", "point"}
HISTORICAL_YEARS = 2
