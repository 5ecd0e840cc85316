"""Regenerate the typed clients from the service's OpenAPI document (`make clients`).

The document comes from the app factory, so no server is needed. It is written to
clients/openapi.json; openapi-typescript turns it into clients/ts/src/schema.ts and
openapi-python-client into the package in clients/python, whose examples/ are kept.

    python scripts/generate_clients.py              # rewrite the files under clients/
    python scripts/generate_clients.py --into DIR   # write the same files under DIR instead

The second form is how the tests check that the committed clients are current. Only files
whose content changes are written, so an unchanged client keeps its files' times (and the
Makefile does not reinstall it).
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from service.app import create_app
from service.settings import Settings
from service.state import of_app

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
OPENAPI_TYPESCRIPT = CLIENTS / "ts" / "node_modules" / ".bin" / "openapi-typescript"

# Fields with defaults stay optional in request bodies (by default the generator makes every
# field that has a default required, which suits responses only).
TYPESCRIPT_OPTIONS = ["--default-non-nullable=false"]
_RUFF = f"{shlex.quote(sys.executable)} -m ruff"
PYTHON_CONFIG = {
    "project_name_override": "relu-service-client",
    "package_name_override": "relu_service_client",
    # Enumerations as Literal types: reveal="never", not QuizCreateReveal.NEVER.
    "literal_enums": True,
    # The generator's own clean-up, with this environment's ruff.
    "post_hooks": [f"{_RUFF} check --fix-only .", f"{_RUFF} format ."],
}
# In clients/python, what the generator does not write: the examples, written by hand, and
# what builds and tools leave behind.
HAND_WRITTEN = {"examples"}
LEFTOVERS = {"__pycache__", ".ruff_cache", ".pdm-build"}


class Defaults(Settings):
    """The settings' defaults, whatever the environment says: the document is the code's."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def document() -> dict[str, Any]:
    """The document of a default deployment (exam mode would leave the calculator routes out)."""
    app = create_app(Defaults(database_url="sqlite://"))
    try:
        return app.openapi()
    finally:
        of_app(app).database.dispose()


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def put(path: Path, content: bytes) -> bool:
    """Write content unless the file holds it already; whether it was written."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def generated_files(directory: Path) -> dict[Path, Path]:
    """The generator's files under directory, by their path relative to it."""
    return {
        path.relative_to(directory): path
        for path in sorted(directory.rglob("*"))
        if path.is_file()
        and path.relative_to(directory).parts[0] not in HAND_WRITTEN
        and not LEFTOVERS.intersection(path.relative_to(directory).parts)
    }


def mirror(source: Path, target: Path) -> None:
    """Make target's generated files those under source: new and changed ones written, the
    ones the generator no longer writes removed; examples and leftovers left alone."""
    wanted = generated_files(source)
    written = sum(put(target / name, path.read_bytes()) for name, path in wanted.items())
    stale = generated_files(target).keys() - wanted.keys()
    for name in stale:
        (target / name).unlink()
    for directory in sorted(target.rglob("*"), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    print(f"{shown(target)}: {written} files written, {len(stale)} removed, {len(wanted)} in all")


def run(command: list[str | Path], cwd: Path) -> str:
    """Run a generator; its output when it succeeds, all of it shown when it fails."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{shlex.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def warnings(output: str) -> list[str]:
    """openapi-python-client's warnings, one line each (it prints each with the schema it
    could not use, which can run to pages)."""
    lines = [line.strip() for line in output.splitlines()]
    return [
        f"{line.rstrip('.')}: {next((reason for reason in lines[i + 1 :] if reason), '')}"
        for i, line in enumerate(lines)
        if line.startswith("WARNING")
    ]


def typescript(spec: Path, out: Path) -> None:
    if not OPENAPI_TYPESCRIPT.exists():
        raise SystemExit(
            f"{OPENAPI_TYPESCRIPT} is missing: run `npm ci --prefix clients/ts` "
            "(`make clients` does)"
        )
    with tempfile.TemporaryDirectory() as scratch:
        generated = Path(scratch) / out.name
        run([OPENAPI_TYPESCRIPT, spec, "-o", generated, *TYPESCRIPT_OPTIONS], cwd=ROOT)
        written = put(out, generated.read_bytes())
    print(f"{shown(out)}: {'written' if written else 'unchanged'}")


def python(spec: Path, out: Path) -> None:
    # The generator deletes its output directory first: it writes into a scratch one.
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "config.json"
        config.write_text(json.dumps(PYTHON_CONFIG))
        generated = Path(scratch) / "client"
        output = run(
            [
                *(sys.executable, "-m", "openapi_python_client", "generate"),
                *("--path", spec, "--config", config, "--meta", "pdm"),
                *("--output-path", generated),
            ],
            cwd=Path(scratch),
        )
        for warning in warnings(output):
            print(f"openapi-python-client: {warning}")
        mirror(generated, out)


def generate(into: Path) -> None:
    spec = into / "openapi.json"
    text = json.dumps(document(), indent=2, ensure_ascii=False) + "\n"
    print(f"{shown(spec)}: {'written' if put(spec, text.encode()) else 'unchanged'}")
    typescript(spec, into / "ts" / "src" / "schema.ts")
    python(spec, into / "python")


def main() -> None:
    parser = argparse.ArgumentParser(description="Regenerate the typed clients.")
    parser.add_argument(
        "--into",
        type=Path,
        default=CLIENTS,
        help="the directory to write openapi.json, ts/src/schema.ts and python/ under "
        "(default: clients)",
    )
    generate(parser.parse_args().into.resolve())


if __name__ == "__main__":
    main()
