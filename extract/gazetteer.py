"""General-purpose word lists: countries, demonyms, capitals, seas, regions, agencies, titles.

Every list names the general source it was written from (ISO 3166, a list of
national capitals, the UN M49 regions, the IHO list of seas, office titles and
honorifics, ...) in the comment above it; none holds an entry because a page
needed it, so what the lists do for one article they do for any.  They correct
the small spaCy model where it is weakest (demonyms tagged as places, capitals
tagged as people) and let the extractor find well-known places the model misses.
"""

from __future__ import annotations

import functools
import re

from extract.wordlists import split_words

# ISO 3166-1 countries and territories by their English short names, with the common short
# forms of those names (Britain, Burma, Czechia, Turkiye) and the four countries of the
# United Kingdom (ISO 3166-2:GB).
COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Congo|Democratic Republic of the Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|
Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|
Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|
Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|
Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|
Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Turkiye|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|United Kingdom|Britain|Great Britain|England|Scotland|Wales|
Northern Ireland|United States|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|
Yemen|Zambia|Zimbabwe|Hong Kong|Macau|Greenland|Puerto Rico|Guam|Western Sahara"""
    .replace("\n", "").split("|")
)
# News writes the article of an "of the" name as often without it ("Democratic Republic of
# Congo").
COUNTRIES = COUNTRIES | {name.replace(" of the ", " of ") for name in COUNTRIES if " of the " in name}

# The national capitals of the ISO 3166-1 countries above (with the common spelling variants
# Kiev/Kyiv, Bogota/Bogotá, Brasilia/Brasília; Delhi for the National Capital Territory),
# and the capitals of the four countries of the United Kingdom.  Capitals that are also
# common English words or first names (Male, Victoria) are left to the model.
CAPITALS = frozenset(
    """Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Manama|Dhaka|Minsk|
Brussels|Thimphu|La Paz|Sarajevo|Gaborone|Brasilia|Brasília|Sofia|Phnom Penh|Yaounde|Ottawa|
Santiago|Beijing|Bogota|Bogotá|Kinshasa|Havana|Nicosia|Prague|Copenhagen|Cairo|Tallinn|
Addis Ababa|Helsinki|Paris|Libreville|Tbilisi|Berlin|Accra|Athens|Guatemala City|Conakry|
Budapest|Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Rome|
Kingston|Tokyo|Amman|Astana|Nairobi|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|
Tripoli|Vilnius|Luxembourg|Antananarivo|Kuala Lumpur|Bamako|Valletta|Nouakchott|
Port Louis|Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Windhoek|
Kathmandu|Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|Pyongyang|Skopje|Oslo|Muscat|
Islamabad|Panama City|Asuncion|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|
Dakar|Belgrade|Freetown|Bratislava|Ljubljana|Mogadishu|Pretoria|Cape Town|Seoul|Juba|Madrid|
Colombo|Khartoum|Stockholm|Bern|Damascus|Taipei|Dushanbe|Dodoma|Bangkok|Lome|Tunis|Ankara|
Ashgabat|Kampala|Kyiv|Kiev|Abu Dhabi|London|Washington|Montevideo|Tashkent|Caracas|Hanoi|
Sanaa|Lusaka|Harare|Singapore|Hong Kong|Edinburgh|Cardiff|Belfast|Ouagadougou|Bujumbura|
Praia|Bangui|N'Djamena|Moroni|Brazzaville|San Jose|Zagreb|Djibouti|Santo Domingo|Quito|
San Salvador|Malabo|Asmara|Mbabane|Suva|Banjul|Bissau|Georgetown|Port-au-Prince|
Tegucigalpa|Monrovia|Maseru|Lilongwe|Vaduz|Majuro|Palikir|Monaco|Port Moresby|Apia|
San Marino|Honiara|Paramaribo|Lome|Nuku'alofa|Funafuti|Port Vila|Lusaka"""
    .replace("\n", "").split("|")
)

# Urban agglomerations of five million people or more (UN World Urbanization Prospects,
# 2018 revision) that are not national capitals: cities a dateline names as often as capitals.
MAJOR_CITIES = frozenset(
    """Shanghai|Sao Paulo|São Paulo|Mumbai|Osaka|New York|Karachi|Chongqing|Istanbul|Kolkata|
Lagos|Rio de Janeiro|Tianjin|Guangzhou|Los Angeles|Shenzhen|Lahore|Bangalore|Bengaluru|
Chennai|Nagoya|Hyderabad|Chicago|Chengdu|Nanjing|Wuhan|Ho Chi Minh City|Ahmedabad|Xi'an|
Dongguan|Hangzhou|Foshan|Shenyang|Surat|Suzhou|Pune|Harbin|Houston|Dallas|Toronto|
Dar es Salaam|Miami|Belo Horizonte|Philadelphia|Atlanta|Fukuoka|Barcelona|Johannesburg|
Saint Petersburg|St Petersburg|Qingdao|Dalian|Yangon|Alexandria|Jinan|Guadalajara"""
    .replace("\n", "").split("|")
)

# Continents and the UN M49 regions and sub-regions, the world regions in common English use
# (Middle East, Balkans, Caucasus, Horn of Africa, Indo-Pacific), the oceans and seas of the
# IHO's "Limits of Oceans and Seas", the maritime chokepoints of the US EIA's list, and the
# fifty US states (ISO 3166-2:US), and the first-level divisions of the most populous
# federations in the news: India's states and union territories (ISO 3166-2:IN), China's
# provinces and autonomous regions (ISO 3166-2:CN), Pakistan's provinces (ISO 3166-2:PK),
# Canada's provinces and territories (ISO 3166-2:CA) and Australia's states (ISO 3166-2:AU).
# The planets of the IAU's 2006 definition and the Moon, written capitalised as the places
# missions go to ("landing on the Moon", "boots on Mars").
CELESTIAL_BODIES = frozenset({
    "Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Moon"})
REGIONS = frozenset(
    """Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|
Arctic|Oceania|Melanesia|Micronesia|Polynesia|Northern Africa|North Africa|Western Africa|
West Africa|Eastern Africa|East Africa|Middle Africa|Central Africa|Southern Africa|
Sub-Saharan Africa|Northern America|Eastern Asia|East Asia|South-eastern Asia|Southeast Asia|
South-East Asia|Southern Asia|South Asia|Western Asia|West Asia|Central Asia|Eastern Europe|
Western Europe|Northern Europe|Southern Europe|Central Europe|Middle East|Near East|Far East|
Asia-Pacific|Indo-Pacific|Balkans|Caucasus|Sahel|Horn of Africa|Scandinavia|
Indian Ocean|Pacific Ocean|Atlantic Ocean|Pacific|Atlantic|Arctic Ocean|Southern Ocean|
Mediterranean|Mediterranean Sea|Red Sea|Black Sea|Baltic Sea|Caspian Sea|Arabian Sea|
North Sea|South China Sea|East China Sea|Yellow Sea|Sea of Japan|Sea of Azov|Aegean Sea|
Adriatic Sea|Caribbean|Caribbean Sea|Bay of Bengal|Persian Gulf|Gulf of Aden|Gulf of Oman|
Gulf of Mexico|English Channel|Strait of Hormuz|Strait of Malacca|Malacca Strait|
Bab el-Mandeb|Suez Canal|Panama Canal|Bosporus|Alabama|Alaska|Arizona|Arkansas|California|
Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|
Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|
Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|
Virginia|Washington State|West Virginia|Wisconsin|Wyoming|
Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|
Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|
Odisha|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|
West Bengal|Andaman and Nicobar Islands|Chandigarh|Jammu and Kashmir|Ladakh|Lakshadweep|
Puducherry|Anhui|Fujian|Gansu|Guangdong|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|Hunan|
Jiangsu|Jiangxi|Jilin|Liaoning|Qinghai|Shaanxi|Shandong|Shanxi|Sichuan|Yunnan|Zhejiang|
Guangxi|Inner Mongolia|Ningxia|Xinjiang|Tibet|Balochistan|Khyber Pakhtunkhwa|Sindh|
Gilgit-Baltistan|Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador|
Nova Scotia|Ontario|Prince Edward Island|Quebec|Saskatchewan|Yukon|Nunavut|
Northwest Territories|New South Wales|Queensland|South Australia|Tasmania|Victoria|
Western Australia|Northern Territory""".replace("\n", "").split("|")
) | CELESTIAL_BODIES

US_FORMS = frozenset({"U.S.", "US", "U.S.A.", "USA", "United States of America", "the United States"})
UK_FORMS = frozenset({"U.K.", "UK"})

# Nationality and religious or political group words: the OntoNotes NORP category the model
# is trained on (the demonyms of the ISO 3166-1 countries above, of world regions, of the major
# world religions and their branches, of large ethnic groups, and of party families).
DEMONYMS = frozenset(
    """Afghan|Albanian|Algerian|American|Americans|Angolan|Argentine|Argentinian|Armenian|
Australian|Austrian|Azerbaijani|Bahraini|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|
Brazilian|British|Briton|Britons|Bulgarian|Burmese|Cambodian|Cameroonian|Canadian|Chadian|
Chilean|Chinese|Colombian|Congolese|Croatian|Cuban|Cypriot|Czech|Danish|Dutch|Ecuadorian|
Egyptian|Emirati|English|Eritrean|Estonian|Ethiopian|European|Europeans|Filipino|Finnish|
French|Georgian|German|Germans|Ghanaian|Greek|Guatemalan|Haitian|Honduran|Hungarian|
Icelandic|Indian|Indians|Indonesian|Iranian|Iranians|Iraqi|Iraqis|Irish|Israeli|Israelis|
Italian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kuwaiti|Kyrgyz|Lao|Latvian|
Lebanese|Liberian|Libyan|Lithuanian|Malagasy|Malaysian|Maldivian|Malian|Maltese|Mexican|
Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepali|Nepalese|Nigerian|
Nigerians|Nigerien|Norwegian|Omani|Pakistani|Pakistanis|Palestinian|Palestinians|Panamanian|
Paraguayan|Persian|Peruvian|Philippine|Polish|Portuguese|Qatari|Romanian|Russian|Russians|
Rwandan|Saudi|Saudis|Scottish|Senegalese|Serbian|Singaporean|Slovak|Slovenian|Somali|
South African|South Korean|North Korean|South Sudanese|Spanish|Sri Lankan|Sudanese|Swedish|
Swiss|Syrian|Syrians|Taiwanese|Tajik|Tanzanian|Thai|Tunisian|Turkish|Turkmen|Ugandan|
Ukrainian|Ukrainians|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|
Western|Eastern|Asian|African|Arab|Arabs|Latin|Nordic|Baltic|Kurdish|Kurds|Sunni|Shia|
Shiite|Muslim|Muslims|Christian|Christians|Jewish|Jews|Hindu|Hindus|Sikh|Sikhs|Buddhist|
Catholic|Islamic|Pashtun|Baloch|Uighur|Uyghur|Rohingya|Tamil|Punjabi|Bengali|Hispanic|
Latino|Soviet|Republican|Republicans|Democrat|Democrats|
Democratic|Conservative|Conservatives|Labour|Communist|Communists""".replace("\n", "").split("|")
)

# Acronyms of the UN and the major intergovernmental organisations (the UN system chart and
# the Union of International Associations' list of intergovernmental bodies).
ORG_ALIASES: dict[str, str] = {
    "EU": "European Union",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "NATO": "North Atlantic Treaty Organization",
    "ASEAN": "Association of Southeast Asian Nations",
    "AU": "African Union",
    "WHO": "World Health Organization",
    "IMF": "International Monetary Fund",
    "IAEA": "International Atomic Energy Agency",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "UNSC": "United Nations Security Council",
    "SCO": "Shanghai Cooperation Organisation",
    "G7": "Group of Seven",
    "G20": "Group of 20",
}

# The largest parties of the US Congress and the UK House of Commons by the words news style
# names them and their members with ("Republicans", "the GOP", "Tories"): each word stands for
# its party.  "Conservative" alone is left out: in US usage it is an ordinary adjective.
PARTY_ALIASES: dict[str, str] = {
    "Republican": "Republican Party", "Republicans": "Republican Party", "GOP": "Republican Party",
    "Democrat": "Democratic Party", "Democrats": "Democratic Party",
    "Democratic": "Democratic Party",
    "Labour": "Labour Party", "Tory": "Conservative Party", "Tories": "Conservative Party",
    "Conservatives": "Conservative Party",
}
ORG_ALIASES.update(PARTY_ALIASES)

# News agencies: the national and international wire services of the list of news agencies
# (members of the European Alliance of News Agencies, OANA and the major global wires), plus
# the broadcasters whose stories carry a wire-style credit (CNN, Bloomberg).
AGENCIES: dict[str, str] = {
    name.lower(): name
    for name in [
        "AP", "Reuters", "AFP", "UNI", "PTI", "IANS", "ANI", "CNN", "Xinhua", "TASS",
        "ITAR-TASS", "RIA Novosti", "Interfax", "Anadolu", "dpa", "DPA", "EFE", "ANSA", "Kyodo",
        "Yonhap", "Bloomberg", "Bernama", "Antara", "APP", "BSS", "KUNA", "WAM", "SPA", "IRNA",
        "Fars", "Tasnim", "Sputnik", "AAP", "CP", "UPI", "NNA", "MENA", "Petra", "QNA",
        "Prensa Latina", "Efe", "KCNA", "Agence France-Presse", "Associated Press",
        "Press Trust of India", "United News of India", "Indo-Asian News Service",
        "Asian News International",
    ]
}
AGENCY_CANON = {
    "associated press": "AP",
    "the associated press": "AP",
    "agence france-presse": "AFP",
    "press trust of india": "PTI",
    "united news of india": "UNI",
    "indo-asian news service": "IANS",
    "asian news international": "ANI",
    "efe": "EFE",
    "dpa": "dpa",
}

# Words of a title written before a name: honorifics, office and military ranks, religious
# titles, the portfolios that compose office titles ("Foreign Minister", "Chief of Army
# Staff", "Chief Cabinet Secretary", "Cabinet Minister"), the qualifiers former/acting/
# deputy, and occupational titles that news style writes before a name (analyst,
# economist, correspondent).
TITLE_WORDS = frozenset(
    """president|vice|minister|secretary|senator|sen|sen.|rep|rep.|representative|governor|
gov.|mayor|general|gen.|gen|admiral|adm.|colonel|col.|lieutenant|lt.|major|maj.|captain|capt.|
commander|commodore|rear|chief|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|ambassador|
envoy|director|head|leader|speaker|prime|king|queen|prince|princess|emperor|pope|cardinal|
bishop|sheikh|judge|justice|attorney|prosecutor|officer|official|adviser|advisor|analyst|
economist|strategist|trader|professor|prof.|dr.|dr|mr.|mr|mrs.|mrs|ms.|ms|sir|dame|lord|
lady|hon.|rt.|chancellor|premier|deputy|assistant|undersecretary|commissioner|representative|
ceo|cfo|coo|founder|executive|manager|member|mp|mla|lawmaker|legislator|marshal|sergeant|
private|corporal|brigadier|brig|brig.|inspector|superintendent|crown|mullah|ayatollah|
imam|rabbi|reverend|rev.|father|sister|brother|defence|defense|foreign|interior|home|
finance|state|external|affairs|national|security|high|army|navy|air|force|staff|joint|cabinet|
former|ex|late|then|acting|interim|u.s.|us|spokesman|correspondent|editor|writer|reporter|
physician|doctor|nurse|coach|captain|player|actor|actress|singer|author|administrator|
employee|worker|staffer|aide|lawyer|teacher|student|engineer|scientist|researcher|consultant|
candidate|nominee|activist|owner|partner|producer|designer|artist|architect|pilot|astronaut|
columnist|anchor|host|presenter|historian|curator|campaigner|organiser|organizer""".replace(
        "\n", ""
    ).split("|")
)

# Honorifics and the office titles used as forms of address before a surname ("Sen.", "Gen.",
# "Prime Minister"): stripped from the front of a person's name.
HONORIFICS = frozenset(split_words(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady hon hon. rt rt. sen sen. rep rep. gen gen. "
    "gov gov. col col. lt lt. capt capt. adm adm. maj maj. prof prof. rev rev. sgt sgt. "
    "president minister secretary general senator governor ambassador chancellor premier "
    "king queen prince princess pope sheikh justice judge mayor chairman director commander "
    "admiral colonel captain lieutenant spokesman spokeswoman prime"
))

# The abbreviated titles the AP Stylebook writes before a full name, written out as a title
# ("Sen. Ana Ruiz": a senator).
TITLE_ABBREVIATIONS = {
    "sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General",
    "adm": "Admiral", "col": "Colonel", "lt": "Lieutenant", "capt": "Captain", "maj": "Major",
    "sgt": "Sergeant", "cmdr": "Commander", "prof": "Professor", "rev": "Reverend",
}

# Institutions of a state, named by their owner ("Afghan government", "US military"): the
# branches of government, the armed services and the usual ministries.
ORG_HEADS = frozenset(
    """government|military|army|navy|air force|coast guard|police|parliament|ministry|
foreign ministry|defence ministry|defense ministry|interior ministry|embassy|senate|congress|
cabinet|armed forces|forces|marines|security forces|intelligence|border guard|
national guard|judiciary|supreme court|court|central bank|election commission""".replace(
        "\n", ""
    ).split("|")
)

# Head nouns of organisation names: the institution words and company suffixes (Inc., Ltd,
# Corp., Co., PLC, GmbH, LLC: the legal forms of ISO 20275 as news abbreviates them;
# Productions, Studios, Partners) of English organisation names, research
# institutions (observatory, laboratory), the usual newspaper and airline name words, and the
# industry words that end company names (the industry names of the Global Industry
# Classification Standard: Aerospace & Defense, Marine Shipping, Electronic Equipment, ...)
# the military units' echelons of NATO's APP-6 symbology (brigade, battalion, regiment, in
# the plural that names armed groups too: "Qassam Brigades", "Revolutionary Guards"),
# and the name words of association football clubs (FC, AFC, United, Rovers, Wanderers,
# Athletic, Albion: "Leeds United" is a club, no person).
ORG_KEYWORDS = frozenset(
    """ministry|department|agency|council|commission|committee|senate|parliament|assembly|
congress|court|bank|university|academy|institute|college|school|company|corp|corporation|
inc|inc.|ltd|llc|co|co.|plc|gmbh|group|party|army|navy|force|forces|guard|police|office|organisation|
organization|union|association|federation|foundation|centre|center|authority|bureau|
service|services|board|league|alliance|front|movement|brigade|brigades|battalion|battalions|
regiment|regiments|guards|command|corps|news|times|post|
journal|tribune|airlines|airline|airways|exchange|fund|reserve|hospital|clinic|
church|club|network|institution|team|task|unit|house|chamber|cabinet|government|coalition|
industries|systems|technologies|holdings|motors|media|press|productions|studios|studio|
entertainment|pictures|records|partners|capital|equities|securities|observatory|laboratory|
laboratories|labs|museum|library|festival|shipping|maritime|marine|aerospace|dynamics|
sensors|drones|engineering|electronics|energy|petroleum|steel|logistics|shipyard|shipbuilding|
robotics|semiconductor|semiconductors|communications|telecom|software|pharmaceuticals|
insurance|utilities|railways|railway|automotive|chemicals|mining|metals|
fc|afc|united|rovers|wanderers|athletic|albion""".replace("\n", "").split("|")
)

# The words that open the names of football clubs before their city's, by the same naming of
# association football clubs as the club words above ("Athletic Bilbao", "Real Madrid",
# "Dynamo Kyiv", "Inter Milan").
CLUB_PREFIXES = frozenset(split_words("Athletic Real Inter Dynamo Sporting Olympique Racing"))

# Armed groups on the UN Security Council's consolidated sanctions list or the US State
# Department's list of Foreign Terrorist Organizations, under their usual English names.
ARMED_GROUPS = frozenset(
    """Taliban|Tehrik-e-Taliban Pakistan|Hezbollah|Hamas|Houthis|Houthi|Islamic State|ISIS|
ISIL|Daesh|al-Qaeda|al Qaeda|Al-Qaeda|Boko Haram|al-Shabaab|Al-Shabaab|Lashkar-e-Taiba|
Jaish-e-Mohammed|Wagner Group|PKK|Hayat Tahrir al-Sham|Islamic Jihad|Kataib Hezbollah"""
    .replace("\n", "").split("|")
)

# Seats of government that news names for the government or ministry itself ("the Kremlin
# said", "Downing Street denied"): the metonyms newsroom style guides list (AP, Reuters).
GOVERNMENT_SEATS = frozenset(split_words(
    "Kremlin Pentagon Élysée Elysee Zhongnanhai Whitehall"
)) | {"White House", "Downing Street", "Blue House", "Capitol Hill", "Foggy Bottom", "Quai d'Orsay"}
# Names a gazetteer holds as organisations whatever the model tags them.
NAMED_ORGS = ARMED_GROUPS | GOVERNMENT_SEATS

# Words that end a person's title, never an organisation's or place's name: the head nouns
# of the office and occupational titles of TITLE_WORDS.
TITLE_HEADS = frozenset(
    """president|minister|secretary|senator|governor|mayor|general|admiral|colonel|lieutenant|
captain|commander|commodore|chief|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|ambassador|
envoy|director|leader|speaker|adviser|advisor|officer|official|analyst|economist|strategist|
trader|professor|chancellor|premier|deputy|commissioner|ceo|founder|executive|manager|
lawmaker|legislator|representative|correspondent|editor|reporter|physician""".replace(
        "\n", ""
    ).split("|")
)

# Words that end the name of a non-organisation the model often tags ORG: the OntoNotes
# EVENT and LAW categories' head nouns (EVENT: named hurricanes, battles, wars, sports
# events, and the pandemics named like them, "Black Death"; with the documents of policy:
# plan, roadmap, strategy, doctrine, the lists a policy keeps ("Entity List"), and the
# programmes that carry them out, which are no group of people, the ACE 2005 guidelines'
# test of an organisation), and market indices.
# A "System" in the singular is a product or programme of that kind ("Human Landing System",
# "Space Launch System"); companies call themselves "Systems".
PROGRAMME_NOUNS = frozenset(split_words("program programme programs programmes initiative scheme"))
# The kinds of instrument of the UN Treaty Collection's glossary (agreement, treaty,
# convention, protocol, charter, pact, accord, memorandum of understanding, covenant,
# compact, ...), the "arrangement" that names instruments of the UN Treaty Series too
# ("Wassenaar Arrangement"), partnerships and commercial deals.
AGREEMENT_KINDS = frozenset(split_words(
    "agreement treaty partnership accord accords pact convention deal memorandum mou protocol "
    "charter compact arrangement covenant"
))
NON_ORG_TAILS = AGREEMENT_KINDS | frozenset(split_words(
    "show expo festival cup games olympics championship championships average index "
    "awards award prize agreements arrangements "
    "plan roadmap strategy doctrine act list "
    "war wars battle battles hurricane typhoon cyclone storm revolution uprising massacre "
    "pandemic epidemic plague flu death "
    "system"
)) | PROGRAMME_NOUNS

# Administrative divisions (the types used in ISO 3166-2) and generic geographic feature and
# facility nouns that follow or precede a place name ("Logar province", "port of Aden").
PLACE_NOUNS = (
    "province|district|area|region|city|town|village|county|state|valley|island|islands|"
    "port|airport|border|governorate|oblast|prefecture|municipality|prison|air\\s+base|"
    "naval\\s+base|military\\s+base|base|camp|palace|fort|harbour|harbor|strait|peninsula"
)

# The head nouns of the OntoNotes 5.0 named-entity guidelines' FAC class (buildings,
# airports, highways, bridges and other built sites), which FACTS.md counts as places.
FACILITIES = frozenset(split_words(
    "facility facilities airport airfield base station stadium arena building tower bridge "
    "palace prison jail shipyard dockyard refinery terminal pad highway "
    "motorway tunnel dam hall spaceport cosmodrome"
))
# The launch and test sites of space agencies are named "<name> Space Center" (Kennedy,
# Stennis, Tanegashima, Satish Dhawan): built sites too, though "Center" alone also names
# bodies ("Information Fusion Centre").
_SPACE_SITE = ("space center", "space centre")

# Generic terms that end the name of a natural or built site (the feature classes of the
# USGS Geographic Names Information System: bay, cape, channel, island, reef, shoal, ...).
GEO_FEATURES = frozenset(split_words(
    "shoal shoals reef reefs atoll atolls cay island islands isle archipelago bay cape "
    "strait sea gulf lake river mountain mountains peninsula desert valley plateau harbour "
    "harbor canal lagoon delta"
))


def is_space_site(name: str) -> bool:
    """Whether the name is a space agency's site ("Stennis Space Center")."""
    return name.lower().endswith(_SPACE_SITE)


# The initials of the listed places of several words ("UAE", "DRC", "CAR"): how news writes
# those places short.
@functools.cache
def _place_initials() -> frozenset[str]:
    return frozenset("".join(word[0] for word in re.split(r"[\s\-/]+", place) if word[:1].isupper())
                     for place in PLACE_NAMES if " " in place)


def is_listed_place_acronym(name: str) -> bool:
    """Whether an acronym is a listed place's name or its initials ("UK", "UAE", "DRC")."""
    return name in PLACE_NAMES or name in US_FORMS or name in UK_FORMS or name in _place_initials()


def names_a_site(name: str) -> bool:
    """Whether a name of two or more words says it is a site: it ends with the head noun of a
    built site or a natural feature, or names a space agency's site ("Sabina Shoal", "Arlo
    Bridge", "Stennis Space Center")."""
    return " " in name and (name.split()[-1].lower() in FACILITIES | GEO_FEATURES
                            or is_space_site(name))


# Plural or generic subjects of "said" that are never a person's name: common nouns for groups
# of people and the indefinite pronouns (a capitalised one only starts a sentence).
GENERIC_SPEAKERS = frozenset(split_words(
    "Officials Official Analysts Critics Sources Police Witnesses Residents Authorities Experts "
    "Doctors Scientists Protesters Activists Lawmakers Diplomats Investigators Prosecutors "
    "Officers Soldiers Troops Militants Rebels Leaders Ministers Spokesmen Observers Others "
    "Many Some Several Both Neither Everyone Nobody Reports Documents Data Figures Statistics "
    "Traders Economists Investors Researchers Organisers Organizers Relatives Family Friends "
    "Neighbours Neighbors Locals Villagers Survivors Victims Families Supporters Opponents"
))

# Every place the lists above name, by its listed name.
PLACE_NAMES = COUNTRIES | CAPITALS | MAJOR_CITIES | REGIONS

# The English function words that open a sentence capitalised (articles, demonstratives,
# prepositions, conjunctions, pronouns, linking adverbs and quantifiers): a run of capitalised
# words opening with one is no name that starts there.
FUNCTION_WORDS = frozenset(split_words(
    "The A An This That These Those In On At For From With By Of And But Or If As It He She "
    "They We I You His Her Their Its Our When While After Before Since During Although Though "
    "Meanwhile However Later Earlier Further Also Then So Yet Some Many Most All Both Each"
))

# The weekdays and months, capitalised in English but no names of people or bodies.
WEEKDAY_AND_MONTHS = frozenset(split_words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December"
))
