"""How ``storyline <command> --help`` reads: the usage line and arguments as people write them.

Typer's own layout shows a required argument as ``{paths}...`` and its Python type
(``<list[str]>``) beside it. :class:`Command` prints ``PATH...`` and the help text instead, using
only Click's public help API so it holds across Typer versions. The CLI runs Typer with Rich markup
off (``rich_markup_mode=None``): help text is printed as written, so ``pip install
'storyline[web]'`` keeps its brackets and on/off flags show as ``--json`` or ``--cache / --no-cache``
rather than ``<bool>``.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand


def examples(*lines: str) -> str:
    """A command's epilog: example command lines, kept as written (``\\b`` stops Click rewrapping)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def _shown_name(param: Any) -> str:
    return param.metavar or (param.name or "").upper()


class Command(TyperCommand):
    """A Typer command whose usage line and Arguments section use each argument's metavar."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if p.param_type_name == "argument":
                pieces.append(_shown_name(p) if p.required else f"[{_shown_name(p)}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        args = [(_shown_name(p), getattr(p, "help", None) or "") for p in params if p.param_type_name == "argument"]
        opts = [rec for p in params if p.param_type_name == "option" and (rec := p.get_help_record(ctx))]
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)
