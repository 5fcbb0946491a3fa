"""Distributed crawling on scrapy-redis: many crawl workers share one Redis.

The queue, the duplicate filter, the in-flight leases and the per-domain politeness
clock all live in Redis so any number of workers behave as one polite crawler; the
fetched pages go back through Redis to a single writer (``wirebrief ingest``), because
SQLite takes one writer at a time. Nothing here is imported by a single-machine crawl.
"""
