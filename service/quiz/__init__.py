"""The quiz: interview items on continuity and differentiability, graded on the server."""
