"""The Scrapy project: one generic spider driven by the sources in ``wirebrief.toml``.

The rule between the packages: ``scraper`` fetches and stores, and may import from
``wirebrief`` only the two things it shares with the rest of the program, the config
(``wirebrief.config``: what to crawl and how politely) and the store interface it writes
pages and fetches to (``wirebrief.store``). It never imports the pipeline (``wirebrief.
pipeline``, ``crawl``, ``extracting``, the extractor workers, the site): those import
``scraper``, and a crawl process should load only what fetching needs. Neither
``wirebrief.config`` nor ``wirebrief.store`` imports ``scraper``, so the two packages
form no cycle. tests/test_package_rules.py checks this.
"""
