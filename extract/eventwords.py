"""The English words that name occurrences: event nouns, the verbs that report events
and the irregular past forms.  Shared by the events extractor and the person filter
(a capitalised event noun or past verb is no name)."""

from __future__ import annotations

from extract.namelists import read_list
from extract.wordlists import split_words

# Event nouns by the event types of the ACE 2005 annotation guidelines (Life, Movement,
# Transaction, Business, Conflict, Contact, Personnel, Justice) and their usual nominal
# triggers, with the kinds of scheduled occurrence news dates (elections, launches,
# releases, disasters, negotiations and agreements), the general nouns of occurrence
# ("event", "incident": WordNet's hyponyms of "happening" that name no kind) and the sporting
# fixtures (WordNet's hyponyms of "contest": match, final, tournament, championship, race)
# and of "election" (runoff, by-election, plebiscite, primaries, recount).
EVENT_NOUNS = frozenset(
    split_words("""birth death deaths marriage wedding divorce injury funeral killing killings
assassination murder execution
visit trip tour travel flight evacuation deportation deportations extradition return arrival
departure withdrawal invasion
sale sales purchase acquisition merger takeover bankruptcy launch founding closure shutdown
order orders contract investment donation payment
attack attacks bombing bombings blast explosion strike strikes airstrike airstrikes raid raids
shooting stabbing ambush siege shelling incursion war battle clash clashes fighting offensive
operation operations invasion coup uprising hijacking kidnapping abduction seizure
protest protests demonstration rally riot
meeting meetings summit talks conference negotiations dialogue consultations call speech
address interview hearing testimony
election elections vote referendum runoff run-off by-election plebiscite primaries recount
appointment nomination resignation dismissal
inauguration impeachment
arrest arrests detention trial verdict ruling conviction sentencing sentence charge charges
indictment lawsuit appeal acquittal pardon release investigation inquiry
earthquake flood hurricane storm fire outbreak crash collision sinking accident
exercise exercises drill drills deployment test tests ceasefire truce agreement treaty deal
partnership signing ban sanctions tariffs announcement decision report ceremony anniversary
cyberattack hack breach event events incident incidents
match matches final tournament championship race""")
)
# Past-tense verbs that are ACE 2005 triggers of the same event types, mapped to the noun
# that names the event.
VERB_NOUNS = {
    "born": "birth", "died": "death", "killed": "killing", "married": "marriage",
    "assassinated": "assassination", "murdered": "murder", "executed": "execution",
    "injured": "injury", "wounded": "injury",
    "visited": "visit", "travelled": "trip", "traveled": "trip", "returned": "return",
    "arrived": "arrival", "deported": "deportation", "extradited": "extradition",
    "evacuated": "evacuation", "withdrew": "withdrawal", "invaded": "invasion",
    "sold": "sale", "bought": "purchase", "acquired": "acquisition", "merged": "merger",
    "founded": "founding", "launched": "launch", "closed": "closure", "invested": "investment",
    "donated": "donation", "paid": "payment", "ordered": "order",
    "attacked": "attack", "bombed": "bombing", "exploded": "explosion", "raided": "raid",
    "shot": "shooting", "stabbed": "stabbing", "ambushed": "ambush", "shelled": "shelling",
    "seized": "seizure", "captured": "capture", "kidnapped": "kidnapping", "annexed": "annexation",
    "protested": "protest", "rallied": "rally",
    "met": "meeting", "spoke": "speech", "called": "call", "interviewed": "interview",
    "elected": "election", "voted": "vote", "appointed": "appointment", "nominated": "nomination",
    "resigned": "resignation", "fired": "dismissal", "dismissed": "dismissal",
    "sworn": "inauguration", "impeached": "impeachment",
    "arrested": "arrest", "detained": "detention", "tried": "trial", "convicted": "conviction",
    "sentenced": "sentencing", "charged": "charge", "indicted": "indictment", "sued": "lawsuit",
    "appealed": "appeal", "acquitted": "acquittal", "pardoned": "pardon", "released": "release",
    "ruled": "ruling", "crashed": "crash", "collided": "collision", "sank": "sinking",
    "signed": "signing", "announced": "announcement", "banned": "ban", "tested": "test",
    "deployed": "deployment", "sanctioned": "sanctions", "approved": "approval",
    "agreed": "agreement", "suspended": "suspension", "opened": "opening",
    "purchased": "purchase", "hired": "hiring", "retired": "retirement", "fled": "flight",
    "jailed": "imprisonment", "imprisoned": "imprisonment",
    "fined": "fine", "freed": "release", "marched": "march", "divorced": "divorce",
    "surrendered": "surrender", "expelled": "expulsion", "hanged": "execution",
    "formed": "formation", "established": "establishment",
    # Verbs of change of state and of disappearance (Levin's classes 45.4 and 48.2) that
    # news tells accidents with: what happened to the subject is the occurrence.
    "collapsed": "collapse", "erupted": "eruption", "capsized": "capsizing",
    "derailed": "derailment",
}
# The irregular past and past-participle forms of English verbs (the verb exceptions of the
# spaCy model's lemmatizer, written to a data file by tools/word_lists_from_spacy.py),
# and the past forms spelled like their present, which no exception table lists (the verbs
# whose base and past are one word, Quirk et al. 3.16, class 7, and "beat"; "cost" and "read"
# left out, which tell a figure and a reading); the regular past is read by its "-ed" ending.
PAST_LIKE_BASE = frozenset(split_words(
    "beat bet bid burst cast cut hit hurt let put quit rid set shed shut split spread thrust "
    "upset"))
IRREGULAR_PAST = frozenset(read_list("irregular_past.txt")) | PAST_LIKE_BASE
