"""Keeping the translation catalogues (ui/i18n/outpost_<lang>.ts) in step with the code.

Qt's `pyside6-lupdate` does not see our short `_tr("…")` helpers, so the messages are
extracted here, with Python's own parser, following the three ways ui/ asks for a
translation:

- `self.tr("…")` inside a class: the context is the class name (PySide6 looks the message
  up under the class of the object, then its bases);
- `QCoreApplication.translate("Context", "…")`;
- `_tr("…")`, where the module defines `def _tr(text): return
  QCoreApplication.translate("Context", text)`: the context is that literal.

    python -m ui.i18n_catalogue            # refresh every language's .ts, compile with lrelease
    python -m ui.i18n_catalogue --check    # fail if a message is new or untranslated

Every language in `LANGUAGES` (French, Swahili) is refreshed and compiled by the one command,
which then lists, per language, the messages still to translate and any translation whose
placeholders ({name}, %1) differ from the English. Existing translations are kept; new
messages are added as unfinished; messages no longer in the code are marked vanished (kept,
in case the text comes back). Qt's own words for a language Qt does not ship (qtbase_sw.ts:
standard buttons, the text fields' menu) are kept by hand beside them and compiled too.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

UI_DIR = Path(__file__).parent
CATALOGUES = UI_DIR / "i18n"
LANGUAGES = ("fr", "sw")


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module's `_tr` helper, if it has one."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _is_translate(inner) and inner.args:
                    return _literal(inner.args[0])
    return None


def _is_translate(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and (
            isinstance(func.value, ast.Name)
            and func.value.id in ("QCoreApplication", "QApplication")
        )
    )


class _Collector(ast.NodeVisitor):
    def __init__(self, filename: str, helper_context: str | None) -> None:
        self.filename = filename
        self.helper_context = helper_context
        self.classes: list[str] = []
        self.found: list[tuple[str, str, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if _is_translate(node) and len(node.args) >= 2:
            context, source = _literal(node.args[0]), _literal(node.args[1])
            if context and source:
                self.found.append((context, source, node.lineno))
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
            and node.args
            and self.classes
        ):
            source = _literal(node.args[0])
            if source:
                self.found.append((self.classes[-1], source, node.lineno))
        elif isinstance(func, ast.Name) and func.id == "_tr" and node.args and self.helper_context:
            source = _literal(node.args[0])
            if source:
                self.found.append((self.helper_context, source, node.lineno))
        self.generic_visit(node)


def extract(ui_dir: Path = UI_DIR) -> dict[tuple[str, str], Message]:
    messages: dict[tuple[str, str], Message] = {}
    for path in sorted(ui_dir.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        collector = _Collector(path.relative_to(ui_dir.parent).as_posix(), _helper_context(tree))
        collector.visit(tree)
        for context, source, line in collector.found:
            message = messages.setdefault((context, source), Message(context, source))
            message.locations.append((collector.filename, line))
    return messages


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Finished translations in a .ts file: (context, source) → translation."""
    if not path.exists():
        return {}
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            out[(name, source)] = translation.text or ""
    return out


def write_ts(
    path: Path,
    language: str,
    messages: dict[tuple[str, str], Message],
    translations: dict[tuple[str, str], str],
) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for message in messages.values():
        by_context.setdefault(message.context, []).append(message)
    vanished = {key: text for key, text in translations.items() if key not in messages}
    for key in vanished:
        by_context.setdefault(key[0], [])
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for message in sorted(by_context[context_name], key=lambda m: m.locations[0]):
            node = ET.SubElement(context, "message")
            for filename, line in message.locations:
                ET.SubElement(node, "location", filename="../../" + filename, line=str(line))
            ET.SubElement(node, "source").text = message.source
            translated = translations.get((message.context, message.source))
            target = ET.SubElement(node, "translation")
            if translated is None:
                target.set("type", "unfinished")
            else:
                target.text = translated
        for (ctx, source), text in sorted(vanished.items()):
            if ctx != context_name:
                continue
            node = ET.SubElement(context, "message")
            ET.SubElement(node, "source").text = source
            ET.SubElement(node, "translation", type="vanished").text = text
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def missing(language: str) -> list[tuple[str, str]]:
    """Messages in the code that have no finished translation in the catalogue."""
    translations = read_ts(CATALOGUES / f"outpost_{language}.ts")
    return sorted(key for key in extract() if key not in translations)


def placeholders(text: str) -> list[str]:
    """The parts of a message a translation must keep: {name} fields and Qt's %1, %n."""
    return sorted(re.findall(r"\{\w*\}|%(?:\d+|n)", text))


def mismatched(language: str) -> list[tuple[str, str]]:
    """Translated messages whose placeholders differ from the English source."""
    translations = read_ts(CATALOGUES / f"outpost_{language}.ts")
    return sorted(
        key for key, text in translations.items() if placeholders(text) != placeholders(key[1])
    )


def hand_kept(language: str) -> list[Path]:
    """Catalogues of Qt's own words kept by hand for `language` (e.g. qtbase_sw.ts)."""
    return sorted(CATALOGUES.glob(f"qtbase_{language}.ts"))


def lrelease() -> str | None:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease")


def compile_ts(tool: str, ts: Path) -> None:
    subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def report(languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Print what each language still lacks; True when every language is complete."""
    complete = True
    for lang in languages:
        for context, source in missing(lang):
            print(f"{lang}: untranslated [{context}] {source!r}")
            complete = False
        for context, source in mismatched(lang):
            print(f"{lang}: placeholders differ [{context}] {source!r}")
            complete = False
    return complete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if incomplete")
    args = parser.parse_args(argv)
    if args.check:
        return 0 if report() else 1
    messages = extract()
    tool = lrelease()
    if tool is None:
        print("pyside6-lrelease not found: the .ts files are refreshed but not compiled")
    for lang in LANGUAGES:
        ts = CATALOGUES / f"outpost_{lang}.ts"
        write_ts(ts, lang, messages, read_ts(ts))
        if tool:
            for catalogue in (ts, *hand_kept(lang)):
                compile_ts(tool, catalogue)
    report()
    print(
        f"{len(messages)} messages; untranslated: "
        + ", ".join(f"{lang} {len(missing(lang))}" for lang in LANGUAGES)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
