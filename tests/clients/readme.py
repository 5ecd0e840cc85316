"""The README's client examples, as its "Clients" section shows them."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def readme_block(language: str) -> str:
    """The README's ```language block in its "Clients" section."""
    text = (ROOT / "README.md").read_text()
    start = text.index("\n## Clients\n")
    end = text.find("\n## ", start + 1)
    block = re.search(rf"^```{language}\n(.*?)^```$", text[start:end], re.M | re.S)
    assert block, f"the README's Clients section has no {language} block"
    return block[1]
