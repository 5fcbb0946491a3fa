"""Spiders of the wirebrief Scrapy project."""
