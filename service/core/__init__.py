"""The mathematical core: numpy only, no web, database or validation imports."""
