"""Rule files -> `Rule` objects, validated against the schema in rule_schema.json.

One rule per YAML file. Every mistake in a rule file is reported as `rules/NAME.yaml:LINE: what
is wrong` (CheckerError, exit 2): YAML syntax, unknown keys, wrong types, unknown check kinds.
Line numbers come from yaml.compose's node marks, so the error points at the offending key.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from checker.errors import CheckerError

SCHEMA_PATH = Path(__file__).with_name("rule_schema.json")
SEVERITIES = ("error", "warning", "info")
ALIASES_FILE = "aliases.yaml"


@dataclass
class Example:
    name: str
    sources: dict[str, dict[str, Any]]  # file name -> {"text": str, "published": str | None}
    expect: str  # flag | pass
    line: int = 0


@dataclass
class Rule:
    id: str
    check: str
    description: str
    severity: str
    message: str
    applies_to: dict[str, Any] = field(default_factory=dict)
    align: dict[str, Any] = field(default_factory=dict)
    tolerance: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    path: str = ""  # as shown in messages: rules/NAME.yaml
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)  # key path -> line

    def line(self, *at) -> int:
        return line_of(self.lines, at)

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


def display_path(path: Path | str) -> str:
    """A rule file's name for messages: relative to the working folder when it is inside it,
    else `<folder>/<file>`; never an absolute path."""
    p = Path(path)
    if not p.is_absolute():
        return str(p).replace(os.sep, "/")
    try:
        rel = os.path.relpath(p)
    except ValueError:
        rel = ".."
    if not rel.startswith(".."):
        return rel.replace(os.sep, "/")
    return f"{p.parent.name}/{p.name}"


# ---------------------------------------------------------------- YAML with line numbers

def read_yaml(path: Path | str) -> tuple[Any, dict[tuple, int]]:
    """(data, lines): `lines` maps a key path such as ("examples", 0, "expect") to its line."""
    where = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{where}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        started = getattr(exc, "context_mark", None)
        if context and started and started.line + 1 != line:
            context += f" started on line {started.line + 1}"
        raise CheckerError(f"{where}:{line}: YAML syntax error: {what}"
                           + (f" ({context})" if context else "")) from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return data, lines


def _record_lines(node: yaml.Node, at: tuple, lines: dict[tuple, int]) -> None:
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else str(key.value)
            lines[at + (k,)] = key.start_mark.line + 1
            _record_lines(value, at + (k,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, at + (i,), lines)


def line_of(lines: dict[tuple, int], at: tuple) -> int:
    """The line of the deepest recorded key on the way to `at`."""
    at = tuple(at)
    while at and at not in lines:
        at = at[:-1]
    return lines.get(at, 1)


# ---------------------------------------------------------------- rules

_SCHEMA: dict | None = None


def schema() -> dict:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return _SCHEMA


def load_rule(path: Path | str, check_kinds: set[str] | None = None) -> Rule:
    """One rule file, validated; CheckerError `rules/NAME.yaml:LINE: ...` when it is broken."""
    where = display_path(path)
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise CheckerError(f"{where}:1: a rule file must be a mapping of keys (id, check, ...)")
    data = _plain(data)
    validator = jsonschema.Draft7Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (line_of(lines, e.absolute_path),
                                                                 list(map(str, e.absolute_path))))
    if errors:
        err = errors[0]
        raise CheckerError(f"{where}:{_error_line(err, lines)}: {_describe(err)}")
    if check_kinds is not None and data["check"] not in check_kinds:
        raise CheckerError(f"{where}:{line_of(lines, ('check',))}: unknown check kind "
                           f"{data['check']!r} (known: {', '.join(sorted(check_kinds))})")
    stem = Path(path).stem
    if data["id"] != stem:
        raise CheckerError(f"{where}:{line_of(lines, ('id',))}: id {data['id']!r} must match "
                           f"the file name ({stem!r})")
    examples = []
    for i, ex in enumerate(data.get("examples", [])):
        sources = {}
        for name, spec in ex["sources"].items():
            if isinstance(spec, str):
                spec = {"text": spec}
            sources[str(name)] = {"text": spec["text"], "published": spec.get("published")}
        examples.append(Example(name=ex["name"], sources=sources, expect=ex["expect"],
                                line=line_of(lines, ("examples", i))))
    names = [e.name for e in examples]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise CheckerError(f"{where}:{line_of(lines, ('examples', i, 'name'))}: "
                               f"example name {name!r} is used twice")
    return Rule(id=data["id"], check=data["check"], description=data["description"].strip(),
                severity=data["severity"], message=data["message"].strip(),
                applies_to=data.get("applies_to") or {}, align=data.get("align") or {},
                tolerance=data.get("tolerance") or {}, params=data.get("params") or {},
                examples=examples, path=where, lines=lines)


def _plain(value: Any) -> Any:
    """YAML reads `published: 2023-09-24` as a date; rules keep it as ISO text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _error_line(err: jsonschema.ValidationError, lines: dict[tuple, int]) -> int:
    at = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set(err.schema.get("properties", {}))
        extra = sorted(k for k in err.instance if k not in allowed)
        if extra:
            return line_of(lines, at + (extra[0],))
    return line_of(lines, at)


def _describe(err: jsonschema.ValidationError) -> str:
    at = ".".join(str(p) for p in err.absolute_path)
    where = f"{at}: " if at else ""
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(str(k) for k in err.instance if k not in allowed)
        return f"{where}unknown key {extra[0]!r} (allowed: {', '.join(allowed)})"
    if err.validator == "required":
        return f"{where}{err.message.replace('is a required property', 'is required')}"
    if err.validator == "type":
        return f"{where}must be {_a(err.validator_value)}, not {_a(type(err.instance).__name__)}"
    if err.validator == "enum":
        return f"{where}{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    return f"{where}{err.message}"


def _a(kind: Any) -> str:
    names = {"string": "a string", "str": "a string", "number": "a number", "integer": "an integer",
             "int": "an integer", "float": "a number", "array": "a list", "list": "a list",
             "object": "a mapping", "dict": "a mapping", "boolean": "true or false",
             "bool": "true or false", "NoneType": "empty", "null": "empty"}
    if isinstance(kind, list):
        return " or ".join(_a(k) for k in kind)
    return names.get(kind, str(kind))


def load_rules(rules_dir: Path | str, check_kinds: set[str] | None = None) -> list[Rule]:
    """Every *.yaml / *.yml rule in `rules_dir` (aliases.yaml excepted), sorted by id."""
    folder = Path(rules_dir)
    if not folder.is_dir():
        raise CheckerError(f"{display_path(folder)}: rules folder not found")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    rules = [load_rule(p, check_kinds) for p in files if p.name != ALIASES_FILE]
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise CheckerError(f"{r.path}:1: rule id {r.id!r} is also used by {seen[r.id]}")
        seen[r.id] = r.path
    return sorted(rules, key=lambda r: r.id)
