"""The Scrapy settings every crawl shares; wirebrief/crawl_settings.py adds those the
config decides (politeness, limits), as plain values."""

from __future__ import annotations

import os
from typing import Any

from scrapy.settings import default_settings

# Components left out of Scrapy's base lists, so they are never imported or run.
# Those switched off by the settings below (cookies, HTTP cache, meta refresh; telnet,
# remote control, memory usage) would still be imported: Scrapy imports a component before
# it declines, and imports every key of DOWNLOADER_MIDDLEWARES or EXTENSIONS, None ones
# too, to match it against the base. Those imports (aiohttp, tldextract with requests)
# were more than a tenth of a second of every crawl's start-up. The others have nothing
# to do for this spider, and each is a layer every request or response passes through
# (together 6% of a local crawl's CPU): it sets no allowed_domains (the spider checks
# sources' domains itself), no HTTP credentials and no depth limit, and nothing reads
# Scrapy's download statistics or needs its meta-copying warning.
DISABLED_COMPONENTS = (
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware",
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware",
    "scrapy.extensions.telnet.TelnetConsole",
    "scrapy.extensions.remote_control.RemoteControl",
    "scrapy.extensions.memusage.MemoryUsage",
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware",
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware",
    "scrapy.downloadermiddlewares.stats.DownloaderStats",
    "scrapy.spidermiddlewares.depth.DepthMiddleware",
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware",
)


def _without_disabled(base: dict[str, int]) -> dict[str, int]:
    return {path: order for path, order in base.items() if path not in DISABLED_COMPONENTS}


BASE_SETTINGS: dict[str, Any] = {
    "BOT_NAME": "wirebrief",
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    # Scrapy's remote control serves an HTTP endpoint that runs any Python code sent to
    # it (with a token): nothing a scheduled crawler should expose.
    "REMOTE_CONTROL_ENABLED": False,
    "LOG_LEVEL": os.environ.get("WIREBRIEF_SCRAPY_LOG", "WARNING"),
    "RETRY_ENABLED": True,
    "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
    "HTTPCACHE_ENABLED": False,
    "ITEM_PIPELINES": {"scraper.pipelines.StorePipeline": 300},
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "scraper.middlewares.BackoffRetryMiddleware": 550,
    },
    "DOWNLOADER_MIDDLEWARES_BASE": _without_disabled(
        default_settings.DOWNLOADER_MIDDLEWARES_BASE),
    "EXTENSIONS_BASE": _without_disabled(default_settings.EXTENSIONS_BASE),
    "SPIDER_MIDDLEWARES_BASE": _without_disabled(default_settings.SPIDER_MIDDLEWARES_BASE),
    "RETRY_BACKOFF_BASE": 1.0,
    "RETRY_BACKOFF_MAX": 60.0,
    "DNS_TIMEOUT": 10,
    # Article text that talks about <meta http-equiv=refresh> must not redirect the crawl
    # (w3lib reads it after unescaping); canonical and HTTP redirects are enough.
    "METAREFRESH_ENABLED": False,
    # Each response yields at most two items; Scrapy's default of 100 makes the asyncio
    # reactor start 100 tasks per response, which costs more than the crawl itself.
    "CONCURRENT_ITEMS": 4,
    "MEMUSAGE_ENABLED": False,
}
