"""General-purpose word lists: countries, demonyms, capitals, seas, regions, agencies, titles.

These lists are deliberately generic (no article-specific entries): they correct the
small spaCy model where it is weakest (demonyms tagged as places, capitals tagged as
people) and let the extractor find well-known places the model misses.
"""

from __future__ import annotations

from extract.wordlists import split_words

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
Yemen|Zambia|Zimbabwe|Hong Kong|Macau|Greenland|Crimea|Gaza|Gaza Strip|West Bank|Kashmir|
Tibet|Xinjiang|Puerto Rico|Guam""".replace("\n", "").split("|")
)

CAPITALS = frozenset(
    """Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Manama|Dhaka|Minsk|
Brussels|Thimphu|La Paz|Sarajevo|Gaborone|Brasilia|Brasília|Sofia|Phnom Penh|Yaounde|Ottawa|
Santiago|Beijing|Bogota|Bogotá|Kinshasa|Havana|Nicosia|Prague|Copenhagen|Cairo|Tallinn|
Addis Ababa|Helsinki|Paris|Libreville|Tbilisi|Berlin|Accra|Athens|Guatemala City|Conakry|
Budapest|Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|
Kingston|Tokyo|Amman|Astana|Nairobi|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|
Tripoli|Vilnius|Luxembourg|Antananarivo|Kuala Lumpur|Male|Bamako|Valletta|Nouakchott|
Port Louis|Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Windhoek|
Kathmandu|Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|Pyongyang|Skopje|Oslo|Muscat|
Islamabad|Panama City|Asuncion|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|
Dakar|Belgrade|Freetown|Bratislava|Ljubljana|Mogadishu|Pretoria|Cape Town|Seoul|Juba|Madrid|
Colombo|Khartoum|Stockholm|Bern|Damascus|Taipei|Dushanbe|Dodoma|Bangkok|Lome|Tunis|Ankara|
Ashgabat|Kampala|Kyiv|Kiev|Abu Dhabi|London|Washington|Montevideo|Tashkent|Caracas|Hanoi|
Sanaa|Lusaka|Harare|Dubai|Shanghai|Mumbai|Karachi|Lahore|Istanbul|New York|Los Angeles|
Chicago|Geneva|Munich|Frankfurt|Hamburg|Milan|Barcelona|Sydney|Melbourne|Toronto|Vancouver|
Montreal|Osaka|Kolkata|Chennai|Bengaluru|Bangalore|Hyderabad|Saint Petersburg|St Petersburg|
Odesa|Odessa|Kharkiv|Aleppo|Mosul|Basra|Kandahar|Herat|Peshawar|Quetta|Gurugram|Gurgaon|
Singapore|Hong Kong|Ho Chi Minh City|Rangoon|Yangon|Jeddah|Mecca|Medina|Benghazi|Lagos|
Johannesburg|Casablanca|Alexandria|Strasbourg|Brussels|Sevastopol|Donetsk|Luhansk|Mariupol|
Rafah|Khan Younis|Ramallah|Haifa|Manchester|Birmingham|Edinburgh|Glasgow|Belfast|Houston|
San Francisco|Boston|Seattle|Miami|Honolulu|Pearl Harbor|Guantanamo|Okinawa|Vladivostok""".replace(
        "\n", ""
    ).split("|")
)

REGIONS = frozenset(
    """Africa|Asia|Europe|North America|South America|Latin America|Antarctica|Arctic|Oceania|
Middle East|Near East|Far East|South Asia|West Asia|East Asia|Southeast Asia|South-East Asia|
Central Asia|Asia-Pacific|Indo-Pacific|Eastern Europe|Western Europe|Central Europe|Balkans|
Caucasus|Sahel|Horn of Africa|North Africa|West Africa|East Africa|Southern Africa|
Sub-Saharan Africa|Gulf|Persian Gulf|Gulf of Aden|Gulf of Oman|Gulf of Mexico|Indian Ocean|
Pacific Ocean|Atlantic Ocean|Pacific|Atlantic|Arctic Ocean|Southern Ocean|Mediterranean|
Mediterranean Sea|Red Sea|Black Sea|Baltic Sea|Caspian Sea|Arabian Sea|Dead Sea|North Sea|
South China Sea|East China Sea|Yellow Sea|Sea of Japan|Sea of Azov|Aegean Sea|Adriatic Sea|
Caribbean|Caribbean Sea|Bay of Bengal|Strait of Hormuz|Taiwan Strait|Malacca Strait|
Strait of Malacca|Bab el-Mandeb|Suez Canal|Panama Canal|English Channel|Korean Peninsula|
Sinai|Golan Heights|Donbas|Donbass|Siberia|Scandinavia|Punjab|Kashmir|Jammu and Kashmir|
Ladakh|Balochistan|Khyber Pakhtunkhwa|Kurdistan|Darfur|Tigray|Kurdistan Region|
Western Sahara|Nagorno-Karabakh|Transnistria|Abkhazia|South Ossetia|Hawaii|Alaska|California|
Texas|Florida|Arizona|Nevada|Virginia|Maryland|Indiana|Ohio|Michigan|Oregon|Utah|Colorado|
Wall Street|Silicon Valley|Sahara""".replace("\n", "").split("|")
)

US_FORMS = frozenset({"U.S.", "US", "U.S.A.", "USA", "United States of America", "the United States"})
UK_FORMS = frozenset({"U.K.", "UK"})

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
Latino|Soviet|Allied|Allies|Anglophiles|Republican|Republicans|Democrat|Democrats|
Democratic|Conservative|Conservatives|Labour|Communist|Communists""".replace("\n", "").split("|")
)

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
    "Pentagon": "Pentagon",
    "Kremlin": "Kremlin",
}

AGENCIES: dict[str, str] = {
    name.lower(): name
    for name in [
        "AP", "Reuters", "AFP", "UNI", "PTI", "IANS", "ANI", "CNN", "Xinhua", "TASS",
        "ITAR-TASS", "RIA Novosti", "Interfax", "Anadolu", "dpa", "DPA", "EFE", "ANSA", "Kyodo",
        "Yonhap", "Bloomberg", "Bernama", "Antara", "APP", "BSS", "KUNA", "WAM", "SPA", "IRNA",
        "Fars", "Tasnim", "Sputnik", "AAP", "CP", "UPI", "NNA", "MENA", "Petra", "QNA",
        "Prensa Latina", "Efe", "KCNA", "Agence France-Presse", "Associated Press",
        "Press Trust of India", "United News of India", "Indo-Asian News Service",
        "Asian News International", "PanARMENIAN.Net",
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

TITLE_WORDS = frozenset(
    """president|vice|minister|secretary|senator|sen|sen.|rep|rep.|representative|governor|
gov.|mayor|general|gen.|gen|admiral|adm.|colonel|col.|lieutenant|lt.|major|maj.|captain|capt.|
commander|chief|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|ambassador|
envoy|director|head|leader|speaker|prime|king|queen|prince|princess|emperor|pope|cardinal|
bishop|sheikh|judge|justice|attorney|prosecutor|officer|official|adviser|advisor|analyst|
economist|strategist|trader|professor|prof.|dr.|dr|mr.|mr|mrs.|mrs|ms.|ms|sir|dame|lord|
lady|hon.|rt.|chancellor|premier|deputy|assistant|undersecretary|commissioner|representative|
ceo|cfo|coo|founder|executive|manager|member|mp|mla|lawmaker|legislator|marshal|sergeant|
private|corporal|brigadier|inspector|superintendent|raksha|mantri|crown|mullah|ayatollah|
imam|rabbi|reverend|rev.|father|sister|brother|defence|defense|foreign|interior|home|
finance|state|external|affairs|national|security|high|army|navy|air|force|staff|joint|
former|ex|late|then|acting|interim|u.s.|us|spokesman|correspondent|editor|writer|reporter|
physician|doctor|nurse|deportee|coach|captain|player|striker|actor|actress|singer|author""".replace(
        "\n", ""
    ).split("|")
)

HONORIFICS = frozenset(split_words(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady hon hon. rt rt. sen sen. rep rep. gen gen. "
    "gov gov. col col. lt lt. capt capt. adm adm. maj maj. prof prof. rev rev. sgt sgt. "
    "president minister secretary general senator governor ambassador chancellor premier "
    "king queen prince princess pope sheikh justice judge mayor chairman director commander "
    "admiral colonel captain lieutenant spokesman spokeswoman prime"
))

ORG_HEADS = frozenset(
    """government|military|army|navy|air force|coast guard|police|parliament|ministry|
foreign ministry|defence ministry|defense ministry|interior ministry|embassy|senate|congress|
cabinet|armed forces|forces|marines|security forces|intelligence|border guard|
national guard|judiciary|supreme court|court|central bank|election commission""".replace(
        "\n", ""
    ).split("|")
)

ORG_KEYWORDS = frozenset(
    """ministry|department|agency|council|commission|committee|senate|parliament|assembly|
congress|court|bank|university|academy|institute|college|school|company|corp|corporation|
inc|inc.|ltd|llc|group|party|army|navy|force|forces|guard|police|office|organisation|
organization|union|association|federation|foundation|centre|center|authority|bureau|
service|services|board|league|alliance|front|movement|brigade|command|corps|news|times|post|
journal|tribune|airlines|airline|airways|exchange|fund|fed|reserve|hospital|klinik|clinic|
church|club|network|institution|team|task|unit|house|chamber|cabinet|government|coalition|
industries|systems|technologies|holdings|motors|media|press""".replace("\n", "").split("|")
)

ARMED_GROUPS = frozenset(
    """Taliban|Afghan Taliban|Pakistani Taliban|Hezbollah|Hamas|Houthis|Houthi|Islamic State|ISIS|
ISIL|Daesh|al-Qaeda|al Qaeda|Al-Qaeda|Boko Haram|al-Shabaab|Al-Shabaab|Lashkar-e-Taiba|
Jaish-e-Mohammed|Wagner Group|Wagner|PKK|YPG|Hayat Tahrir al-Sham|Islamic Jihad|
Mujahideen|Kataib Hezbollah""".replace("\n", "").split("|")
)

# Words that end a person's title, never an organisation's or place's name.
TITLE_HEADS = frozenset(
    """president|minister|secretary|senator|governor|mayor|general|admiral|colonel|lieutenant|
captain|commander|chief|chairman|chairwoman|spokesman|spokeswoman|spokesperson|ambassador|
envoy|director|leader|speaker|adviser|advisor|officer|official|analyst|economist|strategist|
trader|professor|chancellor|premier|deputy|commissioner|ceo|founder|executive|manager|
lawmaker|legislator|mantri|representative|correspondent|editor|reporter|physician""".replace(
        "\n", ""
    ).split("|")
)

# Words that end the name of a non-organisation the model often tags ORG.
NON_ORG_TAILS = frozenset(split_words(
    "show expo festival cup games olympics championship championships average index "
    "awards award prize agreement agreements treaty pact accord accords partnership convention "
    "deal memorandum mou protocol charter"
))

PLACE_NOUNS = (
    "province|district|area|region|city|town|village|county|state|valley|island|islands|"
    "port|airport|border|governorate|oblast|prefecture|municipality|prison|air\\s+base|"
    "naval\\s+base|military\\s+base|base|camp|palace|fort|harbour|harbor|strait|peninsula"
)

# Plural or generic subjects of "said" that are never a person's name.
GENERIC_SPEAKERS = frozenset(split_words(
    "Officials Official Analysts Critics Sources Police Witnesses Residents Authorities Experts "
    "Doctors Scientists Protesters Activists Lawmakers Diplomats Investigators Prosecutors "
    "Officers Soldiers Troops Militants Rebels Leaders Ministers Spokesmen Observers Others "
    "Many Some Several Both Neither Everyone Nobody Reports Documents Data Figures Statistics "
    "Traders Economists Investors Researchers Organisers Organizers Relatives Family Friends "
    "Neighbours Neighbors Locals Villagers Survivors Victims Families Supporters Opponents"
))
