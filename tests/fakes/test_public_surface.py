"""`hmpps_non_associations_api.testing` has one public surface, its `__init__`: exactly
the names listed here and in docs/testing.md, while every module but the command line and
the pytest plugin is private."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import hmpps_non_associations_api.testing as testing

from tests.conftest import ROOT

DOCUMENTED = {
    # the fakes, their loopback servers and their in-process transports
    "FakeNonAssociationsApi",
    "FakeHmppsAuth",
    "FakeApiServer",
    "FakeAuthServer",
    "FakeTransport",
    "FakeAuthTransport",
    # setting up the fake API
    "Prisoner",
    "NonAssociationRecord",
    "RELEASED_PRISON_ID",
    "TRANSFER_PRISON_ID",
    # tokens and roles
    "mint_token",
    "decode_token",
    "TokenClaims",
    "ALL_ROLES",
    "READ_NON_ASSOCIATIONS",
    "WRITE_NON_ASSOCIATIONS",
    "DELETE_NON_ASSOCIATIONS",
    "REOPEN_NON_ASSOCIATIONS",
    "NON_ASSOCIATIONS_SYNC",
    "SAR_DATA_ACCESS",
    # the fake Auth's system client and request log
    "FAKE_CLIENT_ID",
    "FAKE_CLIENT_SECRET",
    "FakeTokenRequest",
}
PUBLIC_MODULES = {"__main__", "pytest_plugin"}
"""Besides `__init__`: the command line, and the module the pytest11 entry point names."""


def test_all_lists_exactly_the_documented_names() -> None:
    assert len(testing.__all__) == len(set(testing.__all__))
    assert set(testing.__all__) == DOCUMENTED


def test_star_import_gives_exactly_the_documented_names() -> None:
    namespace: dict[str, object] = {}
    exec("from hmpps_non_associations_api.testing import *", namespace)
    assert set(namespace) - {"__builtins__"} == DOCUMENTED


def test_the_package_holds_no_other_public_name() -> None:
    # pytest's assertion rewriting (the package holds a pytest11 plugin) adds names that
    # are not identifiers, such as `@py_builtins`: no import can reach those.
    public = {
        name
        for name, value in vars(testing).items()
        if name.isidentifier()
        and not name.startswith("_")
        and not (isinstance(value, ModuleType) and name in PUBLIC_MODULES)
    }
    assert public == DOCUMENTED


def test_every_other_module_is_private() -> None:
    modules = {module.name for module in pkgutil.iter_modules(testing.__path__)}
    assert {name for name in modules if not name.startswith("_")} == {"pytest_plugin"}
    assert "__main__" in modules
    assert all(not module.ispkg for module in pkgutil.iter_modules(testing.__path__))


def test_each_private_module_lists_what_it_offers_its_siblings() -> None:
    for module in pkgutil.iter_modules(testing.__path__):
        if module.name.startswith("_") and module.name != "__main__":
            imported = importlib.import_module(f"{testing.__name__}.{module.name}")
            assert isinstance(imported.__all__, list), module.name
            for name in imported.__all__:
                assert hasattr(imported, name), (module.name, name)


def test_the_docs_document_every_public_name() -> None:
    """docs/testing.md, once the README's "Testing your application": its opening."""
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    section = page.split("# Testing your application\n", 1)[1].split("\n## ", 1)[0]
    assert "Import everything from `hmpps_non_associations_api.testing` itself" in section
    assert not [name for name in sorted(DOCUMENTED) if f"`{name}`" not in section]
