"""The Scrapy project: one generic spider driven by the sources in ``wirebrief.toml``.

The rule between the packages: ``scraper`` fetches and stores, and may import from
``wirebrief`` only the store interface it writes pages and fetches to (``wirebrief.
store``). What to crawl and how politely arrives as plain Scrapy settings and the spider's
``sources`` argument (a list of dicts, scraper/sources.py), which wirebrief/crawl_settings.py
makes from ``wirebrief.toml``: the config's model is not scraper's business. It never
imports the pipeline (``wirebrief.pipeline``, ``crawl``, ``extracting``, the extractor
workers, the site): those import ``scraper``, and a crawl process should load only what
fetching needs. ``wirebrief.store`` imports nothing of ``scraper``, so the two packages
form no cycle. tests/test_package_rules.py checks this.
"""
