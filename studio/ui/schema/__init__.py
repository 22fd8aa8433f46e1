"""The schema editor: the table list, the column grid, the table editor dock and its edits."""
