"""The quiz's pure core: answer types, grading and generated items. No web or database."""
