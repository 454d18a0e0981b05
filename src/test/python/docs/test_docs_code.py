"""Every Python block of the README and docs/ compiles, so a copied snippet is at least valid Python."""

from __future__ import annotations

import re

import pytest

from exo_testing import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def blocks():
    for page in PAGES:
        for number, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            yield pytest.param(match.group(1), id=f"{page.name}-{number}")


@pytest.mark.parametrize("code", list(blocks()))
def test_python_block_compiles(code):
    compile(code, "<docs>", "exec")


def test_the_docs_have_python_blocks():
    assert len(list(blocks())) >= 5
