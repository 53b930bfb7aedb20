"""markdown-it-py's ``MarkdownIt`` for parsing: its HTML renderer is made on first use.

``MarkdownIt`` makes its renderer when it is made, and markdown-it-py's HTML renderer lists
its own methods with ``inspect.getmembers``: loading ``inspect``, and with it ``ast`` and
``dis``, a tenth of a short run that the command line's process otherwise defers
(console.py). The parser's instances only parse (``parser._markdown``); whatever renders
with one gets markdown-it-py's renderer, made then.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt as _MarkdownIt


def _not_yet(md: _MarkdownIt) -> None:
    return None


class MarkdownIt(_MarkdownIt):
    def __init__(self, config: Any = "commonmark", options_update: Any = None) -> None:
        super().__init__(config, options_update, renderer_cls=_not_yet)  # type: ignore[arg-type]

    @property
    def renderer(self) -> Any:  # type: ignore[override]
        renderer = self.__dict__.get("_renderer")
        if renderer is None:
            from markdown_it.renderer import RendererHTML

            renderer = self.__dict__["_renderer"] = RendererHTML(self)
        return renderer

    @renderer.setter
    def renderer(self, value: Any) -> None:
        self.__dict__["_renderer"] = value

    def __getitem__(self, name: str) -> Any:
        # markdown-it-py's own builds a dict of all four parts (the renderer too) per call.
        if name in ("inline", "block", "core", "renderer"):
            return getattr(self, name)
        raise KeyError(name)
