"""The built-in demo wire site: original stories served on 127.0.0.1 for the demo and tests."""
