"""Errors and names the command line needs before anything heavy is imported."""

DEFAULT_CONFIG = "wirebrief.toml"


class ConfigError(Exception):
    """A config file that cannot be used; the message is meant for the user as is."""
