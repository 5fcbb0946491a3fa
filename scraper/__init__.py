"""The Scrapy project: one generic spider driven by the sources in ``wirebrief.toml``."""
