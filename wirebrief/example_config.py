"""The commented example config that `wirebrief init` writes."""

EXAMPLE_CONFIG = '''\
# wirebrief configuration. Relative paths are relative to this file.
# Every key is documented in README.md ("Configuration reference").

[site]
title = "Defence & Security Briefing"
description = "A daily briefing of defence, security and foreign-policy news."
base_url = "https://example.org/briefing/"   # where build/ is published
output = "build"                              # the rendered site
database = "wirebrief.db"                     # the SQLite store
language = "en"
briefing_days = 3          # how many days of stories the briefing page shows
feed_items = 50            # items per feed
feed_content = "full"      # "full" text or "summary" in feeds

[crawl]
contact_url = "https://example.org/briefing/about/"   # shown in the user agent
obey_robots = true
delay = 1.0                  # seconds between requests to one host
concurrency_per_domain = 2
download_timeout = 20        # seconds
max_page_bytes = 5000000
max_pages_per_source = 200   # per run
max_age_days = 7             # skip feed/sitemap entries older than this
relevance_filter = true      # keep only stories that match a topic below

[extract]
timeout_seconds = 30         # a page taking longer is abandoned and recorded
# spacy_model = "en_core_web_sm"   # any installed spaCy pipeline

# [topics]                   # replace the built-in taxonomy (label = keywords)
# "maritime security" = ["navy", "naval", "coast guard", "piracy", "sea lanes"]

# A watchlist: /watch/<slug>/ lists its stories, with feeds (see docs/watch.md). A story
# matches when every key given matches (any one value of a list).
# [[watch]]
# name = "Red Sea shipping"
# query = '"Red Sea" OR Houthi*'   # FTS5 syntax over titles and text
# entities = ["EUNAVFOR"]          # names or aliases of people, organisations, places
# topics = ["maritime security"]
# notify = true                    # run [run] notify_command / webhook on new matches

# The morning email (`wirebrief digest --send`, or after each tick with after_run).
# [digest]
# smtp_host = "smtp.example.org"
# smtp_port = 587
# starttls = true
# username = "briefing"
# password_env = "SMTP_PASSWORD"   # the NAME of the variable holding the password
# from = "briefing@example.org"
# to = ["analyst@example.org"]
# after_run = false

# Real-world sources. Check each site's terms and robots.txt before enabling it.

[[sources]]
name = "U.S. Department of Defense"
feeds = ["https://www.defense.gov/DesktopModules/ArticleCS/RSS.ashx?ContentType=1&Site=945&max=10"]
allowed_domains = ["defense.gov"]

[[sources]]
name = "NATO News"
home = "https://www.nato.int/"               # feeds and sitemaps are discovered from the home page
allowed_domains = ["nato.int"]

[[sources]]
name = "UN News: Peace and Security"
feeds = ["https://news.un.org/feed/subscribe/en/news/topic/peace-and-security/feed/rss.xml"]
allowed_domains = ["news.un.org"]

[[sources]]
name = "Press Information Bureau (India), Ministry of Defence"
agency = "PIB"
feeds = ["https://pib.gov.in/RssMain.aspx?ModId=6&Lang=1&Regid=3"]
allowed_domains = ["pib.gov.in"]

[[sources]]
name = "UK Ministry of Defence"
feeds = ["https://www.gov.uk/government/organisations/ministry-of-defence.atom"]
allowed_domains = ["gov.uk"]

[[sources]]
name = "European External Action Service"
home = "https://www.eeas.europa.eu/"
allowed_domains = ["eeas.europa.eu"]
enabled = false                               # disabled sources are kept but not crawled

[[sources]]
name = "AP News: World"
sitemaps = ["https://apnews.com/news-sitemap-content.xml"]
pages = [{ url = "https://apnews.com/world-news", article_links = "/article/", max_pages = 1 }]
allowed_domains = ["apnews.com"]
agency = "AP"
max_pages = 50
'''
