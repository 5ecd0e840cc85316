"""Learners who come back: abilities per topic, practice chosen item by item, spaced review."""
