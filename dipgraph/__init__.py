"""dipgraph: a knowledge graph of diplomatic relations built from news."""

__version__ = "0.1.0"
