"""Editors of the design document's sections, built from one table editor and one form binder."""
