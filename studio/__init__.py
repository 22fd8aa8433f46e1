"""Backend Architect Studio: design backend systems offline and export the design pack."""

__version__ = "0.1.0"
