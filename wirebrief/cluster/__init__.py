"""The cluster commands: `seed` queues the start points, `crawl --redis` fetches, `ingest`
writes. Redis holds everything shared (see ``scraper/distributed``); SQLite stays the
store, written by one process only.
"""
